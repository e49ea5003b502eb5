/**
 * The review in Word (issue 7): going to what a review item points at.
 */
import { readFileSync } from "node:fs";
import { buildReview, reviewItems } from "../src/core/review";
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

const cursorText = (double: WordDouble) => double.paragraphTexts()[double.selection.paragraphIndexes[0]];

describe("selectTarget", () => {
  test("each leftover instruction is selected in one round trip, in document order", async () => {
    const { double, host } = await hostFor("sv-blank");
    const { template, report } = await host.read();
    const items = reviewItems(buildReview(template!, report!)).filter(
      (i) => i.target?.kind === "instruction",
    );
    expect(items.length).toBe(template!.instructions.length);
    const at: number[] = [];
    for (const item of items) {
      const { syncs: n } = await syncs(double, () => host.selectTarget(item.target!));
      expect(n).toBe(1);
      expect(item.warning?.message).toContain(cursorText(double).trim());
      expect(template!.instructions).toContain(cursorText(double).trim());
      at.push(double.selection.paragraphIndexes[0]);
    }
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(new Set(at).size).toBe(at.length);
  });

  test("after an edit above it, the instruction is still found (read again, retried once)", async () => {
    const { double, host } = await hostFor("sv-blank");
    await host.read();
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertParagraph("En ny första rad", "Before");
      await context.sync();
    });
    const { syncs: n } = await syncs(double, () => host.selectTarget({ kind: "instruction", ordinal: 1 }));
    expect(n).toBeLessThanOrEqual(3);
    expect(cursorText(double)).toBe("Klistra in här.");
  });

  test("a field target selects the field, as select does", async () => {
    const { double, host } = await hostFor("sv-partial");
    await host.read();
    const field = { id: "bakgrund", block: null };
    const { syncs: n } = await syncs(double, () => host.selectTarget({ kind: "field", field }));
    expect(n).toBe(1);
    expect(cursorText(double)).toContain("Solbackaskolan");
  });

  test("an instruction that is gone is refused with a Swedish message", async () => {
    const { host } = await hostFor("sv-complete");
    await host.read();
    await expect(host.selectTarget({ kind: "instruction", ordinal: 0 })).rejects.toThrow(
      "Instruktionen finns inte längre i dokumentet. Uppdatera Planstöd.",
    );
  });
});
