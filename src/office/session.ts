/**
 * The adapter's session with one Word document: the Office APIs, the capabilities, the last read
 * (the engine's model and analysis, Word's paragraph texts, the paragraph map) and the report
 * last handed to the pane. Every operation (read.ts, navigate.ts, cursor.ts, refresh.ts,
 * replay-edit.ts, comments.ts, create-plan.ts) works on a session; word-host.ts is the facade.
 *
 * Addressing paragraphs. Office.js does not document content-control ids as stable or equal to
 * the OOXML w:id, so fields are addressed by paragraph ordinal: the engine's paragraph model
 * lists every w:p of the body in document order, which is the order of `body.paragraphs`. Every
 * read loads the paragraphs' text in the same round trip as the OOXML and checks that the two
 * agree (count and text); where they do not (Word counts a paragraph the OOXML does not show),
 * the ordinals are mapped by matching texts.
 */
import { PlanstodError } from "../core/messages";
import { analyse, readParts, type Analysis, type ReadDocument } from "../ooxml/read/recognise";
import type { Paragraph } from "../ooxml/read/paragraph-model";
import { isEmptyBody } from "../ooxml/read/empty-body";
import { documentChoices } from "../ooxml/read/locate";
import { FlatOpc } from "../ooxml/package/flat-opc";
import { firstW, isWithin, type XmlElement } from "../ooxml/xml/dom";
import type { HostCapabilities, Snapshot } from "../taskpane/host";
import type { OfficeApis } from "./apis";
import { capabilitiesOf, has, REQUIREMENTS } from "./capabilities";
import { asProblem, type WebFeature } from "./problems";
import { matchesParagraph } from "./text-match";
import { queueTrackingMode, type TrackingState } from "./tracking";
import { wordText } from "./word-text";

/** The header types read for the fields above the title, in the order the engine ranks them. */
export const HEADER_TYPES = ["FirstPage", "Primary"] as const;
export type HeaderType = (typeof HEADER_TYPES)[number];

export interface State {
  read: ReadDocument;
  analysis: Analysis | null;
  /** Word's paragraph texts of the body, as loaded with the OOXML (or re-texted since). */
  wordTexts: string[];
  /** Word's paragraph texts of each header read (same order as headerTypes). */
  headerTexts: string[][];
  /** Model paragraph index (body) → Word paragraph ordinal. */
  toWord: Map<number, number>;
  /** Header model indexes start here; header i covers [headerStart[i], headerStart[i+1]). */
  headerStarts: number[];
  /** The header type each header part was read from (a missing one is left out). */
  headerTypes: HeaderType[];
  bodyCount: number;
  /** Whether Track Changes is on; null when the client cannot say. */
  trackChanges: TrackingState;
  /** Word's uniqueLocalId of each body paragraph by ordinal (WordApi 1.6), else null. */
  ids: string[] | null;
}

/**
 * A change the safety check found that no event had announced yet (events.ts): missed, unless an
 * event naming it arrives within the grace period (it was on its way).
 */
export interface Suspect {
  /** Ids of the paragraphs whose text changed. */
  ids: Set<string>;
  /** The paragraph count changed (or the change could not be told by id). */
  structural: boolean;
  timer: ReturnType<typeof setTimeout>;
}

/** What paragraph events announced since the last check (events.ts). */
export interface Pending {
  /** uniqueLocalIds of changed paragraphs. */
  changed: Set<string>;
  /** uniqueLocalIds of added paragraphs (place-added.ts places the empty ones). */
  added: Set<string>;
  /** A paragraph was deleted (or an event could not be read). */
  structure: boolean;
}

export const nothingPending = (): Pending => ({ changed: new Set(), added: new Set(), structure: false });

/** Whether nothing is pending. */
export const isQuiet = (p: Pending): boolean => !p.structure && p.changed.size === 0 && p.added.size === 0;

/** The body root (w:body) of a flat OPC package's main part, or null. */
function bodyOf(pkg: FlatOpc): XmlElement | null {
  const doc = pkg.root(pkg.mainPart);
  return doc ? firstW(doc, "body") : null;
}

