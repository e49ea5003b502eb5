/**
 * *Ta bort instruktionen* over the Word double (src/office/remove-instruction.ts): on the fixtures
 * with leftover instructions it clears exactly the instruction's text, every other paragraph and
 * every answer stays as it was; where the user has typed into the instruction's paragraph since
 * the pane read it, it is refused with the reason and nothing changes. (The edit is one
 * Paragraph.clear() in one batch, so one Ctrl+Z undoes it in Word; the double cannot undo an
 * API edit, so that part is not tested here.)
 */
import { checkDocx, readDocument } from "../../src/ooxml/docx";
import { analyse } from "../../src/ooxml/read/recognise";
import { sv } from "../../src/taskpane/i18n";
import { hostFor } from "../support/word-host";

/** Every answer's text, as the engine extracts it from the double's saved bytes. */
async function answers(bytes: Uint8Array): Promise<string> {
  const { extracted } = analyse(await readDocument(bytes));
  const text = (fields: Record<string, { text: string }>) =>
    Object.entries(fields).map(([id, f]) => `${id}=${f.text}`);
  return JSON.stringify([
    text(extracted.fields),
    Object.entries(extracted.blocks).map(([type, all]) => [type, all.map((i) => text(i))]),
  ]);
}

describe.each(["sv-blank", "sv-partial"])("%s", (name) => {
  test("each leftover instruction goes in one click, and only its text", async () => {
    const { double, host } = await hostFor(name);
    const first = await host.read();
    const leftovers = first.report?.warnings.filter((w) => w.code === "leftover-instruction") ?? [];
    expect(leftovers.length).toBe(2);
    for (let n = leftovers.length; n > 0; n--) {
      const before = double.paragraphTexts();
      const answersBefore = await answers(await double.toDocx());
      const snapshot = await host.removeInstruction(0);
      const after = double.paragraphTexts();
      // The same paragraphs; exactly one changed, and it went from the instruction to nothing.
      expect(after).toHaveLength(before.length);
      const changed = before.flatMap((t, i) => (t !== after[i] ? [i] : []));
      expect(changed).toHaveLength(1);
      expect(after[changed[0]].replace(/\r/g, "")).toBe("");
      expect(before[changed[0]]).toMatch(/Radera denna mening|Klistra in här/);
      expect(await answers(await double.toDocx())).toBe(answersBefore);
      expect(snapshot.report?.warnings.filter((w) => w.code === "leftover-instruction")).toHaveLength(n - 1);
    }
    // The document's own check agrees.
    const report = await checkDocx(await double.toDocx());
    expect(report.warnings.filter((w) => w.code === "leftover-instruction")).toEqual([]);
  });

  test("refused, with the reason and nothing changed, when the user typed into the instruction", async () => {
    const { double, host } = await hostFor(name);
    await host.read();
    const before = double.paragraphTexts();
    const at = before.findIndex((t) => t.startsWith("Klistra in här."));
    expect(at).toBeGreaterThan(-1);
    // The user types into the instruction's paragraph after the pane read the document.
    await double.Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs;
      paragraphs.load("items");
      await context.sync();
      paragraphs.items[at].insertText(" Vår tabell kommer här.", "End");
      await context.sync();
    });
    const typed = double.paragraphTexts();
    const ordinal = before.slice(0, at).filter((t) => /Radera denna mening|Klistra in här/.test(t)).length;
    // Refused as a problem code; the pane words it ("… innehåller nu annan text än mallens instruktion …").
    await expect(host.removeInstruction(ordinal)).rejects.toMatchObject({ code: "instruction-typed-into" });
    expect(sv.host["instruction-typed-into"]({})).toMatch(/innehåller nu annan text än mallens instruktion/);
    expect(double.paragraphTexts()).toEqual(typed);
    expect(typed[at]).toContain("Vår tabell kommer här.");
  });
});

test("a read-only document: refused before Word is touched", async () => {
  const { double, host } = await hostFor("sv-blank");
  Object.assign(host.capabilities, { editBlocks: false, readOnly: true });
  const before = double.paragraphTexts();
  await expect(host.removeInstruction(0)).rejects.toThrow();
  expect(double.paragraphTexts()).toEqual(before);
});
