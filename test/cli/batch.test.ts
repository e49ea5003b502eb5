/**
 * `planstod check` on folders: which files are found (the folder rules), the summary (incomplete
 * plans first, with what each is missing), --format json and csv, exit statuses, and the worker
 * threads of the built CLI giving the same results as one thread.
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
let mixed: string;

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
  mkdirSync(path.join(dir, "empty"));
  // A mixed folder: a plan, plans in other word processors' formats, and other files.
  mixed = path.join(dir, "mixed");
  mkdirSync(path.join(mixed, "bilagor"), { recursive: true });
  copyFileSync(fixture("sv-complete"), path.join(mixed, "Åtgärdsplan Ankeby.docx"));
  copyFileSync(fixture("legacy.doc"), path.join(mixed, "Åtgärdsplan Vimmerby kommun.doc"));
  for (const name of ["gammal mall.dot", "plan.rtf", "plan.odt", "plan.pages"])
    writeFileSync(path.join(mixed, name), "another word processor");
  for (const name of ["protokoll.pdf", "bilagor/foto.png", "bilagor/budget.xlsx"])
    writeFileSync(path.join(mixed, name), "not a plan");
  writeFileSync(path.join(mixed, "~$trs.docx"), "owner file");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inPlans = (f: string) => path.join(plans, f);

/** The rows of the summary table (after its title and header, up to the blank line): cells are separated by two or more spaces. */
function tableRows(out: string): string[][] {
  const lines = out.split("\n");
  const start = lines.indexOf("Sammanställning");
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (line === "") break;
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

  test("the text output is the summary: a table with incomplete plans first, what each is missing, a count line", async () => {
    const { code, out, err } = await cli("check", plans);
    expect(code).toBe(1);
    expect(err).toBe("");
    expect(out.startsWith("Sammanställning\n")).toBe(true);
    const header = out.split("\n")[1].split(/ {2,}/);
    expect(header).toEqual(["Fil", "Mall", "Obligatoriska ifyllda", "Saknas", "Varningar", "Status"]);
    expect(tableRows(out)).toEqual([
      [inPlans("mall.dotx"), "Skolverkets åtgärdsplan", "0/22", "22", "4", "inte komplett"],
      [inPlans("sub/iko-partial.docx"), "IKO:s handlingsplan", "4/14", "10", "0", "inte komplett"],
      [inPlans("sv-partial.docx"), "Skolverkets åtgärdsplan", "8/22", "14", "4", "inte komplett"],
      [inPlans("sub/deep/iko-complete.docm"), "IKO:s handlingsplan", "23/23", "0", "0", "komplett"],
      [inPlans("sv-complete.docx"), "Skolverkets åtgärdsplan", "42/42", "0", "0", "komplett"],
    ]);
    // Then each incomplete plan with its missing fields, labels with block or row numbers.
    const lists = out.split("\n\n")[1].split("\n");
    expect(lists[0]).toBe("Det här saknas i planerna som inte är kompletta");
    const at = (file: string) => lists.indexOf(file);
    expect(at(`${inPlans("mall.dotx")} (Skolverkets åtgärdsplan, 0/22 ifyllda)`)).toBe(1);
    const iko = at(`${inPlans("sub/iko-partial.docx")} (IKO:s handlingsplan, 4/14 ifyllda)`);
    const sv = at(`${inPlans("sv-partial.docx")} (Skolverkets åtgärdsplan, 8/22 ifyllda)`);
    expect(iko).toBe(1 + 22 + 1);
    expect(sv).toBe(iko + 10 + 1);
    expect(lists.slice(iko + 1, sv)).toEqual([
      "  – Kontaktuppgifter (Vem tog fram handlingsplanen?, rad 1)",
      "  – Målgrupp",
      "  – Konkreta mål – vilka förändringar vill ni uppnå?",
      "  – Insatser och aktiviteter: Vad vill ni konkret göra för att nå målen?",
      "  – Sammanhang: På vilket sätt ska de valda aktiviteterna (t.ex. utbildningar och andra insatser) föra er fram mot målen?",
      "  – Uppföljning: Hur vill ni följa upp/utvärdera insatserna? När?",
      "  – Kommunikation och spridning av information? Vilka ska involveras och informeras och varför?",
      "  – Vilken aktivitet ska göras? (Tidplan, rad 1)",
      "  – Vem gör? (Tidplan, rad 1)",
      "  – När är det klart? (Deadline) (Tidplan, rad 1)",
    ]);
    expect(lists.slice(sv + 1)).toContain("  – Mål med insatsen (Utvecklingsområde 1)");
    expect(lists.slice(sv + 1)).toHaveLength(14);
    // The whole reports only with --details, after the summary.
    expect(out).not.toContain("obligatoriska fält ifyllda. Dokumentet");
    expect(out.trimEnd().split("\n").slice(-3)).toEqual([
      "5 filer: 2 kompletta, 3 inte kompletta.",
      "",
      "Hela rapporten för varje fil: lägg till --details.",
    ]);
    const details = await cli("check", "--details", plans);
    expect(details.out.startsWith(out.split("\n\nHela rapporten")[0])).toBe(true);
    expect(details.out.indexOf(`${inPlans("sv-partial.docx")}: Skolverkets åtgärdsplan`)).toBeGreaterThan(
      details.out.indexOf("5 filer: 2 kompletta"),
    );
    // --summary gives the summary for one file too.
    const one = await cli("check", "--summary", inPlans("sv-partial.docx"));
    expect(one.out.startsWith("Sammanställning\n")).toBe(true);
    expect(one.out).toContain("  – Mål med insatsen (Utvecklingsområde 1)");
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
    const byFile = new Map(rows.map((r) => [r[0], r.slice(2, 5)]));
    expect(reports.map((r) => byFile.get(r.file))).toEqual(
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
        "\ufefffile;template;required_filled;required_total;missing;warnings;complete;error;missing_fields\r\n",
      ),
    ).toBe(true);
    const rows = csvObjects(out.slice(1));
    const json = JSON.parse((await cli("check", "--json", plans)).out) as {
      file: string;
      template: string;
      complete: boolean;
      requiredFilled: number;
      requiredTotal: number;
      missing: { label: string; block: { type: string; index: number } | null }[];
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
        missing_fields: expect.any(String),
      })),
    );
    // missing_fields: the labels of the missing fields, with block or row numbers, in one cell.
    rows.forEach((r, i) => {
      const labels = r.missing_fields === "" ? [] : r.missing_fields.split("; ");
      expect(labels).toHaveLength(json[i].missing.length);
      json[i].missing.forEach((m, j) => expect(labels[j].startsWith(m.label)).toBe(true));
    });
    expect(rows.find((r) => r.file.endsWith("iko-partial.docx"))?.missing_fields).toBe(
      "Kontaktuppgifter (Vem tog fram handlingsplanen?, rad 1); Målgrupp; Konkreta mål – vilka förändringar vill ni uppnå?; " +
        "Insatser och aktiviteter: Vad vill ni konkret göra för att nå målen?; " +
        "Sammanhang: På vilket sätt ska de valda aktiviteterna (t.ex. utbildningar och andra insatser) föra er fram mot målen?; " +
        "Uppföljning: Hur vill ni följa upp/utvärdera insatserna? När?; " +
        "Kommunikation och spridning av information? Vilka ska involveras och informeras och varför?; " +
        "Vilken aktivitet ska göras? (Tidplan, rad 1); Vem gör? (Tidplan, rad 1); När är det klart? (Deadline) (Tidplan, rad 1)",
    );
    expect(rows.find((r) => r.file.endsWith("sv-complete.docx"))?.missing_fields).toBe("");
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
      missing_fields: "",
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
    expect(help.out).toContain(
      "--format <format>     hur resultatet skrivs (text, json, csv; standard: text)",
    );
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

