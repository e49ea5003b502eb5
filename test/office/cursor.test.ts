/**
 * The cursor after the user edited the document since the last read (issue 7): the cursor's
 * paragraph is mapped through the last read only when Word's texts up to it still agree.
 */
import { editDocx } from "../../src/ooxml/docx";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, type WordDouble } from "../../word-double";
import { SETS, bytesOf, hostFor, syncs } from "../support/word-host";

/** Types Enter above the cursor's paragraph: one new paragraph before it. */
async function enterAboveCursor(double: WordDouble): Promise<void> {
  const at = double.selection.paragraphIndexes[0];
  await double.Word.run(async (context) => {
    let p = context.document.body.paragraphs.getFirst();
    for (let i = 0; i < at; i++) p = p.getNext();
    p.insertParagraph("", "Before");
    await context.sync();
  });
  double.setSelection(at + 1);
}

const orsaker2 = { id: "orsaker", block: { type: "utvecklingsomrade", index: 2 } };

describe("the cursor after an edit", () => {
  test("one paragraph inserted above the cursor still gives the cursor's field", async () => {
    const { double, host } = await hostFor("sv-partial");
    await host.read();
    await host.select(orsaker2);
    expect(await host.fieldAtCursor()).toEqual(orsaker2);
    await enterAboveCursor(double);
    const { value, syncs: n } = await syncs(double, () => host.fieldAtCursor());
    expect(value).toEqual(orsaker2);
    expect(n).toBeLessThanOrEqual(2);
    // The state read again is the document's: asked again, one round trip; nothing new to report.
    expect(await syncs(double, () => host.fieldAtCursor())).toEqual({ value: orsaker2, syncs: 1 });
    expect(await syncs(double, () => host.refresh())).toEqual({ value: null, syncs: 1 });
  });

  test("60 blocks: the same, and still one round trip when nothing changed", async () => {
    let bytes: Uint8Array = bytesOf("sv-blank");
    for (let i = 3; i < 60; i++)
      bytes = (await editDocx(bytes, { op: "add", type: "utvecklingsomrade" })).bytes;
    const double = await createWordDouble(bytes, { requirementSets: SETS });
    const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
    await host.read();
    const orsaker59 = { id: "orsaker", block: { type: "utvecklingsomrade", index: 59 } };
    await host.select(orsaker59);
    expect(await syncs(double, () => host.fieldAtCursor())).toEqual({ value: orsaker59, syncs: 1 });
    await enterAboveCursor(double);
    const { value, syncs: n } = await syncs(double, () => host.fieldAtCursor());
    expect(value).toEqual(orsaker59);
    expect(n).toBe(2);
  }, 240000);

  test("a paragraph inserted far above the cursor (at the top) is caught too", async () => {
    const { double, host } = await hostFor("sv-partial");
    await host.read();
    await host.select(orsaker2);
    const at = double.selection.paragraphIndexes[0];
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertParagraph("", "Before");
      await context.sync();
    });
    double.setSelection(at + 1);
    expect(await host.fieldAtCursor()).toEqual(orsaker2);
  });

  test("nothing changed: one round trip", async () => {
    const { double, host } = await hostFor("sv-partial");
    await host.read();
    await host.select(orsaker2);
    const { value, syncs: n } = await syncs(double, () => host.fieldAtCursor());
    expect(value).toEqual(orsaker2);
    expect(n).toBe(1);
  });

  test("typing in the cursor's own paragraph: one round trip, no getOoxml, the paragraph re-texted", async () => {
    const double = await createWordDouble(bytesOf("sv-blank"), {
      profile: "web",
      wordApi: "1.3",
      costs: { syncMs: 0 },
    });
    const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
    const before = await host.read();
    const deltagare = { id: "deltagare", block: null };
    await host.select(deltagare);
    const label = double
      .paragraphTexts()
      .findIndex((t) => t.startsWith("Ange målgrupp, funktion och antal."));
    double.user.moveTo({ paragraph: label + 1 }, "end");
    for (const burst of ["Alla ", "lärare ", "på skolan."]) {
      double.user.type(burst);
      const costs = { ...double.costs };
      const { value, syncs: n } = await syncs(double, () => host.fieldAtCursor());
      expect(value).toEqual(deltagare);
      expect(n).toBe(1);
      expect(double.costs.getOoxml - costs.getOoxml).toBe(0);
    }
    // The statuses follow from the re-texted model: the refresh after it reads texts only.
    const getOoxml = double.costs.getOoxml;
    const { value } = await syncs(double, () => host.refresh());
    expect(double.costs.getOoxml).toBe(getOoxml);
    expect(value?.report?.requiredFilled).toBe((before.report?.requiredFilled ?? 0) + 1);
  });
});
