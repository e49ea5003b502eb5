/**
 * Word's document events in the double: WordApi 1.6 paragraph events
 * (Document.onParagraphAdded / onParagraphChanged / onParagraphDeleted, args
 * `{ type, uniqueLocalIds, source }`), the paragraph ids they carry (Paragraph.uniqueLocalId,
 * Document.getParagraphByUniqueLocalId) and the WordApi 1.5 content-control event
 * ContentControl.onDataChanged (args `{ eventType, ids, source }`).
 *
 * Registration is what Office.js does: `handlers.add(fn)` queues the registration, the next
 * sync performs it, and a sync on a host without the event's requirement set fails with
 * ApiNotFound (the member exists in the Office.js library, Word refuses it). Handlers are
 * called asynchronously, after `eventDelayMs` on the double's clock, once per event, and their
 * returned promises are awaited before the next handler.
 *
 * Events are raised by the double's user simulation (user.ts): typing, Enter, paste, delete,
 * undo and co-author edits. The known faults of real Word are switchable (EventFaults).
 *
 * NOT EMULATED: the event args' `contentControl` proxy (use `ids`), onContentControlAdded,
 * onDeleted/onEntered/onExited/onSelectionChanged of content controls, annotation events.
 */

import type { Clock } from "./clock";
import { invalidArgument } from "./errors";
import type { ApiSet, BatchContext } from "./runtime";
import type { XmlElement } from "./xml";

export const WordApi16: ApiSet = ["WordApi", "1.6"];

export type EventSourceString = "Local" | "Remote";
export type ParagraphEventType = "ParagraphAdded" | "ParagraphChanged" | "ParagraphDeleted";

/** Word.ParagraphAddedEventArgs / ParagraphChangedEventArgs / ParagraphDeletedEventArgs. */
export interface ParagraphEventArgsDouble {
  type: ParagraphEventType;
  uniqueLocalIds: string[];
  source: EventSourceString;
}

/** Word.ContentControlDataChangedEventArgs without the `contentControl` proxy. */
export interface ContentControlEventArgsDouble {
  eventType: "ContentControlDataChanged";
  ids: number[];
  source: EventSourceString;
}

type Handler<A> = (args: A) => Promise<unknown>;

/**
 * The faults of real Word's events, each switchable. Profiles (profiles.ts) switch on the ones
 * their client has; every one is off by default.
 */
export interface EventFaults {
  /** No ParagraphDeleted while Track Changes is on (office-js #3864). */
  noDeleteEventWhileTracking?: boolean;
  /**
   * Events missed on fast edits and pastes (office-js #4874): a keystroke that follows the
   * previous one within this many ms, and every paste, raise no paragraph event.
   */
  missFastEditsWithinMs?: number;
  /** No paragraph events on undo or redo (office-js #5089, Word on the web). */
  noUndoEvents?: boolean;
  /** Deletions unreliable on long documents (office-js #5400, Word on Mac): no ParagraphDeleted past this many pages. */
  noDeleteEventsPastPages?: number;
  /**
   * After Enter splits a paragraph, the old paragraph's uniqueLocalId moves to the new one and
   * the old one gets a fresh id (office-js #5784).
   */
  idMovesToNewParagraph?: boolean;
  /**
   * When ContentControl.onDataChanged fires: "typing" (on every edit inside the control, Word on
   * the web) or "exit" (once, when the cursor leaves a control that changed, Windows and Mac;
   * office-js #5597). Default "typing".
   */
  contentControlDataChanged?: "typing" | "exit";
}

let guidCounter = 0;

/** A GUID in 8-4-4-4-12 form without braces, as Word reports uniqueLocalId; distinct per double. */
function newGuid(seed: number): string {
  const n = ++guidCounter;
  const hex = (v: number, len: number) => (v >>> 0).toString(16).padStart(len, "0").slice(-len);
  return `${hex(seed, 8)}-${hex(n >>> 16, 4)}-4${hex(n >>> 4, 3)}-8${hex(n, 3)}-${hex(n * 2654435761, 12)}`;
}

/** The events and paragraph ids of one double (shared by every Word.run). */
export class EventHub {
  private readonly paragraph = new Map<ParagraphEventType, Set<Handler<ParagraphEventArgsDouble>>>();
  private readonly dataChanged = new Map<number, Set<Handler<ContentControlEventArgsDouble>>>();
  private readonly ids = new WeakMap<XmlElement, string>();
  private readonly byGuid = new Map<string, XmlElement>();
  private readonly seed = Math.floor(Math.random() * 0xffffffff);
  /** Deliveries still running (user.ts awaits them). */
  private inFlight: Promise<void> = Promise.resolve();
  /** Events raised so far, delivered or not (for tests). */
  readonly log: (ParagraphEventArgsDouble | ContentControlEventArgsDouble)[] = [];

  constructor(
    private readonly clock: Clock,
    readonly faults: EventFaults,
    /** Simulated delay between an edit and its event reaching the add-in. */
    private readonly eventDelayMs: () => number,
  ) {}

  /** Paragraph.uniqueLocalId: assigned when first asked for, stable while the paragraph lives. */
  idOf(p: XmlElement): string {
    let id = this.ids.get(p);
    if (id === undefined) {
      id = newGuid(this.seed);
      this.ids.set(p, id);
      this.byGuid.set(id, p);
    }
    return id;
  }

