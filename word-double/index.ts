/**
 * A Word API test double: a fake `Word` (and `Office`) namespace for jest, backed by a real
 * .docx. The Word adapter is tested against it; the result can be written back with toDocx()
 * and checked with the real checker.
 *
 *   const double = await createWordDouble(bytes, { requirementSets: { WordApi: "1.3" } });
 *   await double.Word.run(async (context) => { ... await context.sync(); });
 *
 * EMULATED (Office.js semantics)
 * - Batching: proxies are created synchronously; method calls and property writes are queued
 *   and applied in order at context.sync(), which increments `syncCount`. Word.run() flushes
 *   pending actions when the batch's promise resolves (counted as a sync only when there were
 *   pending actions), rejects with RunMustReturnPromise when the batch returns no promise, and
 *   closes its context: using it afterwards throws InvalidRequestContext.
 * - Loading: reading a property before load()+sync() throws PropertyNotLoaded with Office.js's
 *   message; load() takes "a,b", ["a","b"], {select, expand}, navigation paths
 *   ("parentContentControl/tag") and, on collections, "items/text" or "text" (= items' text);
 *   load() with no argument loads all scalar properties the configured sets support. Loads see
 *   the document as it is at their place in the queue. Each load of a collection delivers new
 *   item proxies holding only what that load asked for (as Office.js does). Writes are
 *   readable locally at once (as in Office.js).
 *   ClientResult.value (getOoxml) throws ValueNotLoaded until synced.
 * - Errors: OfficeExtension.Error-shaped (name "RichApi.Error", code, debugInfo). A failing
 *   action rejects sync(); earlier actions of the batch stay applied, no loaded values of that
 *   batch are delivered, later actions are dropped.
 * - Object identity in the queue: objects returned by methods (getFirst, getNext, getById,
 *   getRange, expandTo, getCell ...) are bound to their document object where they sit in the
 *   queue, and stay bound to it: a delete() queued after several getNext() chains acts on what
 *   the chains found before any deletion. Navigation properties (parentTable,
 *   parentContentControl, parentTableCell, parentRow ...) bind at their first use, starting from
 *   the object they hang off, so p.parentTableCell.parentRow works in one batch without a sync.
 *   An object whose document object was removed fails with ItemNotFound.
 * - Null objects: *OrNullObject methods/properties resolve where they sit in the queue;
 *   isNullObject is readable after that sync; properties of a null object read as null.
 *   Non-null variants (getFirst, getById, getNext, parentContentControl, ...) fail the sync
 *   with ItemNotFound. Deliberately strict: methods and property writes on a null object fail
 *   with ItemNotFound too.
 * - Requirement sets: Office.context.requirements.isSetSupported() answers from
 *   `requirementSets`; every emulated member carries its set from @types/office-js and using
 *   one beyond the configured sets fails the sync with ApiNotFound.
 * - Document: body, contentControls (rich text, body + headers + footers), getContentControls
 *   (WordApi 1.5), getSelection, sections (getFirst, getHeader/getFooter). A header/footer
 *   type whose part does not exist reads as Word's empty story: one empty paragraph, text "",
 *   type "Header"/"Footer", getOoxml a package whose body is one empty w:p (plus the w:sectPr
 *   every getOoxml carries); writing into it is NotImplemented.
 * - Body: text, type, paragraphs (all paragraphs in document order, inside tables and content
 *   controls too, not text boxes), tables (nested included), contentControls (RICH TEXT ONLY,
 *   as in Word), getContentControls({types}), getOoxml, getRange, insertOoxml, insertParagraph,
 *   insertText, clear, select.
 * - Paragraph: text, style, styleBuiltIn, tableNestingLevel, isLastParagraph, style writes,
 *   select, getRange, getOoxml, insertOoxml, insertParagraph, insertText, getNext/getPrevious
 *   (+OrNullObject, document order within the story), parentContentControl(+OrNullObject),
 *   parentTable(+OrNullObject), parentTableCell(+OrNullObject), parentBody, contentControls,
 *   getContentControls, delete, clear.
 * - ContentControl: id, tag, title, type, subtype, text, placeholderText (read-only, from the
 *   glossary building block), appearance, cannotEdit, cannotDelete, removeWhenEdited,
 *   showingPlaceholderText (see below), select, getRange, getOoxml, insertText (typing over a
 *   placeholder replaces it and clears w:showingPlcHdr; "" restores the placeholder),
 *   insertOoxml, insertParagraph, clear (restores the placeholder), delete(keepContent),
 *   paragraphs, contentControls, tables, getContentControls, parent* navigation.
 *   ContentControlCollection: items, getById(+OrNullObject), getByTag, getFirst(+OrNullObject)
 *   (every collection is one row of objects.ts's COLLECTIONS table: its item class and the
 *   members it has; a member not in its row is absent). getById* only search their own collection, so
 *   body.contentControls.getByIdOrNullObject(plainTextId) is a null object, as in Word.
 * - Range: text, isEmpty, paragraphs, contentControls, tables, parentContentControl
 *   (+OrNullObject; "currently supported" types only), parentTable*, parentTableCell*,
 *   getContentControls, getRange, getOoxml, insertOoxml/insertText ("Before", "After",
 *   "Start", "End", "Replace"), insertParagraph, select, delete, clear, expandTo (WordApi 1.3).
 *   insertOoxml "After" on the whole range of a paragraph, a table or a block-level control
 *   puts the package's blocks (w:p, w:tbl, w:sdt) right after it, as siblings.
 * - Range.expandTo(range): a new range from the start of the earlier range to the end of the
 *   later one; both must be in the same story (body, a header, a footer), otherwise the sync
 *   fails with InvalidArgument. Its paragraphs are every paragraph it touches in document
 *   order, including the paragraphs its two ends are in (so
 *   body.getRange("Start").expandTo(selection.getRange("Start")).paragraphs ends with the
 *   cursor's paragraph, in table cells and content controls too); contentControls and tables
 *   are those it overlaps; text is the covered part of each of its paragraphs joined with
 *   "\r"; getRange("Start"/"End"), parent*, select, insertText/insertOoxml/insertParagraph
 *   Before/After/Start/End work on it.
 * - Table: rowCount, values, nestingLevel, rows, getCell(+OrNullObject), getParagraphAfter/
 *   Before(+OrNullObject), getRange, insertParagraph, select, delete. TableCell: rowIndex,
 *   cellIndex, value, body, parentTable, parentRow. TableRow (WordApi 1.3): cellCount, rowIndex,
 *   values (read-only here; a one-row 2D array), cells, parentTable, getNext(+OrNullObject),
 *   insertRows("Before"/"After", rowCount, values?) - new rows copy the row's w:tblPrEx, w:trPr,
 *   each w:tcPr and each cell's first-paragraph pPr, hold the values or stay empty, and come
 *   back as a TableRowCollection; more value rows than rowCount, or more values than cells,
 *   is InvalidArgument - and delete() (the last row takes the table with it).
 *   TableRowCollection and TableCellCollection: items, getFirst(+OrNullObject).
 * - Insert locations are validated per method as in @types/office-js (e.g.
 *   Paragraph.insertOoxml takes only Replace/Start/End); others fail with InvalidArgument.
 *   insertOoxml takes a flat-OPC pkg:package with /_rels/.rels and the main part (anything
 *   else is InvalidArgument). Block content goes between blocks; one paragraph inserted inside
 *   a paragraph merges its runs; several paragraphs inside a paragraph split it (the last
 *   inserted paragraph merges with the tail and keeps the target's paragraph properties).
 *   Text with line breaks becomes paragraphs; "\t" becomes w:tab, "\v" w:br.
 * - getOoxml returns a flat-OPC package: /_rels/.rels, /word/document.xml (the range's blocks
 *   plus the document's final w:sectPr without header/footer references),
 *   /word/_rels/document.xml.rels, /word/styles.xml and /word/numbering.xml when present.
 * - Content-control ids: Word API ids are numbers the double assigns in document order (body,
 *   then headers/footers) from `firstContentControlId`, skipping every number used as an OOXML
 *   w:id, so they never coincide with w:id (Office.js does not document them as equal).
 *   Controls created later get ids when first seen.
 * - getContentControls() and Range.parentContentControl report the types the configured host
 *   supports (per @types/office-js: plainText WordApi 1.5 - with getContentControls itself -,
 *   checkBox 1.7, dropDownList/comboBox 1.9, datePicker/picture/group/buildingBlockGallery/
 *   repeatingSection WordApiDesktop 1.3); asking for an unsupported type is InvalidArgument.
 * - Text: w:t, w:tab "\t", w:br "\v" (page break "\f"), w:cr "\v"; footnote and endnote
 *   reference marks "\u0002", non-breaking hyphen "\u001e", optional hyphen "\u001f" (the
 *   characters Word's object model uses); field codes, text boxes (not in body.paragraphs
 *   nor in their anchor's text, office-js #5282) and mc:Fallback are skipped; paragraphs are joined with "\r". Tracked deletions (w:del,
 *   w:moveFrom): `deletedText: "include"` (default) gives what Word returns on the web and,
 *   while markup is shown, on the desktop (deleted text kept, office-js #1267, #5286);
 *   "omit" gives the text as if all changes were accepted (desktop with markup hidden).
 * - Changes between round trips: beforeSync(change) runs `change` at the start of every sync
 *   (before its queued actions), so a test can be the user or a co-author editing the document
 *   between two of the add-in's round trips.
 * - Locks (w:lock; cannotEdit/cannotDelete) are reported and enforced: inserting, typing or
 *   deleting inside a control whose contents are locked, and deleting a control that cannot be
 *   deleted (or a range, row or table holding one), fail with GeneralException.
 * - Office.context.document.mode (option `documentMode`): "readOnly" makes every edit fail with
 *   AccessDenied. Option `selectionEventsFail`: addHandlerAsync reports a failed AsyncResult.
 *   Option `failGetOoxml`: body.getOoxml() fails with GeneralException.
 * - Track Changes (WordApi 1.4): Document.changeTrackingMode ("Off", "TrackAll",
 *   "TrackMineOnly"; option `changeTrackingMode`). While tracking, deletes keep their content
 *   inside w:del (w:t become w:delText, paragraph marks and rows are marked deleted) and inserts
 *   (insertOoxml, insertText, insertParagraph, insertRows, control text) are wrapped in w:ins,
 *   as Word records API edits; body.paragraphs still lists deleted paragraphs.
 * - Styles: `style` is the English UI name (built-in lower-case names capitalised, "heading 1"
 *   -> "Heading 1"); styleBuiltIn maps to Word.BuiltInStyleName or "Other".
 * - Selection: getSelection() returns the current selection; select() on Body/Paragraph/
 *   ContentControl/Range/Table records it ("Select", "Start", "End"). Test helpers
 *   setSelection(paragraphIndex) / setSelectionToContentControl(id) simulate the user's cursor;
 *   `selection` describes it.
 * - Office: onReady, HostType, PlatformType, EventType, AsyncResultStatus, context.host/
 *   platform/diagnostics/officeTheme/requirements, document.addHandlerAsync/removeHandlerAsync
 *   for DocumentSelectionChanged; fireDocumentSelectionChanged() calls the handlers.
 * - Comments (WordApi 1.4, comments.ts): Range.insertComment (the author is always WORD_USER,
 *   as Word sets it), Body/Range.getComments, Comment id/content/authorName/authorEmail/
 *   creationDate/resolved (writable), replies, reply, getRange, delete; CommentReply id/content/
 *   authorName, authorEmail, creationDate, parentComment, delete. Written as Word writes them (range marks and a
 *   reference run in the paragraph, word/comments.xml, word/commentsExtended.xml for threads and
 *   resolution); getOoxml carries the comments part; paragraph text shows "\x05" per reference
 *   (Word on Windows). A comment whose reference mark is removed by an edit is dropped, as Word
 *   drops a comment with its range. Helpers: addPersonComment, addPersonReply, comments().
 * - Events (events.ts, user.ts): WordApi 1.6 Document.onParagraphAdded/Changed/Deleted (args
 *   { type, uniqueLocalIds, source }), Paragraph.uniqueLocalId, Document.
 *   getParagraphByUniqueLocalId (@types/office-js has no ParagraphCollection.getByUniqueLocalId);
 *   WordApi 1.5 ContentControl.onDataChanged (args { eventType, ids, source }). Registration
 *   happens at sync and fails with ApiNotFound without the set. The simulated user
 *   (`user.type/pressEnter/paste/deleteParagraph/undo/moveTo`) and co-authors (`coauthor.*`,
 *   source "Remote") raise them, local edits with DocumentSelectionChanged; each known fault of
 *   Word is switchable through `eventFaults` (#3864, #4874, #5089, #5400, #5784, #5597).
 *   The add-in's own edits (any batch that changes a body paragraph) raise the paragraph events
 *   too, as in Word.
 * - Check boxes (WordApi 1.7): ContentControl.checkboxContentControl (a null object on other
 *   types) with isChecked (load, write, set({ isChecked })); a write sets w14:checked and puts
 *   the glyph of w14:checkedState/uncheckedState in its font into the control's run, as Word
 *   does; user.toggleCheckbox(id) is the user's click.
 * - Profiles and costs (profiles.ts): `profile: "web" | "windows" | "mac"` with `wordApi`
 *   "1.3" | "1.4" | "1.6" | "1.7" sets the platform, the requirement sets reported
 *   ({ WordApi, DocumentEvents 1.1 }), the event faults and a cost model: every context.sync()
 *   costs `syncMs` plus `msPerKiB` per KiB loaded (property values, ClientResults), slept on the
 *   injected `clock` (simulated time, see clock.ts). `costs` counts round trips, getOoxml calls,
 *   KiB loaded by kind (ooxml, text, other) and the simulated `wordMs`. On the web profile,
 *   inserting with "Replace" while the document holds a date picker answers NotAllowed (#6865)
 *   and, with `notAllowed: { comments: true }`, so do comments (#6746). Figures and sources:
 *   docs/design.md, "What Word costs".
 * - Paragraph.getNext walks on in document order (linear chains on large documents).
 * - toDocx(): re-serialises only the changed parts (document, headers, footers) into the
 *   original package; every other part is byte-for-byte untouched.
 *
 * NOT EMULATED
 * - Fonts, paragraph formatting other than style, lists, inline pictures, fields,
 *   footnotes, tracked-change objects, search, HTML, events other than those above,
 *   insertContentControl, insertTable,
 *   Table.addRows, expandToOrNullObject/intersectWith, set() on objects, placeholderText and
 *   TableRow.values writes, other TableRow/TableCell members (isHeader, borders, padding,
 *   heights, merge ...), type-specific control objects (dropDownListContentControl ...).
 *   Unemulated members simply do not exist on the proxies (TypeError), whatever the configured
 *   requirement sets say.
 * - Ranges made by expandTo: getOoxml, delete, clear and "Replace" are NotImplemented.
 *   @types/office-js documents ItemNotFound for ranges without a union; the double answers
 *   ranges in different stories with InvalidArgument.
 * - Writing into a header/footer whose part does not exist (creating the part) is
 *   NotImplemented.
 * - Word's merging of adjacent tables when a table is inserted right next to another one, and
 *   vertical merges (w:vMerge) when rows are inserted: tcPr is copied as it is.
 * - Text boxes (w:txbxContent) are invisible: their paragraphs and controls are not listed.
 * - insertText on a control that wraps table rows, and paragraphs inserted among table rows or
 *   cells or inside an inline control, fail with InvalidArgument.
 * - Character offsets: ranges are whole runs, paragraphs, controls, tables or containers,
 *   collapsed points at their edges, or spans between two such points (expandTo); a selection
 *   inside a run is not representable.
 * - Relationships of inserted OOXML (images, hyperlinks) and styles carried in the inserted
 *   package are ignored; w:id values of inserted controls are kept as they are.
 * - Word's paragraph-mark quirks on insertOoxml at paragraph boundaries, tracked deleted
 *   paragraph marks (paragraphs are never merged), table cell-end markers in text, localised
 *   style names, a Word.run that reuses
 *   objects from another run (trackedObjects are no-ops).
 */

