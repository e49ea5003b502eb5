/**
 * The pane's behaviour over its host: the first read, following the cursor, refreshing by itself
 * while the user writes, and the user's actions (add, remove, go to, step, comments). Every host
 * call runs one at a time through one queue (`enqueue`) — reads, edits, refreshes, the cursor
 * check, select and go-to alike — so no two Word batches interleave; the user's actions show the
 * busy state, the pane's own refreshes are silent and never wait in front of the user (a
 * refresh is skipped while anything else is queued).
 *
 * Keeping the statuses current: where the host has paragraph events (WordApi 1.6,
 * `watchChanges`), an event schedules `refreshChanged` (which re-reads only what the events
 * named) EVENT_DELAY_MS later, at most one per interval, and a safety check (`refresh`) runs
 * every SAFETY_CHECK_MS and whenever the pane becomes visible; there is no poll. Without
 * events, or once the safety check found a change no event announced, the pane polls every
 * REFRESH_POLL_MS while visible.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useAnnounce } from "../a11y/announce";
import { outlineKey } from "../../core/keys";
import { buildOutline, entryOf, type FieldKey, type OutlineEntry } from "../../core/outline";
import { buildReview, stepReview, type Review, type ReviewItem, type ReviewTarget } from "../../core/review";
import { errorMessage } from "../errors";
import type { HostProblem, PlanstodHost, Snapshot } from "../host";
import { catalogueFor, paneCatalogue, type PaneText, type PartName } from "../i18n";
import { withoutFresh } from "../review/visible";
import {
  COMMENTS,
  REVIEW,
  TOP,
  initialState,
  paneReducer,
  type Anchor,
  type Feedback,
  type PaneState,
  type View,
} from "./reducer";

/** How long the cursor must rest before the pane asks the host where it is. */
export const SELECTION_DEBOUNCE_MS = 150;
/** How long after the last cursor move the pane checks the document again. */
export const REFRESH_DELAY_MS = 1000;
/** How often the pane checks the document while it is visible (typing may not move the selection). */
export const REFRESH_POLL_MS = 1000;
/**
 * How long after a paragraph event the pane re-reads what the events named; events arriving
 * meanwhile wait for the same check (at most one per this interval while the user types).
 */
export const EVENT_DELAY_MS = 1000;
/** With paragraph events, how often the safety check runs (it catches what events miss). */
export const SAFETY_CHECK_MS = 15000;
/** How soon a safety check that found another call running tries again. */
export const SAFETY_RETRY_MS = 250;

export interface PaneOptions {
  /** Interval of the background check; 0 turns it off (the check after a cursor move stays). */
  refreshPollMs?: number;
  /** Interval of the safety check while paragraph events are trusted; 0 turns it off. */
  safetyCheckMs?: number;
  /** Word's display language: the pane's language until a template is known. */
  displayLanguage?: string;
}

/** A block to add, as the pane knows it. */
export interface AddRequest extends PartName {
  type: string;
  /** The outline section's id (the entry key without "#n"). */
  sectionId: string;
  /** Where the result is shown; default: the new instance, or the table. */
  anchor?: Anchor;
}

export interface RemoveRequest {
  type: string;
  index: number;
  /** "Utvecklingsområde 3", or the table's name for a row. */
  title: string;
  kind: "instances" | "rows";
  /** Where the result is shown. */
  anchor: Anchor;
  /** Outline key that gets the keyboard focus after the removal, if any. */
  focusKey?: string;
}

export interface Pane {
  state: PaneState;
  text: PaneText;
  outline: OutlineEntry[] | null;
  review: Review | null;
  /** The outline entry the cursor is in. */
  currentKey: string | undefined;
  /** Set when Word refused the selection subscription: cursor following is off. */
  followError: HostProblem | null;
  actions: {
    reread: () => void;
    select: (field: FieldKey, anchor: Anchor) => void;
    goTo: (target: ReviewTarget, anchor: Anchor) => void;
    step: (dir: 1 | -1) => void;
    /** Goes to a review item and makes it the current one. */
    goToItem: (item: ReviewItem) => void;
    /** Removes a leftover instruction's text (the review item's target). */
    removeInstruction: (item: ReviewItem) => void;
    /** Ticks or clears a checklist item's box in Word. */
    setChecked: (field: FieldKey, checked: boolean, label: string, anchor: Anchor) => void;
    add: (request: AddRequest) => void;
    remove: (request: RemoveRequest) => void;
    insertComments: () => void;
    removeComments: () => void;
    /** Inserts one of Planstöd's own templates into the (empty) document, then works on it. */
    create: (templateId: string) => void;
    setView: (view: View) => void;
    setOpenItems: (open: string[]) => void;
    dismiss: () => void;
  };
}

