/**
 * "Skapa en ny plan" through the Word adapter, on the Word API double: the plan goes into an
 * empty document only, in two round trips, and the pane then sees exactly the report the CLI gives
 * for the generated file; a document with anything in it is never touched.
 */
import { checkDocx } from "../../src/ooxml/docx";
import { GENERATED_TEMPLATES } from "../../src/core/templates";
import { generateDocx } from "../../src/ooxml/generate";
import { errorMessage } from "../../src/taskpane/errors";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { buildTestDocx, para, run } from "../../word-double/build-docx";
import { createWordDouble, REQUIREMENT_SETS } from "../../word-double";

async function hostFor(body: string, requirementSets: Record<string, string> = REQUIREMENT_SETS.modern) {
  const double = await createWordDouble(await buildTestDocx({ body }), { requirementSets });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis) };
}

describe.each(GENERATED_TEMPLATES.map((g) => [g.template.id, g] as const))("%s", (id, generated) => {
  test("an empty document: read says empty; createPlan inserts the plan in 2 round trips + a read", async () => {
    const { double, host } = await hostFor(para(""));
    const before = await host.read();
    expect(before).toEqual({ template: null, report: null, empty: true });
    expect(host.canCreatePlan).toBe(true);
    double.resetSyncCount();
    const snapshot = await host.createPlan(id);
    expect(double.syncCount).toBe(3);
    expect(snapshot.template?.id).toBe(id);
    const fromCli = await checkDocx(await generateDocx(generated));
    expect(snapshot.report).toEqual(fromCli);
    // Every answer control arrived with its tag and title; the runs carry the language.
    const xml = double.documentXml();
    for (const f of generated.template.fields) expect(xml).toContain(`<w:tag w:val="${id}/${f.id}"/>`);
    expect(xml).toContain(`<w:lang w:val="${generated.locale}"/>`);
    // The adapter then works on it: add a row where the template has tables.
    const rows = generated.template.blocks.find((b) => b.kind === "rows");
    if (rows) {
      const added = await host.addBlock(rows.type);
      expect(added.report?.blocks[rows.type]).toBe((fromCli.blocks[rows.type] ?? 0) + 1);
    }
  });
});

describe("never into a document that holds anything", () => {
  test.each([
    ["text", para(run("Mina anteckningar"))],
    [
      "a table",
      '<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>',
    ],
    ["a page break", para('<w:r><w:br w:type="page"/></w:r>')],
  ])("%s: refused, the document is unchanged", async (_what, body) => {
    const { double, host } = await hostFor(body);
    expect((await host.read()).empty).toBeUndefined();
    const before = double.documentXml();
    const sv = await host.createPlan("trs-verksamhetsplan").catch((e: unknown) => e);
    expect(sv).toMatchObject({ code: "create-not-empty", language: "sv" });
    expect(errorMessage(sv)).toContain("Planstöd skapar en ny plan bara i ett tomt dokument");
    // Worded in the plan's language, whatever the pane speaks.
    const da = await host.createPlan("dk-implementeringsplan").catch((e: unknown) => e);
    expect(errorMessage(da)).toContain("Planstöd opretter kun en ny plan i et tomt dokument");
    expect(double.documentXml()).toBe(before);
  });

  test("a client without WordApi 1.1 is told so, and nothing is inserted", async () => {
    const { double, host } = await hostFor(para(""), {});
    expect(host.canCreatePlan).toBe(false);
    const before = double.documentXml();
    await expect(host.createPlan("utbildningsinsats")).rejects.toMatchObject({ code: "create-unsupported" });
    expect(double.documentXml()).toBe(before);
  });
});
