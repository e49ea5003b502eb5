/**
 * `planstod add` / `planstod remove` on every fixture: the new instance is the template's (empty,
 * placeholders, fresh ids), nothing the user wrote changes, add + remove gives the original report
 * back, refusals leave the file untouched, and the result opens in a real word processor.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { run, type Io } from "../../src/cli/main";
import { VARIANTS, fixturePath } from "../../scripts/fixtures/variants";
import { CLI_BIN } from "../support/paths";

interface Field {
  id: string;
  block: { type: string; index: number } | null;
  required: boolean;
  filled: boolean;
}
interface Report {
  file?: string;
  complete: boolean;
  blocks: Record<string, number>;
  fields: Field[];
  missing: unknown[];
  warnings: { code: string; block?: { type: string; index: number } }[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "planstod-blocks-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await run(args, io);
  return { code, out, err };
}

async function report(file: string): Promise<Report> {
  const { out, err } = await cli("check", "--json", file);
  expect(err).toBe("");
  const r = JSON.parse(out) as Report;
  delete r.file;
  return r;
}

let counter = 0;
const temp = (name: string) => path.join(dir, `${counter++}-${name}.docx`);
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const BLOCKS: Record<string, string[]> = {
  "skolverket-atgardsplan": ["utvecklingsomrade", "uppfoljning"],
  "iko-handlingsplan": ["upprattad_av", "tidplan"],
  "dk-implementeringsplan": ["ansvar"],
  "trs-verksamhetsplan": ["handlingsplan", "kompetensplan"],
  utbildningsinsats: [],
};
const ROW_BLOCKS = new Set(["upprattad_av", "tidplan", "ansvar", "handlingsplan", "kompetensplan"]);

const cases = VARIANTS.filter((v) => v.template !== null).flatMap((v) =>
  BLOCKS[v.template!].map((type) => [v.name, type, fixturePath(v)] as const),
);

describe.each(cases)("%s: %s", (_name, type, source) => {
  test("add: one more instance, wholly empty and unused; every other field unchanged", async () => {
    const out = temp("add");
    const before = await report(source);
    const res = await cli("add", source, type, "-o", out);
    expect(res).toMatchObject({ code: 0, err: "" });
    const after = await report(out);
    const n = before.blocks[type];
    expect(after.blocks[type]).toBe(n + 1);

    const isNew = (f: Field) => f.block?.type === type && f.block.index === n + 1;
    const added = after.fields.filter(isNew);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((f) => !f.filled && !f.required)).toBe(true);
    expect(after.fields.filter((f) => !isNew(f))).toEqual(before.fields);
    const newWarnings = after.warnings.filter((w) => !(w.block?.type === type && w.block.index === n + 1));
    expect(newWarnings).toEqual(before.warnings);
    if (!ROW_BLOCKS.has(type)) {
      expect(after.warnings).toContainEqual(
        expect.objectContaining({ code: "unused-block", block: { type, index: n + 1 } }),
      );
    }
    expect(after.missing).toEqual(before.missing);
    expect(after.complete).toBe(before.complete);
  });

  test("add then remove gives back the original report; other parts stay byte-for-byte", async () => {
    const added = temp("added");
    const removed = temp("removed");
    const before = await report(source);
    expect((await cli("add", source, type, "-o", added)).code).toBe(0);
    expect((await cli("remove", added, type, String(before.blocks[type] + 1), "-o", removed)).code).toBe(0);
    expect(await report(removed)).toEqual(before);

    const original = await JSZip.loadAsync(readFileSync(source));
    const edited = await JSZip.loadAsync(readFileSync(removed));
    expect(Object.keys(edited.files)).toEqual(Object.keys(original.files));
    const main = "word/document.xml";
    for (const name of Object.keys(original.files).filter((n) => n !== main && !original.files[n].dir)) {
      const [a, b] = await Promise.all([
        original.file(name)!.async("uint8array"),
        edited.file(name)!.async("uint8array"),
      ]);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    }
  });
});

/** Every w:id of a content control in the main part. */
async function sdtIds(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:sdtPr>(?:(?!<\/w:sdtPr>).)*?<w:id w:val="(-?\d+)"/gs)].map((m) => m[1]);
}

