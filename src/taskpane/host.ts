import type { FieldKey } from "../core/outline";
import type { ReviewTarget } from "../core/review";
import type { Report, TemplateDef } from "../core/types";
import type { SelfTestResult } from "./diagnostics/types";

/**
 * What the host reports as a problem: a code with parameters, worded by the pane's catalogue
 * (src/taskpane/i18n, `host` block) in the pane's language. The host never words a problem.
 */
export type HostProblemCode =
  /** The client lacks WordApi 1.3: nothing works. */
  | "needs-wordapi-13"
  /** The document is open read-only. */
  | "read-only"
  /** The client has no selection events (DocumentEvents), or Word refused the subscription. */
  | "no-selection-events"
  /** The client has no comments API (WordApi 1.4). */
  | "no-comments-api"
  /** Word on the web answered NotAllowed: `feature` is "comments" or "add-block". */
  | "not-supported-on-web"
  /** NotAllowed on the desktop (a dialog or another edit holds the document). */
  | "not-allowed"
  /** Office.js error codes Word answers with. */
  | "access-denied"
  | "item-not-found"
  | "general-exception"
  | "invalid-argument"
  | "api-not-found"
  | "word-failed"
  /** The document changed since the last read; nothing was changed. */
  | "document-changed"
  /** Word changed the document otherwise than expected. */
  | "edit-unexpected"
  | "field-gone"
  | "field-not-found"
  | "instruction-gone"
  /** The user typed into the instruction's paragraph since the read: nothing is removed. */
  | "instruction-typed-into"
  /** Ticking a checklist box: the client lacks WordApi 1.7, the box is not found, or Word did not keep the tick. */
  | "checkbox-unsupported"
  | "checkbox-not-found"
  | "checkbox-not-verified"
  | "instruction-not-found"
  /** body.getOoxml failed: the outline is shown without statuses. */
  | "degraded"
  | "locked-remove"
  | "locked-add"
  | "tracking-remove-refused"
  | "tracking-remove-unverified"
  | "create-unsupported"
  | "create-not-empty"
  | "create-unknown-template"
  | "create-not-recognised"
  | "comments-unknown-template"
  | "comments-changed";

export type HostProblemParams = Readonly<Record<string, string | number>>;

export interface HostProblem {
  code: HostProblemCode;
  params?: HostProblemParams;
  /** The language to word it in when it is not the pane's current one (a new Danish plan). */
  language?: "sv" | "da";
}

/** A host call refused or failed with a problem (thrown by the adapter). */
export class HostProblemError extends Error implements HostProblem {
  readonly code: HostProblemCode;
  readonly params?: HostProblemParams;
  readonly language?: "sv" | "da";
  constructor(problem: HostProblem) {
    super(problem.code);
    this.name = "HostProblemError";
    this.code = problem.code;
    if (problem.params) this.params = problem.params;
    if (problem.language) this.language = problem.language;
  }
}