  /** The paragraph that holds `id` now, or null. */
  paragraphOf(id: string): XmlElement | null {
    const key = id.replace(/^\{|\}$/g, "").toLowerCase();
    const p = this.byGuid.get(key) ?? null;
    return p && this.ids.get(p) === key ? p : null;
  }

  /** Gives `p` the id `id` (the id-moves fault), or a fresh one when `id` is null. */
  reassign(p: XmlElement, id: string | null): string {
    const next = id ?? newGuid(this.seed);
    this.ids.set(p, next);
    this.byGuid.set(next, p);
    return next;
  }

  /** The add-in's own edits, for their events (user.ts; set by index.ts). */
  apiEdits: { snapshot(): unknown; raise(before: unknown): void } | null = null;

  /** Whether any paragraph event handler is registered. */
  get paragraphListeners(): boolean {
    for (const s of this.paragraph.values()) if (s.size > 0) return true;
    return false;
  }

  get handlerCount(): number {
    let n = 0;
    for (const s of this.paragraph.values()) n += s.size;
    for (const s of this.dataChanged.values()) n += s.size;
    return n;
  }

  addParagraphHandler(type: ParagraphEventType, handler: Handler<ParagraphEventArgsDouble>): void {
    let set = this.paragraph.get(type);
    if (!set) this.paragraph.set(type, (set = new Set()));
    set.add(handler);
  }

  removeParagraphHandler(type: ParagraphEventType, handler: Handler<ParagraphEventArgsDouble>): void {
    this.paragraph.get(type)?.delete(handler);
  }

  addDataChangedHandler(ccId: number, handler: Handler<ContentControlEventArgsDouble>): void {
    let set = this.dataChanged.get(ccId);
    if (!set) this.dataChanged.set(ccId, (set = new Set()));
    set.add(handler);
  }

  removeDataChangedHandler(ccId: number, handler: Handler<ContentControlEventArgsDouble>): void {
    this.dataChanged.get(ccId)?.delete(handler);
  }

  /** Raises a paragraph event (no event when `ids` is empty). */
  raiseParagraph(type: ParagraphEventType, ids: readonly string[], source: EventSourceString): void {
    if (ids.length === 0) return;
    const args: ParagraphEventArgsDouble = { type, uniqueLocalIds: [...ids], source };
    this.log.push(args);
    const handlers = [...(this.paragraph.get(type) ?? [])];
    this.deliver(handlers.map((h) => () => h({ ...args, uniqueLocalIds: [...args.uniqueLocalIds] })));
  }

  raiseDataChanged(ccId: number, source: EventSourceString): void {
    const args: ContentControlEventArgsDouble = {
      eventType: "ContentControlDataChanged",
      ids: [ccId],
      source,
    };
    this.log.push(args);
    const handlers = [...(this.dataChanged.get(ccId) ?? [])];
    this.deliver(handlers.map((h) => () => h({ ...args, ids: [ccId] })));
  }

  private deliver(calls: (() => Promise<unknown>)[]): void {
    if (calls.length === 0) return;
    const delay = this.eventDelayMs();
    const previous = this.inFlight;
    this.inFlight = (async () => {
      await previous;
      await this.clock.sleep(delay);
      for (const call of calls) {
        try {
          await call();
        } catch {
          // A handler that throws does not stop Word from calling the others.
        }
      }
    })();
  }

  /** Resolves when every event raised so far has been delivered. */
  settled(): Promise<void> {
    return this.inFlight;
  }
}

/**
 * OfficeExtension.EventHandlers<T>: add() and remove() are queued and take effect at the next
 * sync, which fails with ApiNotFound when the host lacks `api`.
 */
export class EventHandlersDouble<A> {
  constructor(
    private readonly context: BatchContext,
    private readonly location: string,
    private readonly api: ApiSet,
    private readonly register: (handler: Handler<A>) => void,
    private readonly unregister: (handler: Handler<A>) => void,
  ) {}

  add(handler: Handler<A>): EventHandlerResultDouble<A> {
    if (typeof handler !== "function")
      throw invalidArgument(`${this.location}.add`, "the handler is not a function");
    this.context.enqueue({
      location: `${this.location}.add`,
      api: this.api,
      run: () => this.register(handler),
    });
    return new EventHandlerResultDouble(this.context, this, handler);
  }

  /**
   * Queued like add(). On a context whose Word.run has ended the handler is removed at once
   * (Office.js needs `Word.run(result.context, ...)` for that; the double accepts both).
   */
  remove(handler: Handler<A>): void {
    try {
      this.context.enqueue({
        location: `${this.location}.remove`,
        api: this.api,
        run: () => this.unregister(handler),
      });
    } catch {
      this.unregister(handler);
    }
  }
}

/** OfficeExtension.EventHandlerResult<T>. */
export class EventHandlerResultDouble<A> {
  constructor(
    readonly context: BatchContext,
    private readonly handlers: EventHandlersDouble<A>,
    private readonly handler: Handler<A>,
  ) {}

  remove(): void {
    this.handlers.remove(this.handler);
  }
}