import { createOfficeDouble, type HostName, type OfficeDouble, type PlatformName } from "./office";
import { ErrorCodes, OfficeExtensionErrorDouble, runMustReturnPromise } from "./errors";
import { DocModel, type DeletedTextMode, type RangeTarget } from "./model";
import { RequestContextDouble, type Session } from "./objects";
import { DocxParts } from "./package";
import { CommentStore, type Author, type CommentInfo } from "./comments";
import { ClientResultDouble, RequirementSets } from "./runtime";
import { realClock, type Clock } from "./clock";
import {
  EventHub,
  type EventFaults,
  type ContentControlEventArgsDouble,
  type ParagraphEventArgsDouble,
} from "./events";
import { createUser, type CoauthorDouble, type UserDouble } from "./user";
import {
  FREE,
  PROFILES,
  noCosts,
  requirementSetsFor,
  type CostModel,
  type NotAllowedFaults,
  type ProfileName,
  type WordApiLevel,
  type WordCosts,
} from "./profiles";
import type { ChangeTrackingModeString } from "./tracking";
import { serializeXml, type XmlDocument, type XmlElement } from "./xml";

export { OfficeExtensionErrorDouble, ErrorCodes } from "./errors";
export type {
  BodyDouble,
  ContentControlCollectionDouble,
  ContentControlDouble,
  DocumentDouble,
  ParagraphCollectionDouble,
  ParagraphDouble,
  RangeDouble,
  RequestContextDouble,
  TableCellCollectionDouble,
  TableCellDouble,
  TableCollectionDouble,
  TableDouble,
  TableRowCollectionDouble,
  TableRowDouble,
} from "./objects";
export type { ClientResultDouble, LoadArgument } from "./runtime";
export type { OfficeDouble } from "./office";
export { WORD_USER, type Author, type CommentInfo } from "./comments";
export type { Clock } from "./clock";
export { realClock, globalClock } from "./clock";
export type {
  ContentControlEventArgsDouble,
  EventFaults,
  EventSourceString,
  ParagraphEventArgsDouble,
} from "./events";
export type { CoauthorDouble, UserDouble } from "./user";
export { PROFILES, requirementSetsFor } from "./profiles";
export type { CostModel, NotAllowedFaults, Profile, ProfileName, WordApiLevel, WordCosts } from "./profiles";
export { CHARACTERS_PER_PAGE } from "./user";

