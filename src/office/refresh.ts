/**
 * The cheap re-check behind PlanstodHost.refresh(): statuses that keep up with the writer
 * without re-reading the document's OOXML on every pause.
 *
 * One round trip loads Word's text of every body paragraph (and of the page headers that were
 * read). That is a small fraction of the OOXML (measured in `npm run bench`), it gives the
 * paragraph count, and it sees a change anywhere, not only where the cursor is. Then:
 *
 * - every text as at the last read: nothing changed, nothing more is asked of Word;
 * - the same number of paragraphs and only some texts changed: each changed paragraph is
 *   re-texted in the last read's model from Word's text (see retextParagraph), and the whole
 *   document is extracted and checked again by the engine (no Word round trip; the rules,
 *   placeholders and prompts are the engine's own);
 * - anything else (a paragraph added or removed, a header changed, a change that Word's text
 *   alone cannot place for certain): the adapter reads the OOXML again, the second round trip.
 *
 * A change that leaves Word's text as it was is not seen here: a deletion made while changes
 * are tracked and the markup is shown (Word keeps the deleted text in `text`). The next full
 * read (Uppdatera, a block operation, any paragraph added or removed) sees it.
 */
import { fold } from "../core/text";
import { analyse, type Analysis, type ReadDocument } from "../ooxml/read/recognise";
import { rulesFor } from "../ooxml/read/extract";
import type { DocModel, Paragraph, Segment, SdtInfo } from "../ooxml/read/paragraph-model";
import { PlanstodError } from "../core/messages";
import { wordText } from "./word-text";

/** Word's texts of the body's paragraphs and of each header read, in order. */
export interface TextProbe {
  body: string[];
  headers: string[][];
}

/** Queues the text check in `context`; the returned function reads it after the sync. */
export function queueTextProbe(
  context: Word.RequestContext,
  headerTypes: readonly ("FirstPage" | "Primary")[],
): () => TextProbe {
  const body = context.document.body.paragraphs;
  body.load("items/text");
  const headers = headerTypes.map((type) => {
    const paragraphs = context.document.sections.getFirst().getHeader(type).paragraphs;
    paragraphs.load("items/text");
    return paragraphs;
  });
  return () => ({
    body: body.items.map((p) => wordText(p.text)),
    headers: headers.map((h) => h.items.map((p) => wordText(p.text))),
  });
}

/** What the refresh needs of the adapter's state after a read. */
export interface TextState {
  read: ReadDocument;
  analysis: Analysis | null;
  wordTexts: string[];
  headerTexts: string[][];
  toWord: Map<number, number>;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * The state after the texts in `probe`: "same" when nothing changed, a new state when the
 * changes could be applied from the texts alone, null when the OOXML must be read again.
 */
export function retext<S extends TextState>(state: S, probe: TextProbe): "same" | S | null {
  if (probe.headers.length !== state.headerTexts.length) return null;
  if (!probe.headers.every((h, i) => sameList(h, state.headerTexts[i]))) return null;
  if (probe.body.length !== state.wordTexts.length) return null;
  const changed = probe.body.flatMap((t, i) => (t === state.wordTexts[i] ? [] : [i]));
  if (changed.length === 0) return "same";
  if (!state.analysis) return null;

  const toModel = new Map<number, number>();
  for (const [model, word] of state.toWord) toModel.set(word, model);
  const placeholders = rulesFor(state.analysis.template, state.read.placeholders).placeholders;
  const paragraphs = [...state.read.model.paragraphs];
  for (const ordinal of changed) {
    const index = toModel.get(ordinal);
    const old = index === undefined ? undefined : paragraphs[index];
    if (!old || old.part !== "body") return null;
    const next = retextParagraph(old, state.wordTexts[ordinal], probe.body[ordinal], placeholders);
    if (!next) return null;
    paragraphs[old.index] = next;
  }
  const model: DocModel = { paragraphs, controls: state.read.model.controls };
  const read: ReadDocument = { ...state.read, model };
  let analysis: Analysis | null = null;
  try {
    analysis = analyse(read);
  } catch (error) {
    if (!(error instanceof PlanstodError && error.code === "unknown-template")) throw error;
  }
  return { ...state, read, analysis, wordTexts: [...probe.body] };
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
  if (touched.length === 0 && sdt?.showingPlaceholder) return null;

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
    liveText: segments
      .filter((s) => !s.placeholder)
      .map((s) => s.text)
      .join(""),
  };
}
