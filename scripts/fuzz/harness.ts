/**
 * The promises the fuzzer checks on one input, by running `planstod check` and `planstod add`
 * in this process: an exit code of 0, 1 or 2; on 2 exactly one Swedish line naming the file,
 * never a stack trace or an "unexpected error"; an `add` that succeeds writes a document that
 * is checked again with exactly one block more and every character of the user's text (read
 * here by a regular expression of its own, independent of the engine) unchanged, and every
 * other part unchanged.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { run, type Io } from "../../src/cli/main";
import { templateById } from "../../src/core/templates";

export interface Captured {
  code: number;
  out: string;
  err: string;
  ms: number;
  /** Peak resident memory of the child process in KiB (child runs only). */
  peakKb?: number;
  /**
   * CPU time used (ms): what the command costs on an idle machine, whatever the load while the
   * fuzzer runs (the 10 s bound is on this; `ms` is wall-clock time).
   */
  cpuMs: number;
}

const ROOT = path.resolve(__dirname, "../..");

/** Runs the built command (`npm run build:cli`) in a child process, measuring its peak memory. */
export function cliChild(args: string[]): Promise<Captured> {
  const peakFile = path.join(tmpdir(), `planstod-peak-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        "-r",
        path.join(__dirname, "peak.cjs"),
        process.env.PLANSTOD_FUZZ_BIN ?? path.join(ROOT, "bin/planstod.js"),
        ...args,
      ],
      { env: { ...process.env, PLANSTOD_PEAK_FILE: peakFile }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        const ms = performance.now() - started;
        let peakKb: number | undefined;
        let cpuMs = ms;
        try {
          const [rss, cpu] = readFileSync(peakFile, "utf8").split(" ").map(Number);
          peakKb = rss;
          cpuMs = cpu;
          rmSync(peakFile, { force: true });
        } catch {
          peakKb = undefined;
        }
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({
          code,
          out: stdout,
          err: error && code === -1 ? `${stderr}THREW: ${error.message}` : stderr,
          ms,
          cpuMs,
          peakKb,
        });
      },
    );
  });
}

export async function inProcess(args: string[]): Promise<Captured> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const started = performance.now();
  const cpu = process.cpuUsage();
  let code: number;
  try {
    code = await run(args, io);
  } catch (error) {
    err += `THREW: ${error instanceof Error ? error.stack : String(error)}\n`;
    code = -1;
  }
  const used = process.cpuUsage(cpu);
  return { code, out, err, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const BLOCK_FOR: Record<string, string> = {
  "skolverket-atgardsplan": "utvecklingsomrade",
  "iko-handlingsplan": "tidplan",
};

/** The block type `add` is tried with: the template's first one elsewhere; null when it has none. */
function blockFor(template: string | undefined): string | null {
  if (template === undefined) return null;
  return BLOCK_FOR[template] ?? templateById(template)?.blocks[0]?.type ?? null;
}

/** The problems with one answer on stderr (empty when it keeps the promises). */
function lineProblems(what: string, file: string, c: Captured): string[] {
  const problems: string[] = [];
  if (![0, 1, 2].includes(c.code)) problems.push(`${what}: exit ${c.code}`);
  const lines = c.err.split("\n").filter((l) => l !== "");
  if (c.code === 2) {
    if (lines.length !== 1) problems.push(`${what}: ${lines.length} lines on stderr`);
    if (lines[0] && !lines[0].startsWith(`planstod: ${file}: `))
      problems.push(`${what}: line does not name the file: ${lines[0].slice(0, 200)}`);
  } else if (lines.length > 0) problems.push(`${what}: stderr on exit ${c.code}`);
  if (/oväntat fel|THREW|\n\s+at |Error:|RangeError|TypeError/.test(c.err))
    problems.push(`${what}: defect: ${c.err.slice(0, 300)}`);
  return problems;
}

function decodePart(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data.subarray(2));
  const head = data.subarray(0, 200).toString("latin1");
  const enc = /encoding=["']([^"']+)["']/.exec(head)?.[1]?.toLowerCase();
  if (enc === "iso-8859-1") return data.toString("latin1");
  if (enc === "windows-1252") return new TextDecoder("windows-1252").decode(data);
  return data.toString("utf8");
}

const REFS: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The texts of the w:t elements of an XML text, decoded: the oracle's own reading. */
export function runTexts(xml: string): string[] {
  const out: string[] = [];
  const re =
    /<(?:[A-Za-z_][\w.-]*:)?t(?:\s(?:"[^"]*"|'[^']*'|[^'">/])*)?(?:\/>|>([^<]*)<\/(?:[A-Za-z_][\w.-]*:)?t>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    // An empty text element may be written either way: <w:t></w:t> or <w:t/>.
    out.push(
      (m[1] ?? "")
        .replace(/\r\n?/g, "\n")
        .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, r: string) =>
          r[0] === "#"
            ? String.fromCodePoint(
                r[1] === "x" || r[1] === "X" ? parseInt(r.slice(2), 16) : Number(r.slice(1)),
              )
            : (REFS[r] ?? all),
        ),
    );
  }
  return out;
}

/** Whether `small` is a subsequence of `big`. */
function subsequence(small: readonly string[], big: readonly string[]): boolean {
  let j = 0;
  for (const s of small) {
    while (j < big.length && big[j] !== s) j++;
    if (j === big.length) return false;
    j++;
  }
  return true;
}

/** Every entry's content; an entry that cannot be inflated reads as "unreadable". */
async function parts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    try {
      out.set(f.name, await f.async("nodebuffer"));
    } catch {
      out.set(f.name, Buffer.from("unreadable"));
    }
  }
  return out;
}

export interface CaseOutcome {
  problems: string[];
  /** What `check` wrote on stderr (its one line when it refused the file). */
  checkErr: string;
  peakKb: number;
  checkCode: number;
  addCode: number;
  checkMs: number;
  addMs: number;
  checkCpuMs: number;
  addCpuMs: number;
}

const MAX_MS = 10_000;
const MAX_KB = 1024 * 1024;

/**
 * Runs check and add on `bytes` and returns what broke a promise. `timed` adds the 10 s
 * bound (the long run; jest runs never assert times). `preserving`: the input must be checked
 * and `add` must succeed. `refused`: the main part is not well-formed XML, and `check` must
 * refuse the file as damaged.
 */
export async function runCase(
  bytes: Buffer,
  options: { preserving?: boolean; refused?: boolean; timed?: boolean; dir?: string; child?: boolean } = {},
): Promise<CaseOutcome> {
  const cli = options.child ? cliChild : inProcess;
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), "planstod-fuzz-"));
  const file = path.join(dir, "in.docx");
  const outFile = path.join(dir, "out.docx");
  rmSync(outFile, { force: true });
  writeFileSync(file, bytes);
  const problems: string[] = [];
  try {
    const check = await cli(["check", "--json", file]);
    problems.push(...lineProblems("check", file, check));
    let template: string | undefined;
    let before = 0;
    if (check.code === 0 || check.code === 1) {
      const report = JSON.parse(check.out) as { template: string; blocks: Record<string, number> };
      template = report.template;
      before = report.blocks[blockFor(template) ?? ""] ?? 0;
    }
    // A template without blocks (Plan för utbildningsinsats) must refuse any add, with one line.
    const blockType = blockFor(template);
    const block = blockType ?? "utvecklingsomrade";
    const add = await cli(["add", file, block, "-o", outFile]);
    problems.push(...lineProblems("add", file, add));
    if (options.timed) {
      if (check.cpuMs > MAX_MS) problems.push(`check took ${Math.round(check.cpuMs)} ms of CPU`);
      if (add.cpuMs > MAX_MS) problems.push(`add took ${Math.round(add.cpuMs)} ms of CPU`);
    }
    for (const [what, c] of [
      ["check", check],
      ["add", add],
    ] as const) {
      if (c.peakKb !== undefined && c.peakKb > MAX_KB)
        problems.push(`${what} peaked at ${Math.round(c.peakKb / 1024)} MB`);
      if (options.child && c.peakKb === undefined)
        problems.push(`${what}: no peak memory measured (crashed?)`);
    }
    // Not well-formed XML: refused, whatever a lenient parser makes of it (both hosts agree). Another
    // mutation may have made it refused for a reason found first (too deep, too large).
    if (options.refused && check.code !== 2)
      problems.push(`check did not refuse XML that is not well-formed: exit ${check.code} ${check.err}`);
    if (options.preserving && check.code === 2)
      problems.push(`check refused a preserving mutation: ${check.err}`);
    if (options.preserving && add.code !== 0 && (blockType !== null || template === undefined))
      problems.push(`add refused a preserving mutation: ${add.err}`);
    if (template !== undefined && blockType === null && add.code === 0)
      problems.push(`add succeeded on ${template}, which has no blocks`);
    if (check.code === 2 && add.code === 0) problems.push("add succeeded on a document check refused");
    if (add.code !== 0 && existsSync(outFile)) problems.push("add failed but wrote its output");
    if (add.code === 0) {
      if (!existsSync(outFile)) problems.push("add succeeded without writing");
      else {
        const again = await cli(["check", "--json", outFile]);
        if (again.code !== 0 && again.code !== 1) problems.push(`output not readable: ${again.err}`);
        else {
          const report = JSON.parse(again.out) as { template: string; blocks: Record<string, number> };
          if (report.template !== template) problems.push("output is another template");
          if (report.blocks[block] !== before + 1)
            problems.push(`output has ${report.blocks[block]} ${block}, expected ${before + 1}`);
        }
        const a = await parts(bytes);
        const b = await parts(readFileSync(outFile));
        for (const [name, data] of a) {
          if (name === "word/document.xml") continue;
          if (!b.get(name)?.equals(data)) problems.push(`part ${name} changed`);
        }
        const mainBefore = a.get("word/document.xml");
        const mainAfter = b.get("word/document.xml");
        if (
          mainBefore &&
          mainAfter &&
          !subsequence(runTexts(decodePart(mainBefore)), runTexts(decodePart(mainAfter)))
        )
          problems.push("a character of the user's text changed");
      }
    }
    return {
      problems,
      checkCode: check.code,
      checkErr: check.err,
      addCode: add.code,
      checkMs: check.ms,
      addMs: add.ms,
      checkCpuMs: check.cpuMs,
      addCpuMs: add.cpuMs,
      peakKb: Math.max(check.peakKb ?? 0, add.peakKb ?? 0),
    };
  } finally {
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  }
}
