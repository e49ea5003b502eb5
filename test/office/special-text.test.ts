/**
 * Text that Word reports differently from the OOXML (issue 9, item 4): footnote and endnote
 * reference marks (U+0002, or U+FFFD in some clients), text boxes (not in body.paragraphs nor in
 * their anchor's text) and non-breaking / optional hyphens (U+001E / U+001F). sv-notes has all of
 * them inside answers; the double reports them as Word does.
 */
import { checkDocx, editDocx } from "../../src/ooxml/docx";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { normalizeWordText } from "../../src/office/text-match";
import { createWordDouble, REQUIREMENT_SETS, type DeletedTextMode } from "../../word-double";
import { bytesOf } from "../support/fixtures";

// Real .docx files through the double: slow on a loaded 2-core machine.
jest.setTimeout(60000);

async function hostFor(name: string, deletedText: DeletedTextMode = "include") {
  const double = await createWordDouble(bytesOf(name), {
    requirementSets: REQUIREMENT_SETS.modern,
    deletedText,
  });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis) };
}

test("normalizeWordText drops reference marks and optional hyphens, maps the non-breaking hyphen", () => {
  expect(normalizeWordText("årskurs 9\u0002, cirka")).toBe("årskurs 9, cirka");
  expect(normalizeWordText("årskurs 9\ufffd, cirka")).toBe("årskurs 9, cirka");
  expect(normalizeWordText("upp\u001ffölj\u00adning av F\u001e3")).toBe("uppföljning av F-3");
});

describe("the double reports sv-notes as Word does", () => {
  test("reference marks and hyphens are control characters; the text box is not a paragraph", async () => {
    const { double } = await hostFor("sv-notes");
    const texts = double.paragraphTexts();
    const bakgrund = texts.find((t) => t.startsWith("Solbackaskolan"));
    expect(bakgrund).toContain("årskurs 9\u0002 och cirka");
    expect(texts.find((t) => t.startsWith("Den genomförda nulägesanalysen"))).toContain("\u0002");
    const ansvar = texts.find((t) => t.startsWith("Rektor ansvarar"));
    expect(ansvar).toContain("upp\u001fföljning");
    expect(ansvar).toContain("F\u001e3-lärarnas");
    expect(texts.some((t) => t.includes("Se även bilaga 2"))).toBe(false);
    expect(texts.find((t) => t.startsWith("Ett lärosäte"))).not.toContain("bilaga");
    // The OOXML does hold the text box, and the engine counts its text for plan.
    expect(double.documentXml()).toContain("Se även bilaga 2");
  });
});

describe.each<DeletedTextMode>(["include", "omit"])(
  'sv-notes through the adapter (deletedText "%s")',
  (mode) => {
    test("the pane sees the CLI's report, with the text box counted for plan", async () => {
      const { host } = await hostFor("sv-notes", mode);
      const report = (await host.read()).report;
      expect(report).toEqual(await checkDocx(bytesOf("sv-notes")));
      expect(report?.complete).toBe(true);
    });

    test.each([
      [{ id: "bakgrund", block: null }, "Solbackaskolan är en kommunal grundskola"],
      [{ id: "plan", block: null }, "Ett lärosäte genomför"],
      [{ id: "ansvar", block: null }, "Rektor ansvarar för planering"],
      [{ id: "problem", block: { type: "utvecklingsomrade", index: 1 } }, "Andelen elever i årskurs 9"],
      [{ id: "erfarenhetsspridning", block: null }, "Lärdomarna dokumenteras"],
    ])("going to %j lands on its answer in one round trip", async (key, text) => {
      const { double, host } = await hostFor("sv-notes", mode);
      await host.read();
      double.resetSyncCount();
      await host.select({ id: key.id, block: key.block ? { ...key.block } : null });
      expect(double.syncCount).toBe(1);
      expect(double.paragraphTexts()[double.selection.paragraphIndexes[0]]).toContain(text);
    });

    test("adding and removing an uppföljning gives what the CLI makes", async () => {
      const { double, host } = await hostFor("sv-notes", mode);
      const added = await host.addBlock("uppfoljning");
      const cli = await editDocx(bytesOf("sv-notes"), { op: "add", type: "uppfoljning" });
      expect(added.report).toEqual(cli.after);
      const removed = await host.removeBlock("uppfoljning", 4);
      expect(removed.report).toEqual(await checkDocx(bytesOf("sv-notes")));
      expect(await checkDocx(await double.toDocx())).toEqual(await checkDocx(bytesOf("sv-notes")));
    });
  },
);
