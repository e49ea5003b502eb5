/**
 * The Word.* proxy classes of the double: RequestContext, Document, Body, Paragraph,
 * ContentControl, Range, Table, TableRow, TableCell, Section and their collections.
 * Member names, argument shapes and requirement sets follow @types/office-js.
 */

import {
  OfficeExtensionErrorDouble,
  generalException,
  invalidArgument,
  invalidRequestContext,
  notImplemented,
} from "./errors";
import {
  DocModel,
  type ContentControlTypeString,
  type HeaderFooterTypeString,
  type InsertLocationString,
  type RangeLocationString,
  type RangeTarget,
  type AppearanceString,
  type BuiltInStyleString,
} from "./model";
import { blocksOfFlatOpc, type DocxParts } from "./package";
import { acceptRevisions, type ChangeTrackingModeString } from "./tracking";
import {
  ClientObjectDouble,
  ClientResultDouble,
  CollectionDouble,
  RequirementSets,
  WordApi11,
  WordApi13,
  WordApi14,
  WordApi15,
  WordApi17,
  WordApi19,
  WordApiDesktop13,
  type ApiSet,
  type BatchContext,
  type Loadable,
  type LoadArgument,
  type PropertyTable,
  type ProxyOptions,
  type QueuedAction,
} from "./runtime";
import { ancestorW, type XmlElement } from "./xml";
import { CommentCollectionDouble, CommentDouble, type CommentStore } from "./comments";
import type { Clock } from "./clock";
import { notAllowed } from "./errors";
import {
  payloadBytes,
  type CostModel,
  type LoadKind,
  type NotAllowedFaults,
  type WordCosts,
} from "./profiles";
import {
  EventHandlersDouble,
  WordApi16,
  type ContentControlEventArgsDouble,
  type EventHub,
  type ParagraphEventArgsDouble,
  type ParagraphEventType,
} from "./events";

// ---------------------------------------------------------------------------
// Shared state and the request context

/** State shared by every Word.run of one double. */
export interface Session {
  readonly model: DocModel;
  readonly parts: DocxParts;
  readonly requirements: RequirementSets;
  /** Word comments (comments.ts). */
  readonly comments: CommentStore;
  /** Document and content-control events, paragraph ids (events.ts). */
  readonly events: EventHub;
  /** The double's time (clock.ts). */
  readonly clock: Clock;
  /** What a round trip and a KiB cost on the simulated client (profiles.ts). */
  readonly costModel: CostModel;
  /** What the add-in has cost Word so far. */
  costs: WordCosts;
  /** Edits the simulated client refuses with NotAllowed. */
  readonly notAllowed: NotAllowedFaults;
  syncCount: number;
  /**
   * Called at the start of every sync, before its queued actions run, with the sync's number
   * (1-based, as syncCount counts): the user or a co-author changing the document between two
   * round trips of the add-in.
   */
  beforeSync?: (sync: number) => void;
}

export type InsertLocationArg = Word.InsertLocation | InsertLocationString;
export type RangeLocationArg = Word.RangeLocation | RangeLocationString;
export type SelectionModeArg = Word.SelectionMode | "Select" | "Start" | "End";
export type ContentControlTypeArg = Word.ContentControlType | ContentControlTypeString;
export type HeaderFooterTypeArg = Word.HeaderFooterType | HeaderFooterTypeString;

/** Word.ContentControlOptions, minimal form. */
export interface ContentControlOptionsDouble {
  types?: ContentControlTypeArg[];
}

/** Word.RequestContext: queues actions; sync() applies them in order and delivers loaded values. */
export class RequestContextDouble implements BatchContext {
  readonly document: DocumentDouble;
  /** No-ops: every object stays usable within its Word.run. */
  readonly trackedObjects = {
    add: (_objects: unknown): void => undefined,
    remove: (_objects: unknown): void => undefined,
  };
  private queue: QueuedAction[] = [];
  private commits: (() => void)[] | null = null;
  private closed = false;
  /** Bytes loaded in the running sync, by kind. */
  private batchBytes: Record<LoadKind, number> = { ooxml: 0, text: 0, other: 0 };

  constructor(readonly session: Session) {
    this.document = new DocumentDouble(this);
  }

  get requirements(): RequirementSets {
    return this.session.requirements;
  }

  get model(): DocModel {
    return this.session.model;
  }

  get comments(): CommentStore {
    return this.session.comments;
  }

  /** A Word.Range proxy over a range found inside a sync (Comment.getRange). */
  rangeProxy(resolve: () => RangeTarget | null, location: string): RangeDouble {
    return new RangeDouble(this, resolve, { location, api: WordApi14, instantiate: true });
  }

  /** Like RequestContext.debugInfo: the statements queued for the next sync. */
  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this.queue.map((a) => a.location) };
  }

  get hasPendingActions(): boolean {
    return this.queue.length > 0;
  }

  enqueue(action: QueuedAction): void {
    if (this.closed) throw invalidRequestContext(action.location);
    if (this.commits) {
      // An object created while a sync runs (a navigation property reached by a load path)
      // is resolved on the spot rather than left for the next sync.
      this.requirements.check(action.api, action.location);
      action.run();
      return;
    }
    this.queue.push(action);
  }

  onCommit(commit: () => void): void {
    if (!this.commits) throw new Error("word double: onCommit outside sync");
    this.commits.push(commit);
  }

  loaded(kind: LoadKind, bytes: number): void {
    this.batchBytes[kind] += bytes;
    if (kind === "ooxml") this.session.costs.getOoxml++;
  }

  /** Word on the web refuses an insert with "Replace" while the document holds a date picker (#6865). */
  checkReplace(location: string, where: string): void {
    if (location !== "Replace" || !this.session.notAllowed.replaceWithDatePicker) return;
    const roots = this.model.storyRoots();
    if (roots.some((r) => this.model.sdtsIn(r).some((s) => this.model.ccType(s) === "DatePicker")))
      throw notAllowed(where);
  }

  /** Word on the web refuses comments in some sessions (#6746). */
  checkComments(where: string): void {
    if (this.session.notAllowed.comments) throw notAllowed(where);
  }

  load<T extends Loadable & { load(option?: LoadArgument): unknown }>(object: T, option?: LoadArgument): T {
    object.load(option);
    return object;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed) throw invalidRequestContext("RequestContext.sync");
    this.session.syncCount++;
    this.session.beforeSync?.(this.session.syncCount);
    const actions = this.queue;
    this.queue = [];
    await Promise.resolve();
    const commits: (() => void)[] = [];
    this.commits = commits;
    this.batchBytes = { ooxml: 0, text: 0, other: 0 };
    // The paragraphs before the batch, when someone listens for paragraph events: Word raises
    // them for the add-in's own edits too.
    const hub = this.session.events;
    const before = hub.paragraphListeners && hub.apiEdits ? hub.apiEdits.snapshot() : null;
    let current: QueuedAction | undefined;
    let failure: unknown = null;
    try {
      for (current of actions) {
        this.requirements.check(current.api, current.location);
        current.run();
      }
    } catch (error) {
      if (error instanceof OfficeExtensionErrorDouble && current)
        error.debugInfo.statement ??= current.location;
      failure = error;
    } finally {
      this.commits = null;
    }
    // What Word charges: the round trip, and every KiB it hands back.
    const costs = this.session.costs;
    const model = this.session.costModel;
    const kib = (b: number) => b / 1024;
    costs.roundTrips++;
    costs.kib.ooxml += kib(this.batchBytes.ooxml);
    costs.kib.text += kib(this.batchBytes.text);
    costs.kib.other += kib(this.batchBytes.other);
    const total = kib(this.batchBytes.ooxml + this.batchBytes.text + this.batchBytes.other);
    const ms = model.syncMs + total * model.msPerKiB;
    costs.wordMs += ms;
    if (before !== null) hub.apiEdits?.raise(before);
    if (ms > 0) await this.session.clock.sleep(ms);
    if (failure !== null) throw failure;
    for (const commit of commits) commit();
    return passThroughValue as T;
  }

  /** Called by Word.run when the batch ends. */
  close(): void {
    this.closed = true;
  }
}

function normaliseLocation<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  const s = String(value);
  if (!(allowed as readonly string[]).includes(s)) {
    throw invalidArgument(where, `location '${s}' is not one of ${allowed.join(", ")}`);
  }
  return s as T;
}

/**
 * Which content-control types the configured host reports through getContentControls() and
 * Range.parentContentControl ("currently supported" in the Word docs). Per @types/office-js:
 * plainText from WordApi 1.5, checkBox 1.7, dropDownList/comboBox 1.9, and
 * buildingBlockGallery/datePicker/group/picture/repeatingSection from WordApiDesktop 1.3.
 */
