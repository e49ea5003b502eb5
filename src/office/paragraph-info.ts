/**
 * What the adapter asks Word of a paragraph that is (or may be) new, and of the content controls
 * around its neighbours (place-added.ts decides from the answers).
 */
import type { AddedInfo, Near } from "./place-added";
import { wordText } from "./word-text";

/** Queues, in `context`, what placing paragraph `p` needs (no round trip until the caller syncs). */
export function queueAddedInfo(p: Word.Paragraph): () => AddedInfo {
  p.load("uniqueLocalId,text,tableNestingLevel");
  const cc = p.parentContentControlOrNullObject;
  cc.load("id");
  const prev = p.getPreviousOrNullObject();
  prev.load("uniqueLocalId,tableNestingLevel");
  const next = p.getNextOrNullObject();
  next.load("uniqueLocalId,tableNestingLevel");
  const near = (n: Word.Paragraph): Near | null =>
    n.isNullObject ? null : { id: n.uniqueLocalId, level: n.tableNestingLevel };
  return () => ({
    id: p.uniqueLocalId,
    text: wordText(p.text),
    level: p.tableNestingLevel,
    cc: cc.isNullObject ? null : cc.id,
    prev: near(prev),
    next: near(next),
  });
}

/**
 * Word's id of the innermost content control (or null) of each paragraph `ids` names, in one
 * round trip.
 */
export async function controlIdsOf(
  context: Word.RequestContext,
  ids: readonly string[],
): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  if (ids.length === 0) return out;
  const controls = ids.map((id) => {
    const cc = context.document.getParagraphByUniqueLocalId(id).parentContentControlOrNullObject;
    cc.load("id");
    return cc;
  });
  await context.sync();
  ids.forEach((id, i) => out.set(id, controls[i].isNullObject ? null : controls[i].id));
  return out;
}
