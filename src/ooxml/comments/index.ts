import { PlanstodError } from "../../core/messages";
import { buildReview, commentText, reviewItems } from "../../core/review";
import type { ExtractedDocument, Report, TemplateDef } from "../../core/types";
import { analyse, type Analysis } from "../read/recognise";
import { readDocument } from "../docx";
import { userParagraphs } from "../edit/apply";
import { rulesFor } from "../read/extract";
import { descendantsW, wAttr, type XmlDocument } from "../xml/dom";
import { freshId } from "../xml/word-ids";
import { W_STRICT } from "../xml/namespaces";
import { emptyPart, loadParts, partsOf, registerParts, serialise } from "./comment-parts-io";
import { anchorParagraph } from "./anchors";
import { planComments } from "./plan";
import { PLANSTOD_AUTHOR, PLANSTOD_INITIALS } from "./comment-parts";
import { readComments, threadsOf, type CommentParts, type ExistingComment } from "./read";
import { anchorComment, appendComment, removeAnchors, removeComment, usedIds, wNamespace } from "./write";

/**
 * `planstod check --comments`: the review of a .docx written into it as Word comments, one per
 * missing field and per warning, with the texts of core/review.ts (the pane's comments say the
 * same). Planstöd's earlier comments (recognised by COMMENT_PREFIX at the start of a top-level
 * comment's text) are replaced; one that a person replied to or marked done is kept with its
 * replies, and its item is not commented again; everyone else's comments are never touched.
 * Before the bytes are returned they are read again and must hold exactly the user's text, the
 * same report, everyone else's comments, and the intended comments of Planstöd.
 */

export interface ReviewCommentsResult {
  bytes: Uint8Array;
  template: TemplateDef;
  report: Report;
  /** Comments written now, with the paragraph (model index) each is anchored on. */
  inserted: { text: string; paragraph: number }[];
  /** Planstöd's earlier comments removed. */
  removed: number;
  /** Planstöd's earlier comments kept because a person replied to them or marked them done. */
  kept: number;
}

const fieldTexts = (doc: ExtractedDocument) =>
  JSON.stringify({
    fields: Object.values(doc.fields).map((f) => [f.id, f.text]),
    blocks: Object.entries(doc.blocks).map(([type, list]) => [
      type,
      list.map((inst) => Object.values(inst).map((f) => [f.id, f.text])),
    ]),
  });

const commentKey = (c: Pick<ExistingComment, "id" | "author" | "text">) =>
  `${c.id}\u0000${c.author}\u0000${c.text}`;

/** Reads the written bytes again and checks them; throws when anything is not as intended. */
async function verify(
  out: Uint8Array,
  before: Analysis & { paragraphs: string },
  others: readonly ExistingComment[],
  ownTexts: readonly string[],
  newIds: readonly string[],
): Promise<void> {
  const read = await readDocument(out, { templateId: before.template.id });
  const after = analyse(read);
  const rules = rulesFor(before.template, read.placeholders);
  const unsafe = () => new PlanstodError("edit-unsafe");
  if (fieldTexts(after.extracted) !== fieldTexts(before.extracted)) throw unsafe();
  if (JSON.stringify(after.report) !== JSON.stringify(before.report)) throw unsafe();
  if (userParagraphs(read.model, rules) !== before.paragraphs) throw unsafe();
  const comments = readComments(partsOf(await loadParts(read.pkg)));
  const present = new Set(comments.map(commentKey));
  if (others.some((c) => !present.has(commentKey(c)))) throw unsafe();
  const own = threadsOf(comments);
  const texts = [...own.keep, ...own.replace].map((c) => c.text).sort();
  if (JSON.stringify(texts) !== JSON.stringify([...ownTexts].sort())) throw unsafe();
  const body = read.doc.documentElement;
  if (!body) throw unsafe();
  for (const id of newIds) {
    for (const name of ["commentRangeStart", "commentRangeEnd", "commentReference"]) {
      if (descendantsW(body, name).filter((el) => wAttr(el, "id") === id).length !== 1) throw unsafe();
    }
  }
}

export async function reviewComments(
  bytes: Uint8Array,
  options: { templateId?: string; now: Date },
): Promise<ReviewCommentsResult> {
  const read = await readDocument(bytes, { templateId: options.templateId });
  const analysis = analyse(read);
  const { template, report } = analysis;
  const paragraphs = userParagraphs(read.model, rulesFor(template, read.placeholders));
  const pkg = read.pkg;
  const loaded = await loadParts(pkg);
  const existing = readComments(partsOf(loaded));
  const threads = threadsOf(existing);

  // The plan (plan.ts): Planstöd's earlier comments go, unless a person answered them; an item
  // whose comment a kept one already says is not commented again.
  const wanted = reviewItems(buildReview(template, report)).map((item) => ({
    text: commentText(template, item),
    paragraph: anchorParagraph(analysis, read.model, item.target),
  }));
  const plan = planComments(wanted, [
    ...threads.keep.map((c) => ({ ...c, answered: true })),
    ...threads.replace.map((c) => ({ ...c, answered: false })),
  ]);
  const docRoot = read.doc.documentElement;
  if (!docRoot) throw new PlanstodError("bad-xml", pkg.mainPart);
  const gone = new Set(plan.remove.map((c) => c.id));
  for (const c of plan.remove) removeComment(partsOf(loaded), c);
  removeAnchors(docRoot, gone);

  const w = wNamespace(read.doc);
  const pending = plan.insert.filter((p) => p.paragraph !== null);
  // A document that needs no comment and has none gets no comment parts.
  if (pending.length > 0) for (const part of loaded) part.doc ??= emptyPart(part.kind, w);
  const written = loaded.filter((l) => l.doc !== null);

  const used = usedIds([read.doc, ...loaded.map((l) => l.doc)]);
  const commentIds = new Set(
    [...threads.keep, ...threads.others].map((c) => Number(c.id)).filter((n) => Number.isInteger(n)),
  );
  let nextId = 0;
  const date = options.now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const inserted: ReviewCommentsResult["inserted"] = [];
  const newIds: string[] = [];
  for (const { text, paragraph } of pending) {
    if (!paragraph) continue;
    const parts = partsOf(loaded) as Required<{ [K in keyof CommentParts]: XmlDocument }>;
    while (commentIds.has(nextId)) nextId++;
    commentIds.add(nextId);
    const id = String(nextId);
    const seed = `${text}|${inserted.length}`;
    appendComment(parts, {
      id,
      paraId: freshId(seed, used.paraIds),
      durableId: freshId(seed, used.durableIds),
      author: PLANSTOD_AUTHOR,
      initials: PLANSTOD_INITIALS,
      date,
      text,
    });
    anchorComment(paragraph.el, id);
    inserted.push({ text, paragraph: paragraph.index });
    newIds.push(id);
  }

  pkg.zip.file(pkg.mainPart, serialise(read.doc), { createFolders: false });
  for (const part of written)
    if (part.doc) pkg.zip.file(part.path, serialise(part.doc), { createFolders: false });
  await registerParts(pkg, written, w === W_STRICT);
  const out = await pkg.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });

  const ownTexts = [...threads.keep.map((c) => c.text), ...inserted.map((i) => i.text)];
  await verify(out, { ...analysis, paragraphs }, threads.others, ownTexts, newIds);
  return {
    bytes: out,
    template,
    report,
    inserted,
    removed: threads.replace.length,
    kept: threads.keep.length,
  };
}
