/**
 * The Word adapter against the Word API double, backed by the generated fixtures: recognition,
 * navigation, the cursor and block operations run on the real engine, and every round trip to
 * "Word" is counted. Budget (issue 4): read ≤ 2, navigate 1, add/remove ≤ 3 — the same for a
 * 3-block and a 60-block document.
 */
import JSZip from "jszip";
import { checkDocx, editDocx } from "../../src/ooxml/docx";
import { PlanstodError } from "../../src/core/messages";
import { sv } from "../../src/taskpane/i18n";
import { errorMessage } from "../../src/taskpane/errors";
import { WordHost, capabilitiesOf, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble } from "../../word-double";
import { SETS, bytesOf, syncs } from "../support/word-host";

async function hostFor(bytes: Uint8Array, requirementSets: Record<string, string> = SETS) {
  const double = await createWordDouble(bytes, { requirementSets });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis) };
}

/** Syncs a step takes. */
/** sv-blank with 60 utvecklingsområde blocks, made with the same block operation as the CLI. */
let sixty: Uint8Array;
beforeAll(async () => {
  sixty = bytesOf("sv-blank");
  for (let i = 3; i < 60; i++)
    sixty = (await editDocx(sixty, { op: "add", type: "utvecklingsomrade" })).bytes;
}, 120000);

describe("reading", () => {
  test.each([
    "sv-partial",
    "sv-pasted-table",
    "sv-tracked",
    "sv-header",
    "sv-libreoffice",
    "iko-partial",
    "iko-libreoffice",
  ])("%s: the pane sees the report the CLI gives, in one round trip", async (name) => {
    const { double, host } = await hostFor(bytesOf(name));
    const { value, syncs: n } = await syncs(double, () => host.read());
    expect(n).toBe(1);
    expect(value.report).toEqual(await checkDocx(bytesOf(name)));
  });

  test("a document that is no template gives a null template, not an error", async () => {
    const { host } = await hostFor(bytesOf("other"));
    expect(await host.read()).toEqual({ template: null, report: null });
  });

  test("a 60-block document is read in the same number of round trips", async () => {
    const { double, host } = await hostFor(sixty);
    const { value, syncs: n } = await syncs(double, () => host.read());
    expect(n).toBe(1);
    expect(value.report?.blocks.utvecklingsomrade).toBe(60);
  }, 120000);
});

describe("navigation", () => {
  const cases = [
    { id: "bakgrund", block: null, expect: "Solbackaskolan är en kommunal grundskola" },
    { id: "mal", block: { type: "utvecklingsomrade", index: 2 }, expect: null },
    { id: "vem", block: { type: "uppfoljning", index: 1 }, expect: null },
    { id: "insats", block: { type: "utvecklingsomrade", index: 3 }, expect: "Namn på insats/insatser:" },
  ] as const;

  test.each(cases)(
    "selecting $id ($block.type $block.index) takes one round trip and lands on the field",
    async (c) => {
      const { double, host } = await hostFor(bytesOf("sv-partial"));
      await host.read();
      const key = { id: c.id, block: c.block ? { ...c.block } : null };
      const { syncs: n } = await syncs(double, () => host.select(key));
      expect(n).toBe(1);
      // The cursor is now in the field: asking where it is gives the same field back.
      const texts = double.paragraphTexts();
      const [at] = double.selection.paragraphIndexes;
      if (c.expect) expect(texts[at]).toContain(c.expect);
      else expect(texts[at]).toMatch(/Klicka eller tryck här för att ange text\./);
    },
  );

  test("navigation in a 60-block document takes one round trip too", async () => {
    const { double, host } = await hostFor(sixty);
    await host.read();
    const { syncs: n } = await syncs(double, () =>
      host.select({ id: "effekt", block: { type: "utvecklingsomrade", index: 60 } }),
    );
    expect(n).toBe(1);
  }, 120000);

  test("a field in the first-page header is selected there", async () => {
    const { double, host } = await hostFor(bytesOf("sv-header"));
    await host.read();
    const { syncs: n } = await syncs(double, () => host.select({ id: "huvudman", block: null }));
    expect(n).toBe(1);
  });

  test("after an edit the user made since the last read, navigation reads again and still lands right", async () => {
    const { double, host } = await hostFor(bytesOf("sv-partial"));
    await host.read();
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertParagraph("En ny första rad", "Before");
      await context.sync();
    });
    const { syncs: n } = await syncs(double, () => host.select({ id: "bakgrund", block: null }));
    expect(n).toBeLessThanOrEqual(3);
    expect(double.paragraphTexts()[double.selection.paragraphIndexes[0]]).toContain("Solbackaskolan");
  });

  test("an unknown field is refused with a problem the pane words in Swedish", async () => {
    const { host } = await hostFor(bytesOf("sv-partial"));
    await host.read();
    const error = await host
      .select({ id: "mal", block: { type: "utvecklingsomrade", index: 9 } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "field-gone" });
    expect(errorMessage(error)).toMatch(/Fältet finns inte längre/);
  });
});