/** The default author of test comments made "by a person" (addPersonComment). */
export const PERSON: Author = { name: "Bertil Rektor", initials: "BR" };
export type { ContentControlTypeString, DeletedTextMode } from "./model";
export type { ChangeTrackingModeString } from "./tracking";

/** Requirement-set presets. */
export const REQUIREMENT_SETS = {
  /** The add-in's design minimum (manifest.xml): Word 2016/2019 perpetual. */
  wordApi13: { WordApi: "1.3" },
  /** A current Microsoft 365 desktop Word, as far as the double's members go. */
  modern: { WordApi: "1.9", WordApiDesktop: "1.3" },
} as const satisfies Record<string, Record<string, string>>;

export interface WordDoubleOptions {
  /** Requirement sets the simulated host supports; default REQUIREMENT_SETS.modern. */
  requirementSets?: Readonly<Record<string, string>>;
  /** Default "Word". */
  host?: HostName;
  /** Default "PC". */
  platform?: PlatformName;
  /** Office.context.diagnostics.version; default "16.0.0.0". */
  version?: string;
  officeTheme?: { bodyBackgroundColor: string };
  /** Office.context.displayLanguage (Word's UI language); default "sv-SE". */
  displayLanguage?: string;
  /**
   * Tracked deletions in `text`: "include" (default: what Word on the web always returns, and
   * Word on the desktop while markup is shown) or "omit" (markup hidden, as if accepted).
   */
  deletedText?: DeletedTextMode;
  /** First Word API content-control id; default 1 (numbers used as OOXML w:id are skipped). */
  firstContentControlId?: number;
  /**
   * Document.changeTrackingMode (WordApi 1.4) at the start; default "Off". While tracking, the
   * double's deletes and inserts become w:del / w:ins revisions, as Word records API edits.
   */
  changeTrackingMode?: ChangeTrackingModeString;
  /**
   * Office.context.document.mode; default "readWrite". With "readOnly" every edit through the
   * Word API fails with AccessDenied, as Word refuses changes to a read-only document.
   */
  documentMode?: "readOnly" | "readWrite";
  /** Office.context.document.addHandlerAsync(DocumentSelectionChanged) reports failure. */
  selectionEventsFail?: boolean;
  /** body.getOoxml() fails with GeneralException, as on some documents (office-js #3898, #6016). */
  failGetOoxml?: boolean;
  /**
   * The double's time: latency, event delivery and the user's keystroke timing. Default: real
   * timers. Pass a virtual clock (e.g. over @sinonjs/fake-timers) to simulate without waiting.
   */
  clock?: Clock;
  /** Known faults of Word's events, each switchable (events.ts); default none. */
  eventFaults?: EventFaults;
  /** Delay between a user's edit and its events reaching the add-in; default 0 (the profile's with one). */
  eventDelayMs?: number;
  /**
   * The client the double behaves like (profiles.ts): its platform, requirement sets (WordApi
   * `wordApi`), cost of a round trip and of each KiB loaded, event delay, event faults and
   * NotAllowed refusals. Without a profile Word is free and faultless, as before. Options given
   * here override the profile's.
   */
  profile?: ProfileName;
  /** With a profile: the WordApi level it reports; default "1.7". */
  wordApi?: WordApiLevel;
  /** A cost model of one's own (default: the profile's, or free). */
  costs?: Partial<CostModel>;
  /** Edits refused with NotAllowed (default: the profile's, or none). */
  notAllowed?: NotAllowedFaults;
}

