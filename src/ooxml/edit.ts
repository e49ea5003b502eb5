import { XMLSerializer } from "@xmldom/xmldom";
import { evaluate } from "../core/evaluate";
import { PlanstodError } from "../core/messages";
import { templateById } from "../core/templates";
import type { ExtractedDocument, ExtractedInstance, Report, TemplateDef } from "../core/types";
import { addBlock, removeBlock, type EditTarget } from "./blocks";
import { modelOf, readDocument, recognise, type ReadDocument } from "./document";
import { extract } from "./extract";
import { descendantsW, firstW, wAttr } from "./xml";

export type BlockOperation =
  { op: "add"; type: string; after?: number } | { op: "remove"; type: string; index: number };

export interface EditResult {
  /** The new .docx: only the main document part differs from the input. */
  bytes: Uint8Array;
  template: TemplateDef;
  before: Report;
  after: Report;
  /** 1-based index of the instance added or removed. */
  index: number;
}

const STYLES_REL = "/relationships/styles";

/** The style id of Word's "Placeholder Text" character style (Swedish Word calls it "Platshllartext"). */
async function placeholderStyleId(read: ReadDocument): Promise<string | null> {
  const rels = await read.pkg.relationships(read.pkg.mainPart);
  const styles = rels.find((r) => r.type.endsWith(STYLES_REL));
  const doc = styles ? await read.pkg.readXml(styles.target) : null;
  if (!doc?.documentElement) return null;
  for (const style of descendantsW(doc.documentElement, "style")) {
    const name = firstW(style, "name");
    if (name && wAttr(name, "val")?.toLowerCase() === "placeholder text") return wAttr(style, "styleId");
  }
  return null;
}

const texts = (instance: ExtractedInstance | undefined) =>
  instance ? Object.values(instance).map((f) => `${f.id}=${f.text}`) : [];

/**
 * The safety net of every block operation: the document after it must hold exactly the user's
 * text it held before, with one instance more (all empty) or one less.
 */
function verify(
  before: ExtractedDocument,
  after: ExtractedDocument,
  operation: BlockOperation,
  index: number,
): boolean {
  for (const id of Object.keys(before.fields)) {
    if (before.fields[id].text !== after.fields[id]?.text) return false;
  }
  for (const type of Object.keys(before.blocks)) {
    const old = before.blocks[type];
    const now = after.blocks[type] ?? [];
    if (type !== operation.type) {
      if (JSON.stringify(old.map(texts)) !== JSON.stringify(now.map(texts))) return false;
      continue;
    }
    const expected = [...old];
    if (operation.op === "add") {
      if (now.length !== old.length + 1) return false;
      if (Object.values(now[index - 1] ?? {}).some((f) => f.text !== "")) return false;
      expected.splice(index - 1, 0, now[index - 1]);
    } else {
      if (now.length !== old.length - 1) return false;
      expected.splice(index - 1, 1);
    }
    if (JSON.stringify(expected.map(texts)) !== JSON.stringify(now.map(texts))) return false;
  }
  return true;
}

/** Adds or removes a block instance in a .docx. Throws PlanstodError when refused or unsafe. */
export async function editDocx(
  bytes: Uint8Array,
  operation: BlockOperation,
  options: { templateId?: string } = {},
): Promise<EditResult> {
  const forced = options.templateId !== undefined ? templateById(options.templateId) : undefined;
  if (options.templateId !== undefined && !forced)
    throw new PlanstodError("unknown-template-id", options.templateId);
  const read = await readDocument(bytes);
  const template = forced ?? recognise(read.model);
  if (!template) throw new PlanstodError("unknown-template");
  const extracted = extract(template, read.model, read.placeholders);
  const target: EditTarget = {
    template,
    doc: read.doc,
    body: read.body,
    model: read.model,
    extracted,
    placeholders: read.placeholders,
    placeholderStyle: await placeholderStyleId(read),
  };

  let index: number;
  if (operation.op === "add") {
    index = addBlock(target, operation.type, operation.after, [read.body, ...read.headers]).index;
  } else {
    removeBlock(target, operation.type, operation.index);
    index = operation.index;
  }

  const afterExtracted = extract(template, modelOf(read.body, read.headers), read.placeholders);
  if (!verify(extracted, afterExtracted, operation, index)) throw new PlanstodError("edit-unsafe");

  read.pkg.zip.file(read.pkg.mainPart, new XMLSerializer().serializeToString(read.doc), {
    createFolders: false,
  });
  const out = await read.pkg.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return {
    bytes: out,
    template,
    before: evaluate(template, extracted),
    after: evaluate(template, afterExtracted),
    index,
  };
}
