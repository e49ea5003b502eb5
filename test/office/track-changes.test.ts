/**
 * Block edits while Track Changes is on (issue 9, item 2). The double records API edits as
 * revisions (w:del / w:ins) the way Word does; the adapter reads Document.changeTrackingMode
 * (WordApi 1.4) with the document and: adds a block as a tracked insertion (counted), refuses to
 * remove one (it would stay as a tracked deletion until accepted).
 */
import { checkDocx } from "../../src/ooxml/docx";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, REQUIREMENT_SETS, type WordDoubleOptions } from "../../word-double";
import { typeInControl } from "../support/word-host";
import { bytesOf } from "../support/fixtures";

// Real .docx files through the double: slow on a loaded 2-core machine.
jest.setTimeout(60000);

async function hostFor(name: string, options: WordDoubleOptions = {}) {
  const double = await createWordDouble(bytesOf(name), {
    requirementSets: REQUIREMENT_SETS.modern,
    changeTrackingMode: "TrackAll",
    ...options,
  });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis) };
}

describe("the double records API edits as revisions while tracking", () => {
  test("a deleted paragraph stays, as w:del, until accepted; changeTrackingMode reads and writes", async () => {
    const { double } = await hostFor("sv-partial", { deletedText: "include" });
    const before = double.paragraphTexts();
    const at = before.findIndex((t) => t.startsWith("Solbackaskolan"));
    await double.Word.run(async (context) => {
      context.document.load("changeTrackingMode");
      await context.sync();
      expect(context.document.changeTrackingMode).toBe("TrackAll");
      let p = context.document.body.paragraphs.getFirst();
      for (let i = 0; i < at; i++) p = p.getNext();
      p.delete();
      await context.sync();
    });
    expect(double.paragraphTexts()).toEqual(before);
    expect(/<w:del [^>]*w:author="Planstöd"[^>]*><w:r[ >].*?<w:delText/.test(double.documentXml())).toBe(
      true,
    );
    const accepted = await createWordDouble(await double.toDocx(), { deletedText: "omit" });
    expect(accepted.paragraphTexts()[at]).toBe("");
    // Tracking off: the next delete removes the paragraph.
    await double.Word.run(async (context) => {
      context.document.changeTrackingMode = "Off" as Word.ChangeTrackingMode;
      let p = context.document.body.paragraphs.getFirst();
      for (let i = 0; i < at; i++) p = p.getNext();
      p.delete();
      await context.sync();
    });
    expect(double.paragraphTexts()).toHaveLength(before.length - 1);
  });

  test("changeTrackingMode needs WordApi 1.4", async () => {
    const { double } = await hostFor("sv-blank", { requirementSets: { WordApi: "1.3" } });
    const error = await double.Word.run(async (context) => {
      context.document.load("changeTrackingMode");
      await context.sync();
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("ApiNotFound");
  });
});

describe("the adapter with Track Changes on", () => {
  test("removing a block is refused before Word is touched, with a message that says why", async () => {
    const { double, host } = await hostFor("sv-blank");
    const before = double.documentXml();
    await expect(host.removeBlock("utvecklingsomrade", 3)).rejects.toMatchObject({
      code: "tracking-remove-refused",
    });
    expect(double.documentXml()).toBe(before);
  });

  test.each([
    ["sv-partial", "utvecklingsomrade", 4],
    ["sv-partial", "uppfoljning", 2],
    ["iko-partial", "tidplan", 4],
  ])("%s: adding %s is a tracked insertion that is counted", async (name, type, count) => {
    const { double, host } = await hostFor(name);
    const value = await host.addBlock(type);
    expect(value.trackChanges).toBe(true);
    expect(value.report?.blocks[type]).toBe(count);
    expect((await checkDocx(await double.toDocx())).blocks[type]).toBe(count);
    expect(/<w:ins [^>]*w:author="Planstöd"/.test(double.documentXml())).toBe(true);
  });

  test("typing into an empty field is a tracked insertion and the field counts as filled", async () => {
    const { double, host } = await hostFor("sv-blank");
    await host.read();
    await host.select({ id: "deltagare", block: null });
    await typeInControl(double, "Alla lärare.");
    const report = await checkDocx(await double.toDocx());
    expect(report.fields.find((f) => f.id === "deltagare")?.filled).toBe(true);
    expect(/<w:ins [^>]*><w:r[ >](?:(?!<\/w:r>).)*<w:t[^>]*>Alla lärare\./.test(double.documentXml())).toBe(
      true,
    );
  });

  test("with tracking off the same document reports no tracking", async () => {
    const { host } = await hostFor("sv-blank", { changeTrackingMode: "Off" });
    expect((await host.read()).trackChanges).toBeUndefined();
    expect((await host.removeBlock("utvecklingsomrade", 3)).report?.blocks.utvecklingsomrade).toBe(2);
  });

  test("a client without WordApi 1.4 cannot say: the remove is a tracked deletion, and the pane is told", async () => {
    const { double, host } = await hostFor("sv-blank", {
      requirementSets: { WordApi: "1.3", DocumentEvents: "1.1" },
    });
    const value = await host.removeBlock("utvecklingsomrade", 3);
    // The engine reads the accepted view: the block counts as removed...
    expect(value.report?.blocks.utvecklingsomrade).toBe(2);
    expect(value.trackChanges).toBe(true);
    // ...and nothing is lost until the deletion is accepted: its paragraphs are still there.
    const original = await createWordDouble(bytesOf("sv-blank"));
    expect(double.paragraphTexts()).toEqual(original.paragraphTexts());
    expect((await checkDocx(await double.toDocx())).blocks.utvecklingsomrade).toBe(2);
  });
});
