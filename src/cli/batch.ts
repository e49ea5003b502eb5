import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { runJob, type Job, type JobOutcome } from "./jobs";

/**
 * Runs the jobs of a batch (check or export of many files), on worker threads when the batch is
 * large enough for their start-up (about 0.2 s of CPU each) to pay off and the machine has idle
 * cores (a worker on a core that other processes keep busy only adds its start-up), else in this
 * thread. Results come back in the order of the jobs. `PLANSTOD_WORKERS` sets the number of
 * threads checking, this one included (0 or 1: this one only). `npm run bench` measures both.
 */

/** Below this many files a batch runs in this thread. */
export const WORKER_THRESHOLD = 12;
/** A worker per this many files at most, so that each one has enough to do. */
const FILES_PER_WORKER = 6;

/** The bundled worker (dist/node/worker.js, beside the CLI); absent when running from the TypeScript sources (tests, tsx). */
const WORKER_FILE = join(__dirname, "worker.js");

export function workerCount(jobs: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.PLANSTOD_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), jobs);
  if (jobs < WORKER_THRESHOLD || !existsSync(WORKER_FILE)) return 0;
  // Idle cores, from the one-minute load average (0 on Windows, where every core counts as idle).
  const idle = Math.floor(availableParallelism() - loadavg()[0] + 0.5);
  const threads = Math.min(idle, 4, Math.floor(jobs / FILES_PER_WORKER));
  return threads >= 2 ? threads : 0;
}

export interface BatchOptions {
  /** Called after each finished job, with how many are done. */
  onDone?: (done: number, total: number, file: string) => void;
  workers?: number;
}

export async function runBatch(jobs: readonly Job[], options: BatchOptions = {}): Promise<JobOutcome[]> {
  const results: JobOutcome[] = new Array(jobs.length);
  let done = 0;
  const finish = (i: number, outcome: JobOutcome) => {
    results[i] = outcome;
    options.onDone?.(++done, jobs.length, jobs[i].file);
  };
  let next = 0;
  /** This thread's share: the next job, until none is left. */
  const here = async () => {
    while (next < jobs.length) {
      const i = next++;
      finish(i, await runJob(jobs[i]));
    }
  };
  const threads = options.workers ?? workerCount(jobs.length);
  if (threads <= 1 || !existsSync(WORKER_FILE)) {
    await here();
    return results;
  }
  // This thread checks too, beside threads − 1 workers: one isolate fewer to start. Each worker
  // holds two jobs, so that it has the next one while this thread is busy parsing and cannot
  // answer. A worker that fails (it should not: jobs never throw) hands its jobs back here.
  const serve = (worker: Worker) =>
    new Promise<void>((resolve) => {
      const held = new Set<number>();
      let ended = false;
      const stop = () => {
        ended = true;
        void worker.terminate();
        resolve();
      };
      const give = () => {
        if (next >= jobs.length) return;
        const i = next++;
        held.add(i);
        worker.postMessage({ index: i, job: jobs[i] } satisfies WorkerJob);
      };
      const fail = async () => {
        if (ended) return;
        ended = true;
        void worker.terminate();
        for (const i of held) if (results[i] === undefined) finish(i, await runJob(jobs[i]));
        resolve();
      };
      worker.on("message", ({ index, outcome }: WorkerOutcome) => {
        if (ended) return;
        held.delete(index);
        finish(index, outcome);
        give();
        if (held.size === 0) stop();
      });
      worker.on("error", () => void fail());
      worker.on("exit", () => void fail());
      give();
      give();
      if (held.size === 0) stop();
    });
  const pool = Array.from({ length: Math.min(threads - 1, jobs.length) }, () => new Worker(WORKER_FILE));
  await Promise.all([...pool.map(serve), here()]);
  return results;
}

/** A job as posted to a worker, and its outcome as posted back (worker.ts). */
export interface WorkerJob {
  index: number;
  job: Job;
}
export interface WorkerOutcome {
  index: number;
  outcome: JobOutcome;
}
