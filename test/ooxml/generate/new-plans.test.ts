/**
 * Planstöd's own templates: `planstod new` writes each one as Word would (tagged, titled
 * controls with the language's placeholder, checkbox controls, the document's language and title);
 * a fresh plan is incomplete with every required field missing and no warnings; recognition works
 * by tags and, with every tag gone, by labels; new table rows get fresh tagged controls; the
 * Danish plan's report is Danish; LibreOffice renders every heading and guidance question.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { run, type Io } from "../../../src/cli/main";
import { GENERATED_TEMPLATES } from "../../../src/core/templates";
import type { LayoutItem } from "../../../src/core/templates/layout";
import type { TemplateDef } from "../../../src/core/types";
import { generateDocx } from "../../../src/ooxml/generate";
import { controlTitle } from "../../../src/ooxml/generate/body";
import { fixturePath, variant } from "../../../scripts/fixtures/variants";
import { CLI_BIN } from "../../support/paths";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "planstod-new-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await run(args, io);
  return { code, out, err };
}

interface JsonReport {
  template: string;
  complete: boolean;
  blocks: Record<string, number>;
  fields: { id: string; block: { type: string; index: number } | null; required: boolean; filled: boolean }[];
  missing: { id: string; block: { type: string; index: number } | null; label: string }[];
  warnings: unknown[];
}
const json = async (file: string) => JSON.parse((await cli("check", "--json", file)).out) as JsonReport;

async function part(file: string | Uint8Array, name: string): Promise<string> {
  const bytes = typeof file === "string" ? readFileSync(file) : file;
  return (await JSZip.loadAsync(bytes)).file(name)!.async("string");
}

/** Every required single field and every column of row 1 of each row block. */
function requiredOfBlank(t: TemplateDef): string[] {
  return [
    ...t.fields.filter((f) => f.required).map((f) => f.id),
    ...t.blocks.flatMap((b) => (b.kind === "rows" ? b.columns.map((c) => `${b.type}[1].${c.id}`) : [])),
  ].sort();
}

const ids = GENERATED_TEMPLATES.map((g) => [g.template.id, g] as const);

