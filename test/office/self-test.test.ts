/**
 * The self-test (issue 9, item 7) passes on the Word double, which is built to behave as Word is
 * documented to: so the double stays honest against the checks a Word user runs in the real
 * client, and the checks are shown to fail where an assumption breaks.
 */
import { checkDocx } from "../../src/ooxml/docx";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import {
  createWordDouble,
  REQUIREMENT_SETS,
  type WordDouble,
  type WordDoubleOptions,
} from "../../word-double";
import type { SelfTestResult } from "../../src/taskpane/diagnostics/types";
import { bytesOf } from "../support/fixtures";

// Real .docx files through the double: slow on a loaded 2-core machine.
jest.setTimeout(60000);

const SETS = { ...REQUIREMENT_SETS.modern, DocumentEvents: "1.1" };

async function selfTest(name: string, options: WordDoubleOptions = {}) {
  const double = await createWordDouble(bytesOf(name), { requirementSets: SETS, ...options });
  const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
  return { double, result: await host.selfTest() };
}

const statusOf = (result: SelfTestResult) => Object.fromEntries(result.checks.map((c) => [c.id, c.status]));
const check = (result: SelfTestResult, id: string) => result.checks.find((c) => c.id === id)!;

describe.each(["include", "omit"] as const)('the double passes the self-test (deletedText "%s")', (mode) => {
  test("sv-tracked: every check that applies is ok, and the document is as it was", async () => {
    const { double, result } = await selfTest("sv-tracked", { deletedText: mode });
    expect(statusOf(result)).toEqual({
      "requirement-sets": "ok",
      "tracking-mode": "ok",
      "paragraph-counts": "ok",
      "footnote-marks": "ok",
      "cursor-paragraph-start": "ok",
      "cursor-table-cell": "ok",
      "tracked-deletion-text": "ok",
      "add-remove-round-trip": "ok",
      // Word raises paragraph events for the add-in's own edits too, and so does the double.
      "paragraph-events": "ok",
      "paragraph-ids": "ok",
      "get-ooxml-time": "ok",
      "not-allowed": "ok",
      "undo-steps": "skipped",
    });
    expect(check(result, "paragraph-events").data?.fired).toEqual({
      typing: true,
      enter: true,
      undo: null,
      trackedDeletion: true,
    });
    expect(check(result, "get-ooxml-time").data?.kib).toBeGreaterThan(0);
    expect(result.client.behavesLike).toEqual({ name: "windows", wordApi: "1.7" });
    expect(check(result, "tracked-deletion-text").data?.mode).toBe(
      mode === "include" ? "includes-deleted" : "omits-deleted",
    );
    expect(check(result, "add-remove-round-trip").data).toMatchObject({
      block: "utvecklingsomrade",
      before: 3,
      afterAdd: 4,
      afterRemove: 3,
      restored: true,
    });
    expect(result.summary).toEqual({ ok: 12, warn: 0, fail: 0, skipped: 1 });
    expect(check(result, "tracking-mode").data).toEqual({ mode: "Off" });
    expect(await checkDocx(await double.toDocx())).toEqual(await checkDocx(bytesOf("sv-tracked")));
    // Copyable JSON: it survives a round trip through JSON.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  }, 60000);
});

test("sv-notes: footnotes and a text box are counted as Word lists them", async () => {
  const { result } = await selfTest("sv-notes");
  expect(check(result, "paragraph-counts")).toMatchObject({
    status: "ok",
    data: { ooxml: { textBoxes: 1, textBoxParagraphs: 1, footnoteReferences: 4 } },
  });
  expect(check(result, "footnote-marks").data?.characters).toEqual(["U+0002"]);
  expect(result.client).toMatchObject({
    host: "Word",
    platform: "PC",
    officeVersion: "16.0.0.0",
    documentMode: "readWrite",
  });
  expect(result.client.requirementSets).toMatchObject({
    WordApi: "1.9",
    DocumentEvents: "1.1",
    WordApiOnline: null,
  });
  expect(result.document.template).toBe("skolverket-atgardsplan");
}, 60000);

test("iko-partial: the round trip uses a row block", async () => {
  const { result } = await selfTest("iko-partial");
  expect(check(result, "add-remove-round-trip")).toMatchObject({
    status: "ok",
    data: { block: "upprattad_av" },
  });
  expect(check(result, "tracked-deletion-text").status).toBe("skipped");
}, 60000);

/** The tracked-deletion probe left nothing behind: no paragraph of its own, the same report, the user's tracking mode. */
async function expectNoTrace(double: WordDouble, name: string, mode: string): Promise<void> {
  expect(double.documentXml()).not.toContain("Planstöd självtest");
  expect(await checkDocx(await double.toDocx())).toEqual(await checkDocx(bytesOf(name)));
  const now = await double.Word.run(async (context) => {
    context.document.load("changeTrackingMode");
    await context.sync();
    return context.document.changeTrackingMode;
  });
  expect(now).toBe(mode);
}

describe("the self-test fails where an assumption breaks", () => {
  test("a tracked-deletion probe that stops half-way still removes its paragraph and puts tracking back", async () => {
    const double = await createWordDouble(bytesOf("sv-partial"), {
      requirementSets: SETS,
      changeTrackingMode: "TrackMineOnly",
    });
    const proto = await double.Word.run(async (context) =>
      Promise.resolve(Object.getPrototypeOf(context.document.body.paragraphs.getFirst()) as object),
    );
    // Word refuses to accept the tracked change.
    jest.spyOn(proto as { getTrackedChanges: () => unknown }, "getTrackedChanges").mockImplementation(() => ({
      acceptAll() {
        throw new Error("GeneralException");
      },
    }));
    const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
    const result = await host.selfTest();
    jest.restoreAllMocks();
    expect(check(result, "paragraph-events").status).toBe("fail");
    await expectNoTrace(double, "sv-partial", "TrackMineOnly");
  }, 60000);

  test("#3864: no event for a tracked deletion is measured, the probe leaves no trace, and tracking is put back", async () => {
    const { double, result } = await selfTest("sv-partial", {
      eventFaults: { noDeleteEventWhileTracking: true },
      changeTrackingMode: "TrackMineOnly",
    });
    expect(check(result, "paragraph-events").data?.fired).toMatchObject({
      typing: true,
      enter: true,
      trackedDeletion: false,
    });
    expect(check(result, "paragraph-events").detail).toContain("#3864");
    await expectNoTrace(double, "sv-partial", "TrackMineOnly");
  }, 60000);

  test("getOoxml failing is reported, not thrown", async () => {
    const { result } = await selfTest("sv-partial", { failGetOoxml: true });
    expect(check(result, "paragraph-counts").status).toBe("fail");
    expect(check(result, "paragraph-counts").detail).toContain("GeneralException");
  });

  test("a client without DocumentEvents is a warning; without WordApi 1.3 a failure", async () => {
    const a = await selfTest("sv-blank", { requirementSets: { WordApi: "1.3" } });
    expect(check(a.result, "requirement-sets").status).toBe("warn");
    const b = await selfTest("sv-blank", { requirementSets: { WordApi: "1.1" } });
    expect(check(b.result, "requirement-sets").status).toBe("fail");
  }, 60000);

  test("Track Changes on: the round trip is not started (the remove would be refused), and says why", async () => {
    const { double, result } = await selfTest("sv-blank", { changeTrackingMode: "TrackAll" });
    expect(check(result, "add-remove-round-trip")).toMatchObject({
      status: "warn",
      data: { trackChanges: true },
    });
    expect(await checkDocx(await double.toDocx())).toEqual(await checkDocx(bytesOf("sv-blank")));
  }, 60000);
});

test("Word on the web refusing comments: the self-test names the web profile and the NotAllowed answer", async () => {
  const { double, result } = await selfTest("sv-partial", {
    profile: "web",
    requirementSets: { WordApi: "1.6", DocumentEvents: "1.1" },
    costs: { syncMs: 0, msPerKiB: 0, eventDelayMs: 0 },
    notAllowed: { comments: true, replaceWithDatePicker: true },
  });
  expect(result.client.behavesLike).toEqual({ name: "web", wordApi: "1.6" });
  expect(check(result, "not-allowed")).toMatchObject({
    status: "warn",
    data: { answers: { comments: "NotAllowed", replace: "NotAllowed" } },
  });
  expect(check(result, "add-remove-round-trip").data?.addMs).toEqual(expect.any(Number));
  expect(await checkDocx(await double.toDocx())).toEqual(await checkDocx(bytesOf("sv-partial")));
}, 60000);
