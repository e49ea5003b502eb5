/**
 * The cursor after the user edited the document since the last read (issue 7): the cursor's
 * paragraph is mapped through the last read only when Word's texts up to it still agree.
 */
import { readFileSync } from "node:fs";
import { WordHost, type OfficeApis } from "../src/office/word-host";
import { createWordDouble, REQUIREMENT_SETS, type WordDouble } from "./word-double";
import { VARIANTS, fixturePath } from "../scripts/fixtures/variants";

const SETS = { ...REQUIREMENT_SETS.modern, DocumentEvents: "1.1" };
const bytesOf = (name: string) =>
  new Uint8Array(readFileSync(fixturePath(VARIANTS.find((v) => v.name === name)!)));

async function hostFor(name: string) {
  const double = await createWordDouble(bytesOf(name), { requirementSets: SETS });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis) };
}

async function syncs<T>(double: WordDouble, step: () => Promise<T>): Promise<{ value: T; syncs: number }> {
  double.resetSyncCount();
  const value = await step();
  return { value, syncs: double.syncCount };
}

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
  });

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
});