const TYPE_SUPPORT: Readonly<Record<ContentControlTypeString, ApiSet | null>> = {
  RichText: WordApi11,
  PlainText: WordApi11,
  CheckBox: WordApi17,
  DropDownList: WordApi19,
  ComboBox: WordApi19,
  DatePicker: WordApiDesktop13,
  Picture: WordApiDesktop13,
  BuildingBlockGallery: WordApiDesktop13,
  Group: WordApiDesktop13,
  RepeatingSection: WordApiDesktop13,
  Unknown: null,
  RichTextInline: null,
  RichTextParagraphs: null,
  RichTextTableCell: null,
  RichTextTableRow: null,
  RichTextTable: null,
  PlainTextInline: null,
  PlainTextParagraph: null,
};

export function isTypeSupported(type: ContentControlTypeString, requirements: RequirementSets): boolean {
  const api = TYPE_SUPPORT[type];
  return api !== null && requirements.supports(api);
}

/** The getContentControls() filter: all supported types, or the requested ones (which must be supported). */
function contentControlFilter(
  ctx: RequestContextDouble,
  options: ContentControlOptionsDouble | undefined,
  where: string,
): (sdt: XmlElement) => boolean {
  const model = ctx.model;
  if (!options?.types) return (sdt) => isTypeSupported(model.ccType(sdt), ctx.requirements);
  const wanted = options.types.map(String) as ContentControlTypeString[];
  for (const t of wanted) {
    if (!(t in TYPE_SUPPORT) || !isTypeSupported(t, ctx.requirements)) {
      throw invalidArgument(
        where,
        `content control type '${t}' is not supported by the configured requirement sets`,
      );
    }
  }
  return (sdt) => wanted.includes(model.ccType(sdt));
}

/** Base for the concrete proxies: access to the model and memoised navigation properties. */
abstract class WordObject<T> extends ClientObjectDouble<T> {
  private readonly memo = new Map<string, Loadable>();

  protected constructor(
    override readonly context: RequestContextDouble,
    resolver: () => T | null,
    origin: ProxyOptions,
  ) {
    super(context, resolver, origin);
  }

  protected get model(): DocModel {
    return this.context.model;
  }

  /** A navigation property: created once, as Office.js caches them. */
  protected nav<L extends Loadable>(name: string, make: () => L): L {
    let value = this.memo.get(name);
    if (!value) {
      value = make();
      this.memo.set(name, value);
    }
    return value as L;
  }

  protected navNames(): readonly string[] {
    return [];
  }

  protected override navigation(name: string): Loadable | undefined {
    if (!this.navNames().includes(name)) return undefined;
    return (this as unknown as Record<string, Loadable>)[name];
  }

  /** Queues an action that produces a ClientResult. */
  protected result<V>(location: string, api: ApiSet, compute: (target: T) => V): ClientResultDouble<V> {
    const out = new ClientResultDouble<V>();
    this.enqueue(location, api, () => {
      const value = compute(this.target(location));
      this.context.loaded(location.endsWith(".getOoxml") ? "ooxml" : "other", payloadBytes(value));
      this.context.onCommit(() => out.deliver(value));
    });
    return out;
  }

  /** A child proxy produced by a method (resolved where it sits in the queue). */
  protected method<C, R>(
    location: string,
    api: ApiSet,
    nullable: boolean,
    resolve: (target: T) => C | null,
    make: (resolver: () => C | null, origin: ProxyOptions) => R,
  ): R {
    return make(
      () => {
        const t = nullable ? this.targetOrNull() : this.target(location);
        return t === null ? null : resolve(t);
      },
      { location, api, nullable, instantiate: true },
    );
  }
}

type Resolver<T> = () => T | null;

// ---------------------------------------------------------------------------
// Element-backed proxies share "parent" navigation.

abstract class ElementObject extends WordObject<XmlElement> {
  protected override isAlive(target: XmlElement): boolean {
    return this.model.isAttached(target);
  }

  /** The range this object covers, for parents and insertions. */
  protected abstract rangeOf(el: XmlElement): RangeTarget;

  protected parentControl(name: string, api: ApiSet, nullable: boolean): ContentControlDouble {
    return this.nav(
      name,
      () =>
        new ContentControlDouble(
          this.context,
          () => {
            const el = nullable ? this.targetOrNull() : this.target(`${this.typeName}.${name}`);
            return el === null ? null : this.model.rangeParentSdt(this.parentLookupRange(el));
          },
          { location: `${this.typeName}.${name}`, api, nullable, instantiate: nullable },
        ),
    );
  }

  /** For parent lookups: a control's own range would find itself, so start outside it. */
  private parentLookupRange(el: XmlElement): RangeTarget {
    return { kind: "edge", el, edge: "before" };
  }

  protected parentCell(name: string, nullable: boolean): TableCellDouble {
    return this.nav(
      name,
      () =>
        new TableCellDouble(
          this.context,
          () => {
            const el = nullable ? this.targetOrNull() : this.target(`${this.typeName}.${name}`);
            return el === null ? null : this.model.rangeParentW(this.parentLookupRange(el), "tc");
          },
          { location: `${this.typeName}.${name}`, api: WordApi13, nullable, instantiate: nullable },
        ),
    );
  }

  protected parentTableOf(name: string, nullable: boolean): TableDouble {
    return this.nav(
      name,
      () =>
        new TableDouble(
          this.context,
          () => {
            const el = nullable ? this.targetOrNull() : this.target(`${this.typeName}.${name}`);
            return el === null ? null : this.model.rangeParentW(this.parentLookupRange(el), "tbl");
          },
          { location: `${this.typeName}.${name}`, api: WordApi13, nullable, instantiate: nullable },
        ),
    );
  }

  protected rangeFor(
    rangeLocation: RangeLocationArg | undefined,
    allowed: readonly RangeLocationString[],
  ): RangeDouble {
    const location = `${this.typeName}.getRange`;
    return new RangeDouble(
      this.context,
      () => {
        const loc = normaliseLocation(rangeLocation ?? "Whole", allowed, location);
        return this.model.subRange(this.rangeOf(this.target(location)), loc);
      },
      { location, api: WordApi13, instantiate: true },
    );
  }

  protected doSelect(mode: SelectionModeArg | undefined, api: ApiSet): void {
    const location = `${this.typeName}.select`;
    this.enqueue(location, api, () => {
      const m = normaliseLocation(mode ?? "Select", ["Select", "Start", "End"] as const, location);
      this.model.select(this.rangeOf(this.target(location)), m);
    });
  }

  protected ooxmlResult(location: string): ClientResultDouble<string> {
    return this.result(location, WordApi11, (el) =>
      this.context.session.parts.flatOpc(this.model.rangeBlocks(this.rangeOf(el))),
    );
  }
}

/** Parses OOXML for insertOoxml inside a sync; a bad package is InvalidArgument, as in Word. */
function ooxmlBlocks(ooxml: string, where: string): XmlElement[] {
  const blocks = blocksOfFlatOpc(ooxml);
  if (typeof blocks === "string") throw invalidArgument(where, blocks);
  return blocks;
}

// ---------------------------------------------------------------------------
// Document

export class DocumentDouble extends WordObject<DocModel> {
  protected readonly typeName = "Document";

  constructor(context: RequestContextDouble) {
    super(context, () => context.model, { location: "Document" });
  }

  protected properties(): PropertyTable<DocModel> {
    return { changeTrackingMode: { api: WordApi14, get: (m) => m.changeTrackingMode } };
  }

  protected override navNames(): readonly string[] {
    return ["body", "contentControls", "sections"];
  }

  /** WordApi 1.4: while "TrackAll" or "TrackMineOnly", API edits are recorded as revisions. */
  get changeTrackingMode(): ChangeTrackingModeString {
    return this.read("changeTrackingMode");
  }

  set changeTrackingMode(value: ChangeTrackingModeString) {
    this.write("changeTrackingMode", value, WordApi14, (m, v) => {
      if (!["Off", "TrackAll", "TrackMineOnly"].includes(v))
        throw invalidArgument("Document.changeTrackingMode", `no tracking mode '${String(v)}'`);
      m.changeTrackingMode = v;
    });
  }

  get body(): BodyDouble {
    return this.nav(
      "body",
      () =>
        new BodyDouble(this.context, () => this.model.body, { location: "Document.body", api: WordApi11 }),
    );
  }

  /** Rich-text controls in the body, headers and footers. */
  get contentControls(): ContentControlCollectionDouble {
    return this.nav("contentControls", () =>
      collection(
        "ContentControlCollection",
        this.context,
        () => this.allSdts().filter((s) => this.model.ccType(s) === "RichText"),
        { location: "Document.contentControls", api: WordApi11 },
      ),
    );
  }

  private allSdts(): XmlElement[] {
    return this.model.storyRoots().flatMap((r) => this.model.sdtsIn(r));
  }

