/**
 * Where the cursor is, checked against the last read, in one round trip and never with the
 * document's OOXML for an edit of text.
 *
 * Where Word has paragraph ids (WordApi 1.6, with the paragraph events subscribed), the cursor's
 * paragraph is found by its id and its neighbours' ids (cursorById below): a few hundred bytes
 * whatever the document's size, and a paragraph Enter just added is placed without a read.
 * Otherwise, or when the ids cannot tell:
 *
 * The cursor's paragraph is the last paragraph of the range from the start of the body to the
 * cursor; the same load gives Word's text of every paragraph up to it and of the one after it.
 * The paragraph map of the last read holds for the cursor when the paragraphs above the cursor
 * are, in number and text, those of the last read, and the paragraph after it is the one the
 * last read has there (an Enter typed at the end of the cursor's paragraph shifts it). The
 * cursor's own paragraph may have changed (the user is typing in it): it is re-texted in the
 * model (src/ooxml/read/retext.ts), so its statuses keep up without a full read. Only when the
 * map does not hold is the document read again together with the cursor (a second round trip).
 */
import type { FieldKey } from "../core/outline";
import { fieldAt } from "../ooxml/read/locate";
import { controlIdsOf, queueAddedInfo } from "./paragraph-info";
import { boundaryIds, place, runsOf, type AddedInfo } from "./place-added";
import { retextState } from "./refresh";
import { modelIndexOf, type Session, type State } from "./session";
import { wordText } from "./word-text";

export interface CursorProbe {
  /** Word's ordinal of the cursor's paragraph in body.paragraphs, or -1 (no paragraph). */
  ordinal: number;
  /** Word's texts of the paragraphs from the first one to the cursor's, in order. */
  texts: string[];
  /** Word's text of the paragraph after the cursor's, or null when it is the last. */
  next: string | null;
}

/** Queues the cursor query in `context`; the returned function reads it after the sync. */
export function queueCursor(context: Word.RequestContext): () => CursorProbe {
  const selection = context.document.getSelection();
  const upToCursor = context.document.body.getRange("Start").expandTo(selection.getRange("Start"));
  const paragraphs = upToCursor.paragraphs;
  paragraphs.load("items/text");
  const after = paragraphs.getLast().getNextOrNullObject();
  after.load("text");
  return () => {
    const texts = paragraphs.items.map((p) => wordText(p.text));
    return { ordinal: texts.length - 1, texts, next: after.isNullObject ? null : wordText(after.text) };
  };
}

/** Whether the last read's paragraph map holds at the cursor (see the header). */
export function cursorAgrees(probe: CursorProbe, wordTexts: readonly string[]): boolean {
  const { ordinal, texts, next } = probe;
  if (ordinal < 0 || ordinal >= wordTexts.length) return false;
  for (let i = 0; i < ordinal; i++) if (texts[i] !== wordTexts[i]) return false;
  return next === (ordinal + 1 < wordTexts.length ? wordTexts[ordinal + 1] : null);
}

/** The state with the cursor's paragraph re-texted; the same state when it is unchanged or cannot be. */
function retextCursor(state: State, ordinal: number, text: string): State {
  const result = retextState(state, new Map([[ordinal, text]]));
  // A text the model cannot take is left to the next check.
  return result === "same" || result === null ? state : result;
}

function fieldAtOrdinal(state: State, ordinal: number): FieldKey | null {
  const index = modelIndexOf(state, ordinal);
  return state.analysis && index !== null ? fieldAt(state.analysis.extracted, index) : null;
}

/** How many further round trips the cursor check by id makes for new paragraphs around the cursor. */
const NEW_PARAGRAPH_STEPS = 3;

/**
 * With paragraph ids (WordApi 1.6, events subscribed): the cursor's paragraph by its id and its
 * neighbours' ids, a few hundred bytes whatever the document's size. The map holds when the ids
 * of the paragraphs before and after it are those the last read has there; the paragraph is
 * then re-texted. Paragraphs the last read does not know (Enter, whose events may not have
 * arrived yet) around the cursor or under it are asked for by id, one round trip per step away
 * (at most NEW_PARAGRAPH_STEPS), and placed as added ones (place-added.ts). Undefined when the
 * ids cannot tell (the caller asks by text).
 */
