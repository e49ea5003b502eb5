/**
 * The review as Word comments (WordApi 1.4), so that it reaches colleagues without Planstöd.
 *
 * One comment per review item (buildReview over the current report), its text commentText():
 * it starts with COMMENT_PREFIX, which is how Planstöd recognises its own comments later (Word
 * sets a comment's author to the signed-in user, so the author cannot tell). The anchor is the
 * command line's (anchorParagraph, src/ooxml/comments/anchors.ts): a field's answer paragraph,
 * or its label when the answer stands inside a content control (typing over a placeholder would
 * take the comment with it) or there is none; a leftover instruction's own paragraph; a block
 * warning at the block's first field; a field in a page header (Word has no comments there) or
 * an item without a target at the body's first paragraph with text.
 *
 * Answered comments, as the command line decides: a Planstöd comment with a reply (Planstöd
 * never writes replies, so a reply is a person's) or marked done (resolved) is kept with its
 * thread and never deleted, so nobody's reply is lost; an item whose comment text equals a kept
 * one is not commented again. Inserting again removes every other Planstöd comment and writes
 * the review anew; removing removes the same ones. A comment whose text does not start with
 * the prefix is a person's and is never touched.
 *
 * Round trips, for any document size: insert 3 (read with the comments' texts; the replies of
 * Planstöd's comments and the anchors' texts; insert and delete), 1 for a complete
 * document without Planstöd comments; remove 3 (the comments' texts; their replies; delete),
 * 1 when there are none of Planstöd's.
 */
import { PlanstodError } from "../core/messages";
import { buildReview, commentText, isPlanstodComment, reviewItems, type ReviewItem } from "../core/review";
import { fold } from "../core/text";
import type { Analysis } from "../ooxml/read/recognise";
import type { DocModel } from "../ooxml/read/paragraph-model";
import type { CommentsResult } from "../taskpane/host";
import { anchorParagraph } from "../ooxml/comments/anchors";
import type { State } from "./word-host";
import { wordText } from "./word-text";
import { matchesParagraph } from "./text-match";

/** What the comment operations need of the adapter. */
export interface CommentHost {
  run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
  /** Queues a full read; the returned function builds the new state (and keeps it) after the sync. */
  queueRead(context: Word.RequestContext): () => Promise<State>;
}

/**
 * Proxies for body paragraphs (model indexes) from one getFirst()/getNext() walk in document
 * order: as many proxies as the last anchor's ordinal, however many comments there are.
 */
function bodyParagraphs(
  context: Word.RequestContext,
  state: State,
  indexes: number[],
): Map<number, Word.Paragraph> {
  const wanted = indexes
    .map((index) => ({ index, ordinal: state.toWord.get(index) }))
    .sort((a, b) => (a.ordinal ?? -1) - (b.ordinal ?? -1));
  const out = new Map<number, Word.Paragraph>();
  if (wanted.length === 0) return out;
  let p = context.document.body.paragraphs.getFirst();
  let at = 0;
  for (const { index, ordinal } of wanted) {
    if (ordinal === undefined) throw new PlanstodError("word", TEXT.changed);
    for (; at < ordinal; at++) p = p.getNext();
    out.set(index, p);
  }
  return out;
}

const TEXT = {
  unknown: "Dokumentet är ingen mall som Planstöd känner igen, så det finns ingen granskning att lägga in.",
  changed: "Dokumentet ändrades medan Planstöd lade in kommentarerna. Försök igen.",
};

/**
 * The model index (a body paragraph) a review item's comment is anchored on: the command line's
 * rule, from the same function (src/ooxml/comments/anchors.ts).
 */
export function commentAnchor(analysis: Analysis, model: DocModel, item: ReviewItem): number {
  return anchorParagraph(analysis, model, item.target)?.index ?? 0;
}

/** The comments a review becomes: text and anchor, in document order of the review. */
export function reviewComments(analysis: Analysis, model: DocModel): { text: string; anchor: number }[] {
  const review = buildReview(analysis.template, analysis.report);
  return reviewItems(review).map((item) => ({
    text: commentText(analysis.template, item),
    anchor: commentAnchor(analysis, model, item),
  }));
}

const sameComment = (a: string, b: string) => fold(a) === fold(b);

/** Planstöd's unresolved comments among `comments`, each with its replies queued for loading. */
function queueReplies(
  comments: Word.CommentCollection,
): { comment: Word.Comment; replies: Word.CommentReplyCollection }[] {
  return comments.items
    .filter((c) => isPlanstodComment(c.content) && !c.resolved)
    .map((comment) => {
      const replies = comment.replies;
      replies.load("items/id");
      return { comment, replies };
    });
}

export async function insertReviewComments(host: CommentHost): Promise<CommentsResult> {
  return host.run(async (context) => {
    // 1: the document and the comments' texts.
    const build = host.queueRead(context);
    const comments = context.document.body.getComments();
    comments.load("items/id,items/content,items/resolved");
    await context.sync();
    const state = await build();
    const analysis = state.analysis;
    if (!analysis) throw new PlanstodError("word", TEXT.unknown);
    const wanted = reviewComments(analysis, state.read.model);

    // 2: the replies under Planstöd's comments, and Word's text of every anchor.
    const ours = queueReplies(comments);
    const proxy = bodyParagraphs(context, state, [...new Set(wanted.map((w) => w.anchor))]);
    const anchors = [...proxy].map(([index, p]) => ({ index, p: p.load("text") }));
    if (ours.length === 0 && anchors.length === 0) return { inserted: 0, removed: 0 };
    await context.sync();
    // Word's text now against Word's text at the read (not the model's: tracked deletions shown
    // in Word's text would differ from it without any change).
    for (const { index, p } of anchors) {
      const now = wordText(p.text);
      if (
        now !== state.wordTexts[state.toWord.get(index) ?? -1] &&
        !matchesParagraph(now, state.read.model.paragraphs[index])
      )
        throw new PlanstodError("word", TEXT.changed);
    }

    // 3: answered threads stay and their items are not commented again; the rest of Planstöd's
    // comments go; every other item gets a comment. The new comments are queued first: if Word
    // refuses one, the batch stops there and the old ones are still in place (running it again
    // cleans up).
    const answered = comments.items.filter(
      (c) =>
        isPlanstodComment(c.content) &&
        (c.resolved || ours.some((o) => o.comment === c && o.replies.items.length > 0)),
    );
    const open = [...wanted];
    for (const kept of answered) {
      const same = open.findIndex((w) => sameComment(w.text, kept.content));
      if (same >= 0) open.splice(same, 1);
    }
    const drop = ours.filter((o) => o.replies.items.length === 0).map((o) => o.comment);
    for (const w of open) proxy.get(w.anchor)!.getRange("Whole").insertComment(w.text);
    for (const comment of drop) comment.delete();
    const removed = drop.length;
    if (open.length + drop.length > 0) await context.sync();
    return { inserted: open.length, removed };
  });
}

export async function removeReviewComments(host: CommentHost): Promise<number> {
  return host.run(async (context) => {
    const comments = context.document.body.getComments();
    comments.load("items/id,items/content,items/resolved");
    await context.sync();
    const ours = queueReplies(comments);
    if (ours.length === 0) return 0;
    await context.sync();
    const removable = ours.filter((o) => o.replies.items.length === 0);
    for (const { comment } of removable) comment.delete();
    if (removable.length > 0) await context.sync();
    return removable.length;
  });
}
