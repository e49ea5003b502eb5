/**
 * Benchmarks: `npm run bench`. Figures, not assertions: how long checking and block operations
 * take on a 3-block and a 60-block Åtgärdsplan, the ratio between them, and how many round trips
 * the Word adapter makes (counted on the Word API double), and folder review with the built CLI:
 * 200 mixed documents in one call (one thread and worker threads) against 200 separate calls;
 * then the pane's first-load bytes (scripts/bench/pane-size.ts), the built CLI against its floor
 * (scripts/bench/cli.ts) and the pane's speed in headless Chromium (scripts/bench/pane-speed.ts),
 * and last a minute of typing in the pane over the Word double under each client's costs, against
 * the code before issue 17 (scripts/bench/typing.ts; `npm run bench -- typing` runs only that).
 * Needs `npm run fixtures`, `npm run build:cli` and `npm run build:harness` first (npm test's
 * pretest does all three). BENCH_RUNS, BENCH_CLI_RUNS, BENCH_PANE_RUNS set the number of runs.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { checkDocx, editDocx } from "../src/ooxml/docx";
import { WordHost, type OfficeApis } from "../src/office/word-host";
import { createWordDouble } from "../word-double";
import { GENERATED_TEMPLATES } from "../src/core/templates";
import { generateDocx } from "../src/ooxml/generate";
import { allocationCeiling } from "./bench/ceiling";
import { cliBench, cpuOf } from "./bench/cli";
import { paneSize, paneSizeReport } from "./bench/pane-size";
import { paneSpeedBench } from "./bench/pane-speed";
import { typingBench } from "./bench/typing";

const FIXTURES = path.resolve(__dirname, "../test/fixtures/generated");
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

async function median(step: () => Promise<unknown>, runs = RUNS): Promise<number> {
  for (let i = 0; i < 5; i++) await step(); // warm-up: the first runs include JIT compilation
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await step();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function withBlocks(base: Uint8Array, count: number): Promise<Uint8Array> {
  let bytes = base;
  for (let i = 3; i < count; i++)
    bytes = (await editDocx(bytes, { op: "add", type: "utvecklingsomrade" })).bytes;
  return bytes;
}

async function roundTrips(bytes: Uint8Array) {
  const double = await createWordDouble(bytes, {
    requirementSets: { WordApi: "1.3", DocumentEvents: "1.1" },
  });
  const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
  const count = async (step: () => Promise<unknown>) => {
    double.resetSyncCount();
    await step();
    return double.syncCount;
  };
  const snapshot = await host.read();
  const last = snapshot.report?.blocks.utvecklingsomrade ?? 1;
  return {
    read: await count(() => host.read()),
    navigate: await count(() =>
      host.select({ id: "effekt", block: { type: "utvecklingsomrade", index: last } }),
    ),
    cursor: await count(() => host.fieldAtCursor()),
    refresh: await count(() => host.refresh()),
    add: await count(() => host.addBlock("utvecklingsomrade")),
    remove: await count(() => host.removeBlock("utvecklingsomrade", last + 1)),
  };
}

/** What refresh() loads (every paragraph's text) against what a full read loads (the OOXML). */
async function payload(bytes: Uint8Array) {
  const double = await createWordDouble(bytes, { requirementSets: { WordApi: "1.3" } });
  return double.Word.run(async (context) => {
    const ooxml = context.document.body.getOoxml();
    const paragraphs = context.document.body.paragraphs;
    paragraphs.load("items/text");
    await context.sync();
    return {
      ooxml: ooxml.value.length / 1024,
      texts: JSON.stringify(paragraphs.items.map((p) => p.text)).length / 1024,
    };
  });
}

/** Round trips of the review comments (WordApi 1.4): insert, insert again, remove. */
async function commentTrips(bytes: Uint8Array) {
  const double = await createWordDouble(bytes, { requirementSets: { WordApi: "1.4" } });
  const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
  const count = async (step: () => Promise<unknown>) => {
    double.resetSyncCount();
    await step();
    return double.syncCount;
  };
  return {
    insert: await count(() => host.insertReviewComments()),
    again: await count(() => host.insertReviewComments()),
    remove: await count(() => host.removeReviewComments()),
  };
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
}

