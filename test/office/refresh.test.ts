/**
 * Statuses that keep up (issue 7): refresh() after the writer typed gives the report a full read
 * gives, within the round-trip budget — 1 round trip when only texts changed, 2 when the
 * structure changed — on a 3-block and a 60-block document.
 */
import { checkDocx, editDocx } from "../../src/ooxml/docx";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, type WordDouble, type WordDoubleOptions } from "../../word-double";
import type { FieldKey } from "../../src/core/outline";
import { SETS, bytesOf, syncs, typeAtEnd, typeInControl } from "../support/word-host";

async function hostFor(bytes: Uint8Array, options: WordDoubleOptions = {}) {
  const double = await createWordDouble(bytes, { requirementSets: SETS, ...options });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis), fresh: () => new WordHost(apis) };
}

const key = (id: string, type?: string, index?: number): FieldKey => ({
  id,
  block: type ? { type, index: index! } : null,
});

/** The refreshed report must be what a full read and the CLI give. */
async function expectSameAsFullRead(double: WordDouble, fresh: () => WordHost, report: unknown) {
  expect(report).toEqual((await fresh().read()).report);
  expect(report).toEqual(await checkDocx(await double.toDocx()));
}

let sixty: Uint8Array;
beforeAll(async () => {
  sixty = bytesOf("sv-blank");
  for (let i = 3; i < 60; i++)
    sixty = (await editDocx(sixty, { op: "add", type: "utvecklingsomrade" })).bytes;
}, 120000);

