/**
 * `planstod check` on every generated fixture: the JSON report and the Swedish text are compared
 * with the golden files in test/golden/ (review a change, then regenerate them with
 * `UPDATE_GOLDEN=1 npx jest test/cli/check.test.ts`), and the JSON report is also checked against the
 * fixture author's independent summary in scripts/fixtures/variants.ts.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { run, type Io } from "../../src/cli/main";
import {
  VARIANTS,
  fixturePath,
  type FixtureVariant,
  type ReportExpectation,
} from "../../scripts/fixtures/variants";
import { ROOT, GOLDEN } from "../support/paths";

const EXPECTED = GOLDEN;
const UPDATE = process.env.UPDATE_GOLDEN === "1";

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function cli(...args: string[]): Promise<Captured> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await run(args, io);
  return { code, out, err };
}

const rel = (v: FixtureVariant) => path.relative(ROOT, fixturePath(v));

function golden(name: string, actual: string): void {
  const file = path.join(EXPECTED, name);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE)
      throw new Error(`golden file ${name} is missing; run UPDATE_GOLDEN=1 npx jest test/cli/check.test.ts`);
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}

interface JsonField {
  id: string;
  block: { type: string; index: number } | null;
  required: boolean;
  filled: boolean;
}
interface JsonReport {
  file: string;
  template: string;
  complete: boolean;
  blocks: Record<string, number>;
  fields: JsonField[];
  missing: { id: string; block: { type: string; index: number } | null; label: string }[];
  warnings: { code: string; block?: { type: string; index: number }; message: string }[];
}

/** The report in the notation of scripts/fixtures/variants.ts. */
function summarise(report: JsonReport): ReportExpectation {
  const rowTypes = new Set(["upprattad_av", "tidplan"]);
  const missing: string[] = [];
  const wholeRow = new Set<string>();
  for (const m of report.missing) {
    if (!m.block) missing.push(m.id);
    else if (rowTypes.has(m.block.type) && report.template === "iko-handlingsplan") {
      const rowFields = report.fields.filter(
        (f) => f.block?.type === m.block!.type && f.block.index === m.block!.index,
      );
      const nothingFilled = report.fields
        .filter((f) => f.block?.type === m.block!.type)
        .every((f) => !f.filled);
      if (nothingFilled && rowFields.every((f) => !f.filled)) wholeRow.add(`${m.block.type}[*]`);
      else missing.push(`${m.block.type}[${m.block.index}].${m.id}`);
    } else missing.push(`${m.block.type}[${m.block.index}].${m.id}`);
  }
  missing.push(...wholeRow);
  const warnings = report.warnings.map((w) => {
    if (w.code === "leftover-instruction") {
      const quoted = /”(.*)”/.exec(w.message)?.[1] ?? "";
      return `${w.code}: ${quoted}`;
    }
    return w.block ? `${w.code} ${w.block.type}[${w.block.index}]` : w.code;
  });
  return { complete: report.complete, blocks: report.blocks, missing, warnings };
}

const checkable = VARIANTS.filter((v) => v.template !== null);
const refused = VARIANTS.filter((v) => v.template === null);

describe("planstod check on the template fixtures", () => {
  test.each(checkable.map((v) => [v.name, v] as const))("%s: JSON report", async (name, v) => {
    const { code, out, err } = await cli("check", "--json", rel(v));
    expect(err).toBe("");
    const report = JSON.parse(out) as JsonReport;
    expect(report.file).toBe(rel(v));
    expect(report.template).toBe(v.template);
    expect(code).toBe(report.complete ? 0 : 1);
    golden(`${name}.json`, out);

    const want = v.expect as ReportExpectation;
    const got = summarise(report);
    expect(got.complete).toBe(want.complete);
    expect(got.blocks).toEqual(want.blocks);
    expect([...got.missing].sort()).toEqual([...want.missing].sort());
    expect([...got.warnings].sort()).toEqual([...want.warnings].sort());
  });

  test.each(checkable.map((v) => [v.name, v] as const))("%s: Swedish text report", async (name, v) => {
    const { out } = await cli("check", rel(v));
    golden(`${name}.txt`, out);
  });

  test("the JSON keys are the contract's", async () => {
    const { out } = await cli("check", "--json", "test/fixtures/generated/sv-partial.docx");
    const report = JSON.parse(out) as Record<string, unknown>;
    for (const k of ["file", "template", "complete", "blocks", "fields", "missing", "warnings"])
      expect(report).toHaveProperty(k);
    const fields = report.fields as Record<string, unknown>[];
    for (const f of fields)
      expect(Object.keys(f)).toEqual(expect.arrayContaining(["id", "block", "required", "filled"]));
    const missing = report.missing as Record<string, unknown>[];
    for (const m of missing) expect(Object.keys(m)).toEqual(expect.arrayContaining(["id", "block", "label"]));
    const warnings = report.warnings as Record<string, unknown>[];
    for (const w of warnings) expect(typeof w.message).toBe("string");
  });

  test("several files give an array, and the exit status is 1 when any is incomplete", async () => {
    const { code, out } = await cli(
      "check",
      "--json",
      "test/fixtures/generated/sv-complete.docx",
      "test/fixtures/generated/iko-partial.docx",
    );
    const reports = JSON.parse(out) as JsonReport[];
    expect(reports.map((r) => [r.template, r.complete])).toEqual([
      ["skolverket-atgardsplan", true],
      ["iko-handlingsplan", false],
    ]);
    expect(code).toBe(1);
  });

  test("--template checks against the named template and refuses an unknown id", async () => {
    const forced = await cli(
      "check",
      "--json",
      "--template",
      "iko-handlingsplan",
      "test/fixtures/generated/sv-blank.docx",
    );
    expect((JSON.parse(forced.out) as JsonReport).template).toBe("iko-handlingsplan");
    const bad = await cli("check", "--template", "okand-mall", "test/fixtures/generated/sv-blank.docx");
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      "planstod: okänd mall ”okand-mall”. Giltiga mallar: skolverket-atgardsplan, iko-handlingsplan, dk-implementeringsplan, trs-verksamhetsplan, utbildningsinsats.\n",
    );
  });
});

