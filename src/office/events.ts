/**
 * Statuses from Word's paragraph events (WordApi 1.6: Document.onParagraphAdded, Changed and
 * Deleted, each naming paragraphs by uniqueLocalId).
 *
 * Events say *that* something changed, never *what is true*: a handler only notes what was
 * named, and the check that follows asks Word. A changed paragraph is re-read by its id
 * (getParagraphByUniqueLocalId: its text only, one round trip for every paragraph named) and
 * re-texted in the model by the engine (src/ooxml/read/retext.ts); an empty paragraph added by
 * Enter is placed in the model by its id and its neighbours' (place-added.ts). A deleted
 * paragraph, an added one that is not empty or cannot be placed for certain, an id the last read
 * does not know, a paragraph gone meanwhile, or a change the text cannot place gets the ordinary
 * refresh (refresh.ts: the texts, then the OOXML only when the structure changed).
 *
 * Word's events have known faults (no deletion event while tracking changes, #3864; events
 * missed on fast edits and pastes, #4874; none on undo on the web, #5089; deletions unreliable on
 * long documents on Mac, #5400; an id that moves to the new paragraph after Enter, #5784), so the
 * pane keeps a safety check (refresh()) every few seconds and whenever it becomes visible; when
 * that check finds a change no event announced, events are not trusted any more and the pane
 * polls again (`onMissed`). Events from co-authors (source "Remote") are handled like the
 * user's.
 */
import type { Snapshot } from "../taskpane/host";
import { has, REQUIREMENTS } from "./capabilities";
import { newSnapshot, refresh, retextState } from "./refresh";
import { controlIdsOf, queueAddedInfo } from "./paragraph-info";
import { boundaryIds, place, runsOf } from "./place-added";
import { isQuiet, nothingPending, type Session, type State } from "./session";
import { wordText } from "./word-text";

interface ParagraphEventArgs {
  type?: string;
  uniqueLocalIds?: string[];
}

/**
 * Subscribes to the paragraph events. `listener` is called after each event (the pane schedules
 * a check); `onMissed` when a safety check found a change no event announced. Resolves to a
 * function that unsubscribes, or null when the client has no paragraph events or Word refused
 * the subscription (the pane then polls).
 */
export async function watchParagraphs(
  session: Session,
  listener: () => void,
  onMissed: () => void,
): Promise<(() => void) | null> {
  if (!session.capabilities.read || !has(session.apis.Office, REQUIREMENTS.paragraphEvents)) return null;
  const note = (args: ParagraphEventArgs, kind: "changed" | "added" | "deleted") => {
    const pending = session.pending;
    const ids = Array.isArray(args.uniqueLocalIds) ? args.uniqueLocalIds : null;
    if (kind === "deleted" || !ids) pending.structure = true;
    else for (const id of ids) pending[kind].add(id);
    clearSuspect(session, kind, ids ?? []);
    listener();
    return Promise.resolve();
  };
  const onChanged = (args: ParagraphEventArgs) => note(args, "changed");
  const onAdded = (args: ParagraphEventArgs) => note(args, "added");
  const onDeleted = (args: ParagraphEventArgs) => note(args, "deleted");
  let results: OfficeExtension.EventHandlerResult<unknown>[] = [];
  try {
    // The ids of the paragraphs of the read already made ride in the same round trip.
    const state = session.state;
    let ids: string[] | null = null;
    results = await session.apis.Word.run(async (context) => {
      const document = context.document;
      const added = [
        document.onParagraphChanged.add(onChanged),
        document.onParagraphAdded.add(onAdded),
        document.onParagraphDeleted.add(onDeleted),
      ];
      const paragraphs = state && !state.ids ? document.body.paragraphs.load("items/uniqueLocalId") : null;
      await context.sync();
      ids = paragraphs ? paragraphs.items.map((p) => p.uniqueLocalId) : null;
      return added;
    });
    if (state && ids && session.state === state) {
      // The same paragraphs as the read's; else the first check reads again.
      if ((ids as string[]).length === state.wordTexts.length) session.state = { ...state, ids };
      else session.pending.structure = true;
    }
  } catch {
    return null;
  }
  session.events = { onMissed, suspect: null };
  session.paragraphIds = true;
  return () => {
    if (session.events?.suspect) clearTimeout(session.events.suspect.timer);
    session.events = null;
    session.paragraphIds = false;
    for (const result of results) {
      try {
        result.remove();
        void result.context.sync().catch(() => undefined);
      } catch {
        // The handler is gone with its context.
      }
    }
  };
}

