/**
 * `planstod check` on folders: which files are found, the summary table, --format json and csv,
 * exit statuses, and the worker threads of the built CLI giving the same results as one thread.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { VARIANTS, fixturePath, variant } from "../../scripts/fixtures/variants";

const BAD = VARIANTS.filter((v) => v.source === "bad").length;
import { check } from "../../src/cli/commands/check";
import { cli } from "../support/cli";
import { csvObjects } from "../support/csv";
import { CLI_BIN, ROOT } from "../support/paths";

const run = promisify(execFile);
const fixture = (name: string) => fixturePath(variant(name));

let dir: string;
let plans: string;

/** The documents a folder review must find in `plans`, in the order it reports them. */
const FOUND = [
  "mall.dotx",
  "sub/deep/iko-complete.docm",
  "sub/iko-partial.docx",
  "sv-complete.docx",
  "sv-partial.docx",
];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "planstod-batch-"));
  plans = path.join(dir, "plans");
  mkdirSync(path.join(plans, "sub/deep"), { recursive: true });
  mkdirSync(path.join(plans, ".git"), { recursive: true });
  copyFileSync(fixture("sv-blank"), path.join(plans, "mall.dotx"));
  copyFileSync(fixture("iko-complete"), path.join(plans, "sub/deep/iko-complete.docm"));
  copyFileSync(fixture("iko-partial"), path.join(plans, "sub/iko-partial.docx"));
  copyFileSync(fixture("sv-complete"), path.join(plans, "sv-complete.docx"));
  copyFileSync(fixture("sv-partial"), path.join(plans, "sv-partial.docx"));
  // Skipped: Word's owner file, hidden files and folders, other extensions.
  writeFileSync(path.join(plans, "~$sv-partial.docx"), "owner file");
  writeFileSync(path.join(plans, ".hidden.docx"), "hidden");
  writeFileSync(path.join(plans, ".git/plan.docx"), "hidden folder");
  writeFileSync(path.join(plans, "notes.txt"), "not a document");
  copyFileSync(fixture("sv-complete"), path.join(plans, "old.doc"));
  mkdirSync(path.join(dir, "empty"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inPlans = (f: string) => path.join(plans, f);

/** The rows of the summary table: cells are separated by two or more spaces. */
function tableRows(out: string): string[][] {
  const lines = out.split("\n");
  const start = lines.indexOf("Sammanställning");
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith(plans) && !line.startsWith(dir)) break;
    rows.push(line.split(/ {2,}/));
  }
  return rows;
}