  getContentControls(options?: ContentControlOptionsDouble): ContentControlCollectionDouble {
    const location = "Document.getContentControls";
    return collection(
      "ContentControlCollection",
      this.context,
      () => this.allSdts().filter(contentControlFilter(this.context, options, location)),
      { location, api: WordApi15, instantiate: true },
    );
  }

  private paragraphEvent(type: ParagraphEventType): EventHandlersDouble<ParagraphEventArgsDouble> {
    const hub = this.context.session.events;
    return new EventHandlersDouble<ParagraphEventArgsDouble>(
      this.context,
      `Document.on${type}`,
      WordApi16,
      (h) => hub.addParagraphHandler(type, h),
      (h) => hub.removeParagraphHandler(type, h),
    );
  }

  /** WordApi 1.6: the user (or a co-author) added paragraphs. */
  get onParagraphAdded(): EventHandlersDouble<ParagraphEventArgsDouble> {
    return this.paragraphEvent("ParagraphAdded");
  }

  /** WordApi 1.6: the user (or a co-author) changed paragraphs. */
  get onParagraphChanged(): EventHandlersDouble<ParagraphEventArgsDouble> {
    return this.paragraphEvent("ParagraphChanged");
  }

  /** WordApi 1.6: the user (or a co-author) deleted paragraphs. */
  get onParagraphDeleted(): EventHandlersDouble<ParagraphEventArgsDouble> {
    return this.paragraphEvent("ParagraphDeleted");
  }

  /** WordApi 1.6: the paragraph holding a uniqueLocalId now; ItemNotFound when none does. */
  getParagraphByUniqueLocalId(id: string): ParagraphDouble {
    const location = "Document.getParagraphByUniqueLocalId";
    return new ParagraphDouble(
      this.context,
      () => {
        const p = this.context.session.events.paragraphOf(String(id));
        return p && this.model.isAttached(p) ? p : null;
      },
      { location, api: WordApi16, instantiate: true },
    );
  }

  getSelection(): RangeDouble {
    return new RangeDouble(this.context, () => this.model.currentSelection(), {
      location: "Document.getSelection",
      api: WordApi11,
      instantiate: true,
    });
  }

  get sections(): SectionCollectionDouble {
    return this.nav("sections", () =>
      collection("SectionCollection", this.context, () => this.model.sectPrs(), {
        location: "Document.sections",
        api: WordApi11,
      }),
    );
  }
}

// ---------------------------------------------------------------------------
// Body

export class BodyDouble extends ElementObject {
  protected readonly typeName = "Body";

  constructor(context: RequestContextDouble, resolver: Resolver<XmlElement>, origin: ProxyOptions) {
    super(context, resolver, origin);
  }

  protected properties(): PropertyTable<XmlElement> {
    return {
      text: { api: WordApi11, get: (el) => this.model.blockText(el) },
      type: { api: WordApi13, get: (el) => this.model.bodyType(el) },
    };
  }

  protected override navNames(): readonly string[] {
    return ["paragraphs", "contentControls", "tables"];
  }

  protected rangeOf(el: XmlElement): RangeTarget {
    return { kind: "content", container: el };
  }

  get text(): string {
    return this.read("text");
  }

  get type(): "MainDoc" | "Header" | "Footer" | "TableCell" | "Unknown" {
    return this.read("type");
  }

  get paragraphs(): ParagraphCollectionDouble {
    return this.nav("paragraphs", () =>
      collection(
        "ParagraphCollection",
        this.context,
        () => this.model.paragraphsIn(this.target("Body.paragraphs")),
        {
          location: "Body.paragraphs",
          api: WordApi11,
        },
      ),
    );
  }

  /** Rich-text content controls only, as in Word (use getContentControls() for the others). */
  get contentControls(): ContentControlCollectionDouble {
    return this.nav("contentControls", () =>
      collection(
        "ContentControlCollection",
        this.context,
        () =>
          this.model
            .sdtsIn(this.target("Body.contentControls"))
            .filter((s) => this.model.ccType(s) === "RichText"),
        { location: "Body.contentControls", api: WordApi11 },
      ),
    );
  }

  get tables(): TableCollectionDouble {
    return this.nav("tables", () =>
      collection("TableCollection", this.context, () => this.model.tablesIn(this.target("Body.tables")), {
        location: "Body.tables",
        api: WordApi13,
      }),
    );
  }

  getContentControls(options?: ContentControlOptionsDouble): ContentControlCollectionDouble {
    const location = "Body.getContentControls";
    return collection(
      "ContentControlCollection",
      this.context,
      () =>
        this.model
          .sdtsIn(this.target(location))
          .filter(contentControlFilter(this.context, options, location)),
      { location, api: WordApi15, instantiate: true },
    );
  }

  getOoxml(): ClientResultDouble<string> {
    const location = "Body.getOoxml";
    return this.result(location, WordApi11, (el) => {
      if (this.model.options.failGetOoxml && el === this.model.body)
        throw generalException(location, "failGetOoxml: Word could not serialise this document");
      return this.context.session.parts.flatOpc(this.model.rangeBlocks(this.rangeOf(el)));
    });
  }

  /** Comments whose range starts in this body (the main body only; Word has none in headers). */
  getComments(): CommentCollectionDouble {
    const location = "Body.getComments";
    return new CommentCollectionDouble(
      this.context,
      () => {
        this.context.checkComments(location);
        return this.target(location) === this.model.body ? this.context.comments.topLevel() : [];
      },
      { location, api: WordApi14, instantiate: true },
    );
  }

  getRange(rangeLocation?: RangeLocationArg): RangeDouble {
    return this.rangeFor(rangeLocation, ["Whole", "Start", "End", "After", "Content"]);
  }

