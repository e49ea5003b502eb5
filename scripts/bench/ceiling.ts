/**
 * The machine's own ceiling for running allocation-heavy work on both cores (`npm run bench`,
 * beside the folder review): the same loop that builds and drops many small objects, as a DOM
 * parser does, once alone and then in two processes at once. On a machine whose two cores share
 * their memory path the pair runs slower than one alone, and no division of a folder review's
 * work between two threads can beat that ratio.
 */
import { spawn, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

const LOOP = `
let keep = [];
for (let i = 0; i < 3e6; i++) {
  keep.push({ a: i, b: "x" + (i % 1000), c: [i] });
  if (keep.length > 2e5) keep = [];
}`;

function alone(): number {
  const t = performance.now();
  spawnSync(process.execPath, ["-e", LOOP], { stdio: "ignore" });
  return performance.now() - t;
}

function pair(): Promise<number> {
  const t = performance.now();
  const one = () =>
    new Promise<void>((resolve) =>
      spawn(process.execPath, ["-e", LOOP], { stdio: "ignore" }).on("exit", () => resolve()),
    );
  return Promise.all([one(), one()]).then(() => performance.now() - t);
}

/** Throughput of two processes at once over one alone (2.0 would be perfect scaling), median of `runs`. */
export async function allocationCeiling(runs = 3): Promise<number> {
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const single = alone();
    const both = await pair();
    ratios.push((2 * single) / both);
  }
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)];
}
