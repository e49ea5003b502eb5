import {
  descendantsW,
  elementChildren,
  isW,
  wAttr,
  XML_NS,
  type XmlDocument,
  type XmlElement,
} from "../xml/dom";
import {
  attrNS,
  extendedEntries,
  extensibleEntries,
  idEntries,
  type CommentParts,
  type ExistingComment,
} from "./read";
import { W, W14, W15, W16CEX, W16CID } from "../xml/namespaces";

/**
 * Comment edits on parsed parts, as Word makes them: a comment in comments.xml, its thread entry
 * in commentsExtended.xml, its durable id in commentsIds.xml and its UTC date in
 * commentsExtensible.xml; in the document, w:commentRangeStart / w:commentRangeEnd around the
 * anchored paragraph's content and a run holding w:commentReference after it. Pure: DOM only.
 */

export interface NewComment {
  id: string;
  paraId: string;
  durableId: string;
  author: string;
  initials: string;
  /** ISO 8601, seconds, UTC. */
  date: string;
  text: string;
}

/** The namespace of w: in a part (Transitional or Strict), taken from its root. */
export const wNamespace = (doc: XmlDocument): string => doc.documentElement?.namespaceURI ?? W;

function remove(el: XmlElement | undefined | null): void {
  el?.parentNode?.removeChild(el);
}

/** Removes a comment and its entries in the other comment parts. */
export function removeComment(parts: CommentParts, comment: ExistingComment): void {
  remove(comment.el);
  if (comment.paraId) {
    remove(extendedEntries(parts).get(comment.paraId));
    remove(idEntries(parts).get(comment.paraId));
  }
  if (comment.durableId) remove(extensibleEntries(parts).get(comment.durableId));
}

/** Removes the ranges and references of the comments `ids` from a part (the main document). */
export function removeAnchors(root: XmlElement, ids: ReadonlySet<string>): void {
  for (const name of ["commentRangeStart", "commentRangeEnd"]) {
    for (const el of descendantsW(root, name)) if (ids.has(wAttr(el, "id") ?? "")) remove(el);
  }
  for (const ref of descendantsW(root, "commentReference")) {
    if (!ids.has(wAttr(ref, "id") ?? "")) continue;
    const run = ref.parentNode as XmlElement | null;
    // The run Word adds holds only its properties and the reference: remove it whole.
    const onlyReference =
      run !== null && isW(run, "r") && elementChildren(run).every((c) => c === ref || isW(c, "rPr"));
    remove(onlyReference ? run : ref);
  }
}

function wEl(doc: XmlDocument, w: string, name: string, attrs: Record<string, string> = {}): XmlElement {
  const el = doc.createElementNS(w, `w:${name}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttributeNS(w, `w:${k}`, v);
  return el;
}

/** Anchors comment `id` on a paragraph: its whole content is the comment's range. */
export function anchorComment(paragraph: XmlElement, id: string): void {
  const doc = paragraph.ownerDocument;
  if (!doc) return;
  const w = paragraph.namespaceURI ?? wNamespace(doc);
  const start = wEl(doc, w, "commentRangeStart", { id });
  const end = wEl(doc, w, "commentRangeEnd", { id });
  const run = wEl(doc, w, "r");
  const rPr = wEl(doc, w, "rPr");
  rPr.appendChild(wEl(doc, w, "rStyle", { val: "CommentReference" }));
  run.appendChild(rPr);
  run.appendChild(wEl(doc, w, "commentReference", { id }));
  const first = elementChildren(paragraph).find((c) => !isW(c, "pPr")) ?? null;
  paragraph.insertBefore(start, first);
  paragraph.appendChild(end);
  paragraph.appendChild(run);
}

/** Adds a comment (one paragraph of text) and its entries in the other comment parts. */
export function appendComment(
  parts: Required<{ [K in keyof CommentParts]: XmlDocument }>,
  c: NewComment,
): void {
  const doc = parts.comments;
  const root = doc.documentElement;
  if (!root) return;
  const w = wNamespace(doc);
  const comment = wEl(doc, w, "comment", { id: c.id, author: c.author, date: c.date, initials: c.initials });
  const p = wEl(doc, w, "p");
  p.setAttributeNS(W14, "w14:paraId", c.paraId);
  p.setAttributeNS(W14, "w14:textId", "77777777");
  const pPr = wEl(doc, w, "pPr");
  pPr.appendChild(wEl(doc, w, "pStyle", { val: "CommentText" }));
  p.appendChild(pPr);
  const ref = wEl(doc, w, "r");
  const refPr = wEl(doc, w, "rPr");
  refPr.appendChild(wEl(doc, w, "rStyle", { val: "CommentReference" }));
  ref.appendChild(refPr);
  ref.appendChild(wEl(doc, w, "annotationRef"));
  p.appendChild(ref);
  const run = wEl(doc, w, "r");
  const t = wEl(doc, w, "t");
  t.setAttributeNS(XML_NS, "xml:space", "preserve");
  t.appendChild(doc.createTextNode(c.text));
  run.appendChild(t);
  p.appendChild(run);
  comment.appendChild(p);
  root.appendChild(comment);

  const ex = parts.extended.createElementNS(W15, "w15:commentEx");
  ex.setAttributeNS(W15, "w15:paraId", c.paraId);
  ex.setAttributeNS(W15, "w15:done", "0");
  parts.extended.documentElement?.appendChild(ex);
  const cid = parts.ids.createElementNS(W16CID, "w16cid:commentId");
  cid.setAttributeNS(W16CID, "w16cid:paraId", c.paraId);
  cid.setAttributeNS(W16CID, "w16cid:durableId", c.durableId);
  parts.ids.documentElement?.appendChild(cid);
  const cex = parts.extensible.createElementNS(W16CEX, "w16cex:commentExtensible");
  cex.setAttributeNS(W16CEX, "w16cex:durableId", c.durableId);
  cex.setAttributeNS(W16CEX, "w16cex:dateUtc", c.date);
  parts.extensible.documentElement?.appendChild(cex);
}

/** Every w14:paraId and w16cid:durableId already used in some parts (new ones must differ). */
export function usedIds(docs: readonly (XmlDocument | null)[]): {
  paraIds: Set<string>;
  durableIds: Set<string>;
} {
  const paraIds = new Set<string>();
  const durableIds = new Set<string>();
  const walk = (el: XmlElement) => {
    const para = attrNS(el, W14, "paraId") ?? attrNS(el, W15, "paraId") ?? attrNS(el, W16CID, "paraId");
    if (para) paraIds.add(para.toUpperCase());
    const durable = attrNS(el, W16CID, "durableId") ?? attrNS(el, W16CEX, "durableId");
    if (durable) durableIds.add(durable.toUpperCase());
    for (const c of elementChildren(el)) walk(c);
  };
  for (const d of docs) if (d?.documentElement) walk(d.documentElement);
  return { paraIds, durableIds };
}
