import { evaluate } from "../core/evaluate";
import { PlanstodError } from "../core/messages";
import type { Report, TemplateDef } from "../core/types";
import { analyse, forcedTemplate, readParts, type ReadDocument } from "./document";
import { applyEdit, type BlockOperation } from "./edit";
import { DocxPackage } from "./package";
import { defaultXmlDom, serializeXml } from "./xml";
import { xmldom } from "./xmldom";

// Node hosts (the command line, tests) read .docx files with @xmldom/xmldom unless they chose otherwise.
defaultXmlDom(xmldom);

/**
 * The .docx entry points (the command line's): open a package, check it, edit it. The task pane
 * reads Word's flat OPC instead (src/office/), so JSZip stays out of its bundle.
 */

/** Opens a .docx and builds its model. Throws PlanstodError for input it cannot read. */
export async function readDocument(bytes: Uint8Array): Promise<ReadDocument & { pkg: DocxPackage }> {
  const pkg = await DocxPackage.open(bytes);
  return { ...(await readParts(pkg)), pkg };
}

/**
 * Checks a .docx for completeness: recognises its template (or uses `templateId`), reads its
 * fields and applies the rules. Throws PlanstodError when the file cannot be checked.
 */
export async function checkDocx(bytes: Uint8Array, options: { templateId?: string } = {}): Promise<Report> {
  forcedTemplate(options.templateId);
  return analyse(await readDocument(bytes), options.templateId).report;
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
  forcedTemplate(options.templateId);
  const read = await readDocument(bytes);
  const edit = await applyEdit(read, operation, analyse(read, options.templateId));
  // The part is written as UTF-8 (JSZip encodes strings so), whatever the input declared.
  const xml = serializeXml(read.doc).replace(/^(<\?xml[^>]*?encoding=)(["'])[^"']*\2/, "$1$2UTF-8$2");
  read.pkg.zip.file(read.pkg.mainPart, xml, { createFolders: false });
  const out = await read.pkg.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  // Check what will be written, not only the DOM it came from.
  const after = evaluate(edit.template, edit.afterExtracted);
  const reread = analyse(await readDocument(out), edit.template.id).report;
  if (JSON.stringify(reread) !== JSON.stringify(after)) throw new PlanstodError("edit-unsafe");
  return {
    bytes: out,
    template: edit.template,
    before: evaluate(edit.template, edit.extracted),
    after,
    index: edit.index,
  };
}