/** Plans with `sizes` utvecklingsområden, grown from the blank template one block at a time. */
async function plans(blank: Uint8Array, sizes: number[]): Promise<Map<number, Uint8Array>> {
  const out = new Map<number, Uint8Array>();
  let bytes = blank;
  let count = 3;
  for (const n of [...sizes].sort((a, b) => a - b)) {
    for (; count < n; count++)
      bytes = (await editDocx(bytes, { op: "add", type: "utvecklingsomrade" })).bytes;
    out.set(n, bytes);
  }
  return out;
}

/** The issue-11 figures: pane bytes, CLI against its floor, pane speed. */
async function speedFigures(blank: Uint8Array): Promise<void> {
  console.log("");
  for (const line of paneSizeReport(paneSize())) console.log(line);
  const all = await plans(blank, [3, 60, 120]);
  console.log("");
  printTable(cliBench(all, Number(process.env.BENCH_CLI_RUNS ?? 21)));
  console.log("");
  const pane = new Map([...all].filter(([n]) => n !== 120));
  printTable(await paneSpeedBench(pane, Number(process.env.BENCH_PANE_RUNS ?? 5)));
  console.log(
    "(CPU times and Chromium timings on a shared 2-core machine: noisy; ratios are of paired runs)",
  );
}

async function main(): Promise<void> {
  const blank = new Uint8Array(readFileSync(path.join(FIXTURES, "sv-blank.docx")));
  const sizes = [3, 60];
  const docs: Uint8Array[] = [];
  for (const n of sizes) docs.push(await withBlocks(blank, n));
  const rows: string[][] = [["measure", ...sizes.map((n) => `${n} blocks`), "ratio"]];
  const add = (name: string, values: number[], unit = "ms") =>
    rows.push([
      name,
      ...values.map((v) => `${v.toFixed(unit === "ms" ? 1 : 0)} ${unit}`),
      `${(values[1] / values[0]).toFixed(2)}×`,
    ]);

  add(
    "docx size",
    docs.map((d) => d.length / 1024),
    "KiB",
  );
  // One measurement at a time: interleaved runs would share the event loop and blur the figures.
  const each = async <T>(f: (d: Uint8Array) => Promise<T>): Promise<T[]> => {
    const out: T[] = [];
    for (const d of docs) out.push(await f(d));
    return out;
  };
  add("check (read, recognise, rules)", await each((d) => median(() => checkDocx(d))));
  add(
    "add utvecklingsområde (edit + verify + zip)",
    await each((d) => median(() => editDocx(d, { op: "add", type: "utvecklingsomrade" }), 10)),
  );
  const trips = await each(roundTrips);
  for (const k of ["read", "navigate", "cursor", "refresh", "add", "remove"] as const) {
    add(
      `Word round trips: ${k}`,
      trips.map((t) => t[k]),
      "syncs",
    );
  }
  const sizes2 = await each(payload);
  add(
    "full read loads: body OOXML",
    sizes2.map((s) => s.ooxml),
    "KiB",
  );
  add(
    "refresh loads: paragraph texts",
    sizes2.map((s) => s.texts),
    "KiB",
  );
  const comments = await each(commentTrips);
  for (const k of ["insert", "again", "remove"] as const) {
    add(
      `Word round trips: comments ${k}`,
      comments.map((t) => t[k]),
      "syncs",
    );
  }

  const bomb = path.join(FIXTURES, "bad/bomb.docx");
  const bombBytes = new Uint8Array(readFileSync(bomb));
  const heapBefore = process.memoryUsage().heapUsed;
  const t = performance.now();
  await checkDocx(bombBytes).catch(() => undefined);
  const refuse = performance.now() - t;
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
  console.log(
    `\nzip bomb (${(bombBytes.length / 1024).toFixed(0)} KiB, inflates to ~210 MB): refused after ${refuse.toFixed(0)} ms, ` +
      `heap change ${((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024).toFixed(0)} MiB`,
  );
  console.log("\nPlanstöd's own templates: generate (planstod new) and check the blank plan");
  for (const g of GENERATED_TEMPLATES) {
    const bytes = await generateDocx(g);
    const generate = await median(() => generateDocx(g));
    const check = await median(() => checkDocx(bytes));
    console.log(
      `  ${g.template.id.padEnd(24)} ${(bytes.length / 1024).toFixed(1)} KiB  generate ${generate.toFixed(1)} ms  check ${check.toFixed(1)} ms`,
    );
  }
  console.log(`(median of ${RUNS} runs; node ${process.version}; ${new Date().toISOString()})`);
}

