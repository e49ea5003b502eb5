/**
 * Word's schema on everything Planstöd writes (issue 21, item 5). Word repairs or refuses a
 * document whose XML breaks the WordprocessingML schema (elements out of order in w:pPr, w:rPr,
 * w:sdtPr, w:tcPr …), which LibreOffice accepts silently. This test writes, into a temporary
 * folder, every kind of document the product writes — every `planstod new` plan, `add` and
 * `remove` of every block type on every fixture, `check --comments` on every fixture, and the
 * `add`s the fuzzer's mutated inputs get — and checks them all in one call of
 * ../shared/tools/ooxml_valid.py (ECMA-376 Transitional after markup-compatibility processing, plus
 * Word's order of w:rPr and w:trPr, plus MS-DOCX's unique w14:paraId): no invalid part, no warning.
 *
 * Documents whose source is itself not valid (LibreOffice writes w:sdtPr out of order) are checked
 * in the same call; the source's faults are the user's, so only their count is asserted.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { VARIANTS, fixturePath } from "../../scripts/fixtures/variants";
import { MUTATORS, Rng } from "../../scripts/fuzz/mutate";
import { GENERATED_TEMPLATES, templateById } from "../../src/core/templates";
import { cli } from "../support/cli";
import { ROOT } from "../support/paths";

const SHARED = path.resolve(ROOT, "../shared");
const TOOL = path.join(SHARED, "tools", "ooxml_valid.py");
const SCHEMAS = path.join(SHARED, "schemas", "ooxml-transitional");
/** The fixtures that are not valid themselves: LibreOffice's copies of Planstöd's own plans. */
const INVALID_SOURCES = ["dk-libreoffice", "sv-libreoffice", "trs-libreoffice", "utb-libreoffice"];
const FUZZ_SEED = 20261207;
const FUZZ_CASES = 16;

interface Written {
  file: string;
  /** The fixture it was made from (null: written from nothing). */
  source: string | null;
  what: string;
}

let dir = "";
const written: Written[] = [];
let lines: string[] = [];
let summary = "";

const checkable = VARIANTS.filter((v) => v.template !== null);

