/**
 * The Word adapter: the only code that touches `Word.*` and `Office.*` (besides the pane's theme
 * check in src/taskpane/office-env.ts). It implements the pane's PlanstodHost on top of the
 * shared engine: Word hands over the document as OOXML, and recognition, the completeness rules
 * and the block operations run on exactly the code the command line uses.
 *
 * Addressing fields. Office.js does not document content-control ids as stable or equal to the
 * OOXML w:id, so fields are addressed by paragraph ordinal instead: the engine's paragraph model
 * lists every w:p of the body in document order, which is the order of `body.paragraphs`. Every
 * read loads the paragraphs' text in the same round trip as the OOXML and checks that the two
 * agree (count and text); where they do not (Word counts a paragraph the OOXML does not show),
 * the ordinals are mapped by matching texts. Before a navigation is trusted, the target
 * paragraph's text is compared with the expected one; on a mismatch (the user edited since the
 * last read) the adapter reads again and retries once.
 *
 * Round trips (context.sync): read 1, navigate 1 (3 after a stale read), field at cursor 1
 * (2 after an edit above the cursor, cursor.ts), refresh 1 (2 when the structure changed,
 * refresh.ts), add or remove a block 3 (read, apply, read back and verify), review comments 3
 * (comments.ts) — for any document size, since paragraph proxies are reached with
 * getFirst()/getNext() chains inside one batch.
 */
import { PlanstodError } from "../core/messages";
import { fold } from "../core/text";
import type { FieldKey } from "../core/outline";
import type { ExtractedDocument, ExtractedField, FieldDef } from "../core/types";
import { analyse, readParts, type Analysis, type ReadDocument } from "../ooxml/read/recognise";
import type { DocModel, Paragraph } from "../ooxml/read/paragraph-model";
import type { BlockOperation } from "../ooxml/edit/apply";
import { isEmptyBody } from "../ooxml/read/empty-body";
import { FlatOpc, flatOpcOf } from "../ooxml/package/flat-opc";
import { elementChildren, firstW, isW, isWithin, type XmlElement } from "../ooxml/xml/dom";
import type { ReviewTarget } from "../core/review";
import type { CommentsResult, HostCapabilities, PlanstodHost, Snapshot } from "../taskpane/host";
import { CREATE_TEXT, canCreatePlan, insertPlan } from "./create-plan";
import { officeErrorText } from "./errors";
import { DEGRADED_TEXT, templateFromTexts } from "./degraded";
import type { SelfTestResult } from "../taskpane/diagnostics/types";
import { insertIsLocked, LOCK_TEXT, removeIsLocked, writeIsLocked } from "./locks";
import {
  countRevisions,
  queueTrackingMode,
  TRACKING_REQUIREMENT,
  TRACKING_TEXT,
  type TrackingState,
} from "./tracking";
import { hasTrackedDeletion, matchesParagraph, normalizeWordText, wordTextsOf } from "./text-match";
import { cursorAgrees, queueCursor } from "./cursor";
import { queueTextProbe, retext } from "./refresh";
import { instructionParagraph } from "./targets";
import { wordText } from "./word-text";
import { insertReviewComments, removeReviewComments, type CommentHost } from "./comments";
import { canTick, setCheckbox } from "./checkbox";
import { removeInstruction } from "./remove-instruction";

/** The Office.js namespaces, injected so that tests can pass a double. */
export interface OfficeApis {
  Word: typeof Word;
  Office: typeof Office;
}

/** The header types read for the fields above the title, in the order the engine ranks them. */
const HEADER_TYPES = ["FirstPage", "Primary"] as const;

export const REQUIREMENTS = {
  /**
   * What reading needs. body.getOoxml is WordApi 1.1, but the manifest asks for WordApi 1.3, so
   * a client with less (Office 2016 volume-licensed on Windows) never offers the add-in; the pane
   * has no separate 1.1 path.
   */
  read: { set: "WordApi", version: "1.3" },
  core: { set: "WordApi", version: "1.3" },
  events: { set: "DocumentEvents", version: "1.1" },
  /** getContentControls() of every type; without it only rich-text controls are listed. */
  allControls: { set: "WordApi", version: "1.5" },
  /** Range.insertComment, Body.getComments, Comment.delete/replies/resolved. */
  comments: { set: "WordApi", version: "1.4" },
} as const;

/** Whether the client supports a requirement set; never throws. */
function supports(office: typeof Office, r: { set: string; version: string }): boolean {
  try {
    return office.context.requirements.isSetSupported(r.set, r.version) === true;
  } catch {
    return false;
  }
}

const NEEDS_13 =
  "Den här versionen av Word saknar WordApi 1.3, som Planstöd behöver. Använd Word på webben, Word för Microsoft 365 (Windows eller Mac) eller Word 2021 eller senare.";

