/** Shared set-up of the Word adapter tests: a fixture's bytes, a host over the double, sync counts. */
import type { Paragraph } from "../../src/ooxml/read/paragraph-model";
import type { State } from "../../src/office/session";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, REQUIREMENT_SETS, type WordDouble } from "../../word-double";
import { bytesOf } from "./fixtures";

export { bytesOf };

/** A modern Word that follows the cursor. */
export const SETS = { ...REQUIREMENT_SETS.modern, DocumentEvents: "1.1" };

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

/** What the rules see of a model paragraph (two reads' elements differ). */
export const paragraphShape = (p: Paragraph) => ({
  index: p.index,
  part: p.part,
  text: p.text,
  segments: p.segments.map((s) => [s.text, s.placeholder, s.sdt?.tag ?? null, s.sdt?.kind ?? null]),
  containers: p.containers.map((c) => [c.tag, c.kind, c.level]),
  cells: p.cells,
});

/**
 * Expects the adapter's session state to be what a full read of the double's document gives now:
 * the paragraph model, Word's texts and ids, the paragraph map. Returns the getOoxml calls the
 * comparison read made (for tests that count the host's own).
 */
export async function expectStateAsRead(double: WordDouble, host: WordHost): Promise<number> {
  const fresh = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
  fresh.session.paragraphIds = host.session.paragraphIds;
  const before = double.costs.getOoxml;
  await fresh.read();
  const want = fresh.session.state as State;
  const have = host.session.state as State;
  expect(have.read.model.paragraphs.map(paragraphShape)).toEqual(
    want.read.model.paragraphs.map(paragraphShape),
  );
  expect(have.wordTexts).toEqual(want.wordTexts);
  expect(have.ids).toEqual(want.ids);
  const sorted = (m: Map<number, number>) => [...m].sort((a, b) => a[0] - b[0]);
  expect(sorted(have.toWord)).toEqual(sorted(want.toWord));
  expect(have.headerStarts).toEqual(want.headerStarts);
  expect(have.bodyCount).toEqual(want.bodyCount);
  expect(have.analysis?.report).toEqual(want.analysis?.report);
  return double.costs.getOoxml - before;
}
