/**
 * Where the cursor is, checked against the last read, in one round trip and never with the
 * document's OOXML for an edit of text.
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
import { retextRead } from "../ooxml/read/retext";
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
function retextCursor(state: State, probe: CursorProbe): State {
  const before = state.wordTexts[probe.ordinal];
  const after = probe.texts[probe.ordinal];
  if (before === after) return state;
  const index = modelIndexOf(state, probe.ordinal);
  if (index === null) return state;
  const next = retextRead(state.read, state.analysis, [{ index, before, after }]);
  if (!next) return state;
  const wordTexts = [...state.wordTexts];
  wordTexts[probe.ordinal] = after;
  return { ...state, ...next, wordTexts };
}

function fieldAtOrdinal(state: State, ordinal: number): FieldKey | null {
  const index = modelIndexOf(state, ordinal);
  return state.analysis && index !== null ? fieldAt(state.analysis.extracted, index) : null;
}

/** The field under the cursor (1 round trip; 2 when the paragraph map no longer holds). */
export async function fieldAtCursor(session: Session): Promise<FieldKey | null> {
  const state = session.state;
  if (!state?.analysis) return null;
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
    const next = retextCursor(state, probe);
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
