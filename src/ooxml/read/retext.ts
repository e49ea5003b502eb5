/**
 * Re-texting the model: a read document as it is after some of its paragraphs' texts changed,
 * and after empty paragraphs were added (Enter), from the texts alone, without reading the
 * OOXML again. The Word adapter uses it while the user types (Word hands over a paragraph's
 * text far more cheaply than the document's OOXML); anything the texts cannot place for certain
 * answers null, and the caller reads the OOXML.
 *
 * The result is a model only: its XML DOM is still the last read's, so nothing may edit or
 * serialise it (the adapter reads the OOXML again before any edit).
 */
import { fold } from "../../core/text";
import { PlanstodError } from "../../core/messages";
import { analyse, type Analysis, type ReadDocument } from "./recognise";
import { rulesFor } from "./extract";
import { liveTextOf, type DocModel, type Paragraph, type Segment, type SdtInfo } from "./paragraph-model";
import { W } from "../xml/namespaces";

/** One paragraph's change: its model index and Word's text before and after. */
export interface TextChange {
  index: number;
  before: string;
  after: string;
}

/**
 * An empty body paragraph added to the model (Word's Enter at the start or end of a paragraph):
 * it takes model index `at` (the paragraphs from `at` on move one down) and stands in the
 * containers and table cell of the body paragraph `like` (which the caller has found to be in
 * the same content control and table nesting in Word).
 */
export interface ParagraphInsert {
  at: number;
  like: number;
}

/**
 * The read and its analysis after `changes` (body paragraphs of the model, by their indexes
 * before any insert), then `inserts` (by the indexes before any insert, in document order), or
 * null when one of them cannot be applied from the texts (see retextParagraph and
 * insertedParagraph), or there is no analysis to re-run. The placeholders, prompts and rules are
 * the engine's own: the whole document is extracted and checked again.
 */
export function retextRead(
  read: ReadDocument,
  analysis: Analysis | null,
  changes: readonly TextChange[],
  inserts: readonly ParagraphInsert[] = [],
): { read: ReadDocument; analysis: Analysis | null } | null {
  if (!analysis) return null;
  const placeholders = rulesFor(analysis.template, read.placeholders).placeholders;
  let paragraphs = [...read.model.paragraphs];
  // A control the last read saw showing its placeholder no longer does once text was typed into
  // one of its paragraphs (Word clears w:showingPlcHdr).
  const showsPlaceholder = (sdt: SdtInfo) =>
    sdt.showingPlaceholder &&
    !paragraphs.some(
      (p) =>
        p.segments.some((s) => !s.placeholder && s.text !== "" && s.sdt?.el === sdt.el) ||
        (p.liveText !== "" && p.containers.some((c) => c.el === sdt.el)),
    );
  for (const change of changes) {
    const old = paragraphs[change.index];
    if (!old || old.part !== "body") return null;
    const next = retextParagraph(old, change.before, change.after, placeholders, showsPlaceholder);
    if (!next) return null;
    paragraphs[old.index] = next;
  }
  if (inserts.length > 0) {
    const placed = insertParagraphs(paragraphs, inserts);
    if (!placed) return null;
    paragraphs = placed;
  }
  const model: DocModel = { paragraphs, controls: read.model.controls };
  const next: ReadDocument = { ...read, model };
  let again: Analysis | null = null;
  try {
    again = analyse(next);
  } catch (error) {
    if (!(error instanceof PlanstodError && error.code === "unknown-template")) throw error;
  }
  return { read: next, analysis: again };
}

/**
 * The paragraphs with an empty one inserted at each of `inserts`, every paragraph re-indexed;
 * null when an insert is not between two body paragraphs (or at the end of the body) or its
 * `like` is no body paragraph.
 */
function insertParagraphs(
  paragraphs: readonly Paragraph[],
  inserts: readonly ParagraphInsert[],
): Paragraph[] | null {
  const bodyCount = paragraphs.filter((p) => p.part === "body").length;
  const sorted = [...inserts].sort((a, b) => a.at - b.at);
  const out: Paragraph[] = [];
  let next = 0;
  const take = (upTo: number) => {
    for (; next < upTo; next++) out.push(paragraphs[next]);
  };
  for (const insert of sorted) {
    const like = paragraphs[insert.like];
    if (insert.at < 0 || insert.at > bodyCount || !like || like.part !== "body") return null;
    const inserted = insertedParagraph(like);
    if (!inserted) return null;
    take(insert.at);
    out.push(inserted);
  }
  take(paragraphs.length);
  return out.map((p, index) => (p.index === index ? p : { ...p, index }));
}

/**
 * An empty paragraph in the containers and cell of `like`. Its element is a new w:p outside the
 * document: the model is no longer the DOM's (see the header).
 */
function insertedParagraph(like: Paragraph): Paragraph | null {
  const el = like.el.ownerDocument?.createElementNS(W, "w:p");
  return el ? { ...like, el, segments: [], text: "", liveText: "" } : null;
}