async function cursorById(
  session: Session,
  state: State,
  ids: readonly string[],
): Promise<FieldKey | null | undefined> {
  const found = await session
    .run(async (context) => {
      const get = queueAddedInfo(context.document.getSelection().paragraphs.getFirst());
      await context.sync();
      const cursor = get();
      const known = ids.includes(cursor.id);
      const unknown = new Map<string, AddedInfo>(known ? [] : [[cursor.id, cursor]]);
      const missing = () => {
        const out = new Set<string>();
        for (const info of [cursor, ...unknown.values()])
          for (const near of [info.prev, info.next])
            if (near && !ids.includes(near.id) && !unknown.has(near.id)) out.add(near.id);
        return [...out];
      };
      for (let step = 0; step < NEW_PARAGRAPH_STEPS && missing().length > 0; step++) {
        const gets = missing().map((id) => queueAddedInfo(context.document.getParagraphByUniqueLocalId(id)));
        await context.sync();
        for (const info of gets.map((g) => g())) unknown.set(info.id, info);
      }
      if (missing().length > 0) return undefined;
      const runs = runsOf(ids, [...unknown.values()]);
      if (!runs) return undefined;
      const k = ids.indexOf(cursor.id);
      const changed = new Map<number, string>(known ? [[k, cursor.text]] : []);
      let next: State | null = state;
      if (runs.length > 0) {
        const boundary = boundaryIds(state, runs);
        const ccOf = await controlIdsOf(context, boundary);
        next = place(state, runs, ccOf, changed);
        if (!next) return undefined;
      } else if (known) next = retextCursor(state, k, cursor.text);
      // The cursor's neighbours are where the (patched) map has them.
      const now = next.ids ?? [];
      const at = now.indexOf(cursor.id);
      const prevOk = cursor.prev ? now[at - 1] === cursor.prev.id : at === 0;
      const nextOk = cursor.next ? now[at + 1] === cursor.next.id : at === now.length - 1;
      if (at < 0 || !prevOk || !nextOk) return undefined;
      return { state: next, placed: [...unknown.keys()], ordinal: at };
    })
    .catch(() => undefined);
  if (!found) return undefined;
  // Unless a full read replaced it meanwhile, the patched state is the session's.
  if (session.state !== state) return undefined;
  session.state = found.state;
  for (const id of found.placed) session.pending.added.delete(id);
  return fieldAtOrdinal(found.state, found.ordinal);
}

/**
 * The field under the cursor: by paragraph id where Word has them (1 round trip, 2 for a new
 * paragraph at a control's edge), else by text (1 round trip; 2 when the paragraph map no longer
 * holds).
 */
export async function fieldAtCursor(session: Session): Promise<FieldKey | null> {
  const state = session.state;
  if (!state?.analysis) return null;
  if (state.ids && session.events) {
    const byId = await cursorById(session, state, state.ids);
    if (byId !== undefined) return byId;
  }
  const probe = await session
    .run(async (context) => {
      const get = queueCursor(context);
      await context.sync();
      return get();
    })
    .catch(() => null);
  if (!probe || probe.ordinal < 0) return null;
  if (cursorAgrees(probe, state.wordTexts)) {
    // Unless a full read replaced it meanwhile, the re-texted state is the session's.
    const next = retextCursor(state, probe.ordinal, probe.texts[probe.ordinal]);
    if (session.state === state) session.state = next;
    return fieldAtOrdinal(next, probe.ordinal);
  }
  const again = await session
    .run(async (context) => {
      const build = session.queueRead(context);
      const get = queueCursor(context);
      await context.sync();
      session.state = await build();
      return get();
    })
    .catch(() => null);
  return again && session.state ? fieldAtOrdinal(session.state, again.ordinal) : null;
}

/**
 * Follows the cursor. addHandlerAsync reports through its callback whether the subscription
 * took; when it did not (or throws), cursor following is off and `onUnavailable` is told.
 */
export function onSelectionChanged(
  session: Session,
  listener: () => void,
  onUnavailable?: () => void,
): () => void {
  if (!session.capabilities.followCursor) return () => {};
  const { Office: office } = session.apis;
  let active = true;
  const handler = () => {
    if (active) listener();
  };
  const unavailable = () => {
    if (!active) return;
    active = false;
    onUnavailable?.();
  };
  try {
    office.context.document.addHandlerAsync(office.EventType.DocumentSelectionChanged, handler, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) unavailable();
    });
  } catch {
    unavailable();
  }
  return () => {
    active = false;
    try {
      office.context.document.removeHandlerAsync(office.EventType.DocumentSelectionChanged, { handler });
    } catch {
      // Nothing to undo when the subscription never took.
    }
  };
}
