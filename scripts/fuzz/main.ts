/**
 * `npm run fuzz -- [--seed N] [--count N] [--out DIR]`: mutates the generated fixtures (run
 * `npm run fixtures` first) and checks every promise of scripts/fuzz/harness.ts on each, with
 * the 10 s bound per command and the 1 GB bound on the process's peak memory. Inputs that break
 * a promise are saved in DIR (default fuzz-failures/) with a note of what broke.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { VARIANTS, fixturePath } from "../fixtures/variants";
import { runCase } from "./harness";
import { Rng, mutate } from "./mutate";

const HEAVY = new Set(["huge-run", "many-paragraphs", "deep-nesting", "many-entries"]);

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const seed = Number(arg("seed", "1"));
  const count = Number(arg("count", "200"));
  const outDir = path.resolve(arg("out", "fuzz-failures"));
  const from = Number(arg("from", "0"));
  const verbose = process.argv.includes("--verbose");
  const listOnly = process.argv.includes("--list");
  const sources = VARIANTS.map((v) => ({
    name: v.name,
    template: v.template,
    bytes: readFileSync(fixturePath(v)),
  }));
  const rng = new Rng(seed);
  const dir = mkdtempSync(path.join(tmpdir(), "planstod-fuzz-"));
  const codes = { check: new Map<number, number>(), add: new Map<number, number>() };
  const kinds = new Map<string, number>();
  let failures = 0;
  let maxCheck = 0;
  let maxAdd = 0;
  let maxCheckCpu = 0;
  let maxAddCpu = 0;
  let preserving = 0;
  let refused = 0;
  let heavy = 0;
  let maxPeak = 0;
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    // Mostly the template fixtures; now and then a bad input.
    const pool = rng.chance(0.9) ? sources.filter((s) => s.template !== null) : sources;
    const source = rng.pick(pool);
    const m = await mutate(rng, source.bytes);
    // --from N replays the draws of the cases before N without running them; --verbose names each case.
    if (i < from) continue;
    if (verbose || listOnly) console.log(`case ${i}: ${source.name}: ${m.label}`);
    if (listOnly) continue;
    for (const k of m.kinds) kinds.set(k, (kinds.get(k) ?? 0) + 1);
    const keeps = m.preserving === true && source.template !== null;
    if (keeps) preserving++;
    // Inputs that could be heavy run in a child process, where time and peak memory are its own.
    const child = m.kinds.some((k) => HEAVY.has(k));
    if (child) heavy++;
    if (m.refused) refused++;
    const outcome = await runCase(m.bytes, {
      preserving: keeps,
      refused: m.refused,
      timed: true,
      dir,
      child,
    });
    maxPeak = Math.max(maxPeak, outcome.peakKb);
    if (verbose) {
      (globalThis as { gc?: () => void }).gc?.();
      console.log(`  heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
    }
    const bump = (map: Map<number, number>, k: number) => map.set(k, (map.get(k) ?? 0) + 1);
    bump(codes.check, outcome.checkCode);
    bump(codes.add, outcome.addCode);
    maxCheck = Math.max(maxCheck, outcome.checkMs);
    maxAdd = Math.max(maxAdd, outcome.addMs);
    maxCheckCpu = Math.max(maxCheckCpu, outcome.checkCpuMs);
    maxAddCpu = Math.max(maxAddCpu, outcome.addCpuMs);
    if (outcome.problems.length > 0) {
      failures++;
      mkdirSync(outDir, { recursive: true });
      const base = path.join(outDir, `seed${seed}-case${i}`);
      writeFileSync(`${base}.docx`, m.bytes);
      writeFileSync(
        `${base}.txt`,
        `source: ${source.name}\nmutation: ${m.label}\n${outcome.problems.join("\n")}\n`,
      );
      console.log(`case ${i} (${source.name}: ${m.label}): ${outcome.problems.join(" | ").slice(0, 400)}`);
    }
    if ((i + 1) % 500 === 0)
      console.log(
        `${i + 1}/${count} cases, ${failures} failing, ${Math.round((Date.now() - started) / 1000)} s`,
      );
  }
  rmSync(dir, { recursive: true, force: true });
  const fmt = (m: Map<number, number>) =>
    [...m.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ");
  console.log(
    [
      `seed ${seed}: ${count} mutated inputs in ${Math.round((Date.now() - started) / 1000)} s, ${failures} failing`,
      `check exits ${fmt(codes.check)}; add exits ${fmt(codes.add)}; ${preserving} character-preserving cases, ${refused} not well-formed (must be refused)`,
      `most CPU: check ${Math.round(maxCheckCpu)} ms, add ${Math.round(maxAddCpu)} ms (wall clock under the machine's load: ${Math.round(maxCheck)} ms, ${Math.round(maxAdd)} ms); ${heavy} heavy inputs run in a child process, their peak RSS ${Math.round(maxPeak / 1024)} MB`,
      `mutations: ${[...kinds.entries()].map(([k, v]) => `${k} ${v}`).join(", ")}`,
    ].join("\n"),
  );
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