/**
 * The check after events: nothing when none is pending; otherwise one round trip for the named
 * paragraphs by id (a changed paragraph's text; an added one's text, neighbours, content control
 * and nesting, place-added.ts), a second only when an added paragraph lies at the edge of a
 * content control or cell (its neighbours' controls), and the model is patched. A deletion, an
 * id the last read does not know, a paragraph gone meanwhile, or anything the texts and ids
 * cannot place gets the ordinary refresh. Null when the report is the one the pane has.
 */
export async function refreshChanged(session: Session): Promise<Snapshot | null> {
  const pending = session.pending;
  session.pending = nothingPending();
  const state = session.state;
  if (!state) return refresh(session);
  if (isQuiet(pending)) return newSnapshot(session, state);
  const ids = state.ids;
  if (pending.structure || !ids) return refresh(session);
  // An added paragraph the last read already holds (placed by the cursor check) is a changed one.
  const added = [...pending.added].filter((id) => !ids.includes(id));
  const changedIds = [...new Set([...pending.changed, ...pending.added])].filter((id) => ids.includes(id));
  if ([...pending.changed].some((id) => !ids.includes(id) && !pending.added.has(id))) return refresh(session);
  const next = await session
    .run((context) => patchByIds(context, state, changedIds, added))
    .catch(() => null);
  // A full read made meanwhile is newer than these texts.
  if (session.state !== state) return newSnapshot(session, session.state ?? state);
  // A paragraph gone meanwhile (ItemNotFound), a batch Word refused, or anything the ids and
  // texts cannot place: ask the ordinary way.
  if (!next) return refresh(session);
  session.state = next;
  return newSnapshot(session, next);
}

/**
 * In one Word.run: the texts of the paragraphs `changedIds` and what placing `addedIds` needs (1
 * round trip, 2 when an added paragraph lies at a control's or cell's edge); the state with them
 * applied ("same" as `state` when nothing changed), or null when they cannot be.
 */
export async function patchByIds(
  context: Word.RequestContext,
  state: State,
  changedIds: readonly string[],
  addedIds: readonly string[],
): Promise<State | null> {
  const ids = state.ids ?? [];
  const changed = changedIds.map((id) => context.document.getParagraphByUniqueLocalId(id).load("text"));
  const infos = addedIds.map((id) => queueAddedInfo(context.document.getParagraphByUniqueLocalId(id)));
  await context.sync();
  const texts = new Map<number, string>(
    changedIds.map((id, i) => [ids.indexOf(id), wordText(changed[i].text)]),
  );
  if (addedIds.length === 0) {
    const result = retextState(state, texts);
    return result === "same" ? state : result;
  }
  const runs = runsOf(
    ids,
    infos.map((get) => get()),
  );
  if (!runs) return null;
  const boundary = boundaryIds(state, runs);
  const ccOf = await controlIdsOf(context, boundary);
  return place(state, runs, ccOf, texts);
}

/**
 * How long after a safety check finds an unannounced change an event may still come for it:
 * Word delivers events after the edit (up to a few hundred ms on the web), so a check that falls
 * between an edit and its event would otherwise take events for missed.
 */
export const MISSED_GRACE_MS = 2000;

/**
 * The safety check while events are trusted: the ordinary refresh. A change it finds that no
 * event announced means events are being missed, and the pane is told to poll, unless an event
 * naming that change arrives within MISSED_GRACE_MS.
 */
export async function safetyCheck(session: Session): Promise<Snapshot | null> {
  const quiet = isQuiet(session.pending);
  const before = session.state;
  const snapshot = await refresh(session);
  const after = session.state;
  const watch = session.events;
  if (!quiet || before === null || after === before || !watch || watch.suspect) return snapshot;
  const sameCount =
    after !== null && after.wordTexts.length === before.wordTexts.length && before.ids !== null;
  const ids = new Set<string>();
  if (sameCount) {
    before.wordTexts.forEach((t, i) => {
      if (t !== after.wordTexts[i] && before.ids) ids.add(before.ids[i]);
    });
  }
  watch.suspect = {
    ids,
    structural: !sameCount,
    timer: setTimeout(() => {
      watch.suspect = null;
      if (session.events === watch) watch.onMissed();
    }, MISSED_GRACE_MS),
  };
  return snapshot;
}

/** An event that names what the safety check found: it was on its way, not missed. */
function clearSuspect(session: Session, kind: "changed" | "added" | "deleted", ids: readonly string[]): void {
  const suspect = session.events?.suspect;
  if (!suspect || !session.events) return;
  const named = kind === "changed" ? ids.some((id) => suspect.ids.has(id)) : suspect.structural;
  if (!named) return;
  clearTimeout(suspect.timer);
  session.events.suspect = null;
}