describe.each(ids)("%s", (id, generated) => {
  const t = generated.template;

  test("planstod new writes it; check: exit 1, every required field missing, no warnings", async () => {
    const file = path.join(dir, `${id}.docx`);
    const res = await cli("new", id, "-o", file);
    expect(res.code).toBe(0);
    expect(res.err).toBe("");
    expect(res.out).toContain(file);
    const check = await cli("check", "--json", file);
    expect(check.code).toBe(1);
    const report = JSON.parse(check.out) as JsonReport;
    expect(report.template).toBe(id);
    expect(report.warnings).toEqual([]);
    expect(report.fields.filter((f) => f.filled)).toEqual([]);
    const missing = report.missing.map((m) => (m.block ? `${m.block.type}[${m.block.index}].${m.id}` : m.id));
    expect(missing.sort()).toEqual(requiredOfBlank(t));
  });

  test("the filled fixture is complete: exit 0", async () => {
    const prefix = { "dk-implementeringsplan": "dk", "trs-verksamhetsplan": "trs", utbildningsinsats: "utb" }[
      id as string
    ];
    const res = await cli("check", fixturePath(variant(`${prefix}-complete`)));
    expect(res.code).toBe(0);
  });

  test("every answer is a tagged, titled content control showing the language's placeholder", async () => {
    const bytes = await generateDocx(generated);
    const xml = await part(bytes, "word/document.xml");
    const sdts = [...xml.matchAll(/<w:sdt>(.*?)<\/w:sdt>/gs)].map((m) => m[1]);
    const tags = sdts.map((s) => /<w:tag w:val="([^"]*)"/.exec(s)?.[1]);
    const aliases = sdts.map((s) => /<w:alias w:val="([^"]*)"/.exec(s)?.[1]);
    const rows = generated.layout.flatMap((it: LayoutItem) => (it.kind === "rows" ? [it] : []));
    const expectedTags = [
      ...t.fields.map((f) => `${id}/${f.id}`),
      ...rows.flatMap((r) => {
        const b = t.blocks.find((x) => x.type === r.blockType)!;
        return b.kind === "rows"
          ? Array.from({ length: r.rows }, () => b.columns.map((c) => `${id}/${b.type}/${c.id}`)).flat()
          : [];
      }),
    ];
    expect([...tags].sort()).toEqual([...expectedTags].sort());
    expect(aliases.every((a) => a !== undefined && a.length > 0)).toBe(true);
    for (const f of t.fields) {
      const s = sdts[tags.indexOf(`${id}/${f.id}`)];
      expect(s).toContain(`<w:alias w:val="${controlTitle(f.label).replace(/"/g, "&quot;")}"/>`);
      expect(controlTitle(f.label).length).toBeLessThanOrEqual(64);
      expect(f.label.startsWith(controlTitle(f.label).replace(/…$/, ""))).toBe(true);
    }
    const controlIds = sdts.map((s) => /<w:id w:val="(-?\d+)"/.exec(s)?.[1]);
    expect(new Set(controlIds).size).toBe(sdts.length);
    const placeholder =
      t.language === "da"
        ? "Klik eller tryk her for at skrive tekst."
        : "Klicka eller tryck här för att ange text.";
    const text = sdts.filter((s) => !s.includes("w14:checkbox"));
    expect(text.every((s) => s.includes("<w:showingPlcHdr/>") && s.includes(`>${placeholder}</w:t>`))).toBe(
      true,
    );
    const checkboxes = t.fields.filter((f) => f.control?.kind === "checkbox").length;
    expect(sdts.filter((s) => s.includes("<w14:checkbox>"))).toHaveLength(checkboxes);
    expect(xml).toContain('mc:Ignorable="w14"');
  });

  test("document language, core title and styles are Word's", async () => {
    const bytes = await generateDocx(generated);
    const locale = t.language === "da" ? "da-DK" : "sv-SE";
    expect(await part(bytes, "word/styles.xml")).toContain(`<w:lang w:val="${locale}"`);
    expect(await part(bytes, "word/settings.xml")).toContain(`<w:themeFontLang w:val="${locale}"/>`);
    expect(await part(bytes, "docProps/core.xml")).toContain(`<dc:title>${t.title}</dc:title>`);
    const doc = await part(bytes, "word/document.xml");
    expect(doc).toContain(`<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">${t.title}</w:t>`);
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).toContain('<w:pStyle w:val="Guidance"/>');
    const styles = await part(bytes, "word/styles.xml");
    expect(styles).toMatch(/w:styleId="Guidance">.*?<w:i\/>/s);
    expect(await part(bytes, "word/glossary/document.xml")).toContain("DefaultPlaceholder_-1854013440");
  });

  test("with every tag removed, the labels and headings still find every answer", async () => {
    const prefix = { "dk-implementeringsplan": "dk", "trs-verksamhetsplan": "trs", utbildningsinsats: "utb" }[
      id as string
    ];
    const source = fixturePath(variant(`${prefix}-complete`));
    const zip = await JSZip.loadAsync(readFileSync(source));
    const xml = (await zip.file("word/document.xml")!.async("string")).replace(
      /<w:tag w:val="[^"]*"\/>/g,
      "",
    );
    expect(xml).not.toContain("<w:tag ");
    zip.file("word/document.xml", xml);
    const untagged = path.join(dir, `${id}-untagged.docx`);
    writeFileSync(untagged, await zip.generateAsync({ type: "uint8array" }));
    const [a, b] = [await json(source), await json(untagged)];
    expect(b.template).toBe(id);
    // A row cell holds the user's text even without its control's tag, when it is word for word
    // one of the template's headings or activities ("Initiering", "Faglig supervision"): issue 21.
    const key = (f: JsonReport["fields"][number]) =>
      f.block ? `${f.block.type}[${f.block.index}].${f.id}` : f.id;
    const filled = (r: JsonReport) => r.fields.filter((f) => f.filled).map(key);
    expect(filled(b)).toEqual(filled(a));
  });
});