export const MISSING_TEXT = {
  read: NEEDS_13,
  core: NEEDS_13,
  readOnly:
    "Dokumentet är öppnat skrivskyddat, så Planstöd kan granska det men inte ändra det. Välj Redigera dokument i Word för att lägga till eller ta bort utvecklingsområden, uppföljningar eller rader.",
  events:
    "Den här versionen av Word meddelar inte när markören flyttas, så Planstöd följer inte markören. Klicka på ett avsnitt för att gå till det.",
  comments:
    "Den här versionen av Word kan inte lägga in kommentarer från tillägg (WordApi 1.4 saknas). Granskningen kan ändå läggas in som kommentarer med Planstöds kommandoradsverktyg: planstod check FIL --comments -o UT.docx",
};

const EDIT_TEXT = {
  changed:
    "Dokumentet har ändrats sedan Planstöd läste det, så ingenting ändrades. Uppdatera och försök igen.",
  unexpected:
    "Word ändrade dokumentet på ett annat sätt än väntat. Kontrollera dokumentet och ångra vid behov (Ctrl+Z).",
};

const WRITE_TEXT = {
  hasText: "Fältet har redan text. Planstöd skriver aldrig över det du har skrivit.",
  choose: "Det här fältet fylls i genom att välja i listan eller kalendern i dokumentet.",
  tick: "Det här fältet är en kryssruta: markera den i dokumentet.",
  noAnswer: "Planstöd hittar ingen plats för svaret under fältets rubrik.",
  changed: "Dokumentet har ändrats sedan Planstöd läste det. Uppdatera och försök igen.",
  unexpected:
    "Word ändrade dokumentet på ett annat sätt än väntat. Kontrollera dokumentet och ångra vid behov (Ctrl+Z).",
};

export function capabilitiesOf(office: typeof Office): HostCapabilities {
  const supported = (r: { set: string; version: string }) => supports(office, r);
  const core = supported(REQUIREMENTS.read) && supported(REQUIREMENTS.core);
  const events = supported(REQUIREMENTS.events);
  const readOnly = core && isReadOnly(office);
  const missing: string[] = [];
  if (!core) missing.push(MISSING_TEXT.read);
  if (core && !events) missing.push(MISSING_TEXT.events);
  if (readOnly) missing.push(MISSING_TEXT.readOnly);
  const comments = core && supported(REQUIREMENTS.comments);
  if (core && !comments) missing.push(MISSING_TEXT.comments);
  return {
    read: core,
    navigate: core,
    followCursor: core && events,
    editBlocks: core && !readOnly,
    comments: comments && !readOnly,
    missing,
    ...(readOnly ? { readOnly } : {}),
  };
}

/** Office.context.document.mode is ReadOnly (a document opened read-only); never throws. */
function isReadOnly(office: typeof Office): boolean {
  try {
    const readOnly = office.DocumentMode?.ReadOnly ?? "readOnly";
    return String(office.context.document.mode) === String(readOnly);
  } catch {
    return false;
  }
}

export interface State {
  read: ReadDocument;
  analysis: Analysis | null;
  /** Word's paragraph texts of the body, as loaded with the OOXML. */
  wordTexts: string[];
  /** Word's paragraph texts of each header read (same order as headerTypes). */
  headerTexts: string[][];
  /** Model paragraph index (body) → Word paragraph ordinal. */
  toWord: Map<number, number>;
  /** Header model indexes start here; header i covers [headerStart[i], headerStart[i+1]). */
  headerStarts: number[];
  /** The header type each header part was read from (a missing one is left out). */
  headerTypes: (typeof HEADER_TYPES)[number][];
  bodyCount: number;
  /** Whether Track Changes is on; null when the client cannot say. */
  trackChanges: TrackingState;
}

/** The body root (w:body) of a flat OPC package's main part, or null. */
function bodyOf(pkg: FlatOpc): XmlElement | null {
  const doc = pkg.root(pkg.mainPart);
  return doc ? firstW(doc, "body") : null;
}

/** Maps model paragraphs to Word's by text where the counts differ; identity where they agree. */
function alignParagraphs(model: readonly Paragraph[], wordTexts: readonly string[]): Map<number, number> {
  const map = new Map<number, number>();
  if (model.length === wordTexts.length) {
    model.forEach((_, i) => map.set(i, i));
    return map;
  }
  let w = 0;
  for (let m = 0; m < model.length; m++) {
    for (let look = w; look < Math.min(wordTexts.length, w + 8); look++) {
      if (matchesParagraph(wordTexts[look], model[m])) {
        map.set(m, look);
        w = look + 1;
        break;
      }
    }
  }
  return map;
}

/**
 * Where to put the cursor for a field (model index): the first answer paragraph holding a
 * content control or text, else the last answer paragraph (an empty cell under a heading row),
 * else the label.
 */
