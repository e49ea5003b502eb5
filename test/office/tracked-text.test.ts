/**
 * Tracked changes (issue 9, item 1): Word's Paragraph.text keeps tracked-deleted text on the web
 * and on the desktop while markup is shown, and leaves it out with markup hidden. Every adapter
 * step on the tracked fixtures runs under both of the double's text modes.
 */
import { checkDocx, editDocx } from "../../src/ooxml/docx";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, REQUIREMENT_SETS, type DeletedTextMode } from "../../word-double";
import { typeAtEnd, typeInControl } from "../support/word-host";
import { bytesOf } from "../support/fixtures";

// Real .docx files through the double: slow on a loaded 2-core machine.
jest.setTimeout(60000);

const SETS = { ...REQUIREMENT_SETS.modern, DocumentEvents: "1.1" };

async function hostFor(name: string, deletedText: DeletedTextMode) {
  const double = await createWordDouble(bytesOf(name), { requirementSets: SETS, deletedText });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis) };
}

const MODES: DeletedTextMode[] = ["include", "omit"];

describe.each(MODES)('deletedText: "%s"', (mode) => {
  test.each(["sv-tracked", "iko-tracked"])("%s reads as the CLI checks it", async (name) => {
    const { host } = await hostFor(name, mode);
    expect((await host.read()).report).toEqual(await checkDocx(bytesOf(name)));
  });

  test.each([
    ["plan", "Ett lärosäte genomför"],
    ["risker", "Hög personalomsättning"],
    ["styrkor", "Skolan har erfarna förstelärare"],
  ])("sv-tracked: going to %s lands in its paragraph in one round trip", async (id, text) => {
    const { double, host } = await hostFor("sv-tracked", mode);
    await host.read();
    double.resetSyncCount();
    await host.select({ id, block: null });
    expect(double.syncCount).toBe(1);
    const at = double.selection.paragraphIndexes[0];
    if (mode === "include" || id !== "risker") expect(double.paragraphTexts()[at]).toContain(text);
    else expect(double.paragraphTexts()[at]).toBe("");
  });

  test("sv-tracked: text typed after the empty risker's tracked deletion counts as filled", async () => {
    const { double, host } = await hostFor("sv-tracked", mode);
    await host.read();
    await host.select({ id: "risker", block: null });
    await typeAtEnd(double, "Sjukskrivningar bland personalen.");
    const report = await checkDocx(await double.toDocx());
    expect(report.complete).toBe(true);
    // The deletion stays a revision for the reviewer: the deleted text is still in the file.
    expect(double.documentXml()).toContain("Hög personalomsättning");
  });

  test("iko-tracked: kommunikation (answer deleted with tracking) typed again counts", async () => {
    const { double, host } = await hostFor("iko-tracked", mode);
    await host.read();
    await host.select({ id: "kommunikation", block: null });
    await typeInControl(double, "Via intranätet och på APT.");
    expect((await checkDocx(await double.toDocx())).complete).toBe(true);
  });

  test.each([
    ["sv-tracked", "uppfoljning"],
    ["sv-tracked", "utvecklingsomrade"],
    ["iko-tracked", "tidplan"],
  ])("%s: adding %s gives what the CLI makes", async (name, type) => {
    const { double, host } = await hostFor(name, mode);
    const value = await host.addBlock(type);
    const cli = await editDocx(bytesOf(name), { op: "add", type });
    expect(value.report).toEqual(cli.after);
    expect(await checkDocx(await double.toDocx())).toEqual(cli.after);
  });

  test("sv-tracked: an added block can be removed again", async () => {
    const { double, host } = await hostFor("sv-tracked", mode);
    await host.addBlock("uppfoljning");
    const value = await host.removeBlock("uppfoljning", 4);
    expect(value.report).toEqual(await checkDocx(bytesOf("sv-tracked")));
    expect(await checkDocx(await double.toDocx())).toEqual(await checkDocx(bytesOf("sv-tracked")));
  });
});