const BIN = path.resolve(__dirname, "../bin/planstod.js");
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const MIX = [
  "sv-partial",
  "sv-complete",
  "iko-partial",
  "iko-complete",
  "sv-blank",
  "iko-blank",
  "sv-pasted-table",
  "sv-tracked",
  "iko-tracked",
  "sv-header",
];

/**
 * Wall time of one CLI call, in ms (exit 0 or 1: the folder holds incomplete plans); `oneCore`
 * runs it under `taskset -c 0`, so that V8's compiler and collector share the core with it.
 */
function timed(args: string[], env: Record<string, string> = {}, oneCore = false): number {
  const t = performance.now();
  const [command, ...rest] = oneCore ? ["taskset", "-c", "0", "node", BIN, ...args] : ["node", BIN, ...args];
  const r = spawnSync(command, rest, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`planstod ${args.join(" ")}: ${r.stderr.toString()}`);
  return ms;
}

/** CPU time over wall time of one single-threaded call. */
function cores(args: string[]): number {
  const t = performance.now();
  const cpu = cpuOf([BIN, ...args], { PLANSTOD_WORKERS: "0" });
  return cpu / (performance.now() - t);
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Folder review: one call for the whole folder against one call per file. */
async function batchBench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "planstod-bench-"));
  try {
    const files: string[] = [];
    for (let i = 0; i < BATCH; i++) {
      const file = path.join(dir, `${String(i).padStart(3, "0")}-${MIX[i % MIX.length]}.docx`);
      copyFileSync(path.join(FIXTURES, `${MIX[i % MIX.length]}.docx`), file);
      files.push(file);
    }
    const rate = (ms: number) => `${((BATCH / ms) * 1000).toFixed(1)} docs/s`;
    const five = (oneCall: () => number) => medianOf([0, 1, 2, 3, 4].map(oneCall));
    const check = ["check", "--format", "csv", dir];
    // One core, where the machine can be told so (Linux's taskset): one thread's throughput
    // without the second core that V8's compiler and collector otherwise borrow.
    const pinnable = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
    const core = pinnable ? five(() => timed(check, { PLANSTOD_WORKERS: "0" }, true)) : NaN;
    const one = five(() => timed(check, { PLANSTOD_WORKERS: "0" }));
    const many = five(() => timed(check, { PLANSTOD_WORKERS: "2" }));
    const chosen = five(() => timed(check));
    let separate = 0;
    for (const f of files) separate += timed(["check", f]);
    console.log(
      `\nfolder review, ${BATCH} mixed documents (${MIX.length} fixtures in turn), built CLI, ` +
        `${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}:`,
    );
    const rows = [
      ...(pinnable
        ? [["one call, one thread on one core (taskset -c 0)", `${(core / 1000).toFixed(2)} s`, rate(core)]]
        : []),
      ["one call, one thread (PLANSTOD_WORKERS=0)", `${(one / 1000).toFixed(2)} s`, rate(one)],
      [
        "one call, two threads (PLANSTOD_WORKERS=2: this one and a worker)",
        `${(many / 1000).toFixed(2)} s`,
        rate(many),
      ],
      ["one call, as chosen by load (default)", `${(chosen / 1000).toFixed(2)} s`, rate(chosen)],
      [`${BATCH} separate calls`, `${(separate / 1000).toFixed(2)} s`, rate(separate)],
    ];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) console.log(`  ${r.map((c, i) => c.padEnd(widths[i])).join("  ")}`);
    console.log(
      `  one call (default) vs separate calls: ${(separate / chosen).toFixed(1)}× the throughput; ` +
        `two threads vs one thread: ${(one / many).toFixed(2)}×` +
        (pinnable ? `; vs one core: ${(core / many).toFixed(2)}× (goal ≥ 1.6×)` : " (goal ≥ 1.6×)"),
    );
    console.log(
      `  CPU time one thread keeps busy, in cores: ${cores(check).toFixed(2)} ` +
        "(V8 compiles and collects on the other core beside it)",
    );
    console.log(
      `  this machine's ceiling for allocation-heavy work on both cores (two processes of the ` +
        `same loop at once vs one alone): ${(await allocationCeiling()).toFixed(2)}×`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const onlyTyping = process.argv.slice(2).includes("typing");
(onlyTyping
  ? typingBench()
  : main()
      .then(() => batchBench())
      .then(() => speedFigures(new Uint8Array(readFileSync(path.join(FIXTURES, "sv-blank.docx")))))
      .then(() => typingBench())
).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