describe("planstod new: output rules", () => {
  test("never over an existing file without --force; --force replaces it atomically", async () => {
    const sub = mkdtempSync(path.join(dir, "force-"));
    const file = path.join(sub, "plan.docx");
    writeFileSync(file, "mine");
    const refused = await cli("new", "utbildningsinsats", "-o", file);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(`planstod: ${file} finns redan. Använd --force för att skriva över den.\n`);
    expect(readFileSync(file, "utf8")).toBe("mine");
    expect(readdirSync(sub)).toEqual(["plan.docx"]);
    const danish = await cli("new", "dk-implementeringsplan", "-o", file);
    expect(danish.err).toBe(`planstod: ${file} findes allerede. Brug --force for at overskrive den.\n`);
    const forced = await cli("new", "utbildningsinsats", "-o", file, "--force");
    expect(forced.code).toBe(0);
    expect(readdirSync(sub)).toEqual(["plan.docx"]);
    expect(statSync(file).size).toBeGreaterThan(1000);
    expect((await json(file)).template).toBe("utbildningsinsats");
  });

  test("a bad template id, a missing -o or a missing folder: exit 2, one Swedish line", async () => {
    const bad = await cli("new", "skolverket-atgardsplan", "-o", path.join(dir, "x.docx"));
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.err).toBe(
      "planstod: okänd mall ”skolverket-atgardsplan”. Planstöd kan skapa: dk-implementeringsplan, trs-verksamhetsplan, utbildningsinsats.\n",
    );
    expect((await cli("new", "utbildningsinsats")).err).toBe(
      "planstod: ange var planen ska skrivas: -o UTFIL.docx.\n",
    );
    const missingDir = await cli("new", "utbildningsinsats", "-o", path.join(dir, "nope", "x.docx"));
    expect(missingDir.code).toBe(2);
    expect(missingDir.err.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("the Danish plan speaks Danish", () => {
  const SWEDISH =
    /\b(saknas|ifyllda|obligatoriska|fält|är|inte|rader|Varningar|Lade till|Tog bort|innehåller|och)\b/;

  test("check's report is Danish; the JSON keys and ids are the contract's", async () => {
    const file = fixturePath(variant("dk-partial"));
    const text = (await cli("check", file)).out;
    expect(text).toContain("mangler: Intervention");
    expect(text).toContain("6 af 11 obligatoriske felter udfyldt. Dokumentet er ikke komplet.");
    expect(text).not.toMatch(SWEDISH);
    const report = await json(file);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(["file", "template", "complete", "blocks", "fields", "missing", "warnings"]),
    );
    expect(report.missing.map((m) => m.id)).toContain("intervention");
  });

  test("check --comments and its line are Danish", async () => {
    const out = path.join(dir, "dk-comments.docx");
    const res = await cli("check", fixturePath(variant("dk-partial")), "--comments", "-o", out);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(
      /^Indsatte \d+ kommentarer i .* \(fra .*\)\. 6 af 11 obligatoriske felter udfyldt\.\n$/,
    );
    expect(res.out).not.toMatch(SWEDISH);
  });

  test("add and remove a row: Danish lines, fresh tagged controls, refusals in Danish", async () => {
    const source = fixturePath(variant("dk-partial"));
    const added = path.join(dir, "dk-added.docx");
    const res = await cli("add", source, "ansvar", "-o", added);
    expect(res.out).toBe(
      `Tilføjede række 5 i ”Ansvar og roller” i ${added} (fra ${source}). Dokumentet har nu 5 stk.\n`,
    );
    expect(res.out).not.toMatch(SWEDISH);
    const xml = await part(added, "word/document.xml");
    const cells = [...xml.matchAll(/<w:tag w:val="dk-implementeringsplan\/ansvar\/(\w+)"\/>/g)].map(
      (m) => m[1],
    );
    expect(cells).toHaveLength(15);
    const ids = [...xml.matchAll(/<w:sdtPr>(?:(?!<\/w:sdtPr>).)*?<w:id w:val="(-?\d+)"/gs)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const last = xml.slice(xml.lastIndexOf("<w:tr>"));
    expect(last.match(/<w:showingPlcHdr\/>/g)).toHaveLength(3);
    expect(last).toContain("Klik eller tryk her for at skrive tekst.");

    const refused = await cli("remove", added, "ansvar", "1", "-o", path.join(dir, "dk-r.docx"));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("Række 1 indeholder tekst, som du har skrevet, og slettes derfor ikke.");
    expect(refused.err).not.toMatch(SWEDISH);
    const removed = await cli("remove", added, "ansvar", "5", "-o", path.join(dir, "dk-removed.docx"));
    expect(removed.out).toContain("Slettede række 5");
    expect((await json(path.join(dir, "dk-removed.docx"))).blocks.ansvar).toBe(4);
  });
});

describe("LibreOffice renders every generated template", () => {
  test("the PDF text holds the title, every heading, label and guidance question", () => {
    const outDir = mkdtempSync(path.join(dir, "pdf-"));
    const files = GENERATED_TEMPLATES.map((g) => {
      const file = path.join(outDir, `${g.template.id}.docx`);
      execFileSync("node", [CLI_BIN, "new", g.template.id, "-o", file]);
      return file;
    });
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${outDir}/profile`,
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        ...files,
      ],
      { stdio: "ignore", timeout: 180000 },
    );
    const squash = (s: string) => s.replace(/\s+/g, "");
    for (const g of GENERATED_TEMPLATES) {
      const t = g.template;
      // pdftotext joins hyphenated line ends ("MBI-modellen"); -layout keeps them but
      // interleaves table columns. A text counts as rendered when either reading holds it.
      const pdfFile = path.join(outDir, `${t.id}.pdf`);
      const readings = [
        [pdfFile, "-"],
        ["-layout", pdfFile, "-"],
      ].map((args) => squash(execFileSync("pdftotext", args).toString()));
      const wanted = [
        t.title ?? "",
        ...t.headings,
        ...t.fields.map((f) => f.label),
        ...t.fields.flatMap((f) => f.guidance ?? []),
        ...g.layout.flatMap((it) =>
          it.kind === "guidance" ? it.lines : it.kind === "text" ? [it.text] : [],
        ),
        ...t.blocks.flatMap((b) => (b.kind === "rows" ? b.columns.map((c) => c.label) : [])),
      ];
      const absent = wanted.filter((w) => !readings.some((r) => r.includes(squash(w))));
      expect({ template: t.id, absent }).toEqual({ template: t.id, absent: [] });
    }
  }, 240000);
});
