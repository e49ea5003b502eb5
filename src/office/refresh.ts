/**
 * The cheap re-check behind PlanstodHost.refresh(): statuses that keep up with the writer
 * without re-reading the document's OOXML on every pause.
 *
 * One round trip loads Word's text of every body paragraph (and of the page headers that were
 * read). That is a small fraction of the OOXML, it gives the paragraph count, and it sees a
 * change anywhere, not only where the cursor is. Then:
 *
 * - every text as at the last read: nothing changed, nothing more is asked of Word;
 * - the same number of paragraphs and only some texts changed: each changed paragraph is
 *   re-texted in the last read's model by the engine (src/ooxml/read/retext.ts), which extracts
 *   and checks the whole document again (no Word round trip);
 * - anything else (a paragraph added or removed, a header changed, a change that Word's text
 *   alone cannot place for certain): the OOXML is read again, the second round trip.
 *
 * A change that leaves Word's text as it was is not seen here: a deletion made while changes
 * are tracked and the markup is shown (Word keeps the deleted text in `text`). The next full
 * read (Uppdatera, a block operation, any paragraph added or removed) sees it.
 */
import { retextRead, type TextChange } from "../ooxml/read/retext";
import type { Snapshot } from "../taskpane/host";
import { modelIndexOf, type HeaderType, type Session, type State } from "./session";
import { wordText } from "./word-text";

/** Word's texts of the body's paragraphs and of each header read, in order. */
export interface TextProbe {
  body: string[];
  headers: string[][];
}

/** Queues the text check in `context`; the returned function reads it after the sync. */
export function queueTextProbe(
  context: Word.RequestContext,
  headerTypes: readonly HeaderType[],
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

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * The state after Word's body texts changed at `ordinals` to `texts` (same paragraph count):
 * "same" when none did, a new state when the engine could re-text them, null when the OOXML
 * must be read again.
 */
export function retextState(state: State, changed: ReadonlyMap<number, string>): "same" | State | null {
  const changes: TextChange[] = [];
  for (const [ordinal, after] of changed) {
    const before = state.wordTexts[ordinal];
    if (before === undefined) return null;
    if (before === after) continue;
    const index = modelIndexOf(state, ordinal);
    if (index === null) return null;
    changes.push({ index, before, after });
  }
  if (changes.length === 0) return "same";
  const next = retextRead(state.read, state.analysis, changes);
  if (!next) return null;
  const wordTexts = [...state.wordTexts];
  for (const [ordinal, text] of changed) wordTexts[ordinal] = text;
  return { ...state, ...next, wordTexts };
}

/** The state after the texts in `probe` (see retextState); null when the structure changed. */
export function retext(state: State, probe: TextProbe): "same" | State | null {
  if (probe.headers.length !== state.headerTexts.length) return null;
  if (!probe.headers.every((h, i) => sameList(h, state.headerTexts[i]))) return null;
  if (probe.body.length !== state.wordTexts.length) return null;
  const changed = new Map<number, string>();
  probe.body.forEach((t, i) => {
    if (t !== state.wordTexts[i]) changed.set(i, t);
  });
  return retextState(state, changed);
}

/** Whether the report differs from the one last handed to the pane: the snapshot, else null. */
export function newSnapshot(session: Session, state: State): Snapshot | null {
  const report = state.analysis?.report ?? null;
  return JSON.stringify(report) === session.reported ? null : session.snapshot(state);
}

/** The re-check: 1 round trip when only texts changed, 2 when the structure did. */
export async function refresh(session: Session): Promise<Snapshot | null> {
  const state = session.state;
  let next: State | null = null;
  if (state) {
    const probe = await session.run(async (context) => {
      const get = queueTextProbe(context, state.headerTypes);
      await context.sync();
      return get();
    });
    const result = retext(state, probe);
    next = result === "same" ? state : result;
  }
  session.state = next ?? (await session.load());
  return newSnapshot(session, session.state);
}
