/** Shared set-up of the Word adapter tests: a fixture's bytes, a host over the double, sync counts. */
import { readFileSync } from "node:fs";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, REQUIREMENT_SETS, type WordDouble } from "../../word-double";
import { VARIANTS, fixturePath } from "../../scripts/fixtures/variants";

/** A modern Word that follows the cursor. */
export const SETS = { ...REQUIREMENT_SETS.modern, DocumentEvents: "1.1" };

/** A generated fixture's bytes, by its variant name. */
export const bytesOf = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fixturePath(VARIANTS.find((v) => v.name === name)!)));

/** The adapter over the double holding a fixture, in a modern Word. */
export async function hostFor(name: string): Promise<{ double: WordDouble; host: WordHost }> {
  const double = await createWordDouble(bytesOf(name), { requirementSets: SETS });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis) };
}

/** Runs one step and counts its context.sync() calls. */
export async function syncs<T>(
  double: WordDouble,
  step: () => Promise<T>,
): Promise<{ value: T; syncs: number }> {
  double.resetSyncCount();
  const value = await step();
  return { value, syncs: double.syncCount };
}

/**
 * Types into the field at the cursor, as Word does: over the content control around the cursor
 * or the last control of its paragraph (replacing a placeholder), else at the paragraph's end.
 */
export async function typeInControl(double: WordDouble, text: string): Promise<void> {
  await double.Word.run(async (context) => {
    const selection = context.document.getSelection();
    const around = selection.parentContentControlOrNullObject;
    const paragraph = selection.paragraphs.getFirst();
    const inline = paragraph.getContentControls();
    inline.load("items");
    await context.sync();
    const control = around.isNullObject ? inline.items[inline.items.length - 1] : around;
    if (control) control.insertText(text, "Replace");
    else paragraph.insertText(text, "End");
    await context.sync();
  });
}

/** Types at the end of the cursor's paragraph. */
export async function typeAtEnd(double: WordDouble, text: string): Promise<void> {
  await double.Word.run(async (context) => {
    context.document.getSelection().paragraphs.getFirst().insertText(text, "End");
    await context.sync();
  });
}
