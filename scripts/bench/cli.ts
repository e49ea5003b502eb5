/**
 * The command line against its floor (`npm run bench`): CPU time of the built `planstod` as child
 * processes, in pairs run back to back (alternating which goes first), so that the load of a
 * shared machine falls on both sides of each ratio.
 *
 * - check/floor: `planstod check PLAN` against floor.cjs (Node start, JSZip unzips
 *   word/document.xml, @xmldom/xmldom parses it, one walk over every w:t), at 3, 60, 120 blocks.
 * - add/check: `planstod add PLAN utvecklingsomrade -o OUT --force` against `planstod check PLAN`
 *   on the 60-block plan.
 *
 * CPU time is the child's own (user + system, every thread, from its start), written at exit by
 * cpu-usage.cjs (preloaded with node -r).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/planstod.js");
const BUILT = path.join(ROOT, "dist/node/planstod.js");
const FLOOR = path.join(__dirname, "floor.cjs");
const CPU = path.join(__dirname, "cpu-usage.cjs");

/** CPU milliseconds of one run of `node args...` (with `env` added to this process's). */
export function cpuOf(args: string[], env: Record<string, string> = {}): number {
  const run = spawnSync(process.execPath, ["-r", CPU, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  const out = run.output[3] as string | null;
  if (run.status === null || run.status > 1 || !out)
    throw new Error(`bench: node ${args.join(" ")} failed (${run.status}): ${String(run.stderr).trim()}`);
  return Number(out.trim());
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export interface Paired {
  a: number;
  b: number;
  /** Median of the per-pair ratios b/a. */
  ratio: number;
}

/** `runs` pairs of (a, b), alternating the order; medians of each side and of the ratios. */
export function paired(a: string[], b: string[], runs: number): Paired {
  // Warm the file cache first.
  for (let i = 0; i < 2; i++) {
    cpuOf(a);
    cpuOf(b);
  }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      as.push(cpuOf(a));
      bs.push(cpuOf(b));
    } else {
      bs.push(cpuOf(b));
      as.push(cpuOf(a));
    }
  }
  return { a: median(as), b: median(bs), ratio: median(bs.map((x, i) => x / as[i])) };
}

/** The CLI figures as table rows; `plans` maps block counts to .docx bytes. */
export function cliBench(plans: Map<number, Uint8Array>, runs: number): string[][] {
  if (!existsSync(BUILT)) throw new Error("bench: the CLI is not built: npm run build:cli");
  const dir = mkdtempSync(path.join(tmpdir(), "planstod-bench-"));
  try {
    const files = new Map<number, string>();
    for (const [n, bytes] of plans) {
      const file = path.join(dir, `plan-${n}.docx`);
      writeFileSync(file, bytes);
      files.set(n, file);
    }
    const rows: string[][] = [["CLI, CPU time of child processes", "floor / check ms", "ratio", "goal"]];
    for (const [n, file] of files) {
      const r = paired([FLOOR, file], [BIN, "check", file], runs);
      rows.push([
        `check/floor, ${n} blocks`,
        `${r.a.toFixed(0)} / ${r.b.toFixed(0)}`,
        `${r.ratio.toFixed(2)}×`,
        "≤ 1.25×",
      ]);
    }
    const sixty = files.get(60);
    if (sixty) {
      const out = path.join(dir, "out.docx");
      const r = paired(
        [BIN, "check", sixty],
        [BIN, "add", sixty, "utvecklingsomrade", "-o", out, "--force"],
        runs,
      );
      rows.push([
        "add/check, 60 blocks",
        `${r.a.toFixed(0)} / ${r.b.toFixed(0)} (check / add)`,
        `${r.ratio.toFixed(2)}×`,
        "≤ 1.5×",
      ]);
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