/** The `Word` namespace of the double. */
export interface WordNamespaceDouble {
  run<T>(batch: (context: RequestContextDouble) => Promise<T>): Promise<T>;
  /**
   * Word.run(object, batch) - e.g. `Word.run(handlerResult.context, ...)` to remove an event
   * handler: the double gives the batch a new context whatever the object.
   */
  run<T>(object: unknown, batch: (context: RequestContextDouble) => Promise<T>): Promise<T>;
  readonly InsertLocation: {
    readonly before: "Before";
    readonly after: "After";
    readonly start: "Start";
    readonly end: "End";
    readonly replace: "Replace";
  };
  readonly RangeLocation: {
    readonly whole: "Whole";
    readonly start: "Start";
    readonly end: "End";
    readonly before: "Before";
    readonly after: "After";
    readonly content: "Content";
  };
  readonly SelectionMode: { readonly select: "Select"; readonly start: "Start"; readonly end: "End" };
  readonly EventSource: { readonly local: "Local"; readonly remote: "Remote" };
  readonly EventType: {
    readonly contentControlDataChanged: "ContentControlDataChanged";
    readonly paragraphAdded: "ParagraphAdded";
    readonly paragraphChanged: "ParagraphChanged";
    readonly paragraphDeleted: "ParagraphDeleted";
  };
  readonly HeaderFooterType: {
    readonly primary: "Primary";
    readonly firstPage: "FirstPage";
    readonly evenPages: "EvenPages";
  };
  readonly ContentControlType: typeof CONTENT_CONTROL_TYPE;
  readonly ContentControlAppearance: {
    readonly boundingBox: "BoundingBox";
    readonly tags: "Tags";
    readonly hidden: "Hidden";
  };
  readonly ErrorCodes: {
    readonly accessDenied: "AccessDenied";
    readonly generalException: "GeneralException";
    readonly invalidArgument: "InvalidArgument";
    readonly itemNotFound: "ItemNotFound";
    readonly notImplemented: "NotImplemented";
  };
}

