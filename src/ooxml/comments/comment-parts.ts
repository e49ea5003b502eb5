/**
 * The parts Word keeps comments in, beside word/document.xml, and their names: comments.xml
 * (the comments), commentsExtended.xml (w15: which comment replies to which, and "done"),
 * commentsIds.xml (w16cid: durable ids) and commentsExtensible.xml (w16cex: UTC dates).
 */

import { W15, W16CEX, W16CID } from "../xml/namespaces";
export { CONTENT_TYPES_NS, MC, RELS_NS, W14, W15, W16CEX, W16CID } from "../xml/namespaces";

export interface CommentPartKind {
  key: "comments" | "extended" | "ids" | "extensible";
  /** Default file name in the main part's folder. */
  file: string;
  relType: string;
  /** The Strict relationship type, where it differs. */
  strictRelType?: string;
  contentType: string;
  /** Root element (namespace, qualified name) of a new part. */
  root: { ns: string; qname: string };
}

export const COMMENT_PARTS: readonly CommentPartKind[] = [
  {
    key: "comments",
    file: "comments.xml",
    relType: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
    strictRelType: "http://purl.oclc.org/ooxml/officeDocument/relationships/comments",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    root: { ns: "", qname: "w:comments" },
  },
  {
    key: "extended",
    file: "commentsExtended.xml",
    relType: "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
    root: { ns: W15, qname: "w15:commentsEx" },
  },
  {
    key: "ids",
    file: "commentsIds.xml",
    relType: "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml",
    root: { ns: W16CID, qname: "w16cid:commentsIds" },
  },
  {
    key: "extensible",
    file: "commentsExtensible.xml",
    relType: "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml",
    root: { ns: W16CEX, qname: "w16cex:commentsExtensible" },
  },
];

/** The author Planstöd writes its comments as (recognition is by the text's prefix, not by this). */
export const PLANSTOD_AUTHOR = "Planstöd";
export const PLANSTOD_INITIALS = "PS";