async function write(what: string, source: string | null, args: string[], out: string): Promise<boolean> {
  const result = await cli(...args, "-o", out);
  // `check --comments` exits 1 on an incomplete document, having written its review.
  if (result.code === 2 || !existsSync(out)) return false;
  written.push({ file: out, source, what });
  return true;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "planstod-schema-"));
  const at = (name: string) => path.join(dir, name);
  for (const generated of GENERATED_TEMPLATES) {
    const id = generated.template.id;
    await write(`new ${id}`, null, ["new", id], at(`new-${id}.docx`));
  }
  for (const v of checkable) {
    const file = fixturePath(v);
    const ext = path.extname(file);
    await write(
      `check --comments ${v.name}`,
      v.name,
      ["check", file, "--comments"],
      at(`comments-${v.name}${ext}`),
    );
    for (const block of templateById(v.template!)!.blocks) {
      const added = at(`add-${v.name}-${block.type}${ext}`);
      if (!(await write(`add ${v.name} ${block.type}`, v.name, ["add", file, block.type], added))) continue;
      // The instance just added is the last one: remove it again.
      const report = JSON.parse((await cli("check", "--json", added)).out) as {
        blocks: Record<string, number>;
      };
      const last = String(report.blocks[block.type]);
      await write(
        `remove ${v.name} ${block.type} ${last}`,
        v.name,
        ["remove", added, block.type, last],
        at(`remove-${v.name}-${block.type}${ext}`),
      );
    }
  }
  // The edits the fuzzer accepts: inputs it changes only in the user's text (which an edit must
  // keep; its other mutations make inputs Word would not open either), then `add`.
  const rng = new Rng(FUZZ_SEED);
  const preserving = MUTATORS.filter((m) => m.name === "user-characters" || m.name === "user-column");
  const sources = checkable.filter(
    (v) => !INVALID_SOURCES.includes(v.name) && templateById(v.template!)!.blocks.length > 0,
  );
  for (let i = 0; i < FUZZ_CASES; i++) {
    const v = rng.pick(sources);
    let m = await rng.pick(preserving).run(rng, readFileSync(fixturePath(v)));
    if (rng.chance(0.5)) m = await rng.pick(preserving).run(rng, m.bytes);
    const input = at(`fuzz-${i}-in${path.extname(fixturePath(v))}`);
    writeFileSync(input, m.bytes);
    const block = rng.pick(templateById(v.template!)!.blocks).type;
    await write(
      `fuzz ${i} (${v.name}: ${m.label}) add ${block}`,
      v.name,
      ["add", input, block],
      at(`fuzz-${i}-out${path.extname(input)}`),
    );
  }
  const sourceFiles = [...new Set(written.flatMap((w) => (w.source ? [w.source] : [])))].map((name) =>
    fixturePath(VARIANTS.find((v) => v.name === name)!),
  );
  const run = spawnSync("python3", [TOOL, SCHEMAS, ...sourceFiles, ...written.map((w) => w.file)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const all = `${run.stdout}${run.stderr}`.split("\n").filter((l) => l !== "");
  summary = all[all.length - 1] ?? "";
  lines = all.slice(0, -1);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The checker's lines about one file (invalid parts and warnings), Strict's "not checked" aside. */
const about = (file: string) =>
  lines.filter((l) => l.startsWith(`${file}!`) && !l.includes("Strict namespaces: not checked"));

test("the checker and the schemas are there (../shared beside the repository)", () => {
  expect(existsSync(TOOL)).toBe(true);
  expect(existsSync(SCHEMAS)).toBe(true);
  expect(summary).toMatch(/^\d+\/\d+ documents valid/);
});

test("every kind of document is written: new plans, add and remove of every block type, comments, fuzzed edits", () => {
  const kinds = (prefix: string) => written.filter((w) => w.what.startsWith(prefix)).length;
  expect(kinds("new ")).toBe(GENERATED_TEMPLATES.length);
  expect(kinds("check --comments")).toBe(checkable.length);
  // Every block type of every template is added and removed on some fixture.
  for (const t of [
    "skolverket-atgardsplan",
    "iko-handlingsplan",
    "dk-implementeringsplan",
    "trs-verksamhetsplan",
  ])
    for (const block of templateById(t)!.blocks) {
      expect([
        t,
        block.type,
        written.some((w) => w.what.startsWith("add ") && w.what.endsWith(` ${block.type}`)),
      ]).toEqual([t, block.type, true]);
      expect([
        t,
        block.type,
        written.some((w) => w.what.startsWith(`remove `) && w.what.includes(` ${block.type} `)),
      ]).toEqual([t, block.type, true]);
    }
  expect(kinds("fuzz ")).toBeGreaterThanOrEqual(FUZZ_CASES - 2);
});

test("the sources that are not valid themselves are LibreOffice's copies, and only they", () => {
  const sources = [...new Set(written.flatMap((w) => (w.source ? [w.source] : [])))];
  const invalid = sources.filter(
    (name) => about(fixturePath(VARIANTS.find((v) => v.name === name)!)).length > 0,
  );
  expect(invalid.sort()).toEqual(INVALID_SOURCES.filter((s) => sources.includes(s)).sort());
});

test("everything Planstöd writes from a valid document is valid, with no warning", () => {
  const faults = written
    .filter((w) => w.source === null || !INVALID_SOURCES.includes(w.source))
    .flatMap((w) => about(w.file).map((l) => `${w.what}: ${l.slice(w.file.length + 1)}`));
  expect(faults).toEqual([]);
});

test("from LibreOffice's copies, Planstöd adds no fault of another kind than the source's", () => {
  // The element paths differ (a block more or less); the kinds of error must be the source's.
  const kind = (l: string) =>
    l
      .replace(/^[^!]*!/, "")
      .replace(/\d+/g, "N")
      .replace(/\[orig line N\]/g, "");
  const faults: string[] = [];
  for (const w of written.filter((x) => x.source !== null && INVALID_SOURCES.includes(x.source))) {
    const source = fixturePath(VARIANTS.find((v) => v.name === w.source)!);
    const known = new Set(about(source).flatMap((l) => l.split(" | ").map(kind)));
    for (const l of about(w.file))
      for (const part of l.split(" | ").map(kind))
        if (!known.has(part) && !/schema error\(s\)/.test(part)) faults.push(`${w.what}: ${part}`);
  }
  expect(faults).toEqual([]);
});