/** The OfficeExtension namespace of the double (for `instanceof OfficeExtension.Error`). */
export interface OfficeExtensionDouble {
  readonly Error: typeof OfficeExtensionErrorDouble;
  readonly ErrorCodes: typeof ErrorCodes;
  readonly ClientResult: typeof ClientResultDouble;
}

export interface SelectionInfo {
  /** Indexes (into the body's paragraphs) of the paragraphs the selection touches. */
  paragraphIndexes: number[];
  /** Word API id of the innermost content control around the selection (any type), or null. */
  contentControlId: number | null;
  text: string;
  collapsed: boolean;
}

export type CursorMode = "start" | "end" | "whole";

export interface WordDouble {
  readonly Word: WordNamespaceDouble;
  readonly Office: OfficeDouble;
  readonly OfficeExtension: OfficeExtensionDouble;
  /** context.sync() calls so far (including Word.run's final flush when it had work). */
  readonly syncCount: number;
  resetSyncCount(): void;
  /** What the add-in has cost Word since the start or the last resetCosts() (a copy). */
  readonly costs: WordCosts;
  resetCosts(): void;
  /**
   * Runs `change` at the start of every sync (before its queued actions) with the sync's number
   * as syncCount counts it; `change` may edit the document (for example with `paragraphs()` and
   * the DOM, or by editing `body`). null removes the hook.
   */
  beforeSync(change: ((sync: number) => void) | null): void;

