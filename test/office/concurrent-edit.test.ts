/**
 * No edit on a paragraph that moved (issue 9, item 3): between the adapter's read and its replay
 * of an add or remove, the user or a co-author changes the document. The double's beforeSync hook
 * makes that change between two round trips; the replay must then refuse with nothing changed.
 */
import { checkDocx } from "../../src/ooxml/docx";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, REQUIREMENT_SETS, type WordDouble } from "../../word-double";
import { bytesOf } from "../support/fixtures";

// Real .docx files through the double: slow on a loaded 2-core machine.
jest.setTimeout(60000);

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

async function hostFor(name: string) {
  const double = await createWordDouble(bytesOf(name), { requirementSets: REQUIREMENT_SETS.modern });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis) };
}

/** A co-author's new paragraph "text" before body paragraph `at` (the ordinals below it move). */
function insertParagraphBefore(double: WordDouble, at: number, text: string): void {
  const target = double.paragraphs()[at];
  const doc = target.ownerDocument!;
  const p = doc.createElementNS(W, "w:p");
  const r = doc.createElementNS(W, "w:r");
  const t = doc.createElementNS(W, "w:t");
  t.textContent = text;
  r.appendChild(t);
  p.appendChild(r);
  target.parentNode!.insertBefore(p, target);
}

describe("a change between the read and the replay", () => {
  test("remove: a paragraph typed above the block makes the replay refuse; nothing is deleted", async () => {
    const { double, host } = await hostFor("sv-blank");
    // Sync 1 is the edit's read; at sync 2 (the replay's check) a co-author has typed a line at
    // the top, so every ordinal the replay would use points one paragraph too high.
    double.beforeSync((n) => {
      if (n === 2) insertParagraphBefore(double, 0, "Ny rad från en medförfattare");
    });
    const error = await host.removeBlock("utvecklingsomrade", 3).catch((e: unknown) => e);
    double.beforeSync(null);
    expect(error).toMatchObject({ code: "document-changed" });
    const after = await checkDocx(await double.toDocx());
    expect(after.blocks.utvecklingsomrade).toBe(3);
    // Exactly the co-author's line is new: every paragraph of the original is still there.
    const original = (await createWordDouble(bytesOf("sv-blank"))).paragraphTexts();
    expect(double.paragraphTexts()).toEqual(["Ny rad från en medförfattare", ...original]);
  });

  test("remove: text typed into the block being removed makes the replay refuse", async () => {
    const { double, host } = await hostFor("sv-blank");
    const texts = double.paragraphTexts();
    // The last instance's "Problem/nuläge" answer: the paragraph after its label in block 3.
    const labels = texts.flatMap((t, i) => (t.startsWith("Problem") ? [i] : []));
    const answer = labels[2] + 1;
    double.beforeSync((n) => {
      if (n !== 2) return;
      const p = double.paragraphs()[answer];
      const doc = p.ownerDocument!;
      const t = doc.createElementNS(W, "w:t");
      t.textContent = "Kollegan skrev just här.";
      const r = doc.createElementNS(W, "w:r");
      r.appendChild(t);
      p.appendChild(r);
    });
    const error = await host.removeBlock("utvecklingsomrade", 3).catch((e: unknown) => e);
    double.beforeSync(null);
    expect(error).toMatchObject({ code: "document-changed" });
    expect(double.paragraphTexts().join("\n")).toContain("Kollegan skrev just här.");
    expect((await checkDocx(await double.toDocx())).blocks.utvecklingsomrade).toBe(3);
  });

  test("add: a moved anchor paragraph makes the replay refuse; nothing is inserted", async () => {
    const { double, host } = await hostFor("iko-partial");
    double.beforeSync((n) => {
      if (n === 2) insertParagraphBefore(double, 0, "Rubrik som någon lade till");
    });
    const error = await host.addBlock("tidplan").catch((e: unknown) => e);
    double.beforeSync(null);
    expect(error).toMatchObject({ code: "document-changed" });
    const report = await checkDocx(await double.toDocx());
    expect(report.blocks.tidplan).toBe(3);
  });

  test("without a change the same operations go through in three round trips", async () => {
    const { double, host } = await hostFor("sv-blank");
    double.resetSyncCount();
    const value = await host.removeBlock("utvecklingsomrade", 3);
    expect(double.syncCount).toBe(3);
    expect(value.report?.blocks.utvecklingsomrade).toBe(2);
  });
});