describe("check PATH... with folders", () => {
  test("finds .docx, .docm and .dotx recursively, skipping owner files, hidden files and other extensions", async () => {
    const { code, out, err } = await cli("check", "--format", "json", plans);
    expect(err).toBe("");
    expect(code).toBe(1);
    const reports = JSON.parse(out) as { file: string }[];
    expect(reports.map((r) => r.file)).toEqual(FOUND.map(inPlans));
  });

  test("the text output ends with a summary table: file, template, required filled/total, missing, warnings, status", async () => {
    const { code, out } = await cli("check", plans);
    expect(code).toBe(1);
    // Each file's report comes first, then the table.
    expect(out.indexOf(`${inPlans("sv-partial.docx")}: Skolverkets åtgärdsplan`)).toBeLessThan(
      out.indexOf("Sammanställning"),
    );
    const header = out.split("\n")[out.split("\n").indexOf("Sammanställning") + 1].split(/ {2,}/);
    expect(header).toEqual(["Fil", "Mall", "Obligatoriska ifyllda", "Saknas", "Varningar", "Status"]);
    expect(tableRows(out)).toEqual([
      [inPlans("mall.dotx"), "Skolverkets åtgärdsplan", "0/22", "22", "4", "inte komplett"],
      [inPlans("sub/deep/iko-complete.docm"), "IKO:s handlingsplan", "23/23", "0", "0", "komplett"],
      [inPlans("sub/iko-partial.docx"), "IKO:s handlingsplan", "4/14", "10", "0", "inte komplett"],
      [inPlans("sv-complete.docx"), "Skolverkets åtgärdsplan", "42/42", "0", "0", "komplett"],
      [inPlans("sv-partial.docx"), "Skolverkets åtgärdsplan", "8/22", "14", "4", "inte komplett"],
    ]);
    expect(out.trimEnd().split("\n").pop()).toBe("5 filer: 2 kompletta, 3 inte kompletta.");
    // --summary prints the table only.
    const summary = await cli("check", "--summary", plans);
    expect(summary.out.startsWith("Sammanställning\n")).toBe(true);
    expect(tableRows(summary.out)).toEqual(tableRows(out));
  });

  test("the table's figures are the JSON reports' figures", async () => {
    const reports = JSON.parse((await cli("check", "--json", plans)).out) as {
      file: string;
      requiredFilled: number;
      requiredTotal: number;
      missing: unknown[];
      warnings: unknown[];
    }[];
    const rows = tableRows((await cli("check", plans)).out);
    expect(rows.map((r) => r.slice(2, 5))).toEqual(
      reports.map((r) => [
        `${r.requiredFilled}/${r.requiredTotal}`,
        String(r.missing.length),
        String(r.warnings.length),
      ]),
    );
  });

  test("--format csv: BOM, the contract's columns, ; and CRLF, one row per file", async () => {
    const { code, out } = await cli("check", "--format", "csv", plans);
    expect(code).toBe(1);
    expect(
      out.startsWith(
        "\ufefffile;template;required_filled;required_total;missing;warnings;complete;error\r\n",
      ),
    ).toBe(true);
    const rows = csvObjects(out.slice(1));
    const json = JSON.parse((await cli("check", "--json", plans)).out) as {
      file: string;
      template: string;
      complete: boolean;
      requiredFilled: number;
      requiredTotal: number;
      missing: unknown[];
      warnings: unknown[];
    }[];
    expect(rows).toEqual(
      json.map((r) => ({
        file: r.file,
        template: r.template,
        required_filled: String(r.requiredFilled),
        required_total: String(r.requiredTotal),
        missing: String(r.missing.length),
        warnings: String(r.warnings.length),
        complete: String(r.complete),
        error: "",
      })),
    );
    // The fixture author's summary (scripts/fixtures/variants.ts) for the two Åtgärdsplan copies.
    const partial = variant("sv-partial").expect as { missing: string[]; warnings: string[] };
    expect(rows.find((r) => r.file.endsWith("sv-partial.docx"))).toMatchObject({
      template: "skolverket-atgardsplan",
      missing: String(partial.missing.length),
      warnings: String(partial.warnings.length),
      complete: "false",
    });
    expect(rows.find((r) => r.file.endsWith("sv-complete.docx"))).toMatchObject({
      missing: "0",
      complete: "true",
    });
  });

  test("files that cannot be checked: CSV gives the reason in `error`, complete empty; exit 2", async () => {
    const bad = path.dirname(fixture("empty"));
    const { code, out, err } = await cli("check", "--format", "csv", bad, fixture("sv-complete"));
    expect(code).toBe(2);
    const rows = csvObjects(out.slice(1));
    expect(rows).toHaveLength(BAD + 1);
    const empty = rows.find((r) => r.file === fixture("empty"));
    expect(empty).toEqual({
      file: fixture("empty"),
      template: "",
      required_filled: "",
      required_total: "",
      missing: "",
      warnings: "",
      complete: "",
      error: "filen är tom.",
    });
    expect(rows[BAD]).toMatchObject({ complete: "true", error: "" });
    // One Swedish line per refused file on stderr.
    expect(err.trimEnd().split("\n")).toHaveLength(BAD);
    expect(err).toContain(`planstod: ${fixture("empty")}: filen är tom.`);
  });

  test("a folder without documents is a problem (exit 2); one complete folder exits 0", async () => {
    const empty = await cli("check", path.join(dir, "empty"));
    expect(empty.code).toBe(2);
    expect(empty.err).toBe(
      `planstod: ${path.join(dir, "empty")}: mappen innehåller inga Word-dokument (.docx, .docm, .dotx).\n`,
    );
    const complete = await cli("check", "--json", path.join(plans, "sub/deep"));
    expect(complete.code).toBe(0);
    // A folder always gives a list, even of one report.
    expect(JSON.parse(complete.out)).toHaveLength(1);
    // One file named as a file gives one object, as before.
    expect(JSON.parse((await cli("check", "--json", inPlans("sv-complete.docx"))).out)).toMatchObject({
      complete: true,
    });
  });

  test("help is Swedish, with the choices and default of --format", async () => {
    const help = await cli("check", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("--format <format>     utdataformat (text, json, csv; standard: text)");
    expect(help.out).not.toMatch(/choices|default|\[options\]/);
    expect((await cli("--help")).out).toContain("export <sökväg...>");
  });

  test("usage: an unknown --format, and -o without --comments, are refused in Swedish", async () => {
    expect(await cli("check", "--format", "xml", plans)).toMatchObject({
      code: 2,
      err: "planstod: ogiltigt värde ”xml” för --format. Välj ett av: text, json, csv.\n",
    });
    expect(await cli("check", "-o", path.join(dir, "x.docx"), plans)).toMatchObject({ code: 2 });
  });
});

describe("the fixtures' folder (test/fixtures/generated)", () => {
  const generated = path.dirname(fixture("sv-complete"));
  const sorted = [...VARIANTS].sort((a, b) => (fixturePath(a) < fixturePath(b) ? -1 : 1));

  test("summary table, CSV and JSON: one entry per fixture, as the fixtures' author expects", async () => {
    const text = await cli("check", "--summary", generated);
    const csv = await cli("check", "--format", "csv", generated);
    const json = await cli("check", "--format", "json", generated);
    for (const r of [text, csv, json]) expect(r.code).toBe(2); // bad/ holds files that cannot be checked
    const rows = csvObjects(csv.out.slice(1));
    const reports = JSON.parse(json.out) as { file: string; complete?: boolean; error?: string }[];
    const table = text.out
      .split("\n")
      .filter((l) => l.startsWith(generated))
      .map((l) => l.split(/ {2,}/));
    expect(rows.map((r) => r.file)).toEqual(sorted.map(fixturePath));
    expect(reports.map((r) => r.file)).toEqual(sorted.map(fixturePath));
    expect(table.map((r) => r[0])).toEqual(sorted.map(fixturePath));
    sorted.forEach((v, i) => {
      const expected = v.expect;
      if ("error" in expected) {
        expect({ name: v.name, complete: rows[i].complete, hasError: rows[i].error !== "" }).toEqual({
          name: v.name,
          complete: "",
          hasError: true,
        });
        expect(reports[i].error).toBe(rows[i].error);
        expect(table[i][5]).toBe(`kunde inte kontrolleras: ${rows[i].error}`);
      } else {
        const status = expected.complete ? "komplett" : "inte komplett";
        expect({
          name: v.name,
          complete: rows[i].complete,
          template: rows[i].template,
          status: table[i][5],
        }).toEqual({
          name: v.name,
          complete: String(expected.complete),
          template: v.template,
          status,
        });
        expect({ name: v.name, warnings: rows[i].warnings }).toEqual({
          name: v.name,
          warnings: String(expected.warnings.length),
        });
        expect(reports[i].complete).toBe(expected.complete);
      }
    });
  });
});

test("progress goes to io.progress (a terminal's stderr) as files are done, then is cleared", async () => {
  const progress: string[] = [];
  const out: string[] = [];
  const code = await check(
    [plans],
    { summary: true },
    {
      out: (t) => out.push(t),
      err: () => {},
      progress: (t) => progress.push(t),
    },
  );
  expect(code).toBe(1);
  expect(progress).toEqual([
    "Kontrollerar 1 av 5 …",
    "Kontrollerar 2 av 5 …",
    "Kontrollerar 3 av 5 …",
    "Kontrollerar 4 av 5 …",
    "Kontrollerar 5 av 5 …",
    "",
  ]);
  // Without a terminal (no io.progress) nothing is shown: the other tests' stderr is empty.
});

describe("the built CLI on a large folder", () => {
  test("worker threads give exactly the single-thread results, in the same order", async () => {
    const big = path.join(dir, "big");
    mkdirSync(big);
    const names = ["sv-partial", "sv-complete", "iko-partial", "iko-blank", "sv-pasted-table", "empty"];
    for (let i = 0; i < 18; i++) {
      const name = names[i % names.length];
      copyFileSync(fixture(name), path.join(big, `${String(i).padStart(2, "0")}-${name}.docx`));
    }
    const bin = CLI_BIN;
    // The worker threads run the bundled worker (npm run build:cli), beside the bundled CLI.
    expect(existsSync(path.join(ROOT, "dist/node/worker.js"))).toBe(true);
    const go = async (workers: string) => {
      try {
        await run("node", [bin, "check", "--format", "json", big], {
          env: { ...process.env, PLANSTOD_WORKERS: workers },
        });
        throw new Error("expected exit 2 (an empty file is in the folder)");
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        expect(e.code).toBe(2);
        return { out: e.stdout, err: e.stderr };
      }
    };
    const one = await go("0");
    const two = await go("2");
    expect(JSON.parse(two.out)).toHaveLength(18);
    expect(two.out).toBe(one.out);
    expect(two.err).toBe(one.err);
  }, 120000);
});
