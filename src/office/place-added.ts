/**
 * Placing paragraphs Word added (Enter) in the last read's model without reading the OOXML
 * again (WordApi 1.6, paragraph ids).
 *
 * An added paragraph is placed only when everything about it is certain from what Word says:
 * - it is empty (Enter at the end or the start of a paragraph; a split paragraph, a paste, an
 *   inserted table or block all carry text or structure the text cannot place);
 * - its id and the ids of its neighbours tie it, alone or with other added paragraphs in a run,
 *   between two paragraphs that are next to each other in the last read (or at the start or the
 *   end of the body): the neighbours' ids are Word's word that nothing else moved there (an id
 *   that moved to the new paragraph, office-js #5784, breaks the tie and is not placed);
 * - it stands in the same content control (Word's parentContentControl) and table nesting as the
 *   paragraph before or after it, whose containers and table cell it then takes; in a table only
 *   when that control is a cell-level one or lies inside the paragraph's own cell, or when the
 *   paragraphs before and after it share every container and the cell.
 * Anything else answers null and the caller reads the document the ordinary way.
 *
 * This file decides from what Word said; paragraph-info.ts asks Word.
 */
import type { ParagraphInsert, TextChange } from "../ooxml/read/retext";
import { retextRead } from "../ooxml/read/retext";
import type { Paragraph } from "../ooxml/read/paragraph-model";
import { isW, isWithin, type XmlElement } from "../ooxml/xml/dom";
import { modelIndexOf, type State } from "./session";

/** A neighbour of an added paragraph, as Word names it. */
export interface Near {
  id: string;
  /** Word's tableNestingLevel. */
  level: number;
}

/** What Word says of a paragraph that is (or may be) new. */
export interface AddedInfo extends Near {
  text: string;
  /** Word's id of its innermost content control, or null. */
  cc: number | null;
  prev: Near | null;
  next: Near | null;
}

/** Added paragraphs between two neighbouring paragraphs of the last read (by Word ordinal). */
export interface Run {
  /** Ordinal of the paragraph before the run, -1 at the start of the body. */
  prev: number;
  /** Ordinal of the paragraph after it, the paragraph count at the end of the body. */
  next: number;
  added: AddedInfo[];
}

/** The runs the added paragraphs form, or null when they are not tied to the last read (see the header). */
export function runsOf(ids: readonly string[], infos: readonly AddedInfo[]): Run[] | null {
  const byId = new Map(infos.map((info) => [info.id, info]));
  if (byId.size !== infos.length || infos.some((info) => ids.includes(info.id))) return null;
  const runs: Run[] = [];
  const used = new Set<string>();
  for (const first of infos) {
    if (first.prev && byId.has(first.prev.id)) continue;
    const prev = first.prev ? ids.indexOf(first.prev.id) : -1;
    if (first.prev && prev < 0) return null;
    const added = [first];
    used.add(first.id);
    let last = first;
    for (
      let after = last.next && byId.get(last.next.id);
      after;
      after = last.next && byId.get(last.next.id)
    ) {
      if (used.has(after.id) || after.prev?.id !== last.id) return null;
      added.push(after);
      used.add(after.id);
      last = after;
    }
    const next = last.next ? ids.indexOf(last.next.id) : ids.length;
    if (next !== prev + 1) return null;
    runs.push({ prev, next, added });
  }
  return used.size === infos.length ? runs : null;
}

/** The body paragraphs around each run whose content control Word must name (see place()). */
export function boundaryIds(state: State, runs: readonly Run[]): string[] {
  const ids = state.ids ?? [];
  const out = new Set<string>();
  for (const run of runs) {
    const [before, after] = around(state, run);
    if (before && after && sameSpot(before, after)) continue;
    if (run.prev >= 0) out.add(ids[run.prev]);
    if (run.next < ids.length) out.add(ids[run.next]);
  }
  return [...out];
}

/** The model paragraphs before and after a run. */
function around(state: State, run: Run): [Paragraph | null, Paragraph | null] {
  const at = (ordinal: number) => {
    const index = modelIndexOf(state, ordinal);
    return index === null ? null : (state.read.model.paragraphs[index] ?? null);
  };
  return [run.prev >= 0 ? at(run.prev) : null, run.next < state.wordTexts.length ? at(run.next) : null];
}

const sameCells = (a: Paragraph, b: Paragraph) =>
  a.cells.length === b.cells.length &&
  a.cells.every(
    (c, i) => c.table === b.cells[i].table && c.row === b.cells[i].row && c.cell === b.cells[i].cell,
  );

/** Two paragraphs in the same containers and table cell: what lies between them is there too. */
function sameSpot(a: Paragraph, b: Paragraph): boolean {
  return (
    a.containers.length === b.containers.length &&
    a.containers.every((c, i) => c.el === b.containers[i].el) &&
    sameCells(a, b)
  );
}