  /** The live DOM of word/document.xml (edits through the API show here at once). */
  readonly document: XmlDocument;
  readonly body: XmlElement;
  /** Header and footer parts, in the order of the document's relationships. */
  readonly headerFooterParts: readonly { kind: "header" | "footer"; path: string; document: XmlDocument }[];
  /** Serialised word/document.xml. */
  documentXml(): string;
  /** The body's paragraphs in Word's order (body.paragraphs). */
  paragraphs(): XmlElement[];
  /** Their text as Word reports it. */
  paragraphTexts(): string[];
  /** The w:sdt with a Word API id, or null. */
  contentControlElement(id: number): XmlElement | null;
  /** The Word API id of a w:sdt (body or header/footer). */
  contentControlId(sdt: XmlElement): number;
  /** Word API ids of every control in the body, in document order. */
  contentControlIds(): number[];

  /** Puts the cursor in a body paragraph (index into paragraphs()). */
  setSelection(paragraphIndex: number, mode?: CursorMode): void;
  /** Puts the cursor inside a content control (any type), or selects it whole. */
  setSelectionToContentControl(id: number, mode?: CursorMode): void;
  readonly selection: SelectionInfo;
  /** Fires Office's DocumentSelectionChanged handlers (awaiting any promises they return). */
  fireDocumentSelectionChanged(): Promise<void>;

  /** The person at the keyboard: typing, Enter, paste, delete, undo, clicks (user.ts). */
  readonly user: UserDouble;
  /** A co-author editing the same document (events with source "Remote"). */
  readonly coauthor: CoauthorDouble;
  /** Every paragraph and content-control event raised so far, delivered or not. */
  readonly events: readonly (ParagraphEventArgsDouble | ContentControlEventArgsDouble)[];
  /** Event handlers registered now (paragraph and content-control events). */
  readonly eventHandlerCount: number;