function targetParagraph(field: ExtractedField, model: DocModel): number | null {
  const loc = field.location;
  if (!loc) return null;
  const answer = loc.paragraphs.map((i) => model.paragraphs[i]).filter((p) => p !== undefined);
  const filled = answer.find(
    (p) => p.containers.length > 0 || p.segments.some((s) => s.sdt) || fold(p.text) !== "",
  );
  return (filled ?? answer[answer.length - 1])?.index ?? loc.anchor;
}

const sameKey = (a: FieldKey, b: FieldKey) =>
  a.id === b.id && a.block?.type === b.block?.type && a.block?.index === b.block?.index;

/** The template's definition of a field. */
function fieldDef(analysis: Analysis, key: FieldKey): FieldDef | null {
  const { template } = analysis;
  if (!key.block) return template.fields.find((f) => f.id === key.id) ?? null;
  const block = template.blocks.find((b) => b.type === key.block?.type);
  if (block?.kind === "instances") return block.fields.find((f) => f.id === key.id) ?? null;
  const column = block?.columns.find((c) => c.id === key.id);
  return column ? { ...column, required: true, locate: { kind: "below", anchor: column.label } } : null;
}

function findField(analysis: Analysis, key: FieldKey): ExtractedField | null {
  if (!key.block) return analysis.extracted.fields[key.id] ?? null;
  return analysis.extracted.blocks[key.block.type]?.[key.block.index - 1]?.[key.id] ?? null;
}

/** Every field of the document with its key, in no particular order. */
function allFields(analysis: Analysis): { key: FieldKey; field: ExtractedField }[] {
  const out: { key: FieldKey; field: ExtractedField }[] = [];
  for (const field of Object.values(analysis.extracted.fields))
    out.push({ key: { id: field.id, block: null }, field });
  for (const [type, instances] of Object.entries(analysis.extracted.blocks)) {
    instances.forEach((inst, i) => {
      for (const field of Object.values(inst))
        out.push({ key: { id: field.id, block: { type, index: i + 1 } }, field });
    });
  }
  return out;
}

/** The field whose label or answer holds model paragraph `index`, else the nearest one above it. */
export function fieldAt(analysis: Analysis, index: number): FieldKey | null {
  const fields = allFields(analysis);
  const exact = fields.find(
    ({ field }) => field.location?.anchor === index || field.location?.paragraphs.includes(index),
  );
  if (exact) return exact.key;
  let best: { key: FieldKey; at: number } | null = null;
  for (const { key, field } of fields) {
    const at = field.location?.anchor ?? field.location?.paragraphs[0];
    if (at === undefined || at === null || at > index || field.location?.part !== "body") continue;
    if (!best || at > best.at) best = { key, at };
  }
  return best?.key ?? null;
}

export class WordHost implements PlanstodHost {
  readonly capabilities: HostCapabilities;
  /** The client can insert a new plan into an empty document (src/office/create-plan.ts). */
  readonly canCreatePlan: boolean;
  private state: State | null = null;
  /** The report last handed to the pane (JSON), so that refresh() answers null when nothing is new. */
  private reported: string | null = null;

  constructor(private readonly apis: OfficeApis) {
    this.capabilities = capabilitiesOf(apis.Office);
    this.canCreatePlan = canCreatePlan(apis.Office);
  }

