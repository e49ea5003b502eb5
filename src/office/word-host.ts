/**
 * The Word adapter's facade: the pane's PlanstodHost over one session (session.ts) and one file
 * per operation. The adapter is the only code that touches `Word.*` and `Office.*` (besides the
 * pane's theme check in src/taskpane/office-env.ts); recognition, the completeness rules, the
 * block operations and where things are (src/ooxml/read/locate.ts) are the engine's, the same
 * code the command line runs. Problems are thrown as codes (problems.ts) the pane words.
 *
 * Round trips (context.sync), for any document size: read 1 (read.ts); navigate 1, 3 after a
 * stale read (navigate.ts); field at cursor 1 (by id: one more per new paragraph around it and
 * one for the controls at its edge; by text: 2 when the paragraphs above the cursor changed)
 * (cursor.ts); refresh 1, 2 when the structure changed (refresh.ts); paragraph events: the named
 * paragraphs 1, 2 when Enter added one at a control's edge (events.ts); add or remove a block 3,
 * 4 when Word's texts cannot verify it (replay-edit.ts); review comments 3 (comments.ts); a new
 * plan 2 + read (create-plan.ts). The figures Word charges for
 * them are in docs/design.md ("What Word costs").
 */
import { PlanstodError } from "../core/messages";
import type { FieldKey } from "../core/outline";
import type { ReviewTarget } from "../core/review";
import type { SelfTestResult } from "../taskpane/diagnostics/types";
import type { CommentsResult, HostCapabilities, HostProblem, PlanstodHost, Snapshot } from "../taskpane/host";
import type { OfficeApis } from "./apis";
import { insertReviewComments, removeReviewComments } from "./comments";
import { canCreatePlan, createPlan } from "./create-plan";
import { fieldAtCursor, onSelectionChanged } from "./cursor";
import { refreshChanged, safetyCheck, watchParagraphs } from "./events";
import { selectField, selectTarget } from "./navigate";
import { readDocument } from "./read";
import { refresh } from "./refresh";
import { replayEdit } from "./replay-edit";
import { Session } from "./session";
import { canTick, setCheckbox } from "./checkbox";
import { removeInstruction } from "./remove-instruction";
import { problem } from "./problems";

export type { OfficeApis } from "./apis";
export { capabilitiesOf } from "./capabilities";

export class WordHost implements PlanstodHost {
  readonly capabilities: HostCapabilities;
  /** The client can insert a new plan into an empty document (create-plan.ts). */
  readonly canCreatePlan: boolean;
  /** The session: the last read and the Office APIs (exposed for the self-test and tests). */
  readonly session: Session;

  constructor(apis: OfficeApis) {
    this.session = new Session(apis);
    this.capabilities = this.session.capabilities;
    this.canCreatePlan = canCreatePlan(apis.Office);
  }

  read(): Promise<Snapshot> {
    return readDocument(this.session);
  }

  select(field: FieldKey): Promise<void> {
    return selectField(this.session, field);
  }

  selectTarget(target: ReviewTarget): Promise<void> {
    return selectTarget(this.session, target);
  }

  fieldAtCursor(): Promise<FieldKey | null> {
    return fieldAtCursor(this.session);
  }

  onSelectionChanged(listener: () => void, onUnavailable?: (problem: HostProblem) => void): () => void {
    return onSelectionChanged(this.session, listener, () => onUnavailable?.({ code: "no-selection-events" }));
  }

  /** The re-check: with paragraph events subscribed it is their safety check (events.ts). */
  refresh(): Promise<Snapshot | null> {
    return this.session.events ? safetyCheck(this.session) : refresh(this.session);
  }

  watchChanges(listener: () => void, onMissed: () => void): Promise<(() => void) | null> {
    return watchParagraphs(this.session, listener, onMissed);
  }

  refreshChanged(): Promise<Snapshot | null> {
    return refreshChanged(this.session);
  }

  /** Whether a checklist box can be ticked from the pane (WordApi 1.7, checkbox.ts). */
  get canTick(): boolean {
    return this.capabilities.editBlocks && canTick(this.session.apis.Office);
  }

  /** Ticks or clears a checklist box in Word, verified by reading it back (checkbox.ts). */
  async setChecked(field: FieldKey, checked: boolean): Promise<Snapshot> {
    const template = (this.session.state ?? (await this.session.load())).analysis?.template;
    if (!template) throw new PlanstodError("unknown-template");
    await setCheckbox(this.session, template, field, checked);
    return this.read();
  }

  /** Clears a leftover instruction's text, verified as every edit is (remove-instruction.ts). */
  async removeInstruction(ordinal: number): Promise<Snapshot> {
    if (!this.capabilities.editBlocks)
      throw problem(this.capabilities.readOnly ? "read-only" : "needs-wordapi-13");
    await removeInstruction(this.session, ordinal);
    return this.read();
  }

  addBlock(type: string, after?: number): Promise<Snapshot> {
    return replayEdit(this.session, { op: "add", type, after });
  }

  removeBlock(type: string, index: number): Promise<Snapshot> {
    return replayEdit(this.session, { op: "remove", type, index });
  }

  insertReviewComments(): Promise<CommentsResult> {
    return insertReviewComments(this.session);
  }

  removeReviewComments(): Promise<number> {
    return removeReviewComments(this.session);
  }

  createPlan(templateId: string): Promise<Snapshot> {
    return createPlan(this.session, templateId);
  }

  /** The self-test (self-test.ts) in this client, on the open document. */
  async selfTest(): Promise<SelfTestResult> {
    // The self-test is a chunk of its own in the pane: only the diagnostics page runs it.
    const { runSelfTest } = await import(/* webpackChunkName: "self-test" */ "./self-test");
    return runSelfTest(this.session.apis, { makeHost: (apis) => new WordHost(apis) });
  }
}

/** The host for the running Word client (office.js loaded from Microsoft's CDN). */
export function createWordHost(): WordHost {
  return new WordHost({ Word, Office });
}