  /** The body's comments in document order, with their replies (see comments.ts). */
  comments(): CommentInfo[];
  /** Adds a comment by a person (not the add-in) on a body paragraph; returns its id. */
  addPersonComment(paragraphIndex: number, text: string, author?: Author): string;
  /** Adds a person's reply under a comment; returns the reply's id. */
  addPersonReply(commentId: string, text: string, author?: Author): string;

  /** Sets globalThis.Word, Office and OfficeExtension; returns a function that restores them. */
  install(): () => void;
  /** The package with the modified parts re-serialised. */
  toDocx(): Promise<Uint8Array>;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function"
  );
}

const CONTENT_CONTROL_TYPE = {
  unknown: "Unknown",
  richTextInline: "RichTextInline",
  richTextParagraphs: "RichTextParagraphs",
  richTextTableCell: "RichTextTableCell",
  richTextTableRow: "RichTextTableRow",
  richTextTable: "RichTextTable",
  plainTextInline: "PlainTextInline",
  plainTextParagraph: "PlainTextParagraph",
  picture: "Picture",
  buildingBlockGallery: "BuildingBlockGallery",
  checkBox: "CheckBox",
  comboBox: "ComboBox",
  dropDownList: "DropDownList",
  datePicker: "DatePicker",
  repeatingSection: "RepeatingSection",
  richText: "RichText",
  plainText: "PlainText",
  group: "Group",
} as const;

