/**
 * A block edit verified by Word's paragraph texts and the inserted range's OOXML instead of the
 * whole document (src/office/read-back.ts): the state it leaves must be what a full read gives;
 * where Word tracks the edit, or hands back something else than the engine built, the document
 * is read whole as before.
 */
import { checkDocx, editDocx } from "../../src/ooxml/docx";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, REQUIREMENT_SETS, type WordDoubleOptions } from "../../word-double";
import { SETS, bytesOf, expectStateAsRead } from "../support/word-host";

jest.setTimeout(60000);

/** getOoxml calls since the last setup(): Body (the body's and the headers': whole reads) and Range. */
const calls = { body: 0, range: 0 };

async function setup(name: string, options: WordDoubleOptions = {}) {
  const double = await createWordDouble(bytesOf(name), { requirementSets: SETS, ...options });
  const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
  const protos = await double.Word.run(async (context) => {
    const body = context.document.body;
    return Promise.resolve({
      body: Object.getPrototypeOf(body) as object,
      range: Object.getPrototypeOf(body.getRange("Whole")) as object,
    });
  });
  calls.body = 0;
  calls.range = 0;
  for (const key of ["body", "range"] as const) {
    const proto = protos[key] as { getOoxml: (...a: unknown[]) => unknown };
    // Every double shares these prototypes: one spy counts for the test.
    if (jest.isMockFunction(proto.getOoxml)) continue;
    const original = proto.getOoxml;
    jest.spyOn(proto, "getOoxml").mockImplementation(function (this: unknown, ...a: unknown[]) {
      calls[key]++;
      return original.apply(this, a);
    });
  }
  // One whole read: the body's and each page header's getOoxml (headers are Body objects too).
  await host.read();
  const perRead = calls.body;
  calls.body = 0;
  return { double, host, calls, perRead };
}

afterEach(() => jest.restoreAllMocks());

describe("a block edit verified by Word's texts", () => {
  test.each([
    ["sv-partial", "utvecklingsomrade", true],
    ["sv-partial", "uppfoljning", true],
    ["trs-partial", "handlingsplan", false],
    ["iko-partial", "upprattad_av", false],
  ])(
    "%s: add %s: one whole read before, the inserted range after (a table row: read whole); the state is a full read's",
    async (name, type, byText) => {
      const { double, host, calls, perRead } = await setup(name);
      double.resetSyncCount();
      const added = await host.addBlock(type);
      expect(double.syncCount).toBe(3);
      expect(calls).toEqual(byText ? { body: perRead, range: 1 } : { body: 2 * perRead, range: 0 });
      const cli = await editDocx(bytesOf(name), { op: "add", type });
      expect(added.report).toEqual(cli.after);
      expect(await checkDocx(await double.toDocx())).toEqual(cli.after);
      await expectStateAsRead(double, host);
    },
  );

  test("remove: the texts alone verify it", async () => {
    const { double, host, calls, perRead } = await setup("sv-blank");
    const removed = await host.removeBlock("utvecklingsomrade", 3);
    expect(calls.body).toBe(perRead);
    expect(removed.report).toEqual(
      (await editDocx(bytesOf("sv-blank"), { op: "remove", type: "utvecklingsomrade", index: 3 })).after,
    );
    await expectStateAsRead(double, host);
  });

  test("Word inserted something else than the engine built (the placeholders' state lost): the whole document is read back", async () => {
    const { double, host, calls, perRead } = await setup("sv-partial");
    // Word loses the placeholder state of the inserted controls (their texts stay the same).
    const protos = await double.Word.run(async (context) =>
      Promise.resolve(Object.getPrototypeOf(context.document.body.getRange("Whole")) as object),
    );
    const proto = protos as { insertOoxml: (ooxml: string, where: string) => unknown };
    const insert = proto.insertOoxml;
    jest.spyOn(proto, "insertOoxml").mockImplementation(function (
      this: unknown,
      ooxml: string,
      where: string,
    ) {
      return insert.call(this, ooxml.replace(/<w:showingPlcHdr\/>/g, ""), where);
    });
    double.resetSyncCount();
    await host.addBlock("utvecklingsomrade").catch(() => undefined);
    // The texts agreed but the range did not: a fourth round trip reads it all.
    expect(double.syncCount).toBe(4);
    expect(calls.body).toBe(2 * perRead);
    await expectStateAsRead(double, host);
  });

  test("while Word tracks changes the whole document is read back (revisions)", async () => {
    const { double, host, calls, perRead } = await setup("sv-partial", { changeTrackingMode: "TrackAll" });
    await host.addBlock("uppfoljning");
    expect(calls.body).toBe(2 * perRead);
    await expectStateAsRead(double, host);
  });

  test("a client that cannot say whether Word tracks (WordApi 1.3): an insertion without revisions is verified by text; one with revisions is read whole", async () => {
    const quiet = await setup("sv-partial", { requirementSets: REQUIREMENT_SETS.wordApi13 });
    await quiet.host.addBlock("uppfoljning");
    expect(quiet.calls.body).toBe(quiet.perRead);
    await expectStateAsRead(quiet.double, quiet.host);

    const tracked = await setup("sv-partial", {
      requirementSets: REQUIREMENT_SETS.wordApi13,
      changeTrackingMode: "TrackAll",
    });
    const added = await tracked.host.addBlock("uppfoljning");
    expect(tracked.calls.body).toBe(2 * tracked.perRead);
    expect(added.trackChanges).toBe(true);
  });
});
