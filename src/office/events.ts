/**
 * Statuses from Word's paragraph events (WordApi 1.6: Document.onParagraphAdded, Changed and
 * Deleted, each naming paragraphs by uniqueLocalId).
 *
 * Events say *that* something changed, never *what is true*: a handler only notes what was
 * named, and the check that follows asks Word. A changed paragraph is re-read by its id
 * (getParagraphByUniqueLocalId: its text only, one round trip for every paragraph named) and
 * re-texted in the model by the engine (src/ooxml/read/retext.ts). An added or deleted
 * paragraph, an id the last read does not know, a paragraph gone meanwhile, or a change the text
 * cannot place gets the ordinary refresh (refresh.ts: the texts, then the OOXML only when the
 * structure changed).
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
import { nothingPending, type Session, type State } from "./session";
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
  const note = (args: ParagraphEventArgs, structure: boolean) => {
    const pending = session.pending;
    if (structure || !Array.isArray(args.uniqueLocalIds)) pending.structure = true;
    else for (const id of args.uniqueLocalIds) pending.changed.add(id);
    listener();
    return Promise.resolve();
  };
  const onChanged = (args: ParagraphEventArgs) => note(args, false);
  const onStructure = (args: ParagraphEventArgs) => note(args, true);
  let results: OfficeExtension.EventHandlerResult<unknown>[] = [];
  try {
    // The ids of the paragraphs of the read already made ride in the same round trip.
    const state = session.state;
    let ids: string[] | null = null;
    results = await session.apis.Word.run(async (context) => {
      const document = context.document;
      const added = [
        document.onParagraphChanged.add(onChanged),
        document.onParagraphAdded.add(onStructure),
        document.onParagraphDeleted.add(onStructure),
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
  session.events = { onMissed };
  session.paragraphIds = true;
  return () => {
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
 * The check after events: nothing when none is pending; the named paragraphs' texts by id (1
 * round trip) when only texts changed; the ordinary refresh otherwise. Null when the report is
 * the one the pane has.
 */
export async function refreshChanged(session: Session): Promise<Snapshot | null> {
  const pending = session.pending;
  session.pending = nothingPending();
  const state = session.state;
  if (!state) return refresh(session);
  if (!pending.structure && pending.changed.size === 0) return newSnapshot(session, state);
  if (pending.structure || !state.ids) return refresh(session);
  const ordinals = [...pending.changed].map((id) => state.ids?.indexOf(id) ?? -1);
  if (ordinals.some((o) => o < 0)) return refresh(session);
  const texts = await session
    .run(async (context) => {
      const paragraphs = [...pending.changed].map((id) =>
        context.document.getParagraphByUniqueLocalId(id).load("text"),
      );
      await context.sync();
      return paragraphs.map((p) => wordText(p.text));
    })
    .catch(() => null);
  // A paragraph gone meanwhile (ItemNotFound) or a batch Word refused: ask the ordinary way.
  if (!texts) return refresh(session);
  const changed = new Map<number, string>(ordinals.map((o, i) => [o, texts[i]]));
  // A full read made meanwhile is newer than these texts.
  if (session.state !== state) return newSnapshot(session, session.state ?? state);
  const result = retextState(state, changed);
  if (result === null) return refresh(session);
  const next: State = result === "same" ? state : result;
  session.state = next;
  return newSnapshot(session, next);
}

/**
 * The safety check while events are trusted: the ordinary refresh; a change it finds that no
 * event announced means events are being missed, and the pane is told to poll.
 */
export async function safetyCheck(session: Session): Promise<Snapshot | null> {
  const quiet = !session.pending.structure && session.pending.changed.size === 0;
  const before = session.state;
  const snapshot = await refresh(session);
  const missed = quiet && before !== null && session.state !== before;
  if (missed) session.events?.onMissed();
  return snapshot;
}
