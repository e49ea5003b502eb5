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
 * Which comments go, stay and come is the command line's comment plan
 * (src/ooxml/comments/plan.ts): a Planstöd comment with a reply (Planstöd never writes replies,
 * so a reply is a person's) or marked done (resolved) is kept with its thread, so nobody's reply
 * is lost; an item whose comment text is the same as a kept one's (plan.ts's one rule) is not
 * commented again; every other Planstöd comment is removed and the review written anew;
 * removing removes the same ones. A comment whose text does not start with the prefix is a
 * person's and is never touched. On Word on the web, NotAllowed (office-js #6746) becomes the
 * problem "not-supported-on-web" with feature "comments".
 *
 * Round trips, for any document size: insert 3 (read with the comments' texts; the replies of
 * Planstöd's comments and the anchors' texts; insert and delete), 1 for a complete
 * document without Planstöd comments; remove 3 (the comments' texts; their replies; delete),
 * 1 when there are none of Planstöd's.
 */
import { buildReview, commentText, isPlanstodComment, reviewItems, type ReviewItem } from "../core/review";
import type { Analysis } from "../ooxml/read/recognise";
import type { DocModel } from "../ooxml/read/paragraph-model";
import type { CommentsResult } from "../taskpane/host";
import { anchorParagraph } from "../ooxml/comments/anchors";
import { planComments } from "../ooxml/comments/plan";
import { problem } from "./problems";
import type { Session, State } from "./session";
import { wordText } from "./word-text";
import { matchesParagraph } from "./text-match";

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
    if (ordinal === undefined) throw problem("comments-changed");
    for (; at < ordinal; at++) p = p.getNext();
    out.set(index, p);
  }
  return out;
}

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

export async function insertReviewComments(session: Session): Promise<CommentsResult> {
  if (!session.capabilities.comments) throw problem("no-comments-api");
  return session.run(async (context) => {
    // 1: the document and the comments' texts.
    const build = session.queueRead(context);
    const comments = context.document.body.getComments();
    comments.load("items/id,items/content,items/resolved");
    await context.sync();
    const state = (session.state = await build());
    const analysis = state.analysis;
    if (!analysis) throw problem("comments-unknown-template");
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
        throw problem("comments-changed");
    }

    // 3: the plan. The new comments are queued first: if Word refuses one, the batch stops
    // there and the old ones are still in place (running it again cleans up).
    const own = comments.items
      .filter((c) => isPlanstodComment(c.content))
      .map((comment) => ({
        comment,
        text: comment.content,
        answered: comment.resolved || ours.some((o) => o.comment === comment && o.replies.items.length > 0),
      }));
    const plan = planComments(wanted, own);
    for (const w of plan.insert) proxy.get(w.anchor)!.getRange("Whole").insertComment(w.text);
    for (const { comment } of plan.remove) comment.delete();
    if (plan.insert.length + plan.remove.length > 0) await context.sync();
    return { inserted: plan.insert.length, removed: plan.remove.length };
  }, "comments");
}

export async function removeReviewComments(session: Session): Promise<number> {
  if (!session.capabilities.comments) throw problem("no-comments-api");
  return session.run(async (context) => {
    const comments = context.document.body.getComments();
    comments.load("items/id,items/content,items/resolved");
    await context.sync();
    const ours = queueReplies(comments);
    if (ours.length === 0) return 0;
    await context.sync();
    const { remove } = planComments(
      [],
      ours.map((o) => ({ ...o, text: o.comment.content, answered: o.replies.items.length > 0 })),
    );
    for (const { comment } of remove) comment.delete();
    if (remove.length > 0) await context.sync();
    return remove.length;
  }, "comments");
}