export async function createWordDouble(
  docxBytes: Uint8Array,
  options: WordDoubleOptions = {},
): Promise<WordDouble> {
  const parts = await DocxParts.open(docxBytes);
  const profile = options.profile ? PROFILES[options.profile] : undefined;
  const requirements = new RequirementSets(
    options.requirementSets ??
      (profile ? requirementSetsFor(options.wordApi ?? "1.7") : REQUIREMENT_SETS.modern),
  );
  const costModel: CostModel = { ...(profile?.costs ?? FREE), ...options.costs };
  const model = new DocModel(parts, {
    deletedText: options.deletedText ?? "include",
    firstContentControlId: options.firstContentControlId ?? 1,
    changeTrackingMode: options.changeTrackingMode ?? "Off",
    readOnly: options.documentMode === "readOnly",
    failGetOoxml: options.failGetOoxml,
  });
  const comments = await CommentStore.open(parts, model);
  parts.flatOpcExtra = (blocks) => comments.flatOpcPart(blocks);
  const clock = options.clock ?? realClock();
  const events = new EventHub(
    clock,
    options.eventFaults ?? profile?.faults ?? {},
    () => options.eventDelayMs ?? costModel.eventDelayMs,
  );
  const session: Session = {
    model,
    parts,
    requirements,
    comments,
    events,
    clock,
    costModel,
    costs: noCosts(),
    notAllowed: options.notAllowed ?? profile?.notAllowed ?? {},
    syncCount: 0,
  };
  const office = createOfficeDouble({
    host: options.host ?? "Word",
    platform: options.platform ?? profile?.platform ?? "PC",
    version: options.version ?? "16.0.0.0",
    officeTheme: options.officeTheme,
    displayLanguage: options.displayLanguage,
    requirements,
    documentMode: options.documentMode,
    selectionEventsFail: options.selectionEventsFail,
  });

  const Word: WordNamespaceDouble = {
    async run<T>(first: unknown, second?: (context: RequestContextDouble) => Promise<T>): Promise<T> {
      const batch = (typeof first === "function" ? first : second) as
        ((context: RequestContextDouble) => Promise<T>) | undefined;
      if (!batch) throw runMustReturnPromise();
      const context = new RequestContextDouble(session);
      try {
        const pending: unknown = batch(context);
        if (!isThenable(pending)) throw runMustReturnPromise();
        const value = (await pending) as T;
        if (context.hasPendingActions) await context.sync();
        return value;
      } finally {
        context.close();
      }
    },
    InsertLocation: { before: "Before", after: "After", start: "Start", end: "End", replace: "Replace" },
    RangeLocation: {
      whole: "Whole",
      start: "Start",
      end: "End",
      before: "Before",
      after: "After",
      content: "Content",
    },
    SelectionMode: { select: "Select", start: "Start", end: "End" },
    EventSource: { local: "Local", remote: "Remote" },
    EventType: {
      contentControlDataChanged: "ContentControlDataChanged",
      paragraphAdded: "ParagraphAdded",
      paragraphChanged: "ParagraphChanged",
      paragraphDeleted: "ParagraphDeleted",
    },
    HeaderFooterType: { primary: "Primary", firstPage: "FirstPage", evenPages: "EvenPages" },
    ContentControlType: CONTENT_CONTROL_TYPE,
    ContentControlAppearance: { boundingBox: "BoundingBox", tags: "Tags", hidden: "Hidden" },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      itemNotFound: "ItemNotFound",
      notImplemented: "NotImplemented",
    },
  };

  const OfficeExtension: OfficeExtensionDouble = {
    Error: OfficeExtensionErrorDouble,
    ErrorCodes,
    ClientResult: ClientResultDouble,
  };

  const bodyParagraphs = (): XmlElement[] => model.paragraphsIn(model.body);
  const people = createUser({
    model,
    hub: events,
    clock,
    fireSelectionChanged: () => office.fireSelectionChanged(),
  });
  events.apiEdits = people.apiEdits;
  const cursor = (el: XmlElement, mode: CursorMode): RangeTarget =>
    mode === "whole" ? { kind: "nodes", first: el, last: el } : { kind: "edge", el, edge: mode };

  return {
    Word,
    Office: office.Office,
    OfficeExtension,
    get syncCount() {
      return session.syncCount;
    },
    resetSyncCount() {
      session.syncCount = 0;
    },
    get costs(): WordCosts {
      const c = session.costs;
      return { ...c, kib: { ...c.kib } };
    },
    resetCosts() {
      session.costs = noCosts();
    },
    beforeSync(change) {
      session.beforeSync = change
        ? (n) => {
            change(n);
            parts.dirty.add(parts.main);
          }
        : undefined;
    },
    document: parts.main,
    body: parts.body,
    headerFooterParts: parts.stories.map((s) => ({ kind: s.kind, path: s.path, document: s.doc })),
    documentXml: () => serializeXml(parts.main),
    paragraphs: bodyParagraphs,
    paragraphTexts: () => bodyParagraphs().map((p) => model.paragraphText(p)),
    contentControlElement: (id) => model.sdtById(id),
    contentControlId: (sdt) => model.ccId(sdt),
    contentControlIds: () => model.sdtsIn(model.body).map((s) => model.ccId(s)),
    setSelection(paragraphIndex, mode = "start") {
      const p = bodyParagraphs()[paragraphIndex];
      if (!p) throw new RangeError(`word double: no paragraph ${paragraphIndex}`);
      model.selection = cursor(p, mode);
    },
    setSelectionToContentControl(id, mode = "start") {
      const sdt = model.sdtById(id);
      if (!sdt) throw new RangeError(`word double: no content control ${id}`);
      model.selection = mode === "whole" ? cursor(sdt, mode) : { kind: "edge", el: sdt, edge: mode };
    },
    get selection(): SelectionInfo {
      const t = model.currentSelection();
      const all = bodyParagraphs();
      const sdt = model.rangeParentSdt(t);
      return {
        paragraphIndexes: model.rangeParagraphs(t).map((p) => all.indexOf(p)),
        contentControlId: sdt ? model.ccId(sdt) : null,
        text: model.rangeText(t),
        collapsed: t.kind === "edge",
      };
    },
    fireDocumentSelectionChanged: () => office.fireSelectionChanged(),
    user: people.user,
    coauthor: people.coauthor,
    events: events.log,
    get eventHandlerCount() {
      return events.handlerCount;
    },
    comments: () => comments.info(),
    addPersonComment(paragraphIndex, text, author = PERSON) {
      const p = bodyParagraphs()[paragraphIndex];
      if (!p) throw new RangeError(`word double: no paragraph ${paragraphIndex}`);
      return comments.idOf(comments.insert({ kind: "nodes", first: p, last: p }, text, author));
    },
    addPersonReply(commentId, text, author = PERSON) {
      const parent = comments.byId(commentId);
      if (!parent) throw new RangeError(`word double: no comment ${commentId}`);
      return comments.idOf(comments.reply(parent, text, author));
    },
    install() {
      const g = globalThis as Record<string, unknown>;
      const saved = { Word: g.Word, Office: g.Office, OfficeExtension: g.OfficeExtension };
      Object.assign(g, { Word, Office: office.Office, OfficeExtension });
      return () => {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete g[k];
          else g[k] = v;
        }
      };
    },
    toDocx: async () => {
      await comments.writeInto(parts);
      return parts.toDocx();
    },
  };
}