  insertOoxml(ooxml: string, insertLocation: InsertLocationArg): RangeDouble {
    const location = "Body.insertOoxml";
    return new RangeDouble(
      this.context,
      () => {
        const loc = normaliseLocation(insertLocation, ["Replace", "Start", "End"] as const, location);
        this.context.checkReplace(loc, location);
        return this.model.insertBlocks(
          this.rangeOf(this.target(location)),
          loc,
          ooxmlBlocks(ooxml, location),
          location,
        );
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  insertParagraph(paragraphText: string, insertLocation: InsertLocationArg): ParagraphDouble {
    const location = "Body.insertParagraph";
    return new ParagraphDouble(
      this.context,
      () => {
        const loc = normaliseLocation(insertLocation, ["Start", "End"] as const, location);
        this.context.checkReplace(loc, location);
        return this.model.insertParagraph(this.rangeOf(this.target(location)), loc, paragraphText, location);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  insertText(text: string, insertLocation: InsertLocationArg): RangeDouble {
    const location = "Body.insertText";
    return new RangeDouble(
      this.context,
      () => {
        const loc = normaliseLocation(insertLocation, ["Replace", "Start", "End"] as const, location);
        this.context.checkReplace(loc, location);
        return this.model.insertText(this.rangeOf(this.target(location)), loc, text, location);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  clear(): void {
    this.enqueue("Body.clear", WordApi11, () => this.model.clearContent(this.target("Body.clear")));
  }

  select(selectionMode?: SelectionModeArg): void {
    this.doSelect(selectionMode, WordApi11);
  }
}

// ---------------------------------------------------------------------------
// Paragraph

export class ParagraphDouble extends ElementObject {
  protected readonly typeName = "Paragraph";

  constructor(context: RequestContextDouble, resolver: Resolver<XmlElement>, origin: ProxyOptions) {
    super(context, resolver, origin);
  }

  protected properties(): PropertyTable<XmlElement> {
    return {
      text: { api: WordApi11, get: (p) => this.model.paragraphText(p) },
      style: { api: WordApi11, get: (p) => this.model.paragraphStyle(p) },
      styleBuiltIn: { api: WordApi13, get: (p) => this.model.paragraphStyleBuiltIn(p) },
      tableNestingLevel: { api: WordApi13, get: (p) => this.model.tableNestingLevel(p) },
      isLastParagraph: { api: WordApi13, get: (p) => this.model.isLastParagraph(p) },
      uniqueLocalId: { api: WordApi16, get: (p) => this.context.session.events.idOf(p) },
    };
  }

  protected override navNames(): readonly string[] {
    return [
      "contentControls",
      "parentBody",
      "parentContentControl",
      "parentContentControlOrNullObject",
      "parentTable",
      "parentTableOrNullObject",
      "parentTableCell",
      "parentTableCellOrNullObject",
    ];
  }

  protected rangeOf(p: XmlElement): RangeTarget {
    return { kind: "nodes", first: p, last: p };
  }

  private content(p: XmlElement): RangeTarget {
    return { kind: "content", container: p };
  }

  get text(): string {
    return this.read("text");
  }

  /** WordApi 1.6: a GUID for this paragraph, stable within the session (see EventFaults). */
  get uniqueLocalId(): string {
    return this.read("uniqueLocalId");
  }

  get style(): string {
    return this.read("style");
  }

  set style(value: string) {
    this.write("style", value, WordApi11, (p, v) => {
      const id = this.model.styles.findParagraphStyle(v);
      if (id === null) throw invalidArgument("Paragraph.style", `no paragraph style '${v}'`);
      this.model.setParagraphStyleId(p, id);
    });
  }

  get styleBuiltIn(): BuiltInStyleString {
    return this.read("styleBuiltIn");
  }

  set styleBuiltIn(value: Word.BuiltInStyleName | BuiltInStyleString) {
    this.write("styleBuiltIn", String(value) as BuiltInStyleString, WordApi13, (p, v) => {
      const id = this.model.styles.findBuiltIn(v);
      if (id === null)
        throw notImplemented("Paragraph.styleBuiltIn", `adding the latent style '${v}' to styles.xml`);
      this.model.setParagraphStyleId(p, id);
    });
  }

  get tableNestingLevel(): number {
    return this.read("tableNestingLevel");
  }

  get isLastParagraph(): boolean {
    return this.read("isLastParagraph");
  }

  get contentControls(): ContentControlCollectionDouble {
    return this.nav("contentControls", () =>
      collection(
        "ContentControlCollection",
        this.context,
        () =>
          this.model
            .sdtsIn(this.target("Paragraph.contentControls"))
            .filter((s) => this.model.ccType(s) === "RichText"),
        { location: "Paragraph.contentControls", api: WordApi11 },
      ),
    );
  }

  get parentBody(): BodyDouble {
    return this.nav(
      "parentBody",
      () =>
        new BodyDouble(this.context, () => this.model.parentBodyOf(this.target("Paragraph.parentBody")), {
          location: "Paragraph.parentBody",
          api: WordApi13,
        }),
    );
  }

  get parentContentControl(): ContentControlDouble {
    return this.parentControl("parentContentControl", WordApi11, false);
  }

  get parentContentControlOrNullObject(): ContentControlDouble {
    return this.parentControl("parentContentControlOrNullObject", WordApi13, true);
  }

  get parentTableCell(): TableCellDouble {
    return this.parentCell("parentTableCell", false);
  }

  get parentTableCellOrNullObject(): TableCellDouble {
    return this.parentCell("parentTableCellOrNullObject", true);
  }

  get parentTable(): TableDouble {
    return this.parentTableOf("parentTable", false);
  }

  get parentTableOrNullObject(): TableDouble {
    return this.parentTableOf("parentTableOrNullObject", true);
  }

  getContentControls(options?: ContentControlOptionsDouble): ContentControlCollectionDouble {
    const location = "Paragraph.getContentControls";
    return collection(
      "ContentControlCollection",
      this.context,
      () =>
        this.model
          .sdtsIn(this.target(location))
          .filter(contentControlFilter(this.context, options, location)),
      { location, api: WordApi15, instantiate: true },
    );
  }

  private sibling(step: 1 | -1, nullable: boolean, name: string): ParagraphDouble {
    return this.method(
      `Paragraph.${name}`,
      WordApi13,
      nullable,
      (p) => this.model.nextParagraph(p, step),
      (resolver, origin) => new ParagraphDouble(this.context, resolver, origin),
    );
  }

  getNext(): ParagraphDouble {
    return this.sibling(1, false, "getNext");
  }

  getNextOrNullObject(): ParagraphDouble {
    return this.sibling(1, true, "getNextOrNullObject");
  }

  getPrevious(): ParagraphDouble {
    return this.sibling(-1, false, "getPrevious");
  }

  getPreviousOrNullObject(): ParagraphDouble {
    return this.sibling(-1, true, "getPreviousOrNullObject");
  }

  getRange(rangeLocation?: RangeLocationArg): RangeDouble {
    return this.rangeFor(rangeLocation, ["Whole", "Start", "End", "After", "Content"]);
  }

  getOoxml(): ClientResultDouble<string> {
    return this.ooxmlResult("Paragraph.getOoxml");
  }

  insertOoxml(ooxml: string, insertLocation: InsertLocationArg): RangeDouble {
    const location = "Paragraph.insertOoxml";
    return new RangeDouble(
      this.context,
      () => {
        const loc = normaliseLocation(insertLocation, ["Replace", "Start", "End"] as const, location);
        this.context.checkReplace(loc, location);
        return this.model.insertBlocks(
          this.content(this.target(location)),
          loc,
          ooxmlBlocks(ooxml, location),
          location,
        );
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  insertParagraph(paragraphText: string, insertLocation: InsertLocationArg): ParagraphDouble {
    const location = "Paragraph.insertParagraph";
    return new ParagraphDouble(
      this.context,
      () => {
        const loc = normaliseLocation(insertLocation, ["Before", "After"] as const, location);
        this.context.checkReplace(loc, location);
        return this.model.insertParagraph(this.rangeOf(this.target(location)), loc, paragraphText, location);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  insertText(text: string, insertLocation: InsertLocationArg): RangeDouble {
    const location = "Paragraph.insertText";
    return new RangeDouble(
      this.context,
      () => {
        const loc = normaliseLocation(insertLocation, ["Replace", "Start", "End"] as const, location);
        this.context.checkReplace(loc, location);
        return this.model.insertText(this.content(this.target(location)), loc, text, location);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  select(selectionMode?: SelectionModeArg): void {
    this.doSelect(selectionMode, WordApi11);
  }

  delete(): void {
    this.enqueue("Paragraph.delete", WordApi11, () =>
      this.model.deleteRange(this.rangeOf(this.target("Paragraph.delete"))),
    );
  }

  clear(): void {
    this.enqueue("Paragraph.clear", WordApi11, () => this.model.clearContent(this.target("Paragraph.clear")));
  }

  /**
   * WordApi 1.6: the paragraph's tracked changes; the double has only what the self-test calls,
   * acceptAll() (tracking.ts acceptRevisions).
   */
  getTrackedChanges(): { acceptAll(): void } {
    const location = "Paragraph.getTrackedChanges";
    return {
      acceptAll: () =>
        this.enqueue(`${location}.acceptAll`, WordApi16, () => {
          const p = this.target(location);
          this.model.markDirty(p);
          acceptRevisions(p);
        }),
    };
  }
}

// ---------------------------------------------------------------------------
// ContentControl

export class ContentControlDouble extends ElementObject {
  protected readonly typeName = "ContentControl";

  constructor(context: RequestContextDouble, resolver: Resolver<XmlElement>, origin: ProxyOptions) {
    super(context, resolver, origin);
  }

  protected properties(): PropertyTable<XmlElement> {
    const m = this.model;
    return {
      id: { api: WordApi11, get: (s) => m.ccId(s) },
      tag: { api: WordApi11, get: (s) => m.ccTag(s) },
      title: { api: WordApi11, get: (s) => m.ccTitle(s) },
      type: { api: WordApi11, get: (s) => m.ccType(s) },
      subtype: { api: WordApi13, get: (s) => m.ccSubtype(s) },
      text: { api: WordApi11, get: (s) => m.ccText(s) },
      placeholderText: { api: WordApi11, get: (s) => m.ccPlaceholderText(s) },
      appearance: { api: WordApi11, get: (s) => m.ccAppearance(s) },
      cannotEdit: { api: WordApi11, get: (s) => m.ccCannotEdit(s) },
      cannotDelete: { api: WordApi11, get: (s) => m.ccCannotDelete(s) },
      removeWhenEdited: { api: WordApi11, get: (s) => m.ccRemoveWhenEdited(s) },
      showingPlaceholderText: { api: WordApiDesktop13, get: (s) => m.ccShowingPlaceholder(s) },
    };
  }

  protected override navNames(): readonly string[] {
    return [
      "checkboxContentControl",
      "paragraphs",
      "contentControls",
      "tables",
      "parentContentControl",
      "parentContentControlOrNullObject",
      "parentTable",
      "parentTableOrNullObject",
      "parentTableCell",
      "parentTableCellOrNullObject",
    ];
  }

  protected rangeOf(sdt: XmlElement): RangeTarget {
    return { kind: "nodes", first: sdt, last: sdt };
  }

  /** A Word API id: a number assigned by the double in document order, NOT the OOXML w:id. */
  get id(): number {
    return this.read("id");
  }

  get tag(): string {
    return this.read("tag");
  }

  set tag(value: string) {
    this.write("tag", value, WordApi11, (s, v) => this.model.setCcTag(s, v));
  }

  get title(): string {
    return this.read("title");
  }

  set title(value: string) {
    this.write("title", value, WordApi11, (s, v) => this.model.setCcTitle(s, v));
  }

  get type(): ContentControlTypeString {
    return this.read("type");
  }

  get subtype(): ContentControlTypeString {
    return this.read("subtype");
  }

  get text(): string {
    return this.read("text");
  }

  /** Read-only in the double: the text of the control's glossary placeholder (w:placeholder/w:docPart). */
  get placeholderText(): string {
    return this.read("placeholderText");
  }

  get appearance(): AppearanceString {
    return this.read("appearance");
  }

  set appearance(value: Word.ContentControlAppearance | AppearanceString) {
    this.write("appearance", String(value) as AppearanceString, WordApi11, (s, v) =>
      this.model.setCcAppearance(s, v),
    );
  }

  get cannotEdit(): boolean {
    return this.read("cannotEdit");
  }

  set cannotEdit(value: boolean) {
    this.write("cannotEdit", value, WordApi11, (s, v) =>
      this.model.setCcLocks(s, v, this.model.ccCannotDelete(s)),
    );
  }

  get cannotDelete(): boolean {
    return this.read("cannotDelete");
  }

  set cannotDelete(value: boolean) {
    this.write("cannotDelete", value, WordApi11, (s, v) =>
      this.model.setCcLocks(s, this.model.ccCannotEdit(s), v),
    );
  }

  get removeWhenEdited(): boolean {
    return this.read("removeWhenEdited");
  }

  set removeWhenEdited(value: boolean) {
    this.write("removeWhenEdited", value, WordApi11, (s, v) => this.model.setCcRemoveWhenEdited(s, v));
  }

  /**
   * Whether the control shows its placeholder (w:showingPlcHdr). NOTE: @types/office-js has no
   * such member on Word.ContentControl; it exists on the type-specific objects
   * (cc.datePickerContentControl etc., WordApiDesktop 1.3). The double offers it here, gated on
   * WordApiDesktop 1.3, for tests; adapter code typed against Word.ContentControl cannot use it.
   */
  get showingPlaceholderText(): boolean {
    return this.read("showingPlaceholderText");
  }

  /** WordApi 1.7: the check box data of a CheckBox control; a null object for any other type. */
  get checkboxContentControl(): CheckboxContentControlDouble {
    return this.nav("checkboxContentControl", () => {
      const location = "ContentControl.checkboxContentControl";
      return new CheckboxContentControlDouble(
        this.context,
        () => {
          const sdt = this.targetOrNull();
          return sdt !== null && this.model.ccType(sdt) === "CheckBox" ? sdt : null;
        },
        { location, api: WordApi17, nullable: true },
      );
    });
  }

  /**
   * WordApi 1.5: the control's data changed. When it fires depends on the client (EventFaults
   * contentControlDataChanged: while typing on the web, on leaving the control on Windows/Mac).
   */
  get onDataChanged(): EventHandlersDouble<ContentControlEventArgsDouble> {
    const hub = this.context.session.events;
    const location = "ContentControl.onDataChanged";
    return new EventHandlersDouble<ContentControlEventArgsDouble>(
      this.context,
      location,
      WordApi15,
      (h) => hub.addDataChangedHandler(this.model.ccId(this.target(location)), h),
      (h) => hub.removeDataChangedHandler(this.model.ccId(this.target(location)), h),
    );
  }

  get paragraphs(): ParagraphCollectionDouble {
    return this.nav("paragraphs", () =>
      collection(
        "ParagraphCollection",
        this.context,
        () =>
          this.model.rangeParagraphs({
            kind: "content",
            container: this.target("ContentControl.paragraphs"),
          }),
        { location: "ContentControl.paragraphs", api: WordApi11 },
      ),
    );
  }

  get contentControls(): ContentControlCollectionDouble {
    return this.nav("contentControls", () =>
      collection(
        "ContentControlCollection",
        this.context,
        () =>
          this.model
            .sdtsIn(this.model.sdtContent(this.target("ContentControl.contentControls")))
            .filter((s) => this.model.ccType(s) === "RichText"),
        { location: "ContentControl.contentControls", api: WordApi11 },
      ),
    );
  }

  get tables(): TableCollectionDouble {
    return this.nav("tables", () =>
      collection(
        "TableCollection",
        this.context,
        () => this.model.tablesIn(this.model.sdtContent(this.target("ContentControl.tables"))),
        { location: "ContentControl.tables", api: WordApi13 },
      ),
    );
  }

  get parentContentControl(): ContentControlDouble {
    return this.parentControl("parentContentControl", WordApi11, false);
  }

  get parentContentControlOrNullObject(): ContentControlDouble {
    return this.parentControl("parentContentControlOrNullObject", WordApi13, true);
  }

  get parentTableCell(): TableCellDouble {
    return this.parentCell("parentTableCell", false);
  }

  get parentTableCellOrNullObject(): TableCellDouble {
    return this.parentCell("parentTableCellOrNullObject", true);
  }

  get parentTable(): TableDouble {
    return this.parentTableOf("parentTable", false);
  }

  get parentTableOrNullObject(): TableDouble {
    return this.parentTableOf("parentTableOrNullObject", true);
  }

  getContentControls(options?: ContentControlOptionsDouble): ContentControlCollectionDouble {
    const location = "ContentControl.getContentControls";
    return collection(
      "ContentControlCollection",
      this.context,
      () =>
        this.model
          .sdtsIn(this.model.sdtContent(this.target(location)))
          .filter(contentControlFilter(this.context, options, location)),
      { location, api: WordApi15, instantiate: true },
    );
  }

  getRange(rangeLocation?: RangeLocationArg): RangeDouble {
    return this.rangeFor(rangeLocation, ["Whole", "Start", "End", "Before", "After", "Content"]);
  }

  getOoxml(): ClientResultDouble<string> {
    return this.ooxmlResult("ContentControl.getOoxml");
  }

  /** Typing over a placeholder replaces it (Start/End act as Replace) and clears w:showingPlcHdr. */
  insertText(text: string, insertLocation: InsertLocationArg): RangeDouble {
    const location = "ContentControl.insertText";
    return new RangeDouble(
      this.context,
      () => {
        const loc = normaliseLocation(insertLocation, ["Replace", "Start", "End"] as const, location);
        this.context.checkReplace(loc, location);
        return this.model.ccInsertText(this.target(location), text, loc, location);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  insertOoxml(ooxml: string, insertLocation: InsertLocationArg): RangeDouble {
    const location = "ContentControl.insertOoxml";
    return new RangeDouble(
      this.context,
      () => {
        let loc = normaliseLocation(insertLocation, ["Replace", "Start", "End"] as const, location);
        this.context.checkReplace(loc, location);
        const sdt = this.target(location);
        const blocks = ooxmlBlocks(ooxml, location);
        if (this.model.ccShowingPlaceholder(sdt)) {
          loc = "Replace";
          this.model.setCcShowingPlaceholder(sdt, false);
        }
        return this.model.insertBlocks({ kind: "content", container: sdt }, loc, blocks, location);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  insertParagraph(paragraphText: string, insertLocation: InsertLocationArg): ParagraphDouble {
    const location = "ContentControl.insertParagraph";
    return new ParagraphDouble(
      this.context,
      () => {
        const loc = normaliseLocation(insertLocation, ["Start", "End", "Before", "After"] as const, location);
        this.context.checkReplace(loc, location);
        const sdt = this.target(location);
        const t: RangeTarget =
          loc === "Start" || loc === "End" ? { kind: "content", container: sdt } : this.rangeOf(sdt);
        return this.model.insertParagraph(t, loc, paragraphText, location);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  select(selectionMode?: SelectionModeArg): void {
    this.doSelect(selectionMode, WordApi11);
  }

  delete(keepContent: boolean): void {
    this.enqueue("ContentControl.delete", WordApi11, () =>
      this.model.ccDelete(this.target("ContentControl.delete"), keepContent),
    );
  }

  clear(): void {
    this.enqueue("ContentControl.clear", WordApi11, () =>
      this.model.ccClear(this.target("ContentControl.clear"), "ContentControl.clear"),
    );
  }
}

/**
 * Word.CheckboxContentControl (WordApi 1.7): isChecked, readable after load and writable;
 * set({ isChecked }). Writing ticks or clears the box as Word does (model.setCcChecked:
 * w14:checked and the state's glyph).
 */
export class CheckboxContentControlDouble extends WordObject<XmlElement> {
  protected readonly typeName = "CheckboxContentControl";

  constructor(context: RequestContextDouble, resolver: Resolver<XmlElement>, origin: ProxyOptions) {
    super(context, resolver, origin);
  }

  protected override isAlive(target: XmlElement): boolean {
    return this.model.isAttached(target);
  }

  protected properties(): PropertyTable<XmlElement> {
    return { isChecked: { api: WordApi17, get: (s) => this.model.ccChecked(s) } };
  }

  get isChecked(): boolean {
    return this.read("isChecked");
  }

  set isChecked(value: boolean) {
    this.write("isChecked", Boolean(value), WordApi17, (s, v) =>
      this.model.setCcChecked(s, v, "CheckboxContentControl.isChecked"),
    );
  }

  set(properties: { isChecked?: boolean }): void {
    if (properties.isChecked !== undefined) this.isChecked = properties.isChecked;
  }
}

// ---------------------------------------------------------------------------
// Range

export class RangeDouble extends WordObject<RangeTarget> {
  protected readonly typeName = "Range";

  constructor(context: RequestContextDouble, resolver: Resolver<RangeTarget>, origin: ProxyOptions) {
    super(context, resolver, origin);
  }

  protected override isAlive(t: RangeTarget): boolean {
    return this.model.rangeAlive(t);
  }

  protected properties(): PropertyTable<RangeTarget> {
    return {
      text: { api: WordApi11, get: (t) => this.model.rangeText(t) },
      isEmpty: { api: WordApi13, get: (t) => this.model.rangeIsEmpty(t) },
    };
  }

  protected override navNames(): readonly string[] {
    return [
      "checkboxContentControl",
      "paragraphs",
      "contentControls",
      "tables",
      "parentContentControl",
      "parentContentControlOrNullObject",
      "parentTable",
      "parentTableOrNullObject",
      "parentTableCell",
      "parentTableCellOrNullObject",
    ];
  }

  get text(): string {
    return this.read("text");
  }

  get isEmpty(): boolean {
    return this.read("isEmpty");
  }

  get paragraphs(): ParagraphCollectionDouble {
    return this.nav("paragraphs", () =>
      collection(
        "ParagraphCollection",
        this.context,
        () => this.model.rangeParagraphs(this.target("Range.paragraphs")),
        {
          location: "Range.paragraphs",
          api: WordApi11,
        },
      ),
    );
  }

  get contentControls(): ContentControlCollectionDouble {
    return this.nav("contentControls", () =>
      collection(
        "ContentControlCollection",
        this.context,
        () =>
          this.model
            .rangeSdts(this.target("Range.contentControls"))
            .filter((s) => this.model.ccType(s) === "RichText"),
        { location: "Range.contentControls", api: WordApi11 },
      ),
    );
  }

  get tables(): TableCollectionDouble {
    return this.nav("tables", () =>
      collection("TableCollection", this.context, () => this.model.rangeTables(this.target("Range.tables")), {
        location: "Range.tables",
        api: WordApi13,
      }),
    );
  }

  /** "The currently supported content control that contains the range": types the host supports. */
  private parentControl(name: string, api: ApiSet, nullable: boolean): ContentControlDouble {
    return this.nav(
      name,
      () =>
        new ContentControlDouble(
          this.context,
          () => {
            const t = nullable ? this.targetOrNull() : this.target(`Range.${name}`);
            return t === null
              ? null
              : this.model.rangeParentSdt(t, (s) =>
                  isTypeSupported(this.model.ccType(s), this.context.requirements),
                );
          },
          { location: `Range.${name}`, api, nullable, instantiate: nullable },
        ),
    );
  }

  get parentContentControl(): ContentControlDouble {
    return this.parentControl("parentContentControl", WordApi11, false);
  }

  get parentContentControlOrNullObject(): ContentControlDouble {
    return this.parentControl("parentContentControlOrNullObject", WordApi13, true);
  }

  private parentW<C extends Loadable>(
    name: string,
    localName: "tc" | "tbl",
    nullable: boolean,
    make: (resolver: Resolver<XmlElement>, origin: ProxyOptions) => C,
  ): C {
    return this.nav(name, () =>
      make(
        () => {
          const t = nullable ? this.targetOrNull() : this.target(`Range.${name}`);
          return t === null ? null : this.model.rangeParentW(t, localName);
        },
        { location: `Range.${name}`, api: WordApi13, nullable, instantiate: nullable },
      ),
    );
  }

  get parentTableCell(): TableCellDouble {
    return this.parentW("parentTableCell", "tc", false, (r, o) => new TableCellDouble(this.context, r, o));
  }

  get parentTableCellOrNullObject(): TableCellDouble {
    return this.parentW(
      "parentTableCellOrNullObject",
      "tc",
      true,
      (r, o) => new TableCellDouble(this.context, r, o),
    );
  }

  get parentTable(): TableDouble {
    return this.parentW("parentTable", "tbl", false, (r, o) => new TableDouble(this.context, r, o));
  }

  get parentTableOrNullObject(): TableDouble {
    return this.parentW(
      "parentTableOrNullObject",
      "tbl",
      true,
      (r, o) => new TableDouble(this.context, r, o),
    );
  }

  getContentControls(options?: ContentControlOptionsDouble): ContentControlCollectionDouble {
    const location = "Range.getContentControls";
    return collection(
      "ContentControlCollection",
      this.context,
      () =>
        this.model
          .rangeSdts(this.target(location))
          .filter(contentControlFilter(this.context, options, location)),
      { location, api: WordApi15, instantiate: true },
    );
  }

  getRange(rangeLocation?: RangeLocationArg): RangeDouble {
    const location = "Range.getRange";
    return new RangeDouble(
      this.context,
      () => {
        const loc = normaliseLocation(
          rangeLocation ?? "Whole",
          ["Whole", "Start", "End", "After", "Content"] as const,
          location,
        );
        return this.model.subRange(this.target(location), loc);
      },
      { location, api: WordApi13, instantiate: true },
    );
  }

  /** Comments whose range starts in one of this range's paragraphs. */
  getComments(): CommentCollectionDouble {
    const location = "Range.getComments";
    return new CommentCollectionDouble(
      this.context,
      () => {
        this.context.checkComments(location);
        return this.context.comments.topLevelIn(this.model.rangeParagraphs(this.target(location)));
      },
      { location, api: WordApi14, instantiate: true },
    );
  }

  /** A comment by the signed-in user over the paragraphs this range touches (see comments.ts). */
  insertComment(commentText: string): CommentDouble {
    const location = "Range.insertComment";
    return new CommentDouble(
      this.context,
      () => {
        this.context.checkComments(location);
        return this.context.comments.insert(this.target(location), commentText);
      },
      { location, api: WordApi14, instantiate: true },
    );
  }

  getOoxml(): ClientResultDouble<string> {
    return this.result("Range.getOoxml", WordApi11, (t) =>
      this.context.session.parts.flatOpc(this.model.rangeBlocks(t, "Range.getOoxml")),
    );
  }

  /**
   * A new range from the start of the earlier of the two ranges to the end of the later one
   * (this range is unchanged). Both must be in the same story, else the sync fails with
   * InvalidArgument.
   */
  expandTo(range: RangeDouble): RangeDouble {
    const location = "Range.expandTo";
    return new RangeDouble(
      this.context,
      () => {
        if (range.context !== this.context) throw invalidRequestContext(location);
        return this.model.expandRange(this.target(location), range.target(location), location);
      },
      { location, api: WordApi13, instantiate: true },
    );
  }

  insertOoxml(ooxml: string, insertLocation: InsertLocationArg): RangeDouble {
    const location = "Range.insertOoxml";
    return new RangeDouble(
      this.context,
      () => {
        const loc = normaliseLocation(
          insertLocation,
          ["Replace", "Start", "End", "Before", "After"] as const,
          location,
        );
        this.context.checkReplace(loc, location);
        return this.model.insertBlocks(this.target(location), loc, ooxmlBlocks(ooxml, location), location);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  insertText(text: string, insertLocation: InsertLocationArg): RangeDouble {
    const location = "Range.insertText";
    return new RangeDouble(
      this.context,
      () => {
        const loc = normaliseLocation(
          insertLocation,
          ["Replace", "Start", "End", "Before", "After"] as const,
          location,
        );
        this.context.checkReplace(loc, location);
        return this.model.insertText(this.target(location), loc, text, location);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  insertParagraph(paragraphText: string, insertLocation: InsertLocationArg): ParagraphDouble {
    const location = "Range.insertParagraph";
    return new ParagraphDouble(
      this.context,
      () => {
        const loc = normaliseLocation(insertLocation, ["Before", "After"] as const, location);
        this.context.checkReplace(loc, location);
        return this.model.insertParagraph(this.target(location), loc, paragraphText, location);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  select(selectionMode?: SelectionModeArg): void {
    const location = "Range.select";
    this.enqueue(location, WordApi11, () => {
      const m = normaliseLocation(selectionMode ?? "Select", ["Select", "Start", "End"] as const, location);
      this.model.select(this.target(location), m);
    });
  }

  delete(): void {
    this.enqueue("Range.delete", WordApi11, () =>
      this.model.deleteRange(this.target("Range.delete"), "Range.delete"),
    );
  }

  clear(): void {
    this.enqueue("Range.clear", WordApi11, () => {
      const t = this.target("Range.clear");
      if (t.kind === "content") this.model.clearContent(t.container);
      else this.model.deleteRange(t, "Range.clear");
    });
  }
}

// ---------------------------------------------------------------------------
// Tables

export class TableDouble extends ElementObject {
  protected readonly typeName = "Table";

  constructor(context: RequestContextDouble, resolver: Resolver<XmlElement>, origin: ProxyOptions) {
    super(context, resolver, origin);
  }

  protected properties(): PropertyTable<XmlElement> {
    return {
      rowCount: { api: WordApi13, get: (t) => this.model.tableRows(t).length },
      values: { api: WordApi13, get: (t) => this.model.tableValues(t) },
      nestingLevel: { api: WordApi13, get: (t) => this.model.tableNestingLevel(t) + 1 },
    };
  }

  protected override navNames(): readonly string[] {
    return [
      "rows",
      "parentContentControlOrNullObject",
      "parentTableCellOrNullObject",
      "parentTableOrNullObject",
    ];
  }

  protected rangeOf(tbl: XmlElement): RangeTarget {
    return { kind: "nodes", first: tbl, last: tbl };
  }

  get rows(): TableRowCollectionDouble {
    return this.nav("rows", () =>
      collection("TableRowCollection", this.context, () => this.model.tableRows(this.target("Table.rows")), {
        location: "Table.rows",
        api: WordApi13,
      }),
    );
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get values(): string[][] {
    return this.read("values");
  }

  get nestingLevel(): number {
    return this.read("nestingLevel");
  }

  get parentContentControlOrNullObject(): ContentControlDouble {
    return this.parentControl("parentContentControlOrNullObject", WordApi13, true);
  }

  get parentTableCellOrNullObject(): TableCellDouble {
    return this.parentCell("parentTableCellOrNullObject", true);
  }

  get parentTableOrNullObject(): TableDouble {
    return this.parentTableOf("parentTableOrNullObject", true);
  }

  private cell(rowIndex: number, cellIndex: number, nullable: boolean): TableCellDouble {
    const name = nullable ? "getCellOrNullObject" : "getCell";
    return this.method(
      `Table.${name}`,
      WordApi13,
      nullable,
      (tbl) => {
        const tr = this.model.tableRows(tbl)[rowIndex];
        return (tr && this.model.rowCells(tr)[cellIndex]) ?? null;
      },
      (resolver, origin) => new TableCellDouble(this.context, resolver, origin),
    );
  }

  getCell(rowIndex: number, cellIndex: number): TableCellDouble {
    return this.cell(rowIndex, cellIndex, false);
  }

  getCellOrNullObject(rowIndex: number, cellIndex: number): TableCellDouble {
    return this.cell(rowIndex, cellIndex, true);
  }

  private paragraphBeside(after: boolean, nullable: boolean): ParagraphDouble {
    const name = `getParagraph${after ? "After" : "Before"}${nullable ? "OrNullObject" : ""}`;
    return this.method(
      `Table.${name}`,
      WordApi13,
      nullable,
      (tbl) => {
        // The neighbouring paragraph in document order (it may sit inside a content control).
        const inside = this.model.paragraphsIn(tbl);
        const edge = after ? inside[inside.length - 1] : inside[0];
        return edge ? this.model.nextParagraph(edge, after ? 1 : -1) : null;
      },
      (resolver, origin) => new ParagraphDouble(this.context, resolver, origin),
    );
  }

  getParagraphAfter(): ParagraphDouble {
    return this.paragraphBeside(true, false);
  }

  getParagraphAfterOrNullObject(): ParagraphDouble {
    return this.paragraphBeside(true, true);
  }

  getParagraphBefore(): ParagraphDouble {
    return this.paragraphBeside(false, false);
  }

  getParagraphBeforeOrNullObject(): ParagraphDouble {
    return this.paragraphBeside(false, true);
  }

  getRange(rangeLocation?: RangeLocationArg): RangeDouble {
    return this.rangeFor(rangeLocation, ["Whole", "Start", "End", "After"]);
  }

  insertParagraph(paragraphText: string, insertLocation: InsertLocationArg): ParagraphDouble {
    const location = "Table.insertParagraph";
    return new ParagraphDouble(
      this.context,
      () => {
        const loc = normaliseLocation(insertLocation, ["Before", "After"] as const, location);
        this.context.checkReplace(loc, location);
        return this.model.insertParagraph(this.rangeOf(this.target(location)), loc, paragraphText, location);
      },
      { location, api: WordApi13, instantiate: true },
    );
  }

  select(selectionMode?: SelectionModeArg): void {
    this.doSelect(selectionMode, WordApi13);
  }

  delete(): void {
    this.enqueue("Table.delete", WordApi13, () =>
      this.model.deleteRange(this.rangeOf(this.target("Table.delete"))),
    );
  }
}

export class TableCellDouble extends ElementObject {
  protected readonly typeName = "TableCell";

  constructor(context: RequestContextDouble, resolver: Resolver<XmlElement>, origin: ProxyOptions) {
    super(context, resolver, origin);
  }

  protected properties(): PropertyTable<XmlElement> {
    return {
      rowIndex: { api: WordApi13, get: (tc) => this.model.cellPosition(tc).rowIndex },
      cellIndex: { api: WordApi13, get: (tc) => this.model.cellPosition(tc).cellIndex },
      value: { api: WordApi13, get: (tc) => this.model.blockText(tc) },
    };
  }

  protected override navNames(): readonly string[] {
    return ["body", "parentRow", "parentTable"];
  }

  protected rangeOf(tc: XmlElement): RangeTarget {
    return { kind: "content", container: tc };
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }

  get cellIndex(): number {
    return this.read("cellIndex");
  }

  get value(): string {
    return this.read("value");
  }

  get body(): BodyDouble {
    return this.nav(
      "body",
      () =>
        new BodyDouble(this.context, () => this.target("TableCell.body"), {
          location: "TableCell.body",
          api: WordApi13,
        }),
    );
  }

  get parentTable(): TableDouble {
    return this.nav(
      "parentTable",
      () =>
        new TableDouble(
          this.context,
          () => this.model.cellPosition(this.target("TableCell.parentTable")).table,
          {
            location: "TableCell.parentTable",
            api: WordApi13,
          },
        ),
    );
  }

  get parentRow(): TableRowDouble {
    return this.nav(
      "parentRow",
      () =>
        new TableRowDouble(this.context, () => ancestorW(this.target("TableCell.parentRow"), "tr"), {
          location: "TableCell.parentRow",
          api: WordApi13,
        }),
    );
  }
}

export class TableRowDouble extends ElementObject {
  protected readonly typeName = "TableRow";

  constructor(context: RequestContextDouble, resolver: Resolver<XmlElement>, origin: ProxyOptions) {
    super(context, resolver, origin);
  }

  protected properties(): PropertyTable<XmlElement> {
    return {
      cellCount: { api: WordApi13, get: (tr) => this.model.rowCells(tr).length },
      rowIndex: { api: WordApi13, get: (tr) => this.rowPosition(tr).index },
      values: { api: WordApi13, get: (tr) => this.model.rowValues(tr) },
    };
  }

  protected override navNames(): readonly string[] {
    return ["cells", "parentTable"];
  }

  protected rangeOf(tr: XmlElement): RangeTarget {
    return { kind: "nodes", first: tr, last: tr };
  }

  private rowPosition(tr: XmlElement): { table: XmlElement | null; rows: XmlElement[]; index: number } {
    const table = ancestorW(tr, "tbl");
    const rows = table ? this.model.tableRows(table) : [];
    return { table, rows, index: rows.indexOf(tr) };
  }

  get cellCount(): number {
    return this.read("cellCount");
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }

  /** Read-only in the double (writes are not emulated). */
  get values(): string[][] {
    return this.read("values");
  }

  get cells(): TableCellCollectionDouble {
    return this.nav("cells", () =>
      collection(
        "TableCellCollection",
        this.context,
        () => this.model.rowCells(this.target("TableRow.cells")),
        { location: "TableRow.cells", api: WordApi13 },
      ),
    );
  }

  get parentTable(): TableDouble {
    return this.nav(
      "parentTable",
      () =>
        new TableDouble(this.context, () => ancestorW(this.target("TableRow.parentTable"), "tbl"), {
          location: "TableRow.parentTable",
          api: WordApi13,
        }),
    );
  }

  private next(nullable: boolean): TableRowDouble {
    return this.method(
      `TableRow.${nullable ? "getNextOrNullObject" : "getNext"}`,
      WordApi13,
      nullable,
      (tr) => {
        const { rows, index } = this.rowPosition(tr);
        return rows[index + 1] ?? null;
      },
      (resolver, origin) => new TableRowDouble(this.context, resolver, origin),
    );
  }

  getNext(): TableRowDouble {
    return this.next(false);
  }

  getNextOrNullObject(): TableRowDouble {
    return this.next(true);
  }

  /**
   * Inserts `rowCount` rows copying this row's structure, with `values` (at most one array per
   * new row, each no longer than the row's cells) or empty cells; returns the new rows.
   */
  insertRows(
    insertLocation: InsertLocationArg,
    rowCount: number,
    values?: string[][],
  ): TableRowCollectionDouble {
    const location = "TableRow.insertRows";
    // Collections re-resolve for every use: insert once and remember the rows.
    let inserted: XmlElement[] | null = null;
    let failed: unknown = null;
    return collection(
      "TableRowCollection",
      this.context,
      () => {
        if (failed !== null) throw failed;
        if (inserted === null) {
          try {
            const loc = normaliseLocation(insertLocation, ["Before", "After"] as const, location);
            this.context.checkReplace(loc, location);
            inserted = this.model.insertRows(this.target(location), loc, rowCount, values, location);
          } catch (error) {
            failed = error;
            throw error;
          }
        }
        return inserted.filter((tr) => this.model.isAttached(tr));
      },
      { location, api: WordApi13, instantiate: true },
    );
  }

  delete(): void {
    this.enqueue("TableRow.delete", WordApi13, () => this.model.deleteRow(this.target("TableRow.delete")));
  }
}

// ---------------------------------------------------------------------------
// Sections

export class SectionDouble extends ElementObject {
  protected readonly typeName = "Section";

  constructor(context: RequestContextDouble, resolver: Resolver<XmlElement>, origin: ProxyOptions) {
    super(context, resolver, origin);
  }

  protected properties(): PropertyTable<XmlElement> {
    return {};
  }

  protected rangeOf(sectPr: XmlElement): RangeTarget {
    return { kind: "edge", el: sectPr, edge: "before" };
  }

  private story(kind: "header" | "footer", type: HeaderFooterTypeArg): BodyDouble {
    const location = `Section.get${kind === "header" ? "Header" : "Footer"}`;
    return new BodyDouble(
      this.context,
      () => {
        const t = normaliseLocation(type, ["Primary", "FirstPage", "EvenPages"] as const, location);
        const sectPr = this.target(location);
        const index = this.model.sectPrs().indexOf(sectPr);
        // A missing part reads as an empty story, as in Word (writing into it is NotImplemented).
        return this.model.headerFooter(index, kind, t) ?? this.model.virtualStory(kind, t);
      },
      { location, api: WordApi11, instantiate: true },
    );
  }

  getHeader(type: HeaderFooterTypeArg): BodyDouble {
    return this.story("header", type);
  }

  getFooter(type: HeaderFooterTypeArg): BodyDouble {
    return this.story("footer", type);
  }
}

// ---------------------------------------------------------------------------
// Collections

type ItemClass<TItem> = new (
  context: RequestContextDouble,
  resolver: Resolver<XmlElement>,
  origin: ProxyOptions,
) => TItem;

/** Members a collection may have beyond `items` and load(); each row of COLLECTIONS picks its own. */
type CollectionMember =
  "getFirst" | "getFirstOrNullObject" | "getLast" | "getById" | "getByIdOrNullObject" | "getByTag";

const FIRST: readonly CollectionMember[] = ["getFirst", "getFirstOrNullObject"];

/**
 * The Word collections the double emulates, one row each: the item proxy class and the members
 * Word documents for that collection and something (src/office, the double's tests) calls. A
 * member not in its row does not exist on the proxy (calling it is a TypeError), as for any
 * member the double does not emulate.
 */
const COLLECTIONS = {
  ParagraphCollection: { item: () => ParagraphDouble, members: [...FIRST, "getLast"] },
  ContentControlCollection: {
    item: () => ContentControlDouble,
    members: [...FIRST, "getById", "getByIdOrNullObject", "getByTag"],
  },
  TableCollection: { item: () => TableDouble, members: FIRST },
  TableRowCollection: { item: () => TableRowDouble, members: FIRST },
  TableCellCollection: { item: () => TableCellDouble, members: FIRST },
  SectionCollection: { item: () => SectionDouble, members: FIRST },
} as const satisfies Record<string, { item: () => ItemClass<unknown>; members: readonly CollectionMember[] }>;

type CollectionName = keyof typeof COLLECTIONS;
const ALL_MEMBERS: readonly CollectionMember[] = [
  ...FIRST,
  "getLast",
  "getById",
  "getByIdOrNullObject",
  "getByTag",
];

/**
 * Every Word collection of document elements (paragraphs, content controls, tables, rows,
 * cells, sections), configured by its row in COLLECTIONS.
 */
export class WordCollectionDouble<TItem extends ClientObjectDouble<XmlElement>> extends CollectionDouble<
  XmlElement,
  TItem
> {
  protected readonly typeName: CollectionName;
  private readonly Item: ItemClass<TItem>;

  constructor(
    name: CollectionName,
    override readonly context: RequestContextDouble,
    resolver: () => readonly XmlElement[] | null,
    origin: ProxyOptions,
  ) {
    super(context, resolver, origin);
    this.typeName = name;
    const row = COLLECTIONS[name];
    this.Item = row.item() as unknown as ItemClass<TItem>;
    const own = row.members as readonly CollectionMember[];
    for (const m of ALL_MEMBERS) if (!own.includes(m)) Object.defineProperty(this, m, { value: undefined });
  }

  private get model(): DocModel {
    return this.context.model;
  }

  protected makeItem(): TItem {
    return new this.Item(this.context, () => null, { location: `${this.typeName}.items` });
  }

  /** A single item chosen by a method (getFirst, getById...), resolved where it sits in the queue. */
  private pick(
    name: CollectionMember,
    api: ApiSet,
    nullable: boolean,
    choose: (elements: readonly XmlElement[]) => XmlElement | undefined,
  ): TItem {
    const location = `${this.typeName}.${name}`;
    return new this.Item(this.context, () => choose(this.elements(location)) ?? null, {
      location,
      api,
      nullable,
      instantiate: true,
    });
  }

  getFirst(): TItem {
    return this.pick("getFirst", WordApi13, false, (els) => els[0]);
  }

  getFirstOrNullObject(): TItem {
    return this.pick("getFirstOrNullObject", WordApi13, true, (els) => els[0]);
  }

  getLast(): TItem {
    return this.pick("getLast", WordApi13, false, (els) => els[els.length - 1]);
  }

  /** Looks only among this collection's controls (body.contentControls holds rich text only). */
  getById(id: number): TItem {
    return this.pick("getById", WordApi11, false, (els) => els.find((s) => this.model.ccId(s) === id));
  }

  getByIdOrNullObject(id: number): TItem {
    return this.pick("getByIdOrNullObject", WordApi13, true, (els) =>
      els.find((s) => this.model.ccId(s) === id),
    );
  }

  getByTag(tag: string): WordCollectionDouble<TItem> {
    const location = `${this.typeName}.getByTag`;
    return new WordCollectionDouble<TItem>(
      this.typeName,
      this.context,
      () => this.elements(location).filter((s) => this.model.ccTag(s) === tag),
      { location, api: WordApi11, instantiate: true },
    );
  }
}

/** What each collection offers, as a type (the members its row of COLLECTIONS leaves out are absent). */
type Without<TItem extends ClientObjectDouble<XmlElement>, M extends CollectionMember> = Omit<
  WordCollectionDouble<TItem>,
  Exclude<CollectionMember, M>
>;
export type ParagraphCollectionDouble = Without<
  ParagraphDouble,
  "getFirst" | "getFirstOrNullObject" | "getLast"
>;
export type ContentControlCollectionDouble = Without<
  ContentControlDouble,
  "getFirst" | "getFirstOrNullObject" | "getById" | "getByIdOrNullObject" | "getByTag"
>;
export type TableCollectionDouble = Without<TableDouble, "getFirst" | "getFirstOrNullObject">;
export type TableRowCollectionDouble = Without<TableRowDouble, "getFirst" | "getFirstOrNullObject">;
export type TableCellCollectionDouble = Without<TableCellDouble, "getFirst" | "getFirstOrNullObject">;
export type SectionCollectionDouble = Without<SectionDouble, "getFirst" | "getFirstOrNullObject">;

/** The item proxy of each collection. */
interface CollectionItems {
  ParagraphCollection: ParagraphDouble;
  ContentControlCollection: ContentControlDouble;
  TableCollection: TableDouble;
  TableRowCollection: TableRowDouble;
  TableCellCollection: TableCellDouble;
  SectionCollection: SectionDouble;
}
type ItemOf<N extends CollectionName> = CollectionItems[N] extends infer T extends
  ClientObjectDouble<XmlElement>
  ? T
  : never;

/** A collection proxy by its row in COLLECTIONS. */
function collection<N extends CollectionName>(
  name: N,
  context: RequestContextDouble,
  resolver: () => readonly XmlElement[] | null,
  origin: ProxyOptions,
): WordCollectionDouble<ItemOf<N>> {
  return new WordCollectionDouble<ItemOf<N>>(name, context, resolver, origin);
}
