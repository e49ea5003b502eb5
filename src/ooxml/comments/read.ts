import { isPlanstodComment } from "../../core/review";
import { descendantsW, elementChildren, isW, wAttr, type XmlDocument, type XmlElement } from "../xml/dom";
import { W14, W15, W16CEX, W16CID } from "./comment-parts";

/** The comments of a package as Word stores them, with their threads. Pure: works on parsed parts. */

export interface CommentParts {
  comments: XmlDocument | null;
  extended: XmlDocument | null;
  ids: XmlDocument | null;
  extensible: XmlDocument | null;
}

export interface ExistingComment {
  /** w:id, unique among the comments, used by the anchors in the document. */
  id: string;
  el: XmlElement;
  author: string;
  /** The comment's text, paragraphs joined with a line break. */
  text: string;
  /** w14:paraId of the comment's last paragraph: how the other parts name the comment. */
  paraId: string | null;
  /** The paraId of the comment this one replies to (commentsExtended), if any. */
  parentParaId: string | null;
  done: boolean;
  durableId: string | null;
}

export const attrNS = (el: XmlElement, ns: string, name: string): string | null =>
  el.hasAttributeNS(ns, name) ? el.getAttributeNS(ns, name) : null;

/** The entries of a w15/w16 part by their key attribute. */
function entries(
  doc: XmlDocument | null,
  ns: string,
  local: string,
  keyAttr: string,
): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  if (!doc?.documentElement) return out;
  for (const el of elementChildren(doc.documentElement)) {
    if (el.localName !== local || el.namespaceURI !== ns) continue;
    const key = attrNS(el, ns, keyAttr);
    if (key) out.set(key.toUpperCase(), el);
  }
  return out;
}

export const extendedEntries = (parts: CommentParts) => entries(parts.extended, W15, "commentEx", "paraId");
export const idEntries = (parts: CommentParts) => entries(parts.ids, W16CID, "commentId", "paraId");
export const extensibleEntries = (parts: CommentParts) =>
  entries(parts.extensible, W16CEX, "commentExtensible", "durableId");

export function readComments(parts: CommentParts): ExistingComment[] {
  const root = parts.comments?.documentElement;
  if (!root) return [];
  const extended = extendedEntries(parts);
  const ids = idEntries(parts);
  return elementChildren(root)
    .filter((el) => isW(el, "comment"))
    .map((el) => {
      const paragraphs = descendantsW(el, "p");
      const last = paragraphs[paragraphs.length - 1];
      const paraId = last ? (attrNS(last, W14, "paraId")?.toUpperCase() ?? null) : null;
      const ex = paraId ? extended.get(paraId) : undefined;
      const cid = paraId ? ids.get(paraId) : undefined;
      const text = paragraphs
        .map((p) =>
          descendantsW(p, "t")
            .map((t) => t.textContent ?? "")
            .join(""),
        )
        .join("\n");
      const done = ex ? attrNS(ex, W15, "done") : null;
      return {
        id: wAttr(el, "id") ?? "",
        el,
        author: wAttr(el, "author") ?? "",
        text,
        paraId,
        parentParaId: ex ? (attrNS(ex, W15, "paraIdParent")?.toUpperCase() ?? null) : null,
        done: done === "1" || done === "true",
        durableId: cid ? (attrNS(cid, W16CID, "durableId")?.toUpperCase() ?? null) : null,
      };
    });
}

/** Planstöd's comments: top-level comments whose text starts with the prefix. */
export const isOwn = (c: ExistingComment): boolean => c.parentParaId === null && isPlanstodComment(c.text);

export interface Threads {
  /** Planstöd's comments nobody answered or resolved: replaced on every run. */
  replace: ExistingComment[];
  /** Planstöd's comments a person replied to or marked done: kept with their replies, never duplicated. */
  keep: ExistingComment[];
  /** Everyone else's comments and replies: never touched. */
  others: ExistingComment[];
}

export function threadsOf(comments: readonly ExistingComment[]): Threads {
  const own = comments.filter(isOwn);
  const answered = new Set(comments.map((c) => c.parentParaId).filter((p): p is string => p !== null));
  const keep = own.filter((c) => c.done || (c.paraId !== null && answered.has(c.paraId)));
  const replace = own.filter((c) => !keep.includes(c));
  return { replace, keep, others: comments.filter((c) => !isOwn(c)) };
}
