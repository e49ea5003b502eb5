/**
 * The self-test (issue 9): runs, in the real Word client, the assumptions the adapter makes, on a
 * scratch copy of a fixture the user opened, and reports them as JSON (see
 * docs/word-checklist.md for what each check means). It uses the same adapter (WordHost) for the
 * add/remove round trip, and counts round trips by wrapping Word.run's context.sync.
 */
import { PlanstodError } from "../core/messages";
import { analyse, readParts } from "../ooxml/read/recognise";
import { FlatOpc } from "../ooxml/package/flat-opc";
import type { Paragraph } from "../ooxml/read/paragraph-model";
import { descendantsW, type XmlElement } from "../ooxml/xml/dom";
import type { CheckStatus, SelfTestCheck, SelfTestResult } from "../taskpane/diagnostics/types";
import { hasTrackedDeletion, matchesParagraph, normalizeWordText, wordTextsOf } from "./text-match";
import type { PlanstodHost } from "../taskpane/host";
import type { OfficeApis } from "./apis";
import { measureWord, profileOf } from "./self-test-word";

/** The requirement sets reported, each probed from its highest known version down. */
const SETS: Record<string, string[]> = {
  WordApi: ["1.9", "1.8", "1.7", "1.6", "1.5", "1.4", "1.3", "1.2", "1.1"],
  WordApiDesktop: ["1.4", "1.3", "1.2", "1.1"],
  WordApiOnline: ["1.1"],
  WordApiHiddenDocument: ["1.5", "1.4", "1.3"],
  DocumentEvents: ["1.1"],
};