describe("the cursor", () => {
  test("the field under the cursor is found in one round trip", async () => {
    const { double, host } = await hostFor(bytesOf("sv-partial"));
    await host.read();
    await host.select({ id: "orsaker", block: { type: "utvecklingsomrade", index: 2 } });
    const { value, syncs: n } = await syncs(double, () => host.fieldAtCursor());
    expect(n).toBe(1);
    expect(value).toEqual({ id: "orsaker", block: { type: "utvecklingsomrade", index: 2 } });
  });

  test("a cursor in guidance text belongs to the section above it", async () => {
    const { double, host } = await hostFor(bytesOf("sv-blank"));
    await host.read();
    const at = double.paragraphTexts().findIndex((t) => t.startsWith("Skrivs efter dialog"));
    double.setSelection(at);
    expect(await host.fieldAtCursor()).toEqual({ id: "plan", block: null });
  });

  test("selection changes reach the listener until it unsubscribes", async () => {
    const { double, host } = await hostFor(bytesOf("sv-blank"));
    const listener = jest.fn();
    const stop = host.onSelectionChanged(listener);
    await double.fireDocumentSelectionChanged();
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    await double.fireDocumentSelectionChanged();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("block operations", () => {
  const ops = [
    ["sv-partial", "utvecklingsomrade"],
    ["sv-partial", "uppfoljning"],
    ["sv-complete", "uppfoljning"],
    ["sv-typed-over", "utvecklingsomrade"],
    ["iko-partial", "tidplan"],
    ["iko-complete", "upprattad_av"],
  ] as const;

  test.each(ops)(
    "%s: add %s in ≤ 3 round trips; the document equals what the CLI makes",
    async (name, type) => {
      const { double, host } = await hostFor(bytesOf(name));
      await host.read();
      const { value, syncs: n } = await syncs(double, () => host.addBlock(type));
      expect(n).toBeLessThanOrEqual(3);
      const cli = await editDocx(bytesOf(name), { op: "add", type });
      expect(value.report).toEqual(cli.after);
      expect(await checkDocx(await double.toDocx())).toEqual(cli.after);
    },
  );

  test("a table with a column of the user's own: the pane reads it and adds a row as the CLI does", async () => {
    const zip = await JSZip.loadAsync(bytesOf("trs-partial"));
    const xml = await zip.file("word/document.xml")!.async("string");
    // The handlingsplan table (the one headed "Aktivitet"): a cell more in each of its rows.
    const start = xml.lastIndexOf("<w:tbl>", xml.indexOf(">Aktivitet<"));
    const end = xml.indexOf("</w:tbl>", start);
    const table = xml
      .slice(start, end)
      .replace(/<\/w:tr>/g, "<w:tc><w:p><w:r><w:t>Egen kolumn</w:t></w:r></w:p></w:tc></w:tr>");
    expect(table.split("Egen kolumn").length - 1).toBe(5);
    zip.file("word/document.xml", xml.slice(0, start) + table + xml.slice(end));
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const { host, double } = await hostFor(bytes);
    const read = await host.read();
    expect(read.report).toEqual(await checkDocx(bytes));
    expect(read.report?.fields.some((f) => f.block?.type === "handlingsplan" && f.filled)).toBe(true);
    const added = await host.addBlock("handlingsplan");
    const cli = await editDocx(bytes, { op: "add", type: "handlingsplan" });
    expect(added.report).toEqual(cli.after);
    expect(cli.after.blocks.handlingsplan).toBe(read.report!.blocks.handlingsplan + 1);
    expect(await checkDocx(await double.toDocx())).toEqual(cli.after);
  });

  test("adding to a 60-block document takes the same number of round trips", async () => {
    const small = await hostFor(bytesOf("sv-blank"));
    const large = await hostFor(sixty);
    const a = await syncs(small.double, () => small.host.addBlock("utvecklingsomrade"));
    const b = await syncs(large.double, () => large.host.addBlock("utvecklingsomrade"));
    expect(a.syncs).toBeLessThanOrEqual(3);
    expect(b.syncs).toBe(a.syncs);
    expect(b.value.report?.blocks.utvecklingsomrade).toBe(61);
  }, 120000);

  test("remove an unused instance in ≤ 3 round trips", async () => {
    const { double, host } = await hostFor(bytesOf("sv-blank"));
    const { value, syncs: n } = await syncs(double, () => host.removeBlock("utvecklingsomrade", 3));
    expect(n).toBeLessThanOrEqual(3);
    const cli = await editDocx(bytesOf("sv-blank"), { op: "remove", type: "utvecklingsomrade", index: 3 });
    expect(value.report).toEqual(cli.after);
    expect(await checkDocx(await double.toDocx())).toEqual(cli.after);
  });

  test("removing an instance with text is refused before Word is touched", async () => {
    const { double, host } = await hostFor(bytesOf("sv-partial"));
    const before = double.documentXml();
    const error = await host.removeBlock("utvecklingsomrade", 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanstodError);
    expect((error as Error).message).toBe(
      "Utvecklingsområde 1 innehåller text som du har skrivit och tas därför inte bort. Töm det först om du vill ta bort det.",
    );
    expect(double.documentXml()).toBe(before);
    const rows = await host.removeBlock("tidplan", 1).catch((e: unknown) => e);
    expect((rows as Error).message).toContain("okänd blocktyp");
  });
});

describe("requirement sets", () => {
  test("WordApi 1.3 is enough for all but comments (1.4); DocumentEvents for following the cursor", async () => {
    const full = await hostFor(bytesOf("sv-blank"), { WordApi: "1.3", DocumentEvents: "1.1" });
    expect(full.host.capabilities).toEqual({
      read: true,
      navigate: true,
      followCursor: true,
      editBlocks: true,
      comments: false,
      missing: [{ code: "no-comments-api" }],
    });
    const noEvents = await hostFor(bytesOf("sv-blank"), { WordApi: "1.3" });
    expect(noEvents.host.capabilities.followCursor).toBe(false);
    expect(noEvents.host.capabilities.missing).toEqual([
      { code: "no-selection-events" },
      { code: "no-comments-api" },
    ]);
    const withComments = await hostFor(bytesOf("sv-blank"), { WordApi: "1.4", DocumentEvents: "1.1" });
    expect(withComments.host.capabilities).toMatchObject({ comments: true, missing: [] });
  });

  test("a WordApi 1.1 client (the manifest never offers it the add-in) reads nothing and is told which Word is needed", async () => {
    const { host } = await hostFor(bytesOf("sv-partial"), { WordApi: "1.1" });
    expect(host.capabilities).toMatchObject({ read: false, navigate: false, editBlocks: false });
    expect(host.capabilities.missing).toEqual([{ code: "needs-wordapi-13" }]);
    expect(sv.host["needs-wordapi-13"]({})).toContain("WordApi 1.3");
    await expect(host.addBlock("uppfoljning")).rejects.toMatchObject({ code: "needs-wordapi-13" });
  });

  test("capabilitiesOf never throws on a broken requirements object", () => {
    const office = {
      context: {
        requirements: {
          isSetSupported: () => {
            throw new Error("x");
          },
        },
      },
    } as unknown as typeof Office;
    expect(capabilitiesOf(office)).toMatchObject({
      read: false,
      navigate: false,
      missing: [{ code: "needs-wordapi-13" }],
    });
  });
});