/** Word's line and page breaks (\v, \f) as the model reads them (\n). */
const asModelText = (word: string) => word.replace(/[\v\f]/g, "\n");

interface Span {
  seg: Segment;
  start: number;
  end: number;
}

/**
 * A model paragraph as it is after Word's text changed from `before` to `after`, or null when
 * that cannot be told for certain from the texts (then the caller reads the OOXML).
 *
 * The edit is the span between the longest common prefix and suffix. Typing into a control that
 * shows its placeholder replaces the whole placeholder (Word does so and clears
 * w:showingPlcHdr), so the span is widened over every placeholder it touches; the new text
 * belongs to the control of the segments it replaced. Refused: a paragraph whose Word text did
 * not equal the model's at the last read (tracked deletions shown, text boxes, special
 * characters), an edit across two controls or at the seam between two, new text that holds a
 * known placeholder, and in a control with text anything but a pure insertion or a deletion
 * that leaves text (the control may have been emptied, and then Word shows its placeholder).
 */
export function retextParagraph(
  paragraph: Paragraph,
  before: string,
  after: string,
  placeholders: readonly string[],
  showsPlaceholder: (sdt: SdtInfo) => boolean = (sdt) => sdt.showingPlaceholder,
): Paragraph | null {
  const old = paragraph.text;
  if (asModelText(before) !== old) return null;
  const now = asModelText(after);
  const spans: Span[] = [];
  let at = 0;
  for (const seg of paragraph.segments) {
    spans.push({ seg, start: at, end: at + seg.text.length });
    at += seg.text.length;
  }

  const max = Math.min(old.length, now.length);
  let prefix = 0;
  while (prefix < max && old[prefix] === now[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && old[old.length - 1 - suffix] === now[now.length - 1 - suffix]) suffix++;
  let a = prefix;
  let b = old.length - suffix;
  const touches = (s: Span) => (a === b ? s.start < a && a < s.end : s.start < b && a < s.end);
  for (let widened = true; widened;) {
    widened = false;
    for (const s of spans) {
      if (s.seg.placeholder && touches(s) && (s.start < a || s.end > b)) {
        a = Math.min(a, s.start);
        b = Math.max(b, s.end);
        widened = true;
      }
    }
  }
  const inserted = now.slice(a, now.length - (old.length - b));

  let touched = spans.filter(touches);
  if (touched.length === 0) {
    // A pure insertion at a seam: it belongs to the live segment beside it.
    const beside = spans.filter((s) => (s.end === a || s.start === a) && !s.seg.placeholder);
    if (beside.length === 0 && spans.length > 0) return null;
    touched = beside;
  }
  const sdts = new Set(touched.map((s) => s.seg.sdt));
  if (sdts.size > 1) return null;
  const sdt: SdtInfo | null =
    touched[0]?.seg.sdt ?? paragraph.containers[paragraph.containers.length - 1] ?? null;
  if (touched.length === 0 && sdt && showsPlaceholder(sdt)) return null;

  const first = touched[0];
  const last = touched[touched.length - 1];
  const head = first ? old.slice(first.start, Math.max(first.start, a)) : "";
  const tail = last ? old.slice(Math.min(last.end, b), last.end) : "";
  const merged: Segment = { text: head + inserted + tail, placeholder: false, sdt };
  const folded = fold(merged.text).toLowerCase();
  if (folded !== "" && placeholders.some((p) => folded.includes(p.toLowerCase()))) return null;
  if (sdt !== null && touched.every((s) => !s.seg.placeholder)) {
    // A control that is emptied shows its placeholder, whose text the engine may not know
    // (Word's getOoxml carries no glossary), and the diff would take it for typed text. Only a
    // pure insertion, or a deletion that leaves text in the control, is certain. Ask Word.
    if (b > a && inserted !== "") return null;
    if (merged.text === "" && !spans.some((s) => s.seg.sdt === sdt && !touched.includes(s))) return null;
  }
  const segments: Segment[] = [];
  const push = (seg: Segment) => {
    const prev = segments[segments.length - 1];
    if (prev && prev.sdt === seg.sdt && prev.placeholder === seg.placeholder)
      segments[segments.length - 1] = { ...prev, text: prev.text + seg.text };
    else segments.push(seg);
  };
  let placed = false;
  for (const s of spans) {
    if (touched.includes(s)) {
      if (!placed) push(merged);
      placed = true;
    } else if (s.end <= a && !placed) push(s.seg);
    else if (s.start >= b) {
      if (!placed) push(merged);
      placed = true;
      push(s.seg);
    } else return null;
  }
  if (!placed) push(merged);
  const text = segments.map((s) => s.text).join("");
  if (text !== now) return null;
  return {
    ...paragraph,
    segments,
    text,
    liveText: liveTextOf(segments),
  };
}
