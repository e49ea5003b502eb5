import { evaluate } from "../core/evaluate";
import { PlanstodError } from "../core/messages";
import type { Report, TemplateDef } from "../core/types";
import { analyse, couldBeTemplate, forcedTemplate, readParts, type ReadDocument } from "./read/recognise";
import { applyEdit, type BlockOperation } from "./edit/apply";
import { DocxPackage } from "./package/docx-package";
import { keepsUserText } from "./xml/verify-text";
import { writesSameTree } from "./xml/verify-serialized";
import { defaultXmlDom, serializeXml } from "./xml/dom";
import { xmldom } from "./xml/xmldom-host";

// Node hosts (the command line, tests) read .docx files with @xmldom/xmldom unless they chose otherwise.
defaultXmlDom(xmldom);

/**
 * The .docx entry points (the command line's): open a package, check it, edit it. The task pane
 * reads Word's flat OPC instead (src/office/), so JSZip stays out of its bundle.
 */

const HEADER_REL = "/relationships/header";

/**
 * Refuses, before any DOM is built, a document whose text cannot be a known template: the main
 * part and its headers are only scanned (an unrelated large document is answered at once).
 * Documents whose controls carry tags go on to full recognition.
 */
async function quickRecognition(pkg: DocxPackage): Promise<void> {
  const paths = [pkg.mainPart];
  for (const rel of await pkg.relationships(pkg.mainPart))
    if (rel.type.endsWith(HEADER_REL)) paths.push(rel.target);
  // The first paragraphs first: a template's labels are among them, and a look that finds enough
  // there would find enough in the whole (more text only finds more). Only when they do not is
  // the whole text looked at.
  for (const most of [QUICK_PARAGRAPHS, Infinity]) {
    const paragraphs: string[] = [];
    let truncated = false;
    for (const path of paths) {
      // Only the text decides here; the element cap applies when the part is parsed (from this scan).
      const scanned = await pkg.scanText(path, most);
      if (scanned === null) continue;
      const { scan } = scanned;
      if (path === pkg.mainPart && scan.root !== "document") throw new PlanstodError("not-word", path);
      if (scan.tags) return;
      for (const p of scan.paragraphs) paragraphs.push(p);
      truncated ||= scan.truncated;
    }
    if (couldBeTemplate(paragraphs)) return;
    if (!truncated) break;
  }
  throw new PlanstodError("unknown-template");
}

/** How many paragraphs of a part the quick look reads first. */
const QUICK_PARAGRAPHS = 400;

/**
 * Opens a .docx and builds its model. Throws PlanstodError for input it cannot read. Without a
 * forced template, a document that cannot be a known template is refused before its model is built.
 */
export async function readDocument(
  bytes: Uint8Array,
  options: { templateId?: string } = {},
): Promise<ReadDocument & { pkg: DocxPackage }> {
  // `--template` is resolved here, once: an unknown id is refused before the file is opened.
  const forced = forcedTemplate(options.templateId);
  const pkg = await DocxPackage.open(bytes);
  if (!forced) await quickRecognition(pkg);
  return { ...(await readParts(pkg)), pkg, forced };
}

/**
 * Checks a .docx for completeness: recognises its template (or uses `templateId`), reads its
 * fields and applies the rules. Throws PlanstodError when the file cannot be checked.
 */
export async function checkDocx(bytes: Uint8Array, options: { templateId?: string } = {}): Promise<Report> {
  return analyse(await readDocument(bytes, options)).report;
}

export interface EditResult {
  /** The new .docx: only the main document part differs from the input. */
  bytes: Uint8Array;
  template: TemplateDef;
  before: Report;
  after: Report;
  index: number;
}

/** Adds or removes a block instance in a .docx. Throws PlanstodError when refused or unsafe. */
export async function editDocx(
  bytes: Uint8Array,
  operation: BlockOperation,
  options: { templateId?: string } = {},
): Promise<EditResult> {
  const read = await readDocument(bytes, options);
  const main = read.pkg.mainPart;
  // The part is rewritten: bytes that were not valid in its encoding would be lost.
  if (read.pkg.invalidParts.has(main)) throw new PlanstodError("bad-encoding", main);
  const original = read.pkg.mainText;
  const edit = await applyEdit(read, operation, analyse(read));
  // The part is written as UTF-8 (JSZip encodes strings so), whatever the input declared.
  const xml = serializeXml(read.doc).replace(/^(<\?xml[^>]*?encoding=)(["'])[^"']*\2/, "$1$2UTF-8$2");
  // Read back independently of the DOM implementation, before anything is written: every
  // character of the original is still there (xml/verify-text.ts), and the text is the very tree the
  // edit was verified on (xml/verify-serialized.ts), so the report of what is written is `after`.
  const written: string[] = [];
  if (writesSameTree(xml, read.doc, written) !== true) throw new PlanstodError("edit-unsafe");
  if (!keepsUserText(original, written, operation.op)) throw new PlanstodError("edit-unsafe");
  read.pkg.zip.file(main, xml, { createFolders: false });
  const out = await read.pkg.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  // The bytes: the package opens, holds the same parts, and its main part inflates to this text.
  const reopened = await DocxPackage.open(out);
  const names = (pkg: DocxPackage) => Object.keys(pkg.zip.files).sort().join("\n");
  if (
    reopened.mainPart !== main ||
    names(reopened) !== names(read.pkg) ||
    (await reopened.readText(main)) !== xml
  )
    throw new PlanstodError("edit-unsafe");
  const after = evaluate(edit.template, edit.afterExtracted);
  return {
    bytes: out,
    template: edit.template,
    before: evaluate(edit.template, edit.extracted),
    after,
    index: edit.index,
  };
}
