import { PlanstodError } from "../../core/messages";
import type { ExtractedDocument, ExtractedInstance, TemplateDef } from "../../core/types";
import { addBlock, removeBlock, type EditTarget } from "./blocks";
import { analyse, modelOf, type Analysis, type ReadDocument } from "../read/recognise";
import { extract } from "../read/extract";
import type { DocModel } from "../read/paragraph-model";
import { sameUserText } from "./user-text";
import { descendantsW, firstW, wAttr, type XmlElement } from "../xml/dom";

export type BlockOperation =
  { op: "add"; type: string; after?: number } | { op: "remove"; type: string; index: number };

/** A block operation applied to a document's DOM (and checked), before anything is written. */
export interface AppliedEdit {
  template: TemplateDef;
  /** The fields before the operation. */
  extracted: ExtractedDocument;
  /** The fields after it. */
  afterExtracted: ExtractedDocument;
  /** The paragraph model after it (of the edited DOM). */
  afterModel: DocModel;
  /** 1-based index of the instance added or removed. */
  index: number;
  /** Add: the elements inserted and the element they follow. */
  inserted: XmlElement[];
  after: XmlElement | null;
  /** Remove: the elements removed (detached). */
  removed: XmlElement[];
}

const STYLES_REL = "/relationships/styles";

/** The style id of Word's "Placeholder Text" character style (Swedish Word calls it "Platshllartext"). */
async function placeholderStyleId(read: ReadDocument): Promise<string | null> {
  const rels = await read.source.relationships(read.source.mainPart);
  const styles = rels.find((r) => r.type.endsWith(STYLES_REL));
  let doc = null;
  try {
    doc = styles ? await read.source.readXml(styles.target) : null;
  } catch (error) {
    // The styles only give the placeholder's look; a damaged or oversized styles part falls
    // back to grey text rather than refusing the edit.
    if (!(error instanceof PlanstodError)) throw error;
  }
  if (!doc?.documentElement) return null;
  for (const style of descendantsW(doc.documentElement, "style")) {
    const name = firstW(style, "name");
    if (name && wAttr(name, "val")?.toLowerCase() === "placeholder text") return wAttr(style, "styleId");
  }
  return null;
}

const texts = (instance: ExtractedInstance | undefined) =>
  instance ? Object.values(instance).map((f) => `${f.id}=${f.text}`) : [];
const same = (a: readonly (ExtractedInstance | undefined)[], b: readonly (ExtractedInstance | undefined)[]) =>
  JSON.stringify(a.map(texts)) === JSON.stringify(b.map(texts));

/**
 * The safety net of every block operation: the document after it must hold exactly the user's
 * text it held before, with one instance more (all empty) or one less.
 */
export function verifyEdit(
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
      if (!same(old, now)) return false;
      continue;
    }
    const expected: (ExtractedInstance | undefined)[] = [...old];
    if (operation.op === "add") {
      const added = now[index - 1];
      if (now.length !== old.length + 1 || !added) return false;
      if (Object.values(added).some((f) => f.text !== "")) return false;
      expected.splice(index - 1, 0, added);
    } else {
      if (now.length !== old.length - 1) return false;
      expected.splice(index - 1, 1);
    }
    if (!same(expected, now)) return false;
  }
  return true;
}

export { sameUserText, userParagraphs } from "./user-text";

/**
 * Applies a block operation to a read document's DOM and checks the result; throws
 * PlanstodError when it is refused or when the check fails (nothing is written then).
 */
export async function applyEdit(
  read: ReadDocument,
  operation: BlockOperation,
  analysis: Analysis = analyse(read),
): Promise<AppliedEdit> {
  const { template, extracted } = analysis;
  const target: EditTarget = {
    template,
    doc: read.doc,
    body: read.body,
    model: read.model,
    extracted,
    placeholders: read.placeholders,
    placeholderStyle: await placeholderStyleId(read),
  };
  let applied: Pick<AppliedEdit, "index" | "inserted" | "after" | "removed">;
  if (operation.op === "add") {
    const res = addBlock(target, operation.type, operation.after, [read.body, ...read.headers]);
    applied = { index: res.index, inserted: res.inserted, after: res.after, removed: [] };
  } else {
    const removed = removeBlock(target, operation.type, operation.index);
    applied = { index: operation.index, inserted: [], after: null, removed };
  }
  const afterModel = modelOf(read.body, read.headers);
  const afterExtracted = extract(template, afterModel, read.placeholders);
  if (!verifyEdit(extracted, afterExtracted, operation, applied.index))
    throw new PlanstodError("edit-unsafe");
  // Beyond the fields: every paragraph of the user's text is still there, and no other is.
  const before = { model: read.model, placeholders: read.placeholders };
  if (!sameUserText(template, before, { ...before, model: afterModel }))
    throw new PlanstodError("edit-unsafe");
  return { template, extracted, afterExtracted, afterModel, ...applied };
}
