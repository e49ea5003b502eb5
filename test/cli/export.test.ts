/**
 * `planstod export`: the CSV is parsed back with an independent RFC 4180 reader (test/support/csv.ts)
 * and every answer is compared with the text the fixture generator wrote into the document
 * (scripts/fixtures/*-variants.ts), so placeholders and pre-printed prompts must be gone and the
 * user's characters (dashes, quotes) kept.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { ParaSpec } from "../../scripts/fixtures/fill";
import type { AnswerFill, IkoFill } from "../../scripts/fixtures/iko";
import { ikoComplete, ikoTypedOver } from "../../scripts/fixtures/iko-variants";
import type { SkolverketFill } from "../../scripts/fixtures/skolverket";
import { svComplete, svPartial, svTracked } from "../../scripts/fixtures/skolverket-variants";
import { VARIANTS, fixturePath, variant } from "../../scripts/fixtures/variants";
import { cli } from "../support/cli";
import { csvObjects, parseCsv } from "../support/csv";

const fixture = (name: string) => fixturePath(variant(name));

/** The visible text of a paragraph spec: <w:t> runs (not <w:delText>), entities decoded. */
function plain(spec: ParaSpec): string {
  if (typeof spec === "string") return spec;
  const texts = [...spec.runs.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
  return texts
    .join("")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

type Key = string; // "id" or "type#index.id"
const keyOf = (r: Record<string, string>): Key =>
  r.block_type === "" ? r.field_id : `${r.block_type}#${r.block_index}.${r.field_id}`;

/** What the generator typed into a Skolverket document, by field key. */
function svTexts(fill: SkolverketFill): Map<Key, string> {
  const out = new Map<Key, string>();
  const put = (key: Key, f: { how: string; paras?: readonly ParaSpec[] } | undefined) => {
    if (f && f.how !== "removed" && f.paras) out.set(key, f.paras.map(plain).join("\n"));
  };
  for (const [id, f] of Object.entries(fill.fields)) put(id, f);
  fill.blocks.forEach((b, i) => {
    for (const [id, f] of Object.entries(b))
      if (id !== "idsFromBlock") put(`utvecklingsomrade#${i + 1}.${id}`, f);
  });
  fill.uppfoljning.forEach((b, i) => {
    for (const [id, f] of Object.entries(b)) put(`uppfoljning#${i + 1}.${id}`, f);
  });
  return out;
}

function ikoAnswer(a: AnswerFill): string {
  if (a.kind === "same-line") return a.text;
  if (a.kind === "after-lines") return a.lines.join("\n");
  return a.paras.map(plain).join("\n");
}

function ikoTexts(fill: IkoFill): Map<Key, string> {
  const out = new Map<Key, string>();
  for (const [id, a] of Object.entries(fill.answers))
    if (id !== "tidplanText" && a) out.set(id, ikoAnswer(a));
  const rows = (type: string, ids: string[], values: string[][]) =>
    values.forEach((row, i) => row.forEach((v, j) => v !== "" && out.set(`${type}#${i + 1}.${ids[j]}`, v)));
  rows("upprattad_av", ["befattning", "namn", "kontaktuppgifter"], fill.upprattadAv);
  rows("tidplan", ["aktivitet", "vem", "deadline"], fill.tidplan);
  return out;
}

const COLUMNS = [
  "file",
  "template",
  "block_type",
  "block_index",
  "field_id",
  "label",
  "filled",
  "text",
  "required",
];

async function exported(...files: string[]): Promise<Record<string, string>[]> {
  const { code, out, err } = await cli("export", ...files);
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(out.startsWith("\ufeff")).toBe(true);
  const body = out.slice(1);
  expect(body.endsWith("\r\n")).toBe(true);
  expect(parseCsv(body)[0]).toEqual(COLUMNS);
  return csvObjects(body);
}

/** Compares a file's rows with what the generator typed: every typed field, and nothing else. */
function expectTexts(
  rows: Record<string, string>[],
  file: string,
  texts: Map<Key, string>,
  skip: Key[] = [],
) {
  const mine = rows.filter((r) => r.file === file);
  expect(mine.length).toBeGreaterThan(0);
  for (const r of mine) {
    const key = keyOf(r);
    if (skip.includes(key)) continue;
    expect({ key, text: r.text, filled: r.filled }).toEqual({
      key,
      text: texts.get(key) ?? "",
      filled: String(texts.has(key)),
    });
  }
}

describe("planstod export", () => {
  test("every field of sv-complete and iko-complete, with the text as typed (CSV parsed back)", async () => {
    const sv = fixture("sv-complete");
    const iko = fixture("iko-complete");
    const rows = await exported(sv, iko);
    expectTexts(rows, sv, svTexts(svComplete()));
    expectTexts(rows, iko, ikoTexts(ikoComplete()));
    // One row per field of the report, single fields with empty block columns.
    const report = JSON.parse((await cli("check", "--json", sv)).out) as { fields: unknown[] };
    expect(rows.filter((r) => r.file === sv)).toHaveLength(report.fields.length);
    expect(rows.find((r) => r.file === sv && r.field_id === "bakgrund")).toMatchObject({
      template: "skolverket-atgardsplan",
      block_type: "",
      block_index: "",
      label: "Kort bakgrund och beskrivning av enhetens/huvudmannens organisation och förutsättningar",
    });
    // The user's own characters survive (en dashes are folded for comparison, never in the export).
    expect(rows.find((r) => r.file === sv && r.field_id === "huvudman")?.text).toBe(
      "Exempelkommun, Barn- och utbildningsnämnden – Solbackaskolan F–9",
    );
  });

  test("no placeholders and no pre-printed prompts: partial, typed-over and tracked documents", async () => {
    const partial = fixture("sv-partial");
    const typedOver = fixture("iko-typed-over");
    const tracked = fixture("sv-tracked");
    const rows = await exported(partial, typedOver, tracked);
    expectTexts(rows, partial, svTexts(svPartial()));
    // iko-typed-over: the prompt "Skriv här:" is gone from insatser (typed on the prompt's line).
    expectTexts(rows, typedOver, ikoTexts(ikoTypedOver()));
    // sv-tracked: deletions are absent, insertions present; plan and risker have tracked changes.
    expectTexts(rows, tracked, svTexts(svTracked()), ["plan", "risker"]);
    const byId = (id: string) =>
      rows.find((r) => r.file === tracked && r.field_id === id && r.block_type === "");
    expect(byId("risker")).toMatchObject({ filled: "false", text: "" });
    expect(byId("plan")?.text).toBe(
      "Ett lärosäte genomför på uppdrag av Skolverket en fortbildning i språk- och kunskapsutvecklande " +
        "undervisning under läsåret 2026/27. Parallellt leder förstelärarna arbetet med gemensamma rutiner för studiero.",
    );
    for (const r of rows) {
      expect(r.text).not.toMatch(/Klicka eller tryck här|Välj ett objekt|Skriv här|^Mål \d/);
    }
  });

  test("a folder of the fixtures: one sheet of every readable plan; refused files on stderr, exit 2", async () => {
    const generated = path.dirname(fixture("sv-complete"));
    const { code, out, err } = await cli("export", generated);
    expect(code).toBe(2);
    const bad = VARIANTS.filter((v) => v.template === null);
    expect(err.trimEnd().split("\n")).toHaveLength(bad.length); // the files in bad/
    const rows = csvObjects(out.slice(1));
    const files = [...new Set(rows.map((r) => r.file))];
    expect(files.sort()).toEqual(
      VARIANTS.filter((v) => v.template !== null)
        .map(fixturePath)
        .sort(),
    );
    const utv = rows.filter(
      (r) => r.block_type === "utvecklingsomrade" && r.field_id === "omrade" && r.filled === "true",
    );
    expect(utv.length).toBeGreaterThan(10);
  });

  test("the last column, required, is the report's: true/false per field, unused rows and optional fields false", async () => {
    for (const name of ["sv-partial", "iko-partial", "iko-complete", "trs-partial"]) {
      const file = fixture(name);
      const rows = await exported(file);
      const report = JSON.parse((await cli("check", "--json", file)).out) as {
        fields: { id: string; block: { type: string; index: number } | null; required: boolean }[];
      };
      expect(rows.map((r) => [r.field_id, r.block_type, r.block_index, r.required])).toEqual(
        report.fields.map((f) => [
          f.id,
          f.block?.type ?? "",
          String(f.block?.index ?? ""),
          String(f.required),
        ]),
      );
      expect(new Set(rows.map((r) => r.required))).toEqual(new Set(["true", "false"]));
    }
    // IKO: Övrigt is optional; of the rows of "Vem tog fram handlingsplanen?", row 1 is required, an empty row 2 is not.
    const iko = await exported(fixture("iko-partial"));
    expect(iko.find((r) => r.field_id === "ovrigt")?.required).toBe("false");
    expect(iko.find((r) => r.field_id === "organisation")?.required).toBe("true");
    const row = (i: string) => iko.find((r) => r.block_type === "upprattad_av" && r.block_index === i);
    expect([row("1")?.required, row("2")?.required]).toEqual(["true", "false"]);
  });

  test("--format json gives the same rows, typed", async () => {
    const sv = fixture("sv-partial");
    const json = JSON.parse((await cli("export", "--format", "json", sv)).out) as Record<string, unknown>[];
    const csv = await exported(sv);
    expect(json.map((r) => Object.keys(r))).toEqual(csv.map(() => COLUMNS));
    expect(
      json.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? "" : String(v)])),
      ),
    ).toEqual(csv);
    expect(json.find((r) => r.field_id === "mal" && r.block_type === "utvecklingsomrade")).toMatchObject({
      block_index: 1,
      filled: false,
      text: "",
      required: true,
    });
    expect(json.find((r) => r.field_id === "plan")).toMatchObject({
      block_type: null,
      block_index: null,
      filled: true,
    });
  });

  test("-o FILE: written atomically, an existing file only with --force, never an input", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planstod-export-"));
    try {
      const out = path.join(dir, "svar.csv");
      const sv = fixture("sv-complete");
      const first = await cli("export", sv, "-o", out);
      expect(first.code).toBe(0);
      expect(first.out).toBe("");
      expect(first.err).toMatch(/^Skrev \d+ svar från 1 fil till /);
      expect(readFileSync(out, "utf8")).toBe((await cli("export", sv)).out);
      writeFileSync(out, "old");
      const refused = await cli("export", sv, "-o", out);
      expect(refused).toMatchObject({
        code: 2,
        err: `planstod: ${out} finns redan. Använd --force för att skriva över den.\n`,
      });
      expect(readFileSync(out, "utf8")).toBe("old");
      expect((await cli("export", sv, "-o", out, "--force")).code).toBe(0);
      expect(readFileSync(out, "utf8").startsWith("\ufefffile;")).toBe(true);
      const before = statSync(sv).mtimeMs;
      const over = await cli("export", sv, "-o", sv, "--force");
      expect(over.code).toBe(2);
      expect(over.err).toContain("-o pekar på indatafilen");
      expect(statSync(sv).mtimeMs).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
