/**
 * The comment plan: from the review's comments and Planstöd's comments already in the document,
 * what to insert, what to delete and what to keep. One rule for the command line
 * (`check --comments`, index.ts) and the Word adapter (src/office/comments.ts).
 *
 * - A Planstöd comment that a person answered (a reply, or marked done) is kept with its thread
 *   and never deleted; every other Planstöd comment is deleted (it is written anew).
 * - A wanted comment whose text is the same as a kept one's is not inserted again; each kept
 *   comment stands for one wanted comment.
 * - "The same text" is `sameCommentText`: equal after fold() (core/text.ts), which maps the
 *   quotes, dashes and spaces Word or a colleague's client may put in a comment's text
 *   (typographic quotes, non-breaking spaces) to plain ones, and drops invisible characters.
 *   Exact equality would comment an answered item again when only a quote changed.
 */
import { fold } from "../../core/text";

/** The one rule for "the same comment text". */
export const sameCommentText = (a: string, b: string): boolean => fold(a).trim() === fold(b).trim();

/** A Planstöd comment in the document, as the plan needs it. */
export interface OwnComment {
  text: string;
  /** A person replied to it or marked it done. */
  answered: boolean;
}

export interface CommentPlan<W, C> {
  /** Wanted comments to insert, in the review's order. */
  insert: W[];
  /** Planstöd's comments to delete. */
  remove: C[];
  /** Planstöd's answered comments, kept with their threads. */
  keep: C[];
}

export function planComments<W extends { text: string }, C extends OwnComment>(
  wanted: readonly W[],
  own: readonly C[],
): CommentPlan<W, C> {
  const keep = own.filter((c) => c.answered);
  const remove = own.filter((c) => !c.answered);
  const insert = [...wanted];
  for (const kept of keep) {
    const same = insert.findIndex((w) => sameCommentText(w.text, kept.text));
    if (same >= 0) insert.splice(same, 1);
  }
  return { insert, remove, keep };
}
