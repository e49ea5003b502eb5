/**
 * A PlanstodHost for the task pane tests, over the real engine and the generated fixtures:
 * `read` checks the current bytes as the CLI does, `addBlock`/`removeBlock` edit them with
 * `editDocx` and keep the result. Selection and cursor are recorded and settable.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { TextDecoder, TextEncoder } from "util";
import { PlanstodError } from "../../src/core/messages";
import type { FieldKey } from "../../src/core/outline";
import { templateById } from "../../src/core/templates";
import { checkDocx, editDocx } from "../../src/ooxml/docx";
import {
  buildReview,
  commentText,
  isPlanstodComment,
  reviewItems,
  type ReviewTarget,
} from "../../src/core/review";
import type { CommentsResult, HostCapabilities, PlanstodHost, Snapshot } from "../../src/taskpane/host";
import { FIXTURES as FIXTURE_DIR } from "./paths";
import { planComments } from "../../src/ooxml/comments/plan";

// jsdom lacks TextDecoder/TextEncoder, which the OOXML reader uses (browsers and Word have them).
if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder, TextEncoder });

export const FIXTURES = FIXTURE_DIR;

/** A fixture's bytes, copied into a Uint8Array of this realm (jsdom's globals differ from Node's). */
export function fixture(name: string): Uint8Array {
  const buffer = readFileSync(join(FIXTURES, name));
  const bytes = new Uint8Array(buffer.byteLength);
  bytes.set(buffer);
  return bytes;
}

export const ALL_CAPABILITIES: HostCapabilities = {
  read: true,
  navigate: true,
  followCursor: true,
  editBlocks: true,
  comments: true,
  missing: [],
};

export class FakeHost implements PlanstodHost {
  readonly capabilities: HostCapabilities;
  /** The document as it is now; add/remove replace it. */
  bytes: Uint8Array;
  /** Every select() call, in order. */
  readonly selected: FieldKey[] = [];
  /** What fieldAtCursor() answers. */
  cursor: FieldKey | null = null;
  readonly calls = {
    read: 0,
    refresh: 0,
    fieldAtCursor: 0,
    addBlock: 0,
    removeBlock: 0,
    insertComments: 0,
    removeComments: 0,
  };
  /**
   * The document's comments, as the fake keeps them: Planstöd's carry the prefix, a person's do
   * not; `target` is what a Planstöd comment is anchored at.
   */
  comments: { text: string; target: ReviewTarget | null }[] = [];
  /** The bytes the pane last saw (read or refresh): refresh answers null while they are the same. */
  private seen: Uint8Array | null = null;
  /** Every selectTarget() call, in order. */
  readonly targets: ReviewTarget[] = [];
  /** When set, the next host call (read, select, addBlock, removeBlock) throws it once. */
  failNext: unknown = null;
  private readonly listeners = new Set<() => void>();

  constructor(bytes: Uint8Array, capabilities: Partial<HostCapabilities> = {}) {
    this.bytes = bytes;
    this.capabilities = { ...ALL_CAPABILITIES, ...capabilities };
  }

  static fromFixture(name: string, capabilities: Partial<HostCapabilities> = {}): FakeHost {
    return new FakeHost(fixture(name), capabilities);
  }

  private fail(): void {
    const error = this.failNext;
    if (error !== null) {
      this.failNext = null;
      throw error;
    }
  }

  async read(): Promise<Snapshot> {
    this.calls.read++;
    this.fail();
    this.seen = this.bytes;
    try {
      const report = await checkDocx(this.bytes);
      const template = templateById(report.template);
      if (!template) throw new Error(`no template ${report.template}`);
      return { template, report };
    } catch (e) {
      if (e instanceof PlanstodError && e.code === "unknown-template")
        return { template: null, report: null };
      throw e;
    }
  }

  async select(field: FieldKey): Promise<void> {
    this.fail();
    this.selected.push(field);
  }

  async fieldAtCursor(): Promise<FieldKey | null> {
    this.calls.fieldAtCursor++;
    return this.cursor;
  }

  onSelectionChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many selection listeners are subscribed. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Word moved the selection: calls every listener. */
  fireSelectionChanged(): void {
    for (const listener of [...this.listeners]) listener();
  }

  async addBlock(type: string, after?: number): Promise<Snapshot> {
    this.calls.addBlock++;
    this.fail();
    const result = await editDocx(this.bytes, { op: "add", type, after });
    this.bytes = result.bytes;
    return { template: result.template, report: result.after };
  }

  async removeBlock(type: string, index: number): Promise<Snapshot> {
    this.calls.removeBlock++;
    this.fail();
    const result = await editDocx(this.bytes, { op: "remove", type, index });
    this.bytes = result.bytes;
    return { template: result.template, report: result.after };
  }

  /** A new snapshot when the bytes changed since the pane last saw them, else null (as the adapter). */
  async refresh(): Promise<Snapshot | null> {
    this.calls.refresh++;
    this.fail();
    if (this.bytes === this.seen) return null;
    this.calls.read--;
    return this.read();
  }

  async selectTarget(target: ReviewTarget): Promise<void> {
    this.fail();
    this.targets.push(target);
    if (target.kind === "field") this.selected.push(target.field);
  }

  /** Every removeInstruction() call's ordinal, in order (the fake leaves the document as it is). */
  readonly removedInstructions: number[] = [];

  async removeInstruction(ordinal: number): Promise<Snapshot> {
    this.fail();
    this.removedInstructions.push(ordinal);
    this.calls.read--;
    return this.read();
  }

  /** Replaces Planstöd's comments by the current review's, one per item; a person's stay. */
  async insertReviewComments(): Promise<CommentsResult> {
    this.calls.insertComments++;
    this.fail();
    const snapshot = await this.read();
    this.calls.read--;
    if (!snapshot.template || !snapshot.report) throw new PlanstodError("unknown-template");
    const template = snapshot.template;
    // The product's comment plan (src/ooxml/comments/plan.ts); nobody answers the fake's comments.
    const wanted = reviewItems(buildReview(template, snapshot.report)).map((item) => ({
      text: commentText(template, item),
      target: item.target,
    }));
    const own = this.comments
      .filter((c) => isPlanstodComment(c.text))
      .map((c) => ({ ...c, answered: false }));
    const plan = planComments(wanted, own);
    this.comments = [...this.comments.filter((c) => !isPlanstodComment(c.text)), ...plan.insert];
    return { inserted: plan.insert.length, removed: plan.remove.length };
  }

  async removeReviewComments(): Promise<number> {
    this.calls.removeComments++;
    this.fail();
    const before = this.comments.length;
    this.comments = this.comments.filter((c) => !isPlanstodComment(c.text));
    return before - this.comments.length;
  }
}
