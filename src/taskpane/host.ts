import type { FieldKey } from "../core/outline";
import type { ReviewTarget } from "../core/review";
import type { Report, TemplateDef } from "../core/types";
import type { SelfTestResult } from "./diagnostics/types";

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
   * Set when Word could not hand over the document (body.getOoxml failed): a Swedish message.
   * `report` is then null and `template` is recognised from the paragraph texts, if at all; the
   * pane shows the template's outline without statuses.
   */
  degraded?: string;
  /** True when the document holds nothing at all (no template): the pane offers a new plan. */
  empty?: boolean;
}

export interface HostCapabilities {
  /** Each feature the client supports; a missing one is explained in `missing`. */
  read: boolean;
  navigate: boolean;
  followCursor: boolean;
  editBlocks: boolean;
  /** Word comments can be inserted and removed (WordApi 1.4). */
  comments: boolean;
  /** Swedish explanations of what this Word client lacks, for a message bar. */
  missing: string[];
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
   * Word refuses the subscription, `onUnavailable` gets a Swedish explanation (the pane then
   * stops following the cursor).
   */
  onSelectionChanged(listener: () => void, onUnavailable?: (message: string) => void): () => void;
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