/** Office.js namespaces whose Word.run counts context.sync calls. */
function counting(apis: OfficeApis): { apis: OfficeApis; syncs: () => number; reset: () => void } {
  let syncs = 0;
  const run = (batch: (context: Word.RequestContext) => Promise<unknown>) =>
    apis.Word.run((context: Word.RequestContext) => {
      const counted = new Proxy(context, {
        get(target, name) {
          if (name === "sync")
            return (value?: unknown) => {
              syncs++;
              return target.sync(value);
            };
          const v: unknown = Reflect.get(target, name, target);
          return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
      return batch(counted);
    });
  const Word = new Proxy(apis.Word, {
    get(target, name) {
      return name === "run" ? run : Reflect.get(target, name, target);
    },
  });
  return { apis: { Word, Office: apis.Office }, syncs: () => syncs, reset: () => (syncs = 0) };
}

function highestSupported(office: typeof Office, set: string, versions: string[]): string | null {
  for (const v of versions) {
    try {
      if (office.context.requirements.isSetSupported(set, v)) return v;
    } catch {
      return null;
    }
  }
  return null;
}

const safe = <T>(read: () => T): T | null => {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
};

/** What the OOXML says about the body, for comparing with body.paragraphs. */
function ooxmlCounts(body: XmlElement, paragraphs: readonly Paragraph[]) {
  const boxes = descendantsW(body, "txbxContent");
  // A text box is written twice (DrawingML and its VML fallback): count the DrawingML copies.
  const primary = boxes.filter((b) => !hasAncestorNamed(b, "Fallback"));
  return {
    paragraphs: paragraphs.length,
    inTables: paragraphs.filter((p) => p.cell !== null).length,
    inContentControls: paragraphs.filter((p) => p.containers.length > 0).length,
    tableRows: descendantsW(body, "tr").length,
    textBoxes: primary.length,
    textBoxParagraphs: primary.reduce((n, b) => n + descendantsW(b, "p").length, 0),
    footnoteReferences: descendantsW(body, "footnoteReference").length,
    endnoteReferences: descendantsW(body, "endnoteReference").length,
    trackedDeletions: descendantsW(body, "del").length,
  };
}

function hasAncestorNamed(el: XmlElement, localName: string): boolean {
  for (
    let n = el.parentNode as XmlElement | null;
    n && n.nodeType === 1;
    n = n.parentNode as XmlElement | null
  )
    if (n.localName === localName) return true;
  return false;
}

const codePoints = (text: string) =>
  [...new Set([...text].filter((c) => (c.codePointAt(0) ?? 32) < 32 || c === "\ufffd"))].map(
    (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
  );

export interface SelfTestOptions {
  /** The adapter over the given namespaces (WordHost); used for the add/remove round trip. */
  makeHost: (apis: OfficeApis) => PlanstodHost;
  /** Skip the add/remove round trip (it changes the document and changes it back). */
  readOnly?: boolean;
  /** The clock, for tests. */
  now?: () => Date;
}

/** Runs every check; never throws (a failing step becomes a "fail" check). */
export async function runSelfTest(raw: OfficeApis, options: SelfTestOptions): Promise<SelfTestResult> {
  const { apis, syncs, reset } = counting(raw);
  const office = apis.Office;
  const checks: SelfTestCheck[] = [];
  const add = (id: string, status: CheckStatus, detail: string, data?: Record<string, unknown>) =>
    checks.push({ id, status, detail, ...(data ? { data } : {}) });

  const requirementSets = Object.fromEntries(
    Object.entries(SETS).map(([set, versions]) => [set, highestSupported(office, set, versions)]),
  );
  const wordApi = requirementSets.WordApi;
  const atLeast = (v: string | null, min: string) => v !== null && Number(v) >= Number(min);
  add(
    "requirement-sets",
    !atLeast(wordApi, "1.3") ? "fail" : requirementSets.DocumentEvents === null ? "warn" : "ok",
    !atLeast(wordApi, "1.3")
      ? "WordApi 1.3 is missing: the pane cannot work here."
      : requirementSets.DocumentEvents === null
        ? "DocumentEvents is missing: the pane cannot follow the cursor."
        : "WordApi 1.3 and DocumentEvents are there.",
    { trackingModeReadable: atLeast(wordApi, "1.4"), getTextWithDeleted: atLeast(wordApi, "1.7") },
  );

  // Track Changes mode (WordApi 1.4): the add/remove behaviour depends on it.
  if (!atLeast(wordApi, "1.4")) {
    add(
      "tracking-mode",
      "skipped",
      "WordApi 1.4 is missing: the pane cannot tell whether Track Changes is on.",
    );
  } else {
    try {
      const mode = await apis.Word.run(async (context) => {
        context.document.load("changeTrackingMode");
        await context.sync();
        return String(context.document.changeTrackingMode);
      });
      add("tracking-mode", "ok", `Document.changeTrackingMode reads "${mode}".`, { mode });
    } catch (e) {
      add("tracking-mode", "fail", `Reading changeTrackingMode failed: ${describe(e)}`);
    }
  }

  // 1. One read: the OOXML and body.paragraphs in one round trip.
  let texts: string[] = [];
  let model: Paragraph[] = [];
  let template: string | null = null;
  let templateBlocks: { type: string; kind: "instances" | "rows" }[] = [];
  try {
    reset();
    const read = await apis.Word.run(async (context) => {
      const ooxml = context.document.body.getOoxml();
      const paragraphs = context.document.body.paragraphs;
      paragraphs.load("items/text");
      await context.sync();
      return { ooxml: ooxml.value, texts: paragraphs.items.map((p) => p.text) };
    });
    const pkg = new FlatOpc(read.ooxml);
    const doc = await readParts(pkg, []);
    texts = read.texts;
    model = doc.model.paragraphs.filter((p) => p.part === "body");
    try {
      const analysis = analyse(doc);
      template = analysis.template.id;
      templateBlocks = analysis.template.blocks.map((b) => ({ type: b.type, kind: b.kind }));
    } catch (e) {
      if (!(e instanceof PlanstodError)) throw e;
    }
    const counts = ooxmlCounts(doc.body, model);
    const diff = texts.length - model.length;
    const mismatched = model
      .map((p, i) => (texts.length === model.length && !matchesParagraph(texts[i], p) ? i : -1))
      .filter((i) => i >= 0);
    const explanation =
      diff === 0
        ? "same count"
        : diff === counts.tableRows
          ? "Word lists end-of-row marks as paragraphs"
          : diff === counts.textBoxParagraphs
            ? "Word lists text-box paragraphs in body.paragraphs"
            : "unexplained difference";
    add(
      "paragraph-counts",
      diff !== 0 ? "fail" : mismatched.length > 0 ? "warn" : "ok",
      diff !== 0
        ? `body.paragraphs has ${texts.length} paragraphs, the OOXML ${model.length} (${explanation}); the adapter falls back to matching texts.`
        : mismatched.length > 0
          ? `Counts agree; ${mismatched.length} paragraph texts differ from the model in both tracked views.`
          : "body.paragraphs and the OOXML agree paragraph by paragraph.",
      {
        ooxml: counts,
        word: { paragraphs: texts.length },
        roundTrips: syncs(),
        mismatches: mismatched.slice(0, 5).map((i) => ({ index: i, word: texts[i], model: model[i].text })),
      },
    );
    // Footnote marks: what Word puts in .text where the model has a reference.
    const withNote = model.findIndex((p) => descendantsW(p.el, "footnoteReference").length > 0);
    if (withNote < 0 || texts.length !== model.length) {
      add("footnote-marks", "skipped", "No footnote reference in a body paragraph (or the counts differ).");
    } else {
      add(
        "footnote-marks",
        matchesParagraph(texts[withNote], model[withNote]) ? "ok" : "fail",
        "What .text holds where a footnote reference is; the adapter drops U+0002 and U+FFFD.",
        { paragraph: withNote, characters: codePoints(texts[withNote]) },
      );
    }
  } catch (e) {
    add("paragraph-counts", "fail", `Reading the document failed: ${describe(e)}`);
  }

  const identity = texts.length === model.length && model.length > 0;

  // 2. The cursor lookup, at the start of a paragraph and in a table cell.
  const cursorCase = (id: string, pick: (p: Paragraph) => boolean) => async () => {
    const index = model.findIndex((p) => pick(p) && normalizeWordText(wordTextsOf(p).shown) !== "");
    if (!identity || index < 0) return add(id, "skipped", "No such paragraph, or the counts differ.");
    try {
      await apis.Word.run(async (context) => {
        let p = context.document.body.paragraphs.getFirst();
        for (let i = 0; i < index; i++) p = p.getNext();
        p.select("Start");
        await context.sync();
      });
      const found = await apis.Word.run(async (context) => {
        const selection = context.document.getSelection();
        const upTo = context.document.body.getRange("Start").expandTo(selection.getRange("Start"));
        upTo.paragraphs.load("items/text");
        await context.sync();
        return upTo.paragraphs.items.length - 1;
      });
      add(
        id,
        found === index ? "ok" : "fail",
        found === index
          ? "The expandTo lookup gives the cursor's paragraph ordinal."
          : `The lookup gave ordinal ${found} for a cursor in paragraph ${index}.`,
        { expected: index, found },
      );
    } catch (e) {
      add(id, "fail", `The cursor lookup failed: ${describe(e)}`, { expected: index });
    }
  };
  await cursorCase("cursor-paragraph-start", (p) => p.cell === null)();
  await cursorCase("cursor-table-cell", (p) => p.cell !== null)();

  // 3. What .text returns for a tracked deletion.
  const tracked = model.findIndex((p) => hasTrackedDeletion(p));
  if (!identity || tracked < 0) {
    add("tracked-deletion-text", "skipped", "No tracked deletion in a body paragraph (use sv-tracked.docx).");
  } else {
    const word = normalizeWordText(texts[tracked]);
    const views = wordTextsOf(model[tracked]);
    const mode =
      word === normalizeWordText(views.shown)
        ? "includes-deleted"
        : word === normalizeWordText(views.accepted)
          ? "omits-deleted"
          : "neither";
    add(
      "tracked-deletion-text",
      mode === "neither" ? "fail" : "ok",
      `Paragraph.text ${mode === "neither" ? "matches neither view" : mode === "includes-deleted" ? "keeps" : "leaves out"} tracked-deleted text.`,
      { paragraph: tracked, mode, word: texts[tracked] },
    );
  }

  // 4. One add and remove round trip with its read-back, through the adapter itself.
  const block = templateBlocks[0];
  if (options.readOnly || !block || template === null) {
    add("add-remove-round-trip", "skipped", options.readOnly ? "Skipped on request." : "No known template.");
  } else {
    const host = options.makeHost(apis);
    const roundTrip = async (type: string): Promise<void> => {
      reset();
      const before = await host.read();
      const count = before.report?.blocks[type] ?? 0;
      const readTrips = syncs();
      if (before.trackChanges) {
        add(
          "add-remove-round-trip",
          "warn",
          "Track Changes is on: the pane refuses removes while tracking, so the round trip was not started. Turn tracking off and run again.",
          { block: type, trackChanges: true },
        );
        return;
      }
      reset();
      const addStarted = Date.now();
      const added = await host.addBlock(type);
      const addMs = Date.now() - addStarted;
      const addTrips = syncs();
      reset();
      const removed = await host.removeBlock(type, count + 1);
      const removeTrips = syncs();
      const restored = JSON.stringify(removed.report) === JSON.stringify(before.report);
      // 3 round trips each; a fourth when Word's texts could not verify the edit (replay-edit.ts).
      const ok = added.report?.blocks[type] === count + 1 && restored && addTrips <= 4 && removeTrips <= 4;
      add(
        "add-remove-round-trip",
        ok ? "ok" : "fail",
        ok
          ? `Added and removed a ${type} block; the read-back equals the first read.`
          : "The add/remove round trip did not give back the document's first report.",
        {
          block: type,
          before: count,
          afterAdd: added.report?.blocks[type] ?? null,
          afterRemove: removed.report?.blocks[type] ?? null,
          restored,
          roundTrips: { read: readTrips, add: addTrips, remove: removeTrips },
          addMs,
          trackChanges: added.trackChanges === true,
        },
      );
    };
    try {
      await roundTrip(block.type);
    } catch (e) {
      add("add-remove-round-trip", "fail", `The round trip stopped: ${describe(e)}`, { block: block.type });
    }
  }

  // What the user's Word does with events, ids, getOoxml and NotAllowed (self-test-word.ts).
  if (!options.readOnly) await measureWord(apis, add);

  add(
    "undo-steps",
    "skipped",
    "Office.js cannot see Word's undo stack: after the round trip, count the Ctrl+Z presses by hand (checklist).",
  );

  const summary: Record<CheckStatus, number> = { ok: 0, warn: 0, fail: 0, skipped: 0 };
  for (const c of checks) summary[c.status]++;
  return {
    selfTest: "planstod-word-assumptions",
    version: 1,
    ranAt: (options.now ?? (() => new Date()))().toISOString(),
    client: {
      host: safe(() => String(office.context.host)),
      platform: safe(() => String(office.context.platform)),
      officeVersion: safe(() => office.context.diagnostics.version),
      documentMode: safe(() => String(office.context.document.mode)),
      requirementSets,
      behavesLike: profileOf(office),
    },
    document: { template, bodyParagraphs: texts.length || null },
    checks,
    summary,
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${typeof code === "string" ? `${code}: ` : ""}${error.message.split("\n")[0]}`;
  }
  return String(error);
}
