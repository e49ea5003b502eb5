/**
 * The Office.js batching model, emulated: proxy objects whose properties are only readable
 * after load() + sync(), a queue of actions applied in order at sync(), null objects,
 * ClientResult, and requirement-set gating.
 */

import { apiNotFound, invalidArgument, itemNotFound, propertyNotLoaded, valueNotLoaded } from "./errors";
import { payloadBytes } from "./profiles";

// ---------------------------------------------------------------------------
// Requirement sets

/** A requirement set and the version that introduced an API, e.g. ["WordApi", "1.3"]. */
export type ApiSet = readonly [name: string, version: string];

export const WordApi11: ApiSet = ["WordApi", "1.1"];
export const WordApi13: ApiSet = ["WordApi", "1.3"];
export const WordApi14: ApiSet = ["WordApi", "1.4"];
export const WordApi15: ApiSet = ["WordApi", "1.5"];
export const WordApi17: ApiSet = ["WordApi", "1.7"];
export const WordApi19: ApiSet = ["WordApi", "1.9"];
export const WordApiDesktop13: ApiSet = ["WordApiDesktop", "1.3"];

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(".").map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The requirement sets the simulated host supports: set name -> highest version. */
export class RequirementSets {
  private readonly sets: ReadonlyMap<string, string>;

  constructor(sets: Readonly<Record<string, string>>) {
    this.sets = new Map(Object.entries(sets).map(([k, v]) => [k.toLowerCase(), v]));
  }

  /** Office.context.requirements.isSetSupported semantics (set names are case-insensitive). */
  isSetSupported(name: string, minVersion?: string | number): boolean {
    const have = this.sets.get(name.toLowerCase());
    if (have === undefined) return false;
    if (minVersion === undefined) return true;
    const want = typeof minVersion === "number" ? minVersion.toFixed(1) : minVersion;
    return compareVersions(have, want) >= 0;
  }

  supports(api: ApiSet): boolean {
    return this.isSetSupported(api[0], api[1]);
  }

  /** Throws ApiNotFound (as Word does at sync) when `api` is beyond the configured sets. */
  check(api: ApiSet | undefined, location: string): void {
    if (api && !this.supports(api)) throw apiNotFound(location, `${api[0]} ${api[1]}`);
  }
}

// ---------------------------------------------------------------------------
// The request queue

export interface QueuedAction {
  /** "Paragraph.insertText" etc.; becomes the error's debugInfo.errorLocation. */
  location: string;
  api?: ApiSet;
  run(): void;
}

/** What proxies need from their request context. */
export interface BatchContext {
  readonly requirements: RequirementSets;
  enqueue(action: QueuedAction): void;
  /** Registers work to do when the running sync succeeds (delivering loaded values). */
  onCommit(commit: () => void): void;
  /** Records `bytes` loaded from Word in the running sync (what Word charges for). */
  loaded(kind: "ooxml" | "text" | "other", bytes: number): void;
}

// ---------------------------------------------------------------------------
// load() options

/** The minimal form of OfficeExtension.LoadOption the double understands. */
export interface LoadOptionDouble {
  select?: string | string[];
  expand?: string | string[];
}

export type LoadArgument = string | string[] | LoadOptionDouble;

/** A parsed load(): property paths, split on "/". An empty list means "all scalar properties". */
export type LoadPaths = string[][];

