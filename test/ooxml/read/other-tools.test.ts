/**
 * Documents other tools wrote and answers as users write them (scripts/fixtures/other-tools.ts):
 * their reports are golden files (test/check.test.ts); here `add` works on each, keeping every
 * character, and the three cases that once failed are checked against their negatives.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { checkDocx, editDocx } from "../../../src/ooxml/docx";
import { VARIANTS, fixturePath } from "../../../scripts/fixtures/variants";
import { runCase } from "../../../scripts/fuzz/harness";

const rewritten = VARIANTS.filter((v) => v.source === "rewritten");
const bytesOf = (name: string) => readFileSync(fixturePath(VARIANTS.find((v) => v.name === name)!));

async function withDocument(name: string, change: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytesOf(name));
  zip.file("word/document.xml", change(await zip.file("word/document.xml")!.async("string")));
  return zip.generateAsync({ type: "uint8array" });
}

const filled = (report: Awaited<ReturnType<typeof checkDocx>>, id: string, index?: number) =>
  report.fields.find(
    (f) => f.id === id && (index === undefined ? f.block === null : f.block?.index === index),
  )?.filled;

test("every kind of document other tools write has a fixture", () => {
  expect(rewritten.map((v) => v.name).sort()).toEqual(
    [
      "sv-converted",
      "sv-macro",
      "sv-picture-answer",
      "sv-renamed-headings",
      "sv-rich-answers",
      "sv-split-table",
      "sv-strict",
      "sv-template",
      "sv-word2007",
    ].sort(),
  );
});

test.each(rewritten.map((v) => [v.name] as const))(
  "%s: add gives one block more, every character and every other part kept",
  async (name) => {
    const outcome = await runCase(bytesOf(name), { preserving: true });
    expect(outcome.problems).toEqual([]);
    expect(outcome.addCode).toBe(0);
  },
  30_000,
);

test("a picture or a chart fills an answer; without them the answers are missing", async () => {
  const report = await checkDocx(bytesOf("sv-picture-answer"));
  expect(filled(report, "tidplan")).toBe(true);
  expect(filled(report, "risker")).toBe(true);
  const without = await checkDocx(
    await withDocument("sv-picture-answer", (x) => x.replace(/<w:drawing>[\s\S]*?<\/w:drawing>/g, "")),
  );
  expect(filled(without, "tidplan")).toBe(false);
  expect(filled(without, "risker")).toBe(false);
});

test("a table split by a page break is one block; a real second table after text is not", async () => {
  const report = await checkDocx(bytesOf("sv-split-table"));
  expect(report.blocks.utvecklingsomrade).toBe(3);
  expect(filled(report, "effekt", 1)).toBe(true);
  // Text between the two parts: they are no longer one table broken over a page.
  const apart = await checkDocx(
    await withDocument("sv-split-table", (x) =>
      x.replace(/<w:r><w:br w:type="page"\/><\/w:r>/, "<w:r><w:t>En mening mellan tabellerna.</w:t></w:r>"),
    ),
  );
  expect(apart.blocks.utvecklingsomrade).toBe(4);
});

test("renamed column headings: block 1's answers are found by the heading row's position", async () => {
  const report = await checkDocx(bytesOf("sv-renamed-headings"));
  for (const id of ["problem", "orsaker", "mal", "forbattringar"]) expect(filled(report, id, 1)).toBe(true);
  expect(report.missing).toEqual([]);
  // With the guidance row gone too and no heading left, nothing says which cell is which column.
  const bare = await checkDocx(
    await withDocument("sv-renamed-headings", (x) =>
      x
        .replace(">Problem kopplade till förskolans/elevernas/<", ">Problem<")
        .replace(">enheternas resultat och måluppfyllelse<", "><")
        .replace(">Synliga förbättringar<", ">Tecken<")
        .replace(
          ">Vad insatsen konkret ska leda till det vill säga vilka orsaker insatsen ska åtgärda<",
          "><",
        )
        .replace(">Konkreta tecken på att målet är uppnått eller är på väg att uppnås<", "><"),
    ),
  );
  expect(filled(bare, "orsaker", 1)).toBe(false);
});

test("Strict Open XML: the block added is in the document's own (strict) namespace", async () => {
  const result = await editDocx(bytesOf("sv-strict"), { op: "add", type: "utvecklingsomrade" });
  expect(result.after.blocks.utvecklingsomrade).toBe(4);
  const xml = await (await JSZip.loadAsync(result.bytes)).file("word/document.xml")!.async("string");
  expect(xml).not.toContain("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  expect(xml.match(/xmlns:w="http:\/\/purl.oclc.org\/ooxml\/wordprocessingml\/main"/g)).toHaveLength(1);
});

test("rich answers are filled; a comment alone is no answer", async () => {
  const report = await checkDocx(bytesOf("sv-rich-answers"));
  for (const id of ["plan", "deltagare", "tidplan", "ansvar", "delaktighet", "styrkor"])
    expect(filled(report, id)).toBe(true);
  expect(filled(report, "hur", 1)).toBe(true);
  const onlyComment = await checkDocx(
    await withDocument("sv-rich-answers", (x) =>
      x.replace(
        /<w:r[^>]*>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t>Erfarna förstelärare[^<]*<\/w:t><\/w:r>/,
        "",
      ),
    ),
  );
  expect(filled(onlyComment, "styrkor")).toBe(false);
  expect(onlyComment.missing.map((m) => m.id)).toEqual(["styrkor"]);
});