describe("refresh", () => {
  test.each([
    ["3 blocks", () => bytesOf("sv-partial")],
    ["60 blocks", () => sixty],
  ])(
    "%s: nothing changed gives null in one round trip",
    async (_name, bytes) => {
      const { double, host } = await hostFor(bytes());
      await host.read();
      const { value, syncs: n } = await syncs(double, () => host.refresh());
      expect(value).toBeNull();
      expect(n).toBe(1);
    },
    120000,
  );

  test.each([
    ["sv-partial", key("orsaker", "utvecklingsomrade", 2)],
    ["sv-partial", key("mal", "utvecklingsomrade", 1)],
    ["sv-blank", key("insats", "utvecklingsomrade", 1)],
    ["sv-blank", key("deltagare")],
    ["iko-partial", key("malgrupp")],
  ])(
    "%s: typing into the empty %j fills it; one round trip, the report of a full read",
    async (name, field) => {
      const { double, host, fresh } = await hostFor(bytesOf(name));
      const before = await host.read();
      expect(
        before.report?.fields.find((f) => f.id === field.id && f.block?.index === field.block?.index)?.filled,
      ).toBe(false);
      await host.select(field);
      await typeInControl(double, "Vi har skrivit ett svar");
      const { value, syncs: n } = await syncs(double, () => host.refresh());
      expect(n).toBe(1);
      expect(value).not.toBeNull();
      const state = value!.report!.fields.find(
        (f) =>
          f.id === field.id && f.block?.type === field.block?.type && f.block?.index === field.block?.index,
      );
      expect(state?.filled).toBe(true);
      expect(value!.report!.requiredFilled).toBe(before.report!.requiredFilled + (state?.required ? 1 : 0));
      await expectSameAsFullRead(double, fresh, value!.report);
      // Asked again with nothing new: null, one round trip.
      const again = await syncs(double, () => host.refresh());
      expect(again.value).toBeNull();
      expect(again.syncs).toBe(1);
    },
  );

  test("typing more into a filled answer keeps the report right in one round trip", async () => {
    const { double, host, fresh } = await hostFor(bytesOf("sv-partial"));
    const before = await host.read();
    await host.select(key("bakgrund"));
    await typeAtEnd(double, " Fler elever har flyttat in.");
    const { value, syncs: n } = await syncs(double, () => host.refresh());
    expect(n).toBe(1);
    // The status did not change, so the pane's report is still right.
    expect(value).toBeNull();
    await expectSameAsFullRead(double, fresh, before.report);
  });

  test("after a refresh from texts, navigation, the cursor and typing in another field work on the new state", async () => {
    const { double, host } = await hostFor(bytesOf("sv-partial"));
    await host.read();
    const orsaker = key("orsaker", "utvecklingsomrade", 1);
    await host.select(orsaker);
    await typeInControl(double, "Låga förväntningar");
    expect((await syncs(double, () => host.refresh())).syncs).toBe(1);
    // (The double moves the cursor away from a replaced paragraph; put it back.)
    expect((await syncs(double, () => host.select(orsaker))).syncs).toBe(1);
    expect(await syncs(double, () => host.fieldAtCursor())).toEqual({ value: orsaker, syncs: 1 });
    expect((await syncs(double, () => host.select(key("mal", "utvecklingsomrade", 1)))).syncs).toBe(1);
    await typeInControl(double, "Fler når E");
    expect((await syncs(double, () => host.refresh())).syncs).toBeLessThanOrEqual(2);
    const report = await checkDocx(await double.toDocx());
    expect(report.missing.map((m) => `${m.id}#${m.block?.index}`)).not.toContain("orsaker#1");
    expect(report.missing.map((m) => `${m.id}#${m.block?.index}`)).not.toContain("mal#1");
  });

  test("text typed into a label (the label no longer matches) gives the report of a full read", async () => {
    const { double, host, fresh } = await hostFor(bytesOf("sv-partial"));
    const before = await host.read();
    const at = double.paragraphTexts().findIndex((t) => t.startsWith("Mål med insatsen"));
    double.setSelection(at);
    await typeAtEnd(double, " och mer");
    const { value, syncs: n } = await syncs(double, () => host.refresh());
    expect(n).toBeLessThanOrEqual(2);
    await expectSameAsFullRead(double, fresh, value?.report ?? before.report);
  });

  test("emptying a field again (Word shows its placeholder) is read again: two round trips", async () => {
    const { double, host, fresh } = await hostFor(bytesOf("sv-partial"));
    await host.read();
    await host.select(key("problem", "utvecklingsomrade", 1));
    const filled = (await host.read()).report!.requiredFilled;
    await typeInControl(double, "");
    const { value, syncs: n } = await syncs(double, () => host.refresh());
    expect(n).toBe(2);
    expect(value!.report!.requiredFilled).toBe(filled - 1);
    await expectSameAsFullRead(double, fresh, value!.report);
  });

  test("an Enter typed (a paragraph more) is a structural change: two round trips", async () => {
    const { double, host, fresh } = await hostFor(bytesOf("sv-partial"));
    const before = await host.read();
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertParagraph("Ny rad", "Before");
      await context.sync();
    });
    const { value, syncs: n } = await syncs(double, () => host.refresh());
    expect(n).toBe(2);
    await expectSameAsFullRead(double, fresh, value?.report ?? before.report);
  });

  test("60 blocks: typing into the last block's field takes one round trip", async () => {
    const { double, host, fresh } = await hostFor(sixty);
    await host.read();
    await host.select(key("effekt", "utvecklingsomrade", 60));
    await typeInControl(double, "Fler elever når målen");
    const { value, syncs: n } = await syncs(double, () => host.refresh());
    expect(n).toBeLessThanOrEqual(2);
    expect(n).toBe(1);
    await expectSameAsFullRead(double, fresh, value!.report);
  }, 120000);

  test("60 blocks: a structural change takes two round trips", async () => {
    const { double, host } = await hostFor(sixty);
    await host.read();
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertParagraph("", "Before");
      await context.sync();
    });
    const { syncs: n } = await syncs(double, () => host.refresh());
    expect(n).toBe(2);
  }, 120000);

  test.each(["omit", "include"] as const)(
    "sv-tracked (deleted text %s): typing gives the report of a full read",
    async (deletedText) => {
      const { double, host, fresh } = await hostFor(bytesOf("sv-tracked"), { deletedText });
      const before = await host.read();
      await host.select(key("mal", "utvecklingsomrade", 2));
      await typeInControl(double, "Ett mål");
      const { value, syncs: n } = await syncs(double, () => host.refresh());
      expect(n).toBeLessThanOrEqual(2);
      await expectSameAsFullRead(double, fresh, value?.report ?? before.report);
    },
  );

  test("a field in the page header typed into is seen (the header is part of the check)", async () => {
    const { double, host, fresh } = await hostFor(bytesOf("sv-header"));
    const before = await host.read();
    await host.select(key("huvudman"));
    await typeInControl(double, "");
    const { value, syncs: n } = await syncs(double, () => host.refresh());
    expect(n).toBe(2);
    expect(value).not.toBeNull();
    await expectSameAsFullRead(double, fresh, value!.report);
    expect(value!.report).not.toEqual(before.report);
  });
});