function splitNames(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseLoadArgument(option: LoadArgument | undefined): LoadPaths {
  if (option === undefined) return [];
  if (typeof option === "string" || Array.isArray(option)) return splitNames(option).map((p) => p.split("/"));
  return [...splitNames(option.select), ...splitNames(option.expand)].map((p) => p.split("/"));
}

/** Anything load() can reach: a proxy object or a collection. */
export interface Loadable {
  /** Runs inside a sync: reads the requested values now and returns the commit that delivers them. */
  captureLoad(paths: LoadPaths, location: string): () => void;
}

// ---------------------------------------------------------------------------
// Proxy objects

export interface PropertySpec<T> {
  api: ApiSet;
  get(target: T): unknown;
}

export type PropertyTable<T> = Readonly<Record<string, PropertySpec<T>>>;

export interface ProxyOptions {
  /** "Paragraph.getNextOrNullObject": where errors are reported. */
  location: string;
  /** The requirement set of the method or property that produced this object. */
  api?: ApiSet;
  /** An *OrNullObject result: resolves to a null object instead of failing with ItemNotFound. */
  nullable?: boolean;
  /** Resolve at the point of creation in the queue (methods), not at first use (navigation properties). */
  instantiate?: boolean;
  /** Re-resolve for every action instead of once (collections). */
  live?: boolean;
}

type ResolveState<T> = { kind: "unresolved" } | { kind: "resolved"; target: T } | { kind: "null" };

/**
 * Base of every proxy: Word.Paragraph, Word.ContentControl, ... The target (DOM element,
 * range description) is found lazily inside a sync, in queue order, and then kept, the way
 * Office.js binds an object path to a document object the first time it is used.
 */
export abstract class ClientObjectDouble<T> implements Loadable {
  readonly context: BatchContext;
  protected abstract readonly typeName: string;
  private state: ResolveState<T> = { kind: "unresolved" };
  private committedNull: boolean | undefined;
  private readonly loadedValues = new Map<string, unknown>();

  protected constructor(
    context: BatchContext,
    private readonly resolver: () => T | null,
    protected readonly origin: ProxyOptions,
  ) {
    this.context = context;
    if (origin.instantiate) {
      context.enqueue({ location: origin.location, api: origin.api, run: () => void this.resolveTarget() });
    }
  }

  /** Scalar properties that load() can fetch. */
  protected abstract properties(): PropertyTable<T>;

  /** Navigation properties (objects or collections) that load paths can go through. */
  protected navigation(_name: string): Loadable | undefined {
    return undefined;
  }

  /** Whether a previously resolved target still exists in the document. */
  protected isAlive(_target: T): boolean {
    return true;
  }

  /** Readable after the sync that created or first used the object. */
  get isNullObject(): boolean {
    if (this.committedNull === undefined) {
      throw propertyNotLoaded("isNullObject", `${this.typeName}.isNullObject`);
    }
    return this.committedNull;
  }

  /** Resolves (once) inside a sync. Returns null for a null object. */
  private resolveTarget(): T | null {
    this.context.requirements.check(this.origin.api, this.origin.location);
    if (this.state.kind === "unresolved" || this.origin.live) {
      const target = this.resolver();
      if (target === null && !this.origin.nullable) throw itemNotFound(this.origin.location);
      this.state = target === null ? { kind: "null" } : { kind: "resolved", target };
    }
    if (this.committedNull === undefined) {
      const isNull = this.state.kind === "null";
      this.context.onCommit(() => {
        this.committedNull = isNull;
      });
    }
    if (this.state.kind === "null") return null;
    if (!this.isAlive(this.state.target)) {
      throw itemNotFound(this.origin.location, `the ${this.typeName} no longer exists`);
    }
    return this.state.target;
  }

  /** Inside a sync: the target, for operations that need one (a null object fails with ItemNotFound). */
  protected target(location: string): T {
    const t = this.resolveTarget();
    if (t === null) throw itemNotFound(location, `${this.typeName} is a null object`);
    return t;
  }

  /** Inside a sync: the target, or null for a null object (for *OrNullObject children of null objects). */
  protected targetOrNull(): T | null {
    return this.resolveTarget();
  }

  /** Internal: binds an object created from an already-resolved target (collection items). */
  bindResolvedTarget(target: T): void {
    this.state = { kind: "resolved", target };
    this.context.onCommit(() => {
      this.committedNull = false;
    });
  }

  protected enqueue(location: string, api: ApiSet, run: () => void): void {
    this.context.enqueue({ location, api, run });
  }

  /** A property read: loaded (or locally set) value, null on a null object, else PropertyNotLoaded. */
  protected read<V>(name: string): V {
    if (this.committedNull === true) return null as V;
    if (!this.loadedValues.has(name)) throw propertyNotLoaded(name, `${this.typeName}.${name}`);
    return this.loadedValues.get(name) as V;
  }

  /** A property write: remembered locally (as Office.js does) and applied at sync. */
  protected write<V>(name: string, value: V, api: ApiSet, apply: (target: T, value: V) => void): void {
    this.loadedValues.set(name, value);
    const location = `${this.typeName}.${name}`;
    this.enqueue(location, api, () => apply(this.target(location), value));
  }

  load(option?: LoadArgument): this {
    const paths = parseLoadArgument(option);
    const location = `${this.typeName}.load`;
    this.context.enqueue({
      location,
      run: () => {
        const commit = this.captureLoad(paths, location);
        this.context.onCommit(commit);
      },
    });
    return this;
  }

  captureLoad(paths: LoadPaths, location: string): () => void {
    const target = this.targetOrNull();
    const table = this.properties();
    const scalars = new Set<string>();
    const nested = new Map<string, LoadPaths>();
    if (paths.length === 0) {
      for (const [name, spec] of Object.entries(table)) {
        if (this.context.requirements.supports(spec.api)) scalars.add(name);
      }
    }
    for (const [head, ...rest] of paths) {
      if (head in table) {
        if (rest.length > 0) throw invalidArgument(location, `'${head}' is not an object property`);
        this.context.requirements.check(table[head].api, `${this.typeName}.${head}`);
        scalars.add(head);
      } else if (this.navigation(head)) {
        const list = nested.get(head) ?? [];
        if (rest.length > 0) list.push(rest);
        nested.set(head, list);
      } else {
        throw invalidArgument(location, `${this.typeName} has no property '${head}' in the Word double`);
      }
    }
    const loaded = new Map<string, unknown>();
    if (target !== null) {
      for (const name of scalars) {
        const value = table[name].get(target);
        loaded.set(name, value);
        this.context.loaded(name === "text" ? "text" : "other", payloadBytes(value) + name.length + 4);
      }
    }
    const commits: (() => void)[] = [];
    for (const [name, sub] of nested) {
      const nav = this.navigation(name);
      if (nav && target !== null) commits.push(nav.captureLoad(sub, location));
    }
    return () => {
      for (const [k, v] of loaded) this.loadedValues.set(k, v);
      for (const c of commits) c();
    };
  }

  /** No-ops: the double keeps every object usable within its Word.run. */
  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }
}