/** Maps model paragraphs to Word's by text where the counts differ; identity where they agree. */
export function alignParagraphs(
  model: readonly Paragraph[],
  wordTexts: readonly string[],
): Map<number, number> {
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

export class Session {
  readonly capabilities: HostCapabilities;
  /** The last read, or null (never read, or a block edit changed the DOM it came from). */
  state: State | null = null;
  /** The report last handed to the pane (JSON), so that refresh() answers null when nothing is new. */
  reported: string | null = null;
  /**
   * Word's paragraph ids are loaded with every read: set while the paragraph events of WordApi
   * 1.6 are subscribed (events.ts), which name the paragraphs they report by these ids.
   */
  paragraphIds = false;
  /** Paragraph events subscribed (events.ts), with what to call when a check finds one missed. */
  events: { onMissed: () => void; suspect: Suspect | null } | null = null;
  /** What the events announced since the last check (events.ts). */
  pending: Pending = nothingPending();

  constructor(readonly apis: OfficeApis) {
    this.capabilities = capabilitiesOf(apis.Office);
  }

  /** Word.run, with Office.js errors turned into problems (`feature`: what NotAllowed refused on the web). */
  async run<T>(batch: (context: Word.RequestContext) => Promise<T>, feature?: WebFeature): Promise<T> {
    try {
      return await this.apis.Word.run(batch);
    } catch (error) {
      throw asProblem(error, this.apis.Office, feature);
    }
  }

  /** Queues, in `context`, what a full read needs; returns a function that builds the state after sync. */
  queueRead(context: Word.RequestContext): () => Promise<State> {
    const body = context.document.body;
    const ooxml = body.getOoxml();
    const paragraphs = body.paragraphs;
    paragraphs.load(this.paragraphIds ? "items/text,items/uniqueLocalId" : "items/text");
    const tracking = queueTrackingMode(context, has(this.apis.Office, REQUIREMENTS.tracking));
    const headers = (this.capabilities.navigate ? HEADER_TYPES : []).map((type) => {
      const header = context.document.sections.getFirst().getHeader(type);
      return { type, ooxml: header.getOoxml(), paragraphs: header.paragraphs.load("items/text") };
    });
    return async () => {
      const pkg = new FlatOpc(ooxml.value);
      const found = headers
        .map((h) => ({
          type: h.type,
          root: bodyOf(new FlatOpc(h.ooxml.value)),
          texts: h.paragraphs.items.map((p) => wordText(p.text)),
        }))
        .filter((h): h is { type: HeaderType; root: XmlElement; texts: string[] } => h.root !== null);
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
        ids: this.paragraphIds ? paragraphs.items.map((p) => p.uniqueLocalId) : null,
      };
    };
  }

  /** A full read (1 round trip) into this.state, without handing a snapshot to the pane. */
  async load(): Promise<State> {
    // Whatever events announced before this read, it sees.
    this.pending = nothingPending();
    this.state = await this.run(async (context) => {
      const build = this.queueRead(context);
      await context.sync();
      return build();
    });
    return this.state;
  }

  /** A snapshot for the pane; remembers its report so that refresh() can tell what is new. */
  snapshot(state: State): Snapshot {
    const template = state.analysis?.template ?? null;
    const report = state.analysis?.report ?? null;
    this.reported = JSON.stringify(report);
    const snapshot: Snapshot = { template, report };
    if (state.trackChanges) snapshot.trackChanges = true;
    if (!template && isEmptyBody(state.read.body)) snapshot.empty = true;
    if (state.analysis) {
      const choices = documentChoices(state.analysis.extracted, state.read.model);
      if (Object.keys(choices).length > 0) snapshot.choices = choices;
    }
    return snapshot;
  }

  /**
   * A proxy for paragraph `index` of the model (body or header), reached inside one batch with a
   * getFirst()/getNext() chain: no round trip until the caller syncs.
   */
  paragraphProxy(context: Word.RequestContext, state: State, index: number): Word.Paragraph | null {
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
}

/** The model index of Word's body paragraph `ordinal`, or null. */
export function modelIndexOf(state: State, ordinal: number): number | null {
  for (const [model, word] of state.toWord) if (word === ordinal) return model;
  return null;
}
