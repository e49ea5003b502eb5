/**
 * Statuses from Word's paragraph events (src/office/events.ts) on the double, which raises them
 * from a simulated user and co-author with each of Word's known faults switchable. After every
 * step the pane's loop is run as usePane runs it — refreshChanged after the events, the safety
 * check (refresh) on its timer — and the statuses must be those the command line reads from the
 * document as it is then.
 */
import { checkDocx } from "../../src/ooxml/docx";
import { MISSED_GRACE_MS } from "../../src/office/events";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import type { Snapshot } from "../../src/taskpane/host";
import {
  createWordDouble,
  type EventFaults,
  type WordDouble,
  type WordDoubleOptions,
} from "../../word-double";
import { SETS, bytesOf } from "../support/word-host";

jest.setTimeout(60000);

/** Counts body.getOoxml() calls (every full read makes one). */
async function countGetOoxml(double: WordDouble): Promise<() => number> {
  const body = await double.Word.run(async (context) => Promise.resolve(context.document.body));
  const spy = jest.spyOn(Object.getPrototypeOf(body) as { getOoxml: () => unknown }, "getOoxml");
  return () => spy.mock.calls.filter((call) => call.length === 0).length;
}

afterEach(() => jest.restoreAllMocks());

interface Watched {
  double: WordDouble;
  host: WordHost;
  /** The report the pane shows now. */
  shown: () => Snapshot["report"];
  events: () => number;
  missed: () => number;
  getOoxml: () => number;
  /** What usePane does after events: refreshChanged, and keep the snapshot if any. */
  afterEvents: () => Promise<void>;
  /** The safety check. */
  safety: () => Promise<void>;
}

async function watched(name: string, options: WordDoubleOptions = {}): Promise<Watched> {
  const double = await createWordDouble(bytesOf(name), { requirementSets: SETS, ...options });
  const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
  let shown = (await host.read()).report;
  let events = 0;
  let missed = 0;
  const stop = await host.watchChanges(
    () => events++,
    () => missed++,
  );
  expect(stop).not.toBeNull();
  const getOoxml = await countGetOoxml(double);
  return {
    double,
    host,
    shown: () => shown,
    events: () => events,
    missed: () => missed,
    getOoxml,
    afterEvents: async () => {
      await double.user.settled();
      const next = await host.refreshChanged();
      if (next) shown = next.report;
    },
    safety: async () => {
      const next = await host.refresh();
      if (next) shown = next.report;
    },
  };
}

const truth = async (double: WordDouble) => checkDocx(await double.toDocx());

/** Body paragraph index of the first paragraph whose text starts with `start`. */
const at = (double: WordDouble, start: string) =>
  double.paragraphTexts().findIndex((t) => t.startsWith(start));

/** Puts the cursor into the content control holding the paragraph after the label. */
function intoAnswerOf(double: WordDouble, label: string): void {
  double.user.moveTo({ paragraph: at(double, label) + 1 }, "end");
}