/** The nearest w:tc around `el`. */
function cellOf(el: XmlElement): XmlElement | null {
  for (
    let n = el.parentNode as XmlElement | null;
    n && n.nodeType === 1;
    n = n.parentNode as XmlElement | null
  )
    if (isW(n, "tc")) return n;
  return null;
}

/**
 * Whether a new paragraph in the innermost content control of `p` (Word's cc, non-null) and at
 * its table nesting is in p's containers and cell: outside tables always; in a table when that
 * control lies inside p's own cell.
 */
function controlHolds(p: Paragraph): boolean {
  const inner = p.containers[p.containers.length - 1];
  if (!inner) return false;
  if (p.cells.length === 0) return true;
  // A cell-level control wraps exactly one cell (w:sdt around w:tc).
  if (inner.level === "cell") return true;
  const cell = cellOf(p.el);
  return cell !== null && isWithin(inner.el, cell);
}

/**
 * The state after the runs are placed and `changed` (Word ordinal → text) re-texted, or null when
 * one of them cannot be (see the header). `ccOf`: Word's content control id (or null) of each
 * paragraph boundaryIds() named.
 */
export function place(
  state: State,
  runs: readonly Run[],
  ccOf: ReadonlyMap<string, number | null>,
  changed: ReadonlyMap<number, string>,
): State | null {
  const ids = state.ids;
  if (!ids) return null;
  const changes: TextChange[] = [];
  for (const [ordinal, after] of changed) {
    const before = state.wordTexts[ordinal];
    const index = modelIndexOf(state, ordinal);
    if (before === undefined || index === null) return null;
    if (before !== after) changes.push({ index, before, after });
  }
  const inserts: ParagraphInsert[] = [];
  const words: { at: number; id: string }[] = [];
  for (const run of runs) {
    const [before, after] = around(state, run);
    if ((run.prev >= 0 && !before) || (run.next < ids.length && !after)) return null;
    const at = before ? before.index + 1 : (after?.index ?? 0);
    if (after && after.index !== at) return null;
    for (const info of run.added) {
      if (info.text !== "") return null;
      const like = likeOf(info, before, after, run, ccOf, ids);
      if (!like) return null;
      inserts.push({ at, like: like.index });
      words.push({ at: run.next, id: info.id });
    }
  }
  const next = retextRead(state.read, state.analysis, changes, inserts);
  if (!next) return null;

  const wordTexts = [...state.wordTexts];
  for (const [ordinal, text] of changed) wordTexts[ordinal] = text;
  const newIds = [...ids];
  const sortedWords = [...words].sort((a, b) => a.at - b.at);
  sortedWords.forEach((w, j) => {
    wordTexts.splice(w.at + j, 0, "");
    newIds.splice(w.at + j, 0, w.id);
  });
  const sortedModel = [...inserts].sort((a, b) => a.at - b.at);
  const shift = (x: number, ats: readonly number[]) => x + ats.filter((a) => a <= x).length;
  const modelAts = sortedModel.map((i) => i.at);
  const wordAts = sortedWords.map((w) => w.at);
  const toWord = new Map<number, number>();
  for (const [m, o] of state.toWord) toWord.set(shift(m, modelAts), shift(o, wordAts));
  sortedModel.forEach((insert, j) => toWord.set(insert.at + j, sortedWords[j].at + j));
  const n = inserts.length;
  return {
    ...state,
    ...next,
    wordTexts,
    ids: newIds,
    toWord,
    bodyCount: state.bodyCount + n,
    headerStarts: state.headerStarts.map((s) => s + n),
  };
}

/** The paragraph whose containers and cell an added paragraph takes, or null (see the header). */
function likeOf(
  info: AddedInfo,
  before: Paragraph | null,
  after: Paragraph | null,
  run: Run,
  ccOf: ReadonlyMap<string, number | null>,
  ids: readonly string[],
): Paragraph | null {
  if (before && after && sameSpot(before, after)) {
    // Between two paragraphs of one control and cell; Word agrees on the nesting.
    const inControl = before.containers.length > 0;
    return info.level === before.cells.length && (info.cc !== null) === inControl ? before : null;
  }
  const fits = (p: Paragraph | null, ordinal: number, near: Near | null): Paragraph | null => {
    if (!p || !near || near.level !== info.level || info.level !== p.cells.length) return null;
    const cc = ccOf.get(ids[ordinal]);
    if (cc === undefined || cc !== info.cc) return null;
    if (cc === null) return p.containers.length === 0 && p.cells.length === 0 ? p : null;
    return controlHolds(p) ? p : null;
  };
  const first = run.added[0];
  const last = run.added[run.added.length - 1];
  return fits(before, run.prev, first.prev) ?? fits(after, run.next, last.next);
}