  private async run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.apis.Word.run(batch);
    } catch (error) {
      if (error instanceof PlanstodError) throw error;
      throw new PlanstodError("word", officeErrorText(error));
    }
  }

  /** Queues, in `context`, what a read needs; returns a function that builds the state after sync. */
  private queueRead(context: Word.RequestContext): () => Promise<State> {
    const body = context.document.body;
    const ooxml = body.getOoxml();
    const paragraphs = body.paragraphs;
    paragraphs.load("items/text");
    const tracking = queueTrackingMode(context, supports(this.apis.Office, TRACKING_REQUIREMENT));
    const headers = this.capabilities.navigate
      ? HEADER_TYPES.map((type) => context.document.sections.getFirst().getHeader(type).getOoxml())
      : [];
    const headerParagraphs = this.capabilities.navigate
      ? HEADER_TYPES.map((type) =>
          context.document.sections.getFirst().getHeader(type).paragraphs.load("items/text"),
        )
      : [];
    return async () => {
      const pkg = new FlatOpc(ooxml.value);
      const found = headers
        .map((h, i) => ({
          type: HEADER_TYPES[i],
          root: bodyOf(new FlatOpc(h.value)),
          texts: headerParagraphs[i].items.map((p) => wordText(p.text)),
        }))
        .filter(
          (h): h is { type: (typeof HEADER_TYPES)[number]; root: XmlElement; texts: string[] } =>
            h.root !== null,
        );
      const read = await readParts(
        pkg,
        found.map((h) => h.root),
      );
      let analysis: Analysis | null = null;
      try {
        analysis = analyse(read);
      } catch (error) {
        if (!(error instanceof PlanstodError && error.code === "unknown-template")) throw error;
      }
      const bodyParagraphs = read.model.paragraphs.filter((p) => p.part === "body");
      const wordTexts = paragraphs.items.map((p) => wordText(p.text));
      const headerStarts: number[] = [];
      let at = bodyParagraphs.length;
      for (const { root } of found) {
        headerStarts.push(at);
        at += read.model.paragraphs.filter((p) => p.part === "header" && isWithin(p.el, root)).length;
      }
      return {
        read,
        analysis,
        wordTexts,
        headerTexts: found.map((h) => h.texts),
        toWord: alignParagraphs(bodyParagraphs, wordTexts),
        headerStarts,
        headerTypes: found.map((h) => h.type),
        bodyCount: bodyParagraphs.length,
        trackChanges: tracking(),
      };
    };
  }

  /** A snapshot for the pane; remembers its report so that refresh() can tell what is new. */
  private snapshot(state: State): Snapshot {
    const template = state.analysis?.template ?? null;
    const report = state.analysis?.report ?? null;
    this.reported = JSON.stringify(report);
    const snapshot: Snapshot = { template, report };
    if (state.trackChanges) snapshot.trackChanges = true;
    if (!template && isEmptyBody(state.read.body)) snapshot.empty = true;
    return snapshot;
  }

  /** Inserts a new plan of one of Planstöd's own templates into an empty document, then reads it. */
  async createPlan(templateId: string): Promise<Snapshot> {
    await insertPlan(this.apis, templateId);
    const snapshot = await this.read();
    if (snapshot.template?.id !== templateId) {
      const language = snapshot.template?.language === "da" || templateId.startsWith("dk-") ? "da" : "sv";
      throw new PlanstodError("word", CREATE_TEXT[language].notRecognised);
    }
    return snapshot;
  }

  async read(): Promise<Snapshot> {
    try {
      return this.snapshot(await this.load());
    } catch (error) {
      // Word could not hand over the OOXML: fall back to the paragraph texts (one more round
      // trip) for the template's outline; if even they do not load, the first error stands.
      this.state = null;
      const texts = await this.run(async (context) => {
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load("items/text");
        await context.sync();
        return paragraphs.items.map((p) => p.text);
      }).catch(() => null);
      if (!texts) throw error;
      return { template: templateFromTexts(texts), report: null, degraded: DEGRADED_TEXT };
    }
  }

  /** A full read (1 round trip) into this.state, without handing a snapshot to the pane. */
  private async load(): Promise<State> {
    this.state = await this.run(async (context) => {
      const build = this.queueRead(context);
      await context.sync();
      return build();
    });
    return this.state;
  }

  /**
   * A proxy for paragraph `index` of the model (body or header), reached inside one batch with a
   * getFirst()/getNext() chain: no round trip until the caller syncs.
   */
  private paragraphProxy(context: Word.RequestContext, state: State, index: number): Word.Paragraph | null {
    if (index < state.bodyCount) {
      const ordinal = state.toWord.get(index);
      if (ordinal === undefined) return null;
      let p = context.document.body.paragraphs.getFirst();
      for (let i = 0; i < ordinal; i++) p = p.getNext();
      return p;
    }
    const h = state.headerStarts.findIndex(
      (start, i) => index >= start && index < (state.headerStarts[i + 1] ?? Infinity),
    );
    if (h < 0) return null;
    let p = context.document.sections.getFirst().getHeader(state.headerTypes[h]).paragraphs.getFirst();
    for (let i = 0; i < index - state.headerStarts[h]; i++) p = p.getNext();
    return p;
  }

  /** One navigation attempt: selects and verifies the paragraph's text (1 round trip). */
  private async trySelect(state: State, index: number): Promise<boolean> {
    const expected = state.read.model.paragraphs[index];
    return this.run(async (context) => {
      const p = this.paragraphProxy(context, state, index);
      if (!p || !expected) return false;
      p.load("text");
      p.select("Start");
      await context.sync();
      return matchesParagraph(wordText(p.text), expected);
    });
  }

  async select(key: FieldKey): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const state = this.state ?? (await this.load());
      const field = state?.analysis ? findField(state.analysis, key) : null;
      const index = field && state ? targetParagraph(field, state.read.model) : null;
      if (!state || index === null)
        throw new PlanstodError("word", "Fältet finns inte längre i dokumentet. Uppdatera Planstöd.");
      if (await this.trySelect(state, index)) return;
      // The document changed since the last read: read again and retry once.
      await this.load();
    }
    throw new PlanstodError("word", "Planstöd hittade inte fältet i dokumentet. Uppdatera och försök igen.");
  }

  /**
   * The field under the cursor, in one round trip when nothing changed above the cursor since
   * the last read (Word's texts up to the cursor are checked in the same load); otherwise the
   * document is read again together with the cursor (a second round trip).
   */
  async fieldAtCursor(): Promise<FieldKey | null> {
    if (!this.state?.analysis) return null;
    const probe = await this.run(async (context) => {
      const get = queueCursor(context);
      await context.sync();
      return get();
    }).catch(() => null);
    if (!probe || probe.ordinal < 0) return null;
    if (cursorAgrees(probe, this.state.wordTexts)) return this.fieldAtOrdinal(this.state, probe.ordinal);
    const again = await this.run(async (context) => {
      const build = this.queueRead(context);
      const get = queueCursor(context);
      await context.sync();
      this.state = await build();
      return get();
    }).catch(() => null);
    return again && this.state ? this.fieldAtOrdinal(this.state, again.ordinal) : null;
  }

  private fieldAtOrdinal(state: State, ordinal: number): FieldKey | null {
    if (!state.analysis) return null;
    for (const [model, word] of state.toWord) if (word === ordinal) return fieldAt(state.analysis, model);
    return null;
  }

  /**
   * Follows the cursor. addHandlerAsync reports through its callback whether the subscription
   * took; when it did not (or throws), cursor following is off and `onUnavailable` gets the same
   * message a client without DocumentEvents shows.
   */
  onSelectionChanged(listener: () => void, onUnavailable?: (message: string) => void): () => void {
    if (!this.capabilities.followCursor) return () => {};
    const { Office: office } = this.apis;
    let active = true;
    const handler = () => {
      if (active) listener();
    };
    const unavailable = () => {
      if (!active) return;
      active = false;
      onUnavailable?.(MISSING_TEXT.events);
    };
    try {
      office.context.document.addHandlerAsync(
        office.EventType.DocumentSelectionChanged,
        handler,
        (result) => {
          if (result.status !== office.AsyncResultStatus.Succeeded) unavailable();
        },
      );
    } catch {
      unavailable();
    }
    return () => {
      active = false;
      try {
        office.context.document.removeHandlerAsync(office.EventType.DocumentSelectionChanged, { handler });
      } catch {
        // Nothing to undo when the subscription never took.
      }
    };
  }

  /**
   * Writes `text` into an empty field: into its content control (replacing the placeholder), or
   * at the end of its answer paragraph (after a prompt such as "Skriv här:"). Refused when the
   * field holds any text (Planstöd never overwrites what the user wrote), when the field is a
   * dropdown or date picker (the user chooses there), or when Word's text differs from what was
   * read. Three round trips: locate and verify, write, read back and verify.
   */
  async writeField(key: FieldKey, text: string): Promise<void> {
    if (!this.capabilities.navigate) throw new PlanstodError("word", MISSING_TEXT.core);
    if (this.capabilities.readOnly) throw new PlanstodError("word", MISSING_TEXT.readOnly);
    const state = this.state ?? (await this.load());
    const analysis = state?.analysis;
    const field = analysis ? findField(analysis, key) : null;
    const def = analysis ? fieldDef(analysis, key) : null;
    if (!state || !analysis || !field || !def || !field.location) {
      throw new PlanstodError("word", "Fältet finns inte längre i dokumentet. Uppdatera Planstöd.");
    }
    if (field.text !== "") throw new PlanstodError("word", WRITE_TEXT.hasText);
    const kind = def.control?.kind;
    if (kind === "dropDownList" || kind === "date") throw new PlanstodError("word", WRITE_TEXT.choose);
    if (kind === "checkbox") throw new PlanstodError("word", WRITE_TEXT.tick);
    // The answer's own paragraph; the label's only when the control stands on the label's line.
    const index = def.control?.inline
      ? field.location.anchor
      : targetParagraph({ ...field, location: { ...field.location, anchor: null } }, state.read.model);
    if (index === null) throw new PlanstodError("word", WRITE_TEXT.noAnswer);
    const paragraph = state.read.model.paragraphs[index];
    if (writeIsLocked(paragraph)) throw new PlanstodError("word", LOCK_TEXT.write);
    const onlyPlaceholder = paragraph.segments.length > 0 && paragraph.segments.every((s) => s.placeholder);
    const placeholder = fold(def.control?.placeholder ?? "");
    const getAll = supports(this.apis.Office, REQUIREMENTS.allControls);
    await this.run(async (context) => {
      const p = this.paragraphProxy(context, state, index);
      if (!p) throw new PlanstodError("word", WRITE_TEXT.changed);
      p.load("text");
      const parent = p.parentContentControlOrNullObject;
      parent.load("text");
      // Inline (run-level) controls after a label: all types need WordApi 1.5, else rich text only.
      const inline = getAll ? p.getContentControls() : p.contentControls;
      inline.load("items/text");
      await context.sync();
      if (!matchesParagraph(p.text, paragraph)) throw new PlanstodError("word", WRITE_TEXT.changed);
      const target = !parent.isNullObject ? parent : inline.items[inline.items.length - 1];
      if (target) {
        // Replace only a control that shows nothing but its placeholder. One that shows only
        // tracked-deleted text (markup view) keeps that revision: the answer goes after it.
        const shown = normalizeWordText(target.text);
        const deletedOnly =
          hasTrackedDeletion(paragraph) &&
          (shown === "" || shown === normalizeWordText(wordTextsOf(paragraph).shown));
        if (shown !== "" && shown !== placeholder && !deletedOnly) {
          throw new PlanstodError("word", WRITE_TEXT.hasText);
        }
        target.insertText(text, deletedOnly ? "End" : "Replace");
      } else p.insertText(text, onlyPlaceholder ? "Replace" : "End");
      await context.sync();
    });
    const before = analysis.extracted;
    await this.load();
    const after = this.state?.analysis;
    const written = after ? findField(after, key) : null;
    const others = (doc: ExtractedDocument) =>
      JSON.stringify(
        allFields({ ...analysis, extracted: doc })
          .filter((f) => !sameKey(f.key, key))
          .map((f) => f.field.text),
      );
    if (!after || !written || written.text === "" || others(before) !== others(after.extracted)) {
      throw new PlanstodError("word", WRITE_TEXT.unexpected);
    }
  }

  /**
   * The cheap re-check (src/office/refresh.ts): one round trip for Word's paragraph texts; the
   * statuses are evaluated again from them when only texts changed, and the OOXML is read again
   * (a second round trip) only when the structure changed. Null when the report is the one the
   * pane already has.
   */
  async refresh(): Promise<Snapshot | null> {
    const state = this.state;
    let next: State | null = null;
    if (state) {
      const probe = await this.run(async (context) => {
        const get = queueTextProbe(context, state.headerTypes);
        await context.sync();
        return get();
      });
      const result = retext(state, probe);
      next = result === "same" ? state : result;
    }
    this.state = next ?? (await this.load());
    const report = this.state.analysis?.report ?? null;
    return JSON.stringify(report) === this.reported ? null : this.snapshot(this.state);
  }

  /**
   * A field as select(); a leftover instruction by its paragraph (src/office/targets.ts), in one
   * round trip, text-verified, read again and retried once on a mismatch.
   */
  async selectTarget(target: ReviewTarget): Promise<void> {
    if (target.kind === "field") return this.select(target.field);
    for (let attempt = 0; attempt < 2; attempt++) {
      const state = this.state ?? (await this.load());
      const index = state.analysis
        ? instructionParagraph(state.analysis, state.read.model, target.ordinal)
        : null;
      if (index === null)
        throw new PlanstodError("word", "Instruktionen finns inte längre i dokumentet. Uppdatera Planstöd.");
      if (await this.trySelect(state, index)) return;
      await this.load();
    }
    throw new PlanstodError(
      "word",
      "Planstöd hittade inte instruktionen i dokumentet. Uppdatera och försök igen.",
    );
  }

  /** Ticks a checklist box in Word (src/office/checkbox.ts, WordApi 1.7), then reads the document. */
  get canTick(): boolean {
    return this.capabilities.editBlocks && canTick(this.apis.Office);
  }

  async setChecked(field: FieldKey, checked: boolean): Promise<Snapshot> {
    const template = (this.state ?? (await this.load())).analysis?.template;
    if (!template) throw new PlanstodError("unknown-template");
    await setCheckbox({ office: this.apis.Office, run: (b) => this.run(b) }, template, field, checked);
    return this.read();
  }

  /** Clears a leftover instruction's text (src/office/remove-instruction.ts, 2 round trips). */
  async removeInstruction(ordinal: number): Promise<Snapshot> {
    if (!this.capabilities.editBlocks) {
      throw new PlanstodError("word", this.capabilities.readOnly ? MISSING_TEXT.readOnly : MISSING_TEXT.core);
    }
    let state: State | null = null;
    await removeInstruction(
      {
        // The read the pane's review came from: Word's paragraph is checked against it.
        load: async () => (state = this.state ?? (await this.load())),
        paragraph: (context, index) => (state ? this.paragraphProxy(context, state, index) : null),
        queueRead: (context) => this.queueRead(context),
        run: (batch) => this.run(batch),
      },
      ordinal,
    );
    return this.read();
  }

  /** See src/office/comments.ts (3 round trips). */
  async insertReviewComments(): Promise<CommentsResult> {
    if (!this.capabilities.comments) throw new PlanstodError("word", MISSING_TEXT.comments);
    return insertReviewComments(this.commentHost());
  }

  /** See src/office/comments.ts (≤ 3 round trips). */
  async removeReviewComments(): Promise<number> {
    if (!this.capabilities.comments) throw new PlanstodError("word", MISSING_TEXT.comments);
    return removeReviewComments(this.commentHost());
  }

  private commentHost(): CommentHost {
    return {
      run: (batch) => this.run(batch),
      queueRead: (context) => {
        const build = this.queueRead(context);
        return async () => (this.state = await build());
      },
    };
  }

  /** The self-test (src/office/diagnostics.ts) in this client, on the open document. */
  async selfTest(): Promise<SelfTestResult> {
    // The self-test is a chunk of its own in the pane: only the diagnostics page runs it.
    const { runSelfTest } = await import(/* webpackChunkName: "self-test" */ "./diagnostics");
    return runSelfTest(this.apis, { makeHost: (apis) => new WordHost(apis) });
  }

  async addBlock(type: string, after?: number): Promise<Snapshot> {
    return this.edit({ op: "add", type, after });
  }

  async removeBlock(type: string, index: number): Promise<Snapshot> {
    return this.edit({ op: "remove", type, index });
  }

  /**
   * A block operation in three round trips: read (1); run the shared operation on that OOXML,
   * which refuses before Word is touched; load the text of every paragraph the replay acts on
   * and refuse, with nothing changed, when one of them moved (2); replay it in Word and read
   * back in the same batch (3), then verify that no user text changed.
   */
  private async edit(operation: BlockOperation): Promise<Snapshot> {
    if (!this.capabilities.editBlocks) {
      throw new PlanstodError("word", this.capabilities.readOnly ? MISSING_TEXT.readOnly : MISSING_TEXT.core);
    }
    // A read that Word could not serve leaves no state (a degraded snapshot): say why.
    await this.read();
    const state = this.state;
    if (!state) throw new PlanstodError("word", DEGRADED_TEXT);
    if (operation.op === "remove" && state.trackChanges) {
      throw new PlanstodError("word", TRACKING_TEXT.removeRefused);
    }
    const revisionsBefore = countRevisions(state.read.body);
    // Block operations are a chunk of their own in the pane: not needed before the first edit.
    const { applyEdit, verifyEdit } = await import(
      /* webpackChunkName: "block-edit" */ "../ooxml/edit/apply"
    );
    // The read just made already holds the analysis; the operation starts from it.
    const edit = await applyEdit(state.read, operation, state.analysis ?? undefined);
    // The operation edited the read's DOM in place: whatever happens now, the next call reads again.
    this.state = null;
    // Every element Word must act on, with the paragraph that reaches it, checked against Word's
    // text before anything is queued: a block is never half added or half removed.
    const elements = operation.op === "add" ? (edit.after ? [edit.after] : []) : edit.removed;
    // Locked content controls: Word would refuse with a generic error; say which lock instead.
    if (operation.op === "add" && elements.some(insertIsLocked))
      throw new PlanstodError("word", LOCK_TEXT.add);
    const inside = (el: XmlElement) => state.read.model.paragraphs.find((p) => isWithin(p.el, el));
    if (operation.op === "remove" && elements.some((el) => removeIsLocked(el, inside(el)))) {
      throw new PlanstodError("word", LOCK_TEXT.remove);
    }
    const targets = elements.map((el) => {
      const index = reachingParagraph(state, el, operation.op === "add" ? "last" : "first");
      if (index === null) throw new PlanstodError("edit-unsafe");
      if (!sameText(state, index)) throw new PlanstodError("word", EDIT_TEXT.changed);
      return { el, index };
    });

    const before = edit.extracted;
    this.state = await this.run(async (context) => {
      // Resolve every proxy first and load the text of every paragraph the edit touches (for a
      // remove, every paragraph of the removed elements): the document may have changed since
      // the read (the user, or a co-author on the web), and an edit by ordinal must not act on a
      // paragraph that moved. Nothing is deleted or inserted unless all of them still match.
      const proxies = targets.map((t) => ({ el: t.el, p: this.paragraphProxy(context, state, t.index) }));
      const checks = targets.flatMap((t) => {
        const own = operation.op === "remove" ? paragraphsWithin(state, t.el) : [t.index];
        if (own.length === 0) throw new PlanstodError("edit-unsafe");
        // Empty paragraphs all look alike: the check starts at the nearest paragraph with text.
        const indexes = [...textAbove(state, own[0]), ...own];
        const first = this.paragraphProxy(context, state, indexes[0]);
        if (!first) throw new PlanstodError("edit-unsafe");
        let p: Word.Paragraph = first;
        return indexes.map((index, k) => {
          if (k > 0) p = p.getNext();
          p.load("text");
          return { index, p };
        });
      });
      await context.sync();
      const moved = checks.some(({ index, p }) => {
        const model = state.read.model.paragraphs[index];
        return !model || !matchesParagraph(p.text, model);
      });
      if (moved) throw new PlanstodError("word", EDIT_TEXT.changed);
      for (const { el, p } of proxies) {
        if (!p) throw new PlanstodError("edit-unsafe");
        if (operation.op === "add") {
          if (isW(el, "tr")) {
            const cells = elementChildren(el).filter((c) => isW(c, "tc") || isW(c, "sdt")).length;
            p.parentTableCell.parentRow.insertRows("After", 1, [Array.from({ length: cells }, () => "")]);
          } else {
            const range = isW(el, "tbl")
              ? p.parentTable.getRange("Whole")
              : isW(el, "sdt")
                ? p.parentContentControl.getRange("Whole")
                : p.getRange("Whole");
            range.insertOoxml(flatOpcOf(edit.inserted, state.read.doc), "After");
          }
        } else if (isW(el, "tr")) p.parentTableCell.parentRow.delete();
        else if (isW(el, "tbl")) p.parentTable.delete();
        else if (isW(el, "sdt")) p.parentContentControl.delete(false);
        else p.delete();
      }
      // The read-back rides in the same round trip as the edit: it sees the document after it.
      const build = this.queueRead(context);
      await context.sync();
      return build();
    });

    const now = this.state.analysis;
    if (!now || !verifyEdit(before, now.extracted, operation, edit.index)) {
      const kept =
        operation.op === "remove" &&
        now?.report.blocks[operation.type] === state.analysis?.report.blocks[operation.type];
      throw new PlanstodError("word", kept ? TRACKING_TEXT.removeUnverified : EDIT_TEXT.unexpected);
    }
    // A client that cannot report the mode: new revisions in the read-back show Word tracked it.
    if (this.state.trackChanges === null && countRevisions(this.state.read.body) > revisionsBefore) {
      this.state.trackChanges = true;
    }
    return this.snapshot(this.state!);
  }
}