describe("paragraph events (WordApi 1.6)", () => {
  test("typing: the changed paragraph is re-read by id, one round trip, no getOoxml, statuses right", async () => {
    const w = await watched("sv-blank");
    intoAnswerOf(w.double, "Ange målgrupp, funktion och antal.");
    w.double.user.type("Alla lärare");
    w.double.user.type(" på skolan.");
    await w.double.user.settled();
    expect(w.events()).toBeGreaterThan(0);
    w.double.resetSyncCount();
    await w.afterEvents();
    expect(w.double.syncCount).toBe(1);
    expect(w.getOoxml()).toBe(0);
    expect(w.shown()).toEqual(await truth(w.double));
    expect(w.shown()?.fields.find((f) => f.id === "deltagare")?.filled).toBe(true);
    // Nothing new: no round trip at all.
    w.double.resetSyncCount();
    expect(await w.host.refreshChanged()).toBeNull();
    expect(w.double.syncCount).toBe(0);
    // The safety check agrees and reports no missed event.
    await w.safety();
    expect(w.missed()).toBe(0);
  });

  test("Enter (a paragraph added) gets the ordinary refresh; statuses right", async () => {
    const w = await watched("sv-partial");
    intoAnswerOf(w.double, "Ange målgrupp, funktion och antal.");
    w.double.user.type("Första raden.");
    w.double.user.pressEnter();
    w.double.user.type("Andra raden.");
    await w.afterEvents();
    expect(w.shown()).toEqual(await truth(w.double));
  });

  test("a co-author's edits (source Remote) keep the statuses right", async () => {
    const w = await watched("sv-blank");
    const i = at(w.double, "Ange målgrupp, funktion och antal.") + 1;
    w.double.coauthor.type(i, "Skrivet av en kollega.");
    await w.afterEvents();
    expect(w.getOoxml()).toBe(0);
    expect(w.shown()).toEqual(await truth(w.double));
    w.double.coauthor.insertParagraphAfter(i, "En rad till.");
    await w.afterEvents();
    expect(w.shown()).toEqual(await truth(w.double));
  });

  /** Each fault: its switch, what the user does (checked after each step as the pane would), options. */
  const FAULTS: [string, EventFaults, (w: Watched) => Promise<void>, WordDoubleOptions][] = [
    [
      "#3864 no deletion event while tracking",
      { noDeleteEventWhileTracking: true },
      async (w) => {
        w.double.user.moveTo({ paragraph: at(w.double, "Solbackaskolan är en kommunal") });
        w.double.user.deleteParagraph();
      },
      { changeTrackingMode: "TrackAll" },
    ],
    [
      "#4874 events missed on fast edits",
      { missFastEditsWithinMs: 1_000_000 },
      async (w) => {
        intoAnswerOf(w.double, "Ange målgrupp, funktion och antal.");
        w.double.user.type("A");
        w.double.user.type("lla lärare.");
      },
      {},
    ],
    [
      "#4874 events missed on a paste",
      { missFastEditsWithinMs: 1 },
      async (w) => {
        intoAnswerOf(w.double, "Ange målgrupp, funktion och antal.");
        w.double.user.paste("Alla lärare.\nOch rektor.");
      },
      {},
    ],
    [
      "#5089 no events on undo",
      { noUndoEvents: true },
      async (w) => {
        w.double.user.moveTo({ paragraph: at(w.double, "Solbackaskolan är en kommunal") });
        w.double.user.deleteParagraph();
        await w.afterEvents();
        w.double.user.undo();
      },
      {},
    ],
    [
      "#5400 no deletion events past a page count",
      { noDeleteEventsPastPages: 0 },
      async (w) => {
        w.double.user.moveTo({ paragraph: at(w.double, "Solbackaskolan är en kommunal") });
        w.double.user.deleteParagraph();
      },
      {},
    ],
    [
      "#5784 the id moves to the new paragraph after Enter",
      { idMovesToNewParagraph: true },
      async (w) => {
        intoAnswerOf(w.double, "Ange målgrupp, funktion och antal.");
        w.double.user.type("Alla lärare.");
        w.double.user.pressEnter();
        await w.afterEvents();
        w.double.user.type("Och rektor.");
      },
      {},
    ],
  ];

  test.each(FAULTS)("%s: the safety check puts the statuses right", async (_name, faults, act, options) => {
    const w = await watched("sv-partial", { eventFaults: faults, ...options });
    await act(w);
    await w.afterEvents();
    await w.safety();
    const expected = await truth(w.double);
    expect(w.shown()).toEqual(expected);
    expect(w.shown()).toEqual(expected);
    // Another event-driven check after the safety check keeps them right.
    await w.afterEvents();
    expect(w.shown()).toEqual(expected);
  });

  test("a change no event announced makes the pane poll again (onMissed)", async () => {
    // #4874: a paste raises no paragraph event.
    const w = await watched("sv-blank", { eventFaults: { missFastEditsWithinMs: 1 } });
    intoAnswerOf(w.double, "Ange målgrupp, funktion och antal.");
    w.double.user.paste("Alla lärare.");
    await w.afterEvents();
    expect(w.events()).toBe(0);
    expect(w.shown()?.fields.find((f) => f.id === "deltagare")?.filled).toBe(false);
    await w.safety();
    // Missed once no event names the change within the grace period.
    expect(w.missed()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, MISSED_GRACE_MS + 100));
    expect(w.missed()).toBe(1);
    expect(w.shown()?.fields.find((f) => f.id === "deltagare")?.filled).toBe(true);
    expect(w.shown()).toEqual(await truth(w.double));
  });

  test("a safety check between an edit and its event (Word delivers it later) is no missed event", async () => {
    const w = await watched("sv-blank", { costs: { syncMs: 0, msPerKiB: 0, eventDelayMs: 300 } });
    intoAnswerOf(w.double, "Ange målgrupp, funktion och antal.");
    w.double.user.type("Alla lärare.");
    // The check runs before the event reaches the add-in, and sees the change.
    await w.safety();
    expect(w.events()).toBe(0);
    expect(w.shown()?.fields.find((f) => f.id === "deltagare")?.filled).toBe(true);
    await w.double.user.settled();
    expect(w.events()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, MISSED_GRACE_MS + 100));
    expect(w.missed()).toBe(0);
    await w.afterEvents();
    expect(w.shown()).toEqual(await truth(w.double));
  });

  test("a client without WordApi 1.6 has no events: watchChanges resolves to null (the pane polls)", async () => {
    const double = await createWordDouble(bytesOf("sv-blank"), {
      requirementSets: { WordApi: "1.5", DocumentEvents: "1.1" },
    });
    const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
    await host.read();
    expect(
      await host.watchChanges(
        () => undefined,
        () => undefined,
      ),
    ).toBeNull();
  });
});