/** Whether a thrown value is a host problem (by shape: it may come from another bundle). */
export function isHostProblem(error: unknown): error is HostProblemError {
  return (
    error instanceof Error &&
    error.name === "HostProblemError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

/**
 * What the pane needs from its host document. The Word adapter (src/office/) implements it over
 * Office.js; tests and the harness implement it over a test double. The pane never touches
 * `Word` or `Office` itself.
 */

export interface Snapshot {
  /** The recognised template, or null when the document is none of the supported ones. */
  template: TemplateDef | null;
  report: Report | null;
  /** Track Changes is on in the document (edits show as revisions); absent when off or unknown. */
  trackChanges?: boolean;
  /**
   * Set when Word could not hand over the document (body.getOoxml failed): code "degraded".
   * `report` is then null and `template` is recognised from the paragraph texts, if at all; the
   * pane shows the template's outline without statuses.
   */
  degraded?: HostProblem;
  /** True when the document holds nothing at all (no template): the pane offers a new plan. */
  empty?: boolean;
  /** Each dropdown field's choices as the document holds them, by fieldKeyString (core/keys.ts). */
  choices?: Record<string, string[]>;
}

export interface HostCapabilities {
  /** Each feature the client supports; a missing one is explained in `missing`. */
  read: boolean;
  navigate: boolean;
  followCursor: boolean;
  editBlocks: boolean;
  /** Word comments can be inserted and removed (WordApi 1.4). */
  comments: boolean;
  /** What this Word client lacks, worded by the pane for a message bar. */
  missing: HostProblem[];
  /** The document is open read-only (Office.context.document.mode): nothing is edited. */
  readOnly?: boolean;
}

export interface PlanstodHost {
  readonly capabilities: HostCapabilities;
  /** Reads and checks the document. */
  read(): Promise<Snapshot>;
  /** Selects a field's answer (or its label) in the document. */
  select(field: FieldKey): Promise<void>;
  /** The field the cursor is in, if any. */
  fieldAtCursor(): Promise<FieldKey | null>;
  /**
   * Calls `listener` when the selection moves; returns a function that stops listening. When
   * Word refuses the subscription, `onUnavailable` gets the problem (the pane then stops following
   * the cursor).
   */
  onSelectionChanged(listener: () => void, onUnavailable?: (problem: HostProblem) => void): () => void;
  /** Adds a fresh instance of a block after instance `after` (default: the last); returns the new state. */
  addBlock(type: string, after?: number): Promise<Snapshot>;
  /** Removes an unused instance; refused (with a Swedish message) when it holds any text. */
  removeBlock(type: string, index: number): Promise<Snapshot>;
  /**
   * A cheap re-check while the user writes: a new snapshot when anything a status depends on
   * changed since the last read, null when nothing did. Falls back to a full read only when the
   * document's structure changed.
   */
  refresh(): Promise<Snapshot | null>;
  /**
   * Subscribes to Word's paragraph events (WordApi 1.6), which say only *that* something
   * changed: `listener` is called after each (the pane then calls refreshChanged); `onMissed`
   * when a safety check (refresh) found a change no event announced (the pane then polls
   * again). Resolves to a function that stops listening, or null when the client has no such
   * events or refused them (the pane polls). Hosts without events leave it out.
   */
  watchChanges?(listener: () => void, onMissed: () => void): Promise<(() => void) | null>;
  /** The check after events: re-reads only what they named; null when the report is unchanged. */
  refreshChanged?(): Promise<Snapshot | null>;
  /** Selects what a review item points at (a field, or a leftover instruction). */
  selectTarget(target: ReviewTarget): Promise<void>;
  /**
   * Inserts the current review as Word comments (one per missing field and warning), replacing
   * Planstöd's earlier comments and keeping everyone else's.
   */
  insertReviewComments(): Promise<CommentsResult>;
  /** Removes Planstöd's own comments only; returns how many were removed. */
  removeReviewComments(): Promise<number>;
  /**
   * Runs the self-test of the adapter's assumptions in this client (diagnostics page; it adds
   * and removes a block, so it is meant for a scratch copy). Hosts without Word leave it out.
   */
  selfTest?(): Promise<SelfTestResult>;
  /** Whether `createPlan` can work in this client (WordApi 1.1: Body.insertOoxml). */
  readonly canCreatePlan?: boolean;
  /**
   * Inserts one of Planstöd's own templates into an empty document and reads it; refused (with a
   * clear message) when the document holds anything.
   */
  createPlan?(templateId: string): Promise<Snapshot>;
  /**
   * Removes the n-th (from 0) leftover template instruction's text, and nothing else, as one
   * undoable edit verified as every edit is; refused (PlanstodError with the reason) when the
   * paragraph holds anything the user wrote. Hosts that cannot edit leave it out.
   */
  removeInstruction?(ordinal: number): Promise<Snapshot>;
  /** Whether `setChecked` works in this client (WordApi 1.7: the checkbox content control API). */
  readonly canTick?: boolean;
  /** Ticks or clears a checklist item's box in the document, read back and verified. */
  setChecked?(field: FieldKey, checked: boolean): Promise<Snapshot>;
}

export interface CommentsResult {
  /** Comments inserted now. */
  inserted: number;
  /** Planstöd's earlier comments removed (replaced, or dropped because the field is now filled). */
  removed: number;
}
