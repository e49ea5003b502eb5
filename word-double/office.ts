/**
 * The `Office` namespace of the double: onReady, host/platform, requirement sets and the
 * DocumentSelectionChanged event (Common API, callback style).
 */

import type { RequirementSets } from "./runtime";

export type HostName = "Word" | "Excel" | "PowerPoint" | "Outlook" | "OneNote" | "Project" | "Access";
export type PlatformName = "PC" | "OfficeOnline" | "Mac" | "iOS" | "Android" | "Universal";

/** Office.AsyncResult, minimal form. */
export interface AsyncResultDouble {
  status: "succeeded" | "failed";
  value: undefined;
  error?: { name: string; message: string; code: number };
}

/** Office.DocumentSelectionChangedEventArgs, minimal form. */
export interface SelectionChangedArgsDouble {
  type: "documentSelectionChanged";
  document: OfficeDocumentDouble;
}

export type SelectionHandler = (args: SelectionChangedArgsDouble) => unknown;
type AsyncCallback = (result: AsyncResultDouble) => void;

/** Office.DocumentMode values. */
export type DocumentModeName = "readOnly" | "readWrite";

/** Office.context.document: its mode and the event registration the add-in needs. */
export interface OfficeDocumentDouble {
  /** Office.context.document.mode: "readOnly" when the document is opened read-only. */
  readonly mode: DocumentModeName;
  addHandlerAsync(eventType: string, handler: SelectionHandler, callback?: AsyncCallback): void;
  addHandlerAsync(
    eventType: string,
    handler: SelectionHandler,
    options: object,
    callback?: AsyncCallback,
  ): void;
  removeHandlerAsync(eventType: string, callback?: AsyncCallback): void;
  removeHandlerAsync(
    eventType: string,
    options: { handler?: SelectionHandler },
    callback?: AsyncCallback,
  ): void;
}

export interface OfficeDouble {
  readonly HostType: { readonly [K in HostName]: K };
  readonly PlatformType: { readonly [K in PlatformName]: K };
  readonly EventType: { readonly DocumentSelectionChanged: "documentSelectionChanged" };
  readonly AsyncResultStatus: { readonly Succeeded: "succeeded"; readonly Failed: "failed" };
  readonly DocumentMode: { readonly ReadOnly: "readOnly"; readonly ReadWrite: "readWrite" };
  readonly context: {
    readonly host: HostName;
    readonly platform: PlatformName;
    /** Word's display language (BCP 47, e.g. "sv-SE", "da-DK"). */
    readonly displayLanguage: string;
    readonly diagnostics: { host: HostName; platform: PlatformName; version: string };
    readonly officeTheme: { bodyBackgroundColor: string } | undefined;
    readonly requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    readonly document: OfficeDocumentDouble;
  };
  onReady(
    callback?: (info: { host: HostName; platform: PlatformName }) => unknown,
  ): Promise<{ host: HostName; platform: PlatformName }>;
}

export interface OfficeDoubleControl {
  readonly Office: OfficeDouble;
  /** Calls every DocumentSelectionChanged handler and waits for the promises they return. */
  fireSelectionChanged(): Promise<void>;
  readonly selectionHandlerCount: number;
}

const SELECTION_CHANGED = "documentSelectionChanged";

function callbackOf(
  optionsOrCallback: unknown,
  callback: AsyncCallback | undefined,
): AsyncCallback | undefined {
  return typeof optionsOrCallback === "function" ? (optionsOrCallback as AsyncCallback) : callback;
}

export function createOfficeDouble(config: {
  host: HostName;
  platform: PlatformName;
  version: string;
  officeTheme?: { bodyBackgroundColor: string };
  /** Office.context.displayLanguage; default "sv-SE". */
  displayLanguage?: string;
  requirements: RequirementSets;
  /** Office.context.document.mode; default "readWrite". */
  documentMode?: DocumentModeName;
  /** addHandlerAsync for DocumentSelectionChanged reports failure (a client that cannot subscribe). */
  selectionEventsFail?: boolean;
}): OfficeDoubleControl {
  const handlers: SelectionHandler[] = [];
  const later = (cb: AsyncCallback | undefined, result: AsyncResultDouble): void => {
    if (cb) void Promise.resolve().then(() => cb(result));
  };
  const unsupported = (eventType: string): AsyncResultDouble => ({
    status: "failed",
    value: undefined,
    error: { name: "Invalid Event Type", message: `The double does not emulate '${eventType}'.`, code: 5000 },
  });
  const addHandlerAsync = (
    eventType: string,
    handler: SelectionHandler,
    optionsOrCallback?: unknown,
    callback?: AsyncCallback,
  ): void => {
    const cb = callbackOf(optionsOrCallback, callback);
    if (String(eventType) !== SELECTION_CHANGED) return later(cb, unsupported(String(eventType)));
    if (config.selectionEventsFail) {
      return later(cb, {
        status: "failed",
        value: undefined,
        error: { name: "Internal Error", message: "An internal error has occurred.", code: 5001 },
      });
    }
    handlers.push(handler);
    later(cb, { status: "succeeded", value: undefined });
  };
  const removeHandlerAsync = (
    eventType: string,
    optionsOrCallback?: unknown,
    callback?: AsyncCallback,
  ): void => {
    const cb = callbackOf(optionsOrCallback, callback);
    if (String(eventType) !== SELECTION_CHANGED) return later(cb, unsupported(String(eventType)));
    const options =
      typeof optionsOrCallback === "object" && optionsOrCallback !== null ? optionsOrCallback : {};
    const only = (options as { handler?: SelectionHandler }).handler;
    for (let i = handlers.length - 1; i >= 0; i--) if (!only || handlers[i] === only) handlers.splice(i, 1);
    later(cb, { status: "succeeded", value: undefined });
  };
  const document: OfficeDocumentDouble = {
    mode: config.documentMode ?? "readWrite",
    addHandlerAsync,
    removeHandlerAsync,
  };
  const info = { host: config.host, platform: config.platform };
  const Office: OfficeDouble = {
    HostType: {
      Word: "Word",
      Excel: "Excel",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    EventType: { DocumentSelectionChanged: SELECTION_CHANGED },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    DocumentMode: { ReadOnly: "readOnly", ReadWrite: "readWrite" },
    context: {
      host: config.host,
      platform: config.platform,
      displayLanguage: config.displayLanguage ?? "sv-SE",
      diagnostics: { ...info, version: config.version },
      officeTheme: config.officeTheme,
      requirements: {
        isSetSupported: (name, minVersion) => config.requirements.isSetSupported(name, minVersion),
      },
      document,
    },
    async onReady(callback) {
      await Promise.resolve();
      if (callback) callback({ ...info });
      return { ...info };
    },
  };
  return {
    Office,
    async fireSelectionChanged() {
      const args: SelectionChangedArgsDouble = { type: SELECTION_CHANGED, document };
      for (const h of [...handlers]) await h(args);
    },
    get selectionHandlerCount() {
      return handlers.length;
    },
  };
}