/**
 * Base of collections (ParagraphCollection, ContentControlCollection, ...). The set of
 * elements is computed afresh for each action, as Word does; `items` holds the proxies
 * delivered by the last load().
 */
export abstract class CollectionDouble<E, TItem extends ClientObjectDouble<E>> extends ClientObjectDouble<
  readonly E[]
> {
  private loadedItems: TItem[] | undefined;

  protected constructor(context: BatchContext, resolver: () => readonly E[] | null, origin: ProxyOptions) {
    super(context, resolver, { ...origin, live: true });
  }

  protected abstract makeItem(element: E): TItem;

  protected properties(): PropertyTable<readonly E[]> {
    return {};
  }

  get items(): TItem[] {
    if (this.loadedItems === undefined) throw propertyNotLoaded("items", `${this.typeName}.items`);
    return this.loadedItems;
  }

  /** Inside a sync: the current elements of the collection. */
  protected elements(location: string): readonly E[] {
    return this.target(location);
  }

  /** Inside a sync: a proxy bound to an element found now. */
  protected itemFor(element: E): TItem {
    const item = this.makeItem(element);
    item.bindResolvedTarget(element);
    return item;
  }

  override captureLoad(paths: LoadPaths, location: string): () => void {
    const itemPaths = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    const elements = this.elements(location);
    const items = elements.map((e) => this.itemFor(e));
    const commits = items.map((item) => item.captureLoad(itemPaths, location));
    return () => {
      this.loadedItems = items;
      for (const c of commits) c();
    };
  }

  override toJSON(): Record<string, unknown> {
    return { items: (this.loadedItems ?? []).map((i) => i.toJSON()) };
  }
}

// ---------------------------------------------------------------------------
// ClientResult

export class ClientResultDouble<T> {
  private loaded = false;
  private result: T | undefined;

  get value(): T {
    if (!this.loaded) throw valueNotLoaded();
    return this.result as T;
  }

  /** Called inside a sync's commit. */
  deliver(value: T): void {
    this.loaded = true;
    this.result = value;
  }
}