const sameReport = (a: Snapshot | null, b: Snapshot): boolean =>
  a !== null && JSON.stringify(a.report) === JSON.stringify(b.report);

export function usePane(host: PlanstodHost | null, options: PaneOptions = {}): Pane {
  const pollMs = options.refreshPollMs ?? REFRESH_POLL_MS;
  const safetyMs = options.safetyCheckMs ?? SAFETY_CHECK_MS;
  /** Paragraph events are subscribed and trusted: no poll, only the safety check. */
  const [eventsOn, setEventsOn] = useState(false);
  const [state, dispatch] = useReducer(paneReducer, host?.capabilities.read ?? false, initialState);
  const { announce } = useAnnounce();
  const text = paneCatalogue(state.snapshot?.template?.language, options.displayLanguage);
  const [followError, setFollowError] = useState<HostProblem | null>(null);

  const outline = useMemo<OutlineEntry[] | null>(() => {
    const s = state.snapshot;
    return s?.template && s.report ? buildOutline(s.template, s.report, s.choices) : null;
  }, [state.snapshot]);
  const review = useMemo<Review | null>(() => {
    const s = state.snapshot;
    return s?.template && s.report ? withoutFresh(buildReview(s.template, s.report), state.fresh) : null;
  }, [state.snapshot, state.fresh]);

  // Listeners and timers live as long as the host; they read the latest state from here.
  const latest = useRef({ state, outline, text, eventsOn, review });
  useEffect(() => {
    latest.current = { state, outline, text, eventsOn, review };
  }, [state, outline, text, eventsOn, review]);

  // One host call at a time. `userBusy`: a user action is running or queued (a second one is ignored:
  // buttons stay focusable while busy, so a second click must not start another edit).
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const userBusy = useRef(false);
  /** A check after paragraph events is queued (one is enough). */
  const changedQueued = useRef(false);
  const enqueue = useCallback((job: () => Promise<void>): Promise<void> => {
    pending.current++;
    const next = queue.current.then(job).finally(() => {
      pending.current--;
    });
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const say = useCallback(
    (feedback: Feedback | null) => {
      dispatch({ type: "feedback", feedback });
      if (feedback) announce(feedback.text, { polite: feedback.intent !== "error" });
    },
    [announce],
  );

  /** Runs a user action: busy state, its feedback, and a fresh read after a failed edit. */
  const act = useCallback(
    (
      busy: "read" | "edit" | "comments",
      anchor: Anchor,
      job: () => Promise<Feedback | null>,
      rereadOnError: boolean,
    ) => {
      if (!host || userBusy.current) return;
      userBusy.current = true;
      dispatch({ type: "busy", busy });
      dispatch({ type: "feedback", feedback: null });
      void enqueue(async () => {
        try {
          say(await job());
        } catch (e) {
          say({ intent: "error", text: errorMessage(e, latest.current.text), anchor });
          if (rereadOnError) {
            // The document may have changed since it was read (that is usually why an edit is
            // refused): show it as it is now, keeping the message about the refusal.
            try {
              dispatch({ type: "snapshot", snapshot: await host.read() });
            } catch {
              // The refusal message stays; "Uppdatera" tries again.
            }
          }
        } finally {
          userBusy.current = false;
          dispatch({ type: "busy", busy: null });
        }
      });
    },
    [host, enqueue, say],
  );

  // The first read. The host is fixed for the pane's life (give App a new `key` to change it).
  useEffect(() => {
    if (!host?.capabilities.read) return;
    let active = true;
    userBusy.current = true;
    void enqueue(async () => {
      try {
        const next = await host.read();
        if (active) dispatch({ type: "snapshot", snapshot: next });
      } catch (e) {
        if (active) say({ intent: "error", text: errorMessage(e, latest.current.text), anchor: TOP });
      } finally {
        userBusy.current = false;
        if (active) dispatch({ type: "busy", busy: null });
      }
    });
    return () => {
      active = false;
    };
  }, [host, enqueue, say]);

  /**
   * The pane's own check: silent, skipped while anything else runs, announces a changed count.
   * `changed`: only what paragraph events named (refreshChanged), else the full re-check.
   */
  const autoRefresh = useCallback(
    async (changed = false) => {
      // Nothing to keep up with before a first read, or in a document that is no known template
      // (its refresh would be a full read every time).
      if (!host?.capabilities.read || !latest.current.state.snapshot?.template) return;
      // The check after events waits its turn (once) instead of being skipped: the events that
      // asked for it are not sent again. The poll and the safety check skip while anything runs.
      if (changed ? changedQueued.current : pending.current > 0) return;
      if (changed) changedQueued.current = true;
      await enqueue(async () => {
        if (changed) changedQueued.current = false;
        try {
          const next = changed && host.refreshChanged ? await host.refreshChanged() : await host.refresh();
          if (!next) return;
          const before = latest.current.state.snapshot?.report;
          dispatch({ type: "snapshot", snapshot: next });
          const after = next.report;
          if (after && before && after.requiredFilled !== before.requiredFilled) {
            const t = latest.current.text;
            announce(t.summary(after.requiredFilled, after.requiredTotal), {
              polite: true,
            });
          }
        } catch {
          // A background check that fails says nothing: the next one, or "Uppdatera", tries again.
        }
      });
    },
    [host, enqueue, announce],
  );

  // Following the cursor, and checking the document again once the cursor has rested.
  useEffect(() => {
    if (!host?.capabilities.followCursor) return;
    let active = true;
    let cursorTimer: ReturnType<typeof setTimeout> | undefined;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let call = 0;
    const check = async () => {
      const mine = ++call;
      try {
        // Through the queue like every host call: it waits for an edit or a refresh to finish.
        let field: FieldKey | null = null;
        await enqueue(async () => {
          if (active && mine === call) field = await host.fieldAtCursor();
        });
        if (!active || mine !== call) return;
        const o = latest.current.outline;
        const entry = field && o ? entryOf(o, field) : undefined;
        dispatch({ type: "cursor", cursor: field, entryKey: entry?.key });
      } catch {
        // Following the cursor is a convenience: a failed look-up must not cover the pane in
        // errors at every cursor move. The outline and its links keep working.
      }
    };
    const stop = host.onSelectionChanged(
      () => {
        clearTimeout(cursorTimer);
        cursorTimer = setTimeout(() => void check(), SELECTION_DEBOUNCE_MS);
        clearTimeout(refreshTimer);
        // With paragraph events the events say when to check; the cursor moving does not.
        if (!latest.current.eventsOn)
          refreshTimer = setTimeout(() => active && void autoRefresh(), REFRESH_DELAY_MS);
      },
      (problem) => {
        if (!active) return;
        clearTimeout(cursorTimer);
        setFollowError(problem);
      },
    );
    return () => {
      active = false;
      clearTimeout(cursorTimer);
      clearTimeout(refreshTimer);
      stop();
    };
  }, [host, autoRefresh, enqueue]);

  // Word's paragraph events, where the host has them: each schedules a check of what it named.
  useEffect(() => {
    const watch = host?.watchChanges?.bind(host);
    if (!host?.capabilities.read || !watch) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => void) | null = null;
    // At most one check per EVENT_DELAY_MS while events keep arriving (Word sends one per
    // keystroke): the first event starts the wait, later ones ride along.
    const changed = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (active) void autoRefresh(true);
      }, EVENT_DELAY_MS);
    };
    // A change the safety check found and no event announced: events are missed; poll again.
    const missed = () => active && setEventsOn(false);
    void enqueue(async () => {
      const stopWatching = await watch(changed, missed).catch(() => null);
      if (!active) stopWatching?.();
      else if (stopWatching) {
        stop = stopWatching;
        setEventsOn(true);
      }
    });
    return () => {
      active = false;
      clearTimeout(timer);
      stop?.();
      setEventsOn(false);
    };
  }, [host, enqueue, autoRefresh]);

  // Without trusted events, the gentle poll while the pane is visible (typing does not always
  // move Word's selection events); with them, the safety check every SAFETY_CHECK_MS.
  useEffect(() => {
    const every = eventsOn ? safetyMs : pollMs;
    if (!host?.capabilities.read || every <= 0) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      clearTimeout(retry);
      if (typeof document !== "undefined" && document.visibilityState === "hidden") return;
      // The safety check is not skipped while another call runs (events arrive while the user
      // types, so it could be skipped for good): it tries again shortly.
      if (eventsOn && pending.current > 0) retry = setTimeout(tick, SAFETY_RETRY_MS);
      else void autoRefresh();
    };
    const id = setInterval(tick, every);
    return () => {
      clearInterval(id);
      clearTimeout(retry);
    };
  }, [host, pollMs, safetyMs, eventsOn, autoRefresh]);

  // The safety check whenever the pane becomes visible again (what happened meanwhile is unknown).
  useEffect(() => {
    if (!host?.capabilities.read || typeof document === "undefined") return;
    const onVisible = () => {
      if (document.visibilityState === "visible") void autoRefresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [host, autoRefresh]);

  const reread = useCallback(() => {
    if (!host) return;
    act(
      "read",
      TOP,
      async () => {
        const before = latest.current.state.snapshot;
        const next = await host.read();
        dispatch({ type: "snapshot", snapshot: next });
        if (!next.template) return null;
        return {
          intent: "info",
          text: latest.current.text.refreshed(!sameReport(before, next)),
          anchor: TOP,
        };
      },
      false,
    );
  }, [host, act]);

  const moveCursor = useCallback((field: FieldKey) => {
    const o = latest.current.outline;
    dispatch({ type: "cursor", cursor: field, entryKey: o ? entryOf(o, field)?.key : undefined });
  }, []);

  /** A message stays until the user's next action (which may bring its own). */
  const settle = useCallback(() => {
    if (latest.current.state.feedback) dispatch({ type: "feedback", feedback: null });
  }, []);

  const goTo = useCallback(
    (target: ReviewTarget, anchor: Anchor) => {
      if (!host) return;
      settle();
      if (target.kind === "field") moveCursor(target.field);
      enqueue(() => host.selectTarget(target)).catch((e: unknown) => {
        say({ intent: "error", text: errorMessage(e, latest.current.text), anchor });
      });
    },
    [host, moveCursor, say, enqueue, settle],
  );

  const select = useCallback(
    (field: FieldKey, anchor: Anchor) => {
      if (!host) return;
      settle();
      moveCursor(field);
      enqueue(() => host.select(field)).catch((e: unknown) => {
        say({ intent: "error", text: errorMessage(e, latest.current.text), anchor });
      });
    },
    [host, moveCursor, say, enqueue, settle],
  );

  const goToItem = useCallback(
    (item: ReviewItem) => {
      dispatch({ type: "review-step", step: { key: item.key, target: item.target, wrapped: null } });
      if (item.target) goTo(item.target, REVIEW);
    },
    [goTo],
  );

  const step = useCallback(
    (dir: 1 | -1) => {
      const { snapshot, cursor, reviewStep } = latest.current.state;
      const report = snapshot?.report;
      const current = latest.current.review;
      if (!host || !report || !current) return;
      const next = stepReview(current, report, { currentKey: reviewStep?.key, cursor }, dir);
      if (!next) return;
      const { item } = next;
      const t = latest.current.text;
      const field = item.target?.kind === "field" ? item.target.field : null;
      const o = latest.current.outline;
      const entry = field && o ? entryOf(o, field) : undefined;
      const where = entry?.block?.kind === "instances" ? entry.title : undefined;
      const said = t.review.stepped(item.title, next.position, next.total, where);
      announce(next.wrapped ? `${t.review.wrapped(dir)} ${said}` : said, { polite: true });
      dispatch({
        type: "review-step",
        step: { key: item.key, target: item.target, wrapped: next.wrapped ? dir : null },
      });
      if (item.target) goTo(item.target, REVIEW);
      else settle();
    },
    [host, goTo, announce, settle],
  );

  const add = useCallback(
    (request: AddRequest) => {
      if (!host) return;
      act(
        "edit",
        request.anchor ?? request.sectionId,
        async () => {
          const next = await host.addBlock(request.type);
          const t = latest.current.text;
          const index = next.report?.blocks[request.type] ?? 0;
          const rows = request.kind === "rows";
          const key = rows ? request.sectionId : outlineKey({ sectionId: request.sectionId, index });
          const first = firstField(next, request.type, index);
          const feedback: Feedback = {
            intent: "success",
            text: next.trackChanges
              ? `${t.added(request, index)} ${t.tracked.added}`
              : t.added(request, index),
            anchor: request.anchor ?? key,
            action: first ? { label: t.goToFirstField, target: { kind: "field", field: first } } : undefined,
          };
          dispatch({
            type: "added",
            snapshot: next,
            fresh: rows ? null : { type: request.type, index, key, entered: false },
            openKey: key,
          });
          return feedback;
        },
        true,
      );
    },
    [host, act],
  );

  const remove = useCallback(
    (request: RemoveRequest) => {
      if (!host) return;
      act(
        "edit",
        request.anchor,
        async () => {
          const count = latest.current.state.snapshot?.report?.blocks[request.type] ?? 0;
          const next = await host.removeBlock(request.type, request.index);
          dispatch({ type: "snapshot", snapshot: next });
          if (request.focusKey) dispatch({ type: "focus", key: request.focusKey });
          const t = latest.current.text;
          // Later instances moved up one number: say so, or the user looks for the old numbers.
          const renumbered = request.kind === "instances" && request.index < count;
          const message =
            request.kind === "rows"
              ? t.removedRow(request.title, request.index)
              : renumbered
                ? `${t.removed(request.title)} ${t.renumbered}`
                : t.removed(request.title);
          const shown = next.trackChanges ? `${message} ${t.tracked.removed}` : message;
          return { intent: "success", text: shown, anchor: request.anchor };
        },
        true,
      );
    },
    [host, act],
  );

  const removeInstruction = useCallback(
    (item: ReviewItem) => {
      const remove = host?.removeInstruction?.bind(host);
      if (!remove || item.target?.kind !== "instruction") return;
      const ordinal = item.target.ordinal;
      act(
        "edit",
        REVIEW,
        async () => {
          const next = await remove(ordinal);
          dispatch({ type: "snapshot", snapshot: next });
          dispatch({ type: "review-step", step: null });
          return { intent: "success", text: latest.current.text.review.instructionRemoved, anchor: REVIEW };
        },
        true,
      );
    },
    [host, act],
  );

  const setChecked = useCallback(
    (field: FieldKey, checked: boolean, label: string, anchor: Anchor) => {
      const tick = host?.setChecked?.bind(host);
      if (!tick) return;
      act(
        "edit",
        anchor,
        async () => {
          const next = await tick(field, checked);
          dispatch({ type: "snapshot", snapshot: next });
          announce(latest.current.text.checklist.ticked(label, checked), { polite: true });
          return null;
        },
        true,
      );
    },
    [host, act, announce],
  );

  const insertComments = useCallback(() => {
    if (!host) return;
    act(
      "comments",
      COMMENTS,
      async () => {
        const result = await host.insertReviewComments();
        return {
          intent: "success",
          text: latest.current.text.comments.inserted(result.inserted, result.removed),
          anchor: COMMENTS,
        };
      },
      false,
    );
  }, [host, act]);

  const removeComments = useCallback(() => {
    if (!host) return;
    act(
      "comments",
      COMMENTS,
      async () => {
        const count = await host.removeReviewComments();
        return { intent: "success", text: latest.current.text.comments.removed(count), anchor: COMMENTS };
      },
      false,
    );
  }, [host, act]);

  const create = useCallback(
    (templateId: string) => {
      const createPlan = host?.createPlan?.bind(host);
      if (!createPlan) return;
      act(
        "edit",
        TOP,
        async () => {
          const next = await createPlan(templateId);
          dispatch({ type: "snapshot", snapshot: next });
          // Said in the new plan's language: the pane now speaks it.
          const t = catalogueFor(next.template?.language).newPlan;
          return { intent: "success", text: t.created(next.template?.name ?? ""), anchor: TOP };
        },
        true,
      );
    },
    [host, act],
  );

  const setView = useCallback(
    (view: View) => {
      settle();
      dispatch({ type: "view", view });
    },
    [settle],
  );
  const setOpenItems = useCallback((openItems: string[]) => dispatch({ type: "open", openItems }), []);
  const dismiss = useCallback(() => dispatch({ type: "feedback", feedback: null }), []);

  const currentKey = state.cursor && outline ? entryOf(outline, state.cursor)?.key : undefined;
  return {
    state,
    text,
    outline,
    review,
    currentKey,
    followError,
    actions: {
      reread,
      select,
      goTo,
      step,
      goToItem,
      removeInstruction,
      setChecked,
      add,
      remove,
      insertComments,
      removeComments,
      create,
      setView,
      setOpenItems,
      dismiss,
    },
  };
}

/** The first field of a block instance in a snapshot. */
function firstField(snapshot: Snapshot, type: string, index: number): FieldKey | null {
  const f = snapshot.report?.fields.find((x) => x.block?.type === type && x.block.index === index);
  return f ? { id: f.id, block: f.block } : null;
}