describe("the folder rules: other word processors' plans could not be checked, other files are skipped", () => {
  const inMixed = (f: string) => path.join(mixed, f);

  test("check: a reason per other format (exit 2), one line for the skipped files, the plan still checked", async () => {
    const { code, out, err } = await cli("check", "--json", mixed);
    expect(code).toBe(2);
    const reports = JSON.parse(out) as { file: string; error?: string; complete?: boolean }[];
    // In listing order; the owner file ~$… is not looked at, nor are the skipped files.
    expect(reports.map((r) => [path.relative(mixed, r.file), r.error === undefined])).toEqual([
      ["gammal mall.dot", false],
      ["plan.odt", false],
      ["plan.pages", false],
      ["plan.rtf", false],
      ["Åtgärdsplan Ankeby.docx", true],
      ["Åtgärdsplan Vimmerby kommun.doc", false],
    ]);
    const reason = (f: string) => reports.find((r) => r.file === inMixed(f))?.error;
    expect(reason("plan.odt")).toContain("OpenDocument");
    expect(reason("plan.rtf")).toContain("RTF");
    expect(reason("plan.pages")).toContain("Pages");
    expect(reason("gammal mall.dot")).toContain("(.dot)");
    // The old .doc gets the same reason in a folder as checked alone.
    const alone = await cli("check", fixture("legacy.doc"));
    expect(alone.err).toBe(
      `planstod: ${fixture("legacy.doc")}: ${reason("Åtgärdsplan Vimmerby kommun.doc")}\n`,
    );
    const lines = err.trimEnd().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines.slice(0, 5)).toEqual(
      reports.filter((r) => r.error).map((r) => `planstod: ${r.file}: ${r.error}`),
    );
    expect(lines[5]).toBe(
      `planstod: hoppade över 3 filer som inte är Word-dokument: ${inMixed("bilagor/budget.xlsx")}, ${inMixed("bilagor/foto.png")}, ${inMixed("protokoll.pdf")}.`,
    );
    // CSV: the same rows, the reasons in `error`.
    const csv = csvObjects((await cli("check", "--format", "csv", mixed)).out.slice(1));
    expect(csv.map((r) => [r.file, r.error])).toEqual(reports.map((r) => [r.file, r.error ?? ""]));
  });

  test("skipped files alone do not change the exit status; export follows the same rules", async () => {
    const only = path.join(dir, "only-skipped");
    mkdirSync(only);
    copyFileSync(fixture("sv-complete"), path.join(only, "plan.docx"));
    writeFileSync(path.join(only, "a.pdf"), "pdf");
    writeFileSync(path.join(only, "b.jpg"), "jpg");
    const checked = await cli("check", only);
    expect(checked.code).toBe(0);
    expect(checked.err).toBe(
      `planstod: hoppade över 2 filer som inte är Word-dokument: ${path.join(only, "a.pdf")}, ${path.join(only, "b.jpg")}.\n`,
    );
    const exported = await cli("export", only);
    expect(exported.code).toBe(0);
    expect(exported.err).toBe(checked.err);
    const mixedExport = await cli("export", mixed);
    expect(mixedExport.code).toBe(2);
    expect(mixedExport.err.trimEnd().split("\n")).toHaveLength(6);
    expect(new Set(csvObjects(mixedExport.out.slice(1)).map((r) => r.file))).toEqual(
      new Set([inMixed("Åtgärdsplan Ankeby.docx")]),
    );
  });

  test("the summary names files that could not be checked after the incomplete plans, before the complete ones", async () => {
    const { out } = await cli("check", mixed, fixture("sv-partial"));
    const files = tableRows(out).map((r) => r[0]);
    expect(files[0]).toBe(fixture("sv-partial"));
    expect(files.slice(1, 6).every((f) => !f.endsWith("Ankeby.docx"))).toBe(true);
    expect(files[6]).toBe(inMixed("Åtgärdsplan Ankeby.docx"));
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
    // The table puts incomplete plans first; here in the files' order, to compare with the fixtures.
    const table = tableRows(text.out).sort(
      (a, b) => rows.findIndex((r) => r.file === a[0]) - rows.findIndex((r) => r.file === b[0]),
    );
    const ranks = tableRows(text.out).map((r) =>
      r[5] === "inte komplett" ? 0 : r[5] === "komplett" ? 2 : 1,
    );
    expect(ranks).toEqual([...ranks].sort());
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