describe("planstod check refuses bad input clearly", () => {
  const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

  test.each(refused.map((v) => [v.name, v] as const))(
    "%s: exit 2, one Swedish line, nothing written",
    async (_name, v) => {
      const file = rel(v);
      const before = { hash: sha(file), mtime: statSync(file).mtimeMs };
      const { code, out, err } = await cli("check", file);
      expect(code).toBe(2);
      expect(out).toBe("");
      const lines = err.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^planstod: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: [a-zåäö]`),
      );
      expect(err).not.toMatch(/\n\s+at |Error:/);
      expect({ hash: sha(file), mtime: statSync(file).mtimeMs }).toEqual(before);
    },
  );

  test("each reason is specific", async () => {
    const reason = async (name: string) => (await cli("check", `test/fixtures/generated/bad/${name}`)).err;
    expect(await reason("empty.docx")).toContain("filen är tom");
    expect(await reason("not-a-zip.docx")).toContain("inte ett Word-dokument");
    expect(await reason("truncated.docx")).toContain("skadad eller ofullständig");
    expect(await reason("encrypted.docx")).toContain("lösenordsskyddad");
    expect(await reason("legacy.doc.docx")).toContain("äldre format (.doc)");
    expect(await reason("bomb.docx")).toContain("mer än 200 MB");
    expect(await reason("other.docx")).toContain("ingen av de mallar");
    expect(await reason("no-document.docx")).toContain("word/document.xml saknas");
    expect(await reason("finns-inte.docx")).toBe(
      "planstod: test/fixtures/generated/bad/finns-inte.docx: filen finns inte.\n",
    );
    // A folder is searched for documents (test/batch.test.ts); each refused file gets its line.
    expect((await reason("")).trimEnd().split("\n")).toHaveLength(refused.length);
  });

  test("the other files of the run are still checked, and --json reports the error in place", async () => {
    const { code, out, err } = await cli(
      "check",
      "--json",
      "test/fixtures/generated/bad/encrypted.docx",
      "test/fixtures/generated/sv-complete.docx",
    );
    expect(code).toBe(2);
    const reports = JSON.parse(out) as Record<string, unknown>[];
    expect(reports[0]).toEqual({
      file: "test/fixtures/generated/bad/encrypted.docx",
      error: "filen är lösenordsskyddad (krypterad). Ta bort lösenordet i Word och försök igen.",
    });
    expect(reports[1]).toMatchObject({ template: "skolverket-atgardsplan", complete: true });
    expect(err.trimEnd().split("\n")).toHaveLength(1);
  });

  test("usage errors are Swedish and exit 2", async () => {
    expect(await cli("check")).toMatchObject({
      code: 2,
      err: "planstod: argument saknas (sökväg). Se planstod --help.\n",
    });
    expect(await cli("check", "--bogus", "x.docx")).toMatchObject({
      code: 2,
      err: "planstod: okänt alternativ --bogus. Se planstod --help.\n",
    });
    expect(await cli("granska")).toMatchObject({ code: 2 });
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.err).toContain("Användning: planstod");
    expect(await cli("--help")).toMatchObject({ code: 0, err: "" });
  });
});