/** Whether Word's paragraph at a model index has the text the model expects. */
function sameText(state: State, index: number): boolean {
  const ordinal = state.toWord.get(index);
  const model = state.read.model.paragraphs[index];
  return (
    ordinal !== undefined && model !== undefined && matchesParagraph(state.wordTexts[ordinal] ?? "", model)
  );
}

/**
 * The model indexes of the body paragraphs inside `el`, which are consecutive in Word's order;
 * empty when some of them has no Word ordinal or the ordinals are not consecutive.
 */
function paragraphsWithin(state: State, el: XmlElement): number[] {
  const inside = state.read.model.paragraphs.filter((p) => p.part === "body" && isWithin(p.el, el));
  const ordinals = inside.map((p) => state.toWord.get(p.index));
  const consecutive = ordinals.every(
    (o, i) => o !== undefined && (i === 0 || o === (ordinals[i - 1] ?? -2) + 1),
  );
  return consecutive ? inside.map((p) => p.index) : [];
}

/**
 * The body paragraphs from the nearest one above `index` that has text up to (not including)
 * `index`, when their Word ordinals run consecutively up to it; else none.
 */
function textAbove(state: State, index: number): number[] {
  const ordinal = state.toWord.get(index);
  if (ordinal === undefined) return [];
  const out: number[] = [];
  for (let i = index - 1, o = ordinal - 1; i >= 0 && index - i <= 40; i--, o--) {
    const p = state.read.model.paragraphs[i];
    if (!p || p.part !== "body" || state.toWord.get(i) !== o) return [];
    out.unshift(i);
    if (normalizeWordText(wordTextsOf(p).shown) !== "") return out;
  }
  return [];
}

/**
 * The model index of a body paragraph that reaches `el` through Word's parent navigation: one
 * directly in it (the table's own cell, the row's own cell, the control's own paragraph), not in
 * a table or control nested inside. `which` picks the first or the last such paragraph.
 */
function reachingParagraph(state: State, el: XmlElement, which: "first" | "last"): number | null {
  const kind = isW(el, "tbl") ? "tbl" : isW(el, "tr") ? "tr" : isW(el, "sdt") ? "sdt" : null;
  const direct = state.read.model.paragraphs.filter(
    (p) => p.part === "body" && (kind ? nearest(p.el, kind) === el : p.el === el),
  );
  const pick = which === "first" ? direct[0] : direct[direct.length - 1];
  return pick?.index ?? null;
}

/** The nearest ancestor WordprocessingML element named `name`. */
function nearest(el: XmlElement, name: string): XmlElement | null {
  for (
    let n = el.parentNode as XmlElement | null;
    n && n.nodeType === 1;
    n = n.parentNode as XmlElement | null
  ) {
    if (isW(n, name)) return n;
  }
  return null;
}

/** The host for the running Word client (office.js loaded from Microsoft's CDN). */
export function createWordHost(): WordHost {
  return new WordHost({ Word, Office });
}