describe("block operations", () => {
  const fixture = (name: string) => fixturePath(VARIANTS.find((v) => v.name === name)!);

  test("ten adds keep every content-control id unique", async () => {
    for (const [name, type] of [
      ["sv-blank", "utvecklingsomrade"],
      ["sv-pasted-table", "uppfoljning"],
    ] as const) {
      const original = await sdtIds(fixture(name));
      const duplicatesBefore = original.length - new Set(original).size;
      let file = fixture(name);
      for (let i = 0; i < 10; i++) {
        const next = temp(`ten-${i}`);
        expect((await cli("add", file, type, "-o", next)).code).toBe(0);
        file = next;
      }
      const ids = await sdtIds(file);
      expect(ids.length).toBeGreaterThan(original.length);
      // sv-pasted-table holds the user's own duplicates (a pasted copy); the adds introduce none.
      expect(ids.length - new Set(ids).size).toBe(duplicatesBefore);
      expect((await report(file)).blocks[type]).toBe((await report(fixture(name))).blocks[type] + 10);
    }
  });

  test("block names as Swedish users write them: with å, ä, ö, in any case, or the template's label", async () => {
    for (const [name, block, type] of [
      ["sv-blank", "utvecklingsområde", "utvecklingsomrade"],
      ["sv-blank", "Uppföljning", "uppfoljning"],
      ["sv-blank", "UTVECKLINGSOMRÅDE", "utvecklingsomrade"],
      ["iko-blank", "Vem tog fram handlingsplanen?", "upprattad_av"],
      ["iko-blank", "upprättad av", "upprattad_av"],
      ["iko-blank", "Tidplan", "tidplan"],
      ["trs-blank", "Mål- och handlingsplan", "handlingsplan"],
      ["dk-blank", "Ansvar og roller", "ansvar"],
    ] as const) {
      const out = temp(`named-${type}-${block.length}`);
      const added = await cli("add", fixture(name), block, "-o", out);
      expect({ block, code: added.code, err: added.err }).toEqual({ block, code: 0, err: "" });
      expect((await report(out)).blocks[type]).toBe((await report(fixture(name))).blocks[type] + 1);
      const last = String((await report(out)).blocks[type]);
      const removed = await cli("remove", out, block, last, "--in-place");
      expect({ block, code: removed.code }).toEqual({ block, code: 0 });
    }
    // A name no template has is still refused with the blocks the document has.
    const unknown = await cli("add", fixture("sv-blank"), "bilaga", "-o", temp("unknown-block"));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(
      "okänd blocktyp ”bilaga”. Skolverkets åtgärdsplan har: utvecklingsomrade, uppfoljning.",
    );
  });

  test("the help says in plain Swedish what a block is and how a file is replaced", async () => {
    const help =
      (await cli("add", "--help")).out +
      (await cli("remove", "--help")).out +
      (await cli("check", "--help")).out;
    const text = help.replace(/\s+/g, " ");
    expect(text).toContain("utvecklingsområde, uppföljning");
    expect(text).toContain("den ersätts först när den nya är färdigskriven");
    expect(help).not.toMatch(/atomär/);
  });

  test("remove of an instance with text is refused and the file is untouched", async () => {
    const file = temp("refuse");
    writeFileSync(file, readFileSync(fixture("sv-partial")));
    const before = { hash: sha(file), mtime: statSync(file).mtimeMs };
    const res = await cli("remove", file, "utvecklingsomrade", "1", "--in-place");
    expect(res.code).toBe(2);
    expect(res.err).toBe(
      `planstod: ${file}: Utvecklingsområde 1 innehåller text som du har skrivit och tas därför inte bort. Töm det först om du vill ta bort det.\n`,
    );
    expect({ hash: sha(file), mtime: statSync(file).mtimeMs }).toEqual(before);
    const row = await cli("remove", fixture("iko-partial"), "upprattad_av", "1", "-o", temp("row"));
    expect(row.code).toBe(2);
    expect(row.err).toContain("Rad 1 innehåller text");
  });

  test("an unused instance of the template can be removed; the last one cannot", async () => {
    const out = temp("unused");
    expect((await cli("remove", fixture("sv-blank"), "utvecklingsomrade", "3", "-o", out)).code).toBe(0);
    const r = await report(out);
    expect(r.blocks.utvecklingsomrade).toBe(2);
    expect(r.warnings.filter((w) => w.code === "unused-block")).toHaveLength(1);
    const last = await cli("remove", fixture("sv-blank"), "uppfoljning", "1", "-o", temp("last"));
    expect(last.code).toBe(2);
    expect(last.err).toContain("det enda som finns kvar");
  });

  test("--after N puts the new instance in place N+1", async () => {
    const out = temp("after");
    expect((await cli("add", fixture("sv-complete"), "uppfoljning", "--after", "1", "-o", out)).code).toBe(0);
    const r = await report(out);
    expect(r.blocks.uppfoljning).toBe(4);
    const filled = (i: number) =>
      r.fields.filter((f) => f.block?.type === "uppfoljning" && f.block.index === i).every((f) => f.filled);
    expect([1, 2, 3, 4].map(filled)).toEqual([true, false, true, true]);
  });

  test("new Skolverket blocks go before the instructions that are still there", async () => {
    const out = temp("order");
    expect((await cli("add", fixture("sv-blank"), "utvecklingsomrade", "-o", out)).code).toBe(0);
    const out2 = temp("order2");
    expect((await cli("add", out, "uppfoljning", "-o", out2)).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(out2))).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    const lastArea = text.lastIndexOf("Namn på insats/insatser:");
    expect(lastArea).toBeLessThan(text.indexOf("Radera denna mening"));
    expect(text.lastIndexOf("Beskriv vem som ansvarar")).toBeLessThan(text.indexOf("Klistra in här."));
    expect(text.split("Namn på insats/insatser:")).toHaveLength(5);
  });

  test("with every control typed over, the new instance still gets the template's controls", async () => {
    // Unwrap every content control of sv-complete: the user's text stays, no control is left.
    const zip = await JSZip.loadAsync(readFileSync(fixture("sv-complete")));
    let xml = await zip.file("word/document.xml")!.async("string");
    while (/<w:sdt>/.test(xml)) {
      xml = xml.replace(
        /<w:sdt>(?:(?!<w:sdt>).)*?<w:sdtContent>((?:(?!<w:sdt>).)*?)<\/w:sdtContent><\/w:sdt>/s,
        "$1",
      );
    }
    zip.file("word/document.xml", xml);
    const typed = temp("typed");
    writeFileSync(typed, await zip.generateAsync({ type: "uint8array" }));
    expect(await sdtIds(typed)).toHaveLength(0);
    const before = await report(typed);
    expect(before.complete).toBe(true);

    const out = temp("typed-add");
    expect((await cli("add", typed, "utvecklingsomrade", "-o", out)).code).toBe(0);
    const after = await report(out);
    expect(after.blocks.utvecklingsomrade).toBe(4);
    const doc = await (await JSZip.loadAsync(readFileSync(out))).file("word/document.xml")!.async("string");
    // 1 dropdown + 1 plain text + 4 cell controls + 1 rich text, all showing their placeholders.
    expect(await sdtIds(out)).toHaveLength(7);
    expect(doc.match(/<w:showingPlcHdr\/>/g)).toHaveLength(7);
    expect(doc).toContain(
      '<w:listItem w:displayText="Styrning och ledning" w:value="Styrning och ledning"/>',
    );
    expect(doc.match(/<w:tc>|<w:tc /g)!.length).toBeGreaterThan(0);
    expect(after.fields.filter((f) => f.block?.index !== 4)).toEqual(before.fields);
  });

  test("--in-place writes atomically, keeps the file mode and leaves no temporary file", async () => {
    const sub = mkdtempSync(path.join(dir, "inplace-"));
    const file = path.join(sub, "plan.docx");
    writeFileSync(file, readFileSync(fixture("iko-blank")));
    chmodSync(file, 0o640);
    expect((await cli("add", file, "tidplan", "--in-place")).code).toBe(0);
    expect(readdirSync(sub)).toEqual(["plan.docx"]);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect((await report(file)).blocks.tidplan).toBe(4);
  });

  test("output rules: -o or --in-place, never over the input or an existing file by accident", async () => {
    const src = fixture("sv-blank");
    expect((await cli("add", src, "uppfoljning")).err).toContain("-o UTFIL eller --in-place");
    expect((await cli("add", src, "uppfoljning", "-o", src)).err).toContain("Använd --in-place");
    const existing = temp("existing");
    writeFileSync(existing, "x");
    expect((await cli("add", src, "uppfoljning", "-o", existing)).err).toContain("Använd --force");
    expect((await cli("add", src, "uppfoljning", "-o", existing, "--force")).code).toBe(0);
    expect((await cli("add", src, "bogus", "-o", temp("bogus"))).err).toContain(
      "okänd blocktyp ”bogus”. Skolverkets åtgärdsplan har: utvecklingsomrade, uppfoljning.",
    );
    // A template without blocks says so instead of listing none.
    const none = temp("none");
    const training = await cli("add", fixture("utb-blank"), "bogus", "-o", none);
    expect(training.code).toBe(2);
    expect(training.err).toContain(
      "okänd blocktyp ”bogus”. Plan för utbildningsinsats har inga block som kan läggas till eller tas bort.",
    );
    expect(existsSync(none)).toBe(false);
    expect((await cli("add", src, "uppfoljning", "--after", "x", "-o", temp("x"))).err).toContain(
      "positivt heltal",
    );
    expect((await cli("remove", src, "uppfoljning", "7", "-o", temp("seven"))).err).toContain(
      "Uppföljning 7 finns inte",
    );
    expect(
      (
        await cli(
          "add",
          fixturePath(VARIANTS.find((v) => v.name === "encrypted")!),
          "uppfoljning",
          "-o",
          temp("enc"),
        )
      ).code,
    ).toBe(2);
  });

  test("the result opens in LibreOffice and the new block's labels are in the PDF text", () => {
    // Uses the output of a fresh add on the blank template and on the IKO form.
    const outDir = mkdtempSync(path.join(dir, "pdf-"));
    const sv = path.join(outDir, "sv.docx");
    const iko = path.join(outDir, "iko.docx");
    const cliBin = CLI_BIN;
    execFileSync("node", [cliBin, "add", fixture("sv-blank"), "utvecklingsomrade", "-o", sv]);
    execFileSync("node", [
      cliBin,
      "add",
      fixture("sv-blank"),
      "uppfoljning",
      "-o",
      path.join(outDir, "sv2.docx"),
    ]);
    execFileSync("node", [cliBin, "add", fixture("iko-blank"), "upprattad_av", "-o", iko]);
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${outDir}/profile`,
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        sv,
        iko,
        path.join(outDir, "sv2.docx"),
      ],
      { stdio: "ignore", timeout: 120000 },
    );
    const pdfText = (name: string) => execFileSync("pdftotext", [path.join(outDir, name), "-"]).toString();
    const svText = pdfText("sv.pdf");
    expect(svText.split("Namn på insats/insatser:")).toHaveLength(5);
    expect(svText.split("Förväntad effekt kopplat till problem")).toHaveLength(5);
    expect(pdfText("sv2.pdf").split("Beskriv när insatsen ska följas upp utifrån målen:")).toHaveLength(3);
    expect(pdfText("iko.pdf")).toContain("Kontaktuppgifter");
  }, 180000);
});
