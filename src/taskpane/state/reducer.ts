/**
 * The pane's state in one place: what the document looks like (the last snapshot), what the
 * pane is doing, what it says, and what the user has open. Pure: `usePane` (./usePane.ts) talks
 * to the host and dispatches these actions.
 */
import { sameField, type FieldKey } from "../../core/outline";
import { requiredChange, type RequiredChange, type ReviewTarget } from "../../core/review";
import type { Snapshot } from "../host";

export type Busy = "read" | "edit" | "comments" | null;

export type View = "outline" | "review";

/** Where a message is shown: an outline entry's key, or one of the pane's areas. */
export type Anchor = string;
export const TOP: Anchor = "top";
export const REVIEW: Anchor = "review";
export const COMMENTS: Anchor = "comments";

export interface Feedback {
  intent: "success" | "error" | "info";
  text: string;
  /** Shown next to what the user acted on. */
  anchor: Anchor;
  /** An offer that goes with the message, e.g. "Gå till första fältet" after an add. */
  action?: { label: string; target: ReviewTarget };
}

/** A block instance the user has just added: not called unused until the user has been in it and left. */
export interface Fresh {
  type: string;
  index: number;
  /** Its outline key. */
  key: string;
  /** The cursor has been in it. */
  entered: boolean;
}

/** Where the user is in Granska's walk: the item stepped (or gone) to, and whether the walk started over. */
export interface ReviewStep {
  key: string;
  /** Where the item points: the step is left behind when the cursor moves to another field. */
  target: ReviewTarget | null;
  /** 1 or -1 when this step started over (forwards from the start, backwards from the end). */
  wrapped: 1 | -1 | null;
}

export interface PaneState {
  snapshot: Snapshot | null;
  busy: Busy;
  feedback: Feedback | null;
  /** Outline entries open. */
  openItems: string[];
  /** The field the cursor is in, as far as the pane knows. */
  cursor: FieldKey | null;
  /** Moves keyboard focus to an outline entry's header (a new object each time). */
  focusRequest: { key: string } | null;
  view: View;
  fresh: Fresh | null;
  /** The review item the user is on (set by Nästa/Föregående and by a click in the review). */
  reviewStep: ReviewStep | null;
  /** Why the number of required fields changed with the last snapshot that changed it. */
  requiredChange: RequiredChange | null;
}

export const initialState = (reading: boolean): PaneState => ({
  snapshot: null,
  busy: reading ? "read" : null,
  feedback: null,
  openItems: [],
  cursor: null,
  focusRequest: null,
  view: "outline",
  fresh: null,
  reviewStep: null,
  requiredChange: null,
});

export type PaneAction =
  | { type: "busy"; busy: Busy }
  | { type: "snapshot"; snapshot: Snapshot; feedback?: Feedback | null }
  | { type: "feedback"; feedback: Feedback | null }
  | { type: "open"; openItems: string[] }
  /** The cursor moved (or the pane moved it); `entryKey` is the outline entry holding it, to open. */
  | { type: "cursor"; cursor: FieldKey | null; entryKey?: string }
  | { type: "focus"; key: string }
  | { type: "view"; view: View }
  | { type: "review-step"; step: ReviewStep | null }
  | { type: "added"; snapshot: Snapshot; fresh: Fresh | null; openKey: string };

const inBlock = (field: FieldKey | null, fresh: Fresh): boolean =>
  field?.block?.type === fresh.type && field.block.index === fresh.index;

const withOpen = (open: string[], key: string | undefined): string[] =>
  key === undefined || open.includes(key) ? open : [...open, key];

/** A fresh block stays fresh while it is still there and still unused. */
function keepFresh(fresh: Fresh | null, snapshot: Snapshot): Fresh | null {
  if (!fresh) return null;
  const section = snapshot.report?.sections.find(
    (s) => s.block?.type === fresh.type && s.block.index === fresh.index,
  );
  return section && !section.used ? fresh : null;
}

/** The change in required fields from the state's snapshot to the next, kept until the next change. */
function changeOf(state: PaneState, next: Snapshot): RequiredChange | null {
  const before = state.snapshot?.report;
  const after = next.report;
  const template = next.template;
  if (!before || !after || !template) return after ? null : state.requiredChange;
  if (before.requiredTotal === after.requiredTotal)
    return before.template === after.template ? state.requiredChange : null;
  return requiredChange(template, before, after);
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "busy":
      return { ...state, busy: action.busy };
    case "snapshot":
      return {
        ...state,
        snapshot: action.snapshot,
        requiredChange: changeOf(state, action.snapshot),
        fresh: keepFresh(state.fresh, action.snapshot),
        feedback: action.feedback === undefined ? state.feedback : action.feedback,
      };
    case "feedback":
      return { ...state, feedback: action.feedback };
    case "open":
      return { ...state, openItems: action.openItems };
    case "cursor": {
      let fresh = state.fresh;
      if (fresh && inBlock(action.cursor, fresh)) fresh = fresh.entered ? fresh : { ...fresh, entered: true };
      else if (fresh?.entered && action.cursor !== null) fresh = null;
      const same =
        action.cursor === null
          ? state.cursor === null
          : state.cursor !== null && sameField(state.cursor, action.cursor);
      // The user moved on from the review item: it is no longer the current one.
      const step = state.reviewStep;
      const left =
        step !== null &&
        !same &&
        action.cursor !== null &&
        !(step.target?.kind === "field" && sameField(step.target.field, action.cursor));
      return {
        ...state,
        cursor: same ? state.cursor : action.cursor,
        reviewStep: left ? null : step,
        fresh,
        openItems: withOpen(state.openItems, action.entryKey),
      };
    }
    case "focus":
      return { ...state, focusRequest: { key: action.key } };
    case "view":
      return { ...state, view: action.view };
    case "review-step":
      return { ...state, reviewStep: action.step };
    case "added":
      return {
        ...state,
        snapshot: action.snapshot,
        requiredChange: changeOf(state, action.snapshot),
        fresh: action.fresh,
        openItems: withOpen(state.openItems, action.openKey),
      };
  }
}
