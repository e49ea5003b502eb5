/**
 * Paragraphs added by Enter, placed in the last read's model by their ids without reading the
 * OOXML (src/office/place-added.ts, used by refreshChanged and by the cursor check). Every
 * placement is checked against a full read of the document as it is then: the same paragraph
 * model, the same Word texts and ids, the same statuses; and what cannot be placed for certain
 * is read the ordinary way.
 */
import { checkDocx } from "../../src/ooxml/docx";
import { runsOf, type AddedInfo } from "../../src/office/place-added";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, type EventFaults, type WordDouble } from "../../word-double";
import { SETS, bytesOf, expectStateAsRead } from "../support/word-host";

jest.setTimeout(60000);

const info = (id: string, prev: string | null, next: string | null, text = ""): AddedInfo => ({
  id,
  text,
  level: 0,
  cc: null,
  prev: prev === null ? null : { id: prev, level: 0 },
  next: next === null ? null : { id: next, level: 0 },
});

describe("runsOf: added paragraphs tied between two neighbours of the last read", () => {
  const ids = ["a", "b", "c"];
  test("one paragraph between two neighbours", () => {
    expect(runsOf(ids, [info("x", "a", "b")])).toEqual([{ prev: 0, next: 1, added: [info("x", "a", "b")] }]);
  });
  test("a run of two, in any order of the events", () => {
    const x = info("x", "b", "y");
    const y = info("y", "x", "c");
    expect(runsOf(ids, [y, x])).toEqual([{ prev: 1, next: 2, added: [x, y] }]);
  });
  test("at the start and at the end of the body", () => {
    expect(runsOf(ids, [info("x", null, "a")])?.[0]).toMatchObject({ prev: -1, next: 0 });
    expect(runsOf(ids, [info("x", "c", null)])?.[0]).toMatchObject({ prev: 2, next: 3 });
  });
  test.each([
    ["neighbours that are not next to each other (something else moved)", [info("x", "a", "c")]],
    ["a neighbour the last read does not know", [info("x", "a", "q")]],
    ["an id the last read already has", [info("b", "a", "c")]],
    ["a run whose links disagree", [info("x", "a", "y"), info("y", "q", "b")]],
  ])("refused: %s", (_name, infos) => {
    expect(runsOf(ids, infos)).toBeNull();
  });
});

interface Setup {
  double: WordDouble;
  host: WordHost;
  shown: () => unknown;
  /** getOoxml calls by the host under test (not by expectAsRead's reads). */
  getOoxml: () => number;
  notCounted: (n: number) => void;
  afterEvents: () => Promise<void>;
}

async function setup(name: string, eventFaults: EventFaults = {}): Promise<Setup> {
  const double = await createWordDouble(bytesOf(name), { requirementSets: SETS, eventFaults });
  const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
  let shown = (await host.read()).report;
  expect(
    await host.watchChanges(
      () => undefined,
      () => undefined,
    ),
  ).not.toBeNull();
  double.resetCosts();
  let others = 0;
  return {
    double,
    host,
    shown: () => shown,
    getOoxml: () => double.costs.getOoxml - others,
    notCounted: (n) => {
      others += n;
    },
    afterEvents: async () => {
      await double.user.settled();
      const next = await host.refreshChanged();
      if (next) shown = next.report;
    },
  };
}

/** The session's state against a full read of the document as it is now, and the statuses shown. */
async function expectAsRead(s: Setup): Promise<void> {
  s.notCounted(await expectStateAsRead(s.double, s.host));
  expect(s.shown()).toEqual(await checkDocx(await s.double.toDocx()));
}

const indexOf = (double: WordDouble, test: (t: string, i: number) => boolean) =>
  double.paragraphTexts().findIndex(test);

/** The answer paragraph after a prompt (a block-level control in the body). */
const bodyAnswer = (double: WordDouble) =>
  indexOf(double, (t) => t.startsWith("Ange målgrupp, funktion och antal.")) + 1;

/** The first answer cell of the first utvecklingsområde (a cell-level control in a table). */
const cellAnswer = (double: WordDouble) => {
  const heading = indexOf(double, (t) => t.startsWith("Välj utvecklingsområde:"));
  return indexOf(double, (t, i) => i > heading + 1 && t.startsWith("Klicka eller tryck"));
};

describe("Enter, placed by ids (no OOXML read)", () => {
  test.each([
    ["in a control of the body", "sv-blank", bodyAnswer, "deltagare"],
    ["in a cell-level control of a table", "sv-blank", cellAnswer, "problem"],
  ])(
    "typing then Enter %s: the events' check places it; model, texts and ids as a full read",
    async (_n, name, where, field) => {
      const s = await setup(name);
      s.double.user.moveTo({ paragraph: where(s.double) }, "end");
      s.double.user.type("Alla lärare.");
      await s.afterEvents();
      s.double.user.pressEnter();
      s.double.resetSyncCount();
      await s.afterEvents();
      expect(s.double.syncCount).toBeLessThanOrEqual(2);
      expect(s.getOoxml()).toBe(0);
      await expectAsRead(s);
      // The cursor is in the new paragraph, in the same field.
      expect((await s.host.fieldAtCursor())?.id).toBe(field);
      // Typing in the new paragraph is re-texted by id.
      s.double.user.type("Och rektor.");
      await s.afterEvents();
      expect(s.getOoxml()).toBe(0);
      await expectAsRead(s);
      // The safety check finds nothing the events missed.
      const before = s.host.session.state;
      await s.host.refresh();
      expect(s.host.session.state).toBe(before);
      expect(s.getOoxml()).toBe(0);
    },
  );

  test("Enter twice, the cursor checked before the events arrive: the cursor check places both", async () => {
    const s = await setup("sv-blank");
    s.double.user.moveTo({ paragraph: cellAnswer(s.double) }, "end");
    s.double.user.type("Läsförståelse.");
    await s.afterEvents();
    s.double.user.pressEnter();
    s.double.user.pressEnter();
    s.double.resetSyncCount();
    expect((await s.host.fieldAtCursor())?.id).toBe("problem");
    // The cursor's paragraph, the one before it, the controls at the edge.
    expect(s.double.syncCount).toBeLessThanOrEqual(3);
    expect(s.getOoxml()).toBe(0);
    await s.afterEvents();
    expect(s.getOoxml()).toBe(0);
    await expectAsRead(s);
  });

  test("the cursor check by id loads a few hundred bytes, whatever the document's size", async () => {
    const s = await setup("sv-blank");
    s.double.user.moveTo({ paragraph: cellAnswer(s.double) }, "end");
    s.double.resetCosts();
    s.double.resetSyncCount();
    expect((await s.host.fieldAtCursor())?.id).toBe("problem");
    expect(s.double.syncCount).toBe(1);
    const c = s.double.costs;
    expect(c.kib.ooxml + c.kib.text + c.kib.other).toBeLessThan(1);
  });

  test.each([
    ["Enter at the start of a paragraph with text (the text moves to the new one)", {}, "start"],
    ["#5784: the id moves to the new paragraph", { idMovesToNewParagraph: true }, "end"],
  ] as const)("not placed, read the ordinary way: %s", async (_n, faults, edge) => {
    const s = await setup("sv-partial", faults);
    const at = indexOf(s.double, (t) => t.startsWith("Solbackaskolan är en kommunal"));
    expect(at).toBeGreaterThan(0);
    s.double.user.moveTo({ paragraph: at }, edge);
    s.double.user.pressEnter();
    await s.afterEvents();
    expect(s.getOoxml()).toBeGreaterThan(0);
    await expectAsRead(s);
  });
});
