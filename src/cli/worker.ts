import { parentPort } from "node:worker_threads";
import type { WorkerJob, WorkerOutcome } from "./batch";
import { runJob } from "./jobs";

/**
 * A worker thread of a batch (batch.ts): runs the jobs it is given one after another, in the
 * order they came, and posts each outcome with the job's index.
 */
let queue: Promise<void> = Promise.resolve();
parentPort?.on("message", ({ index, job }: WorkerJob) => {
  queue = queue.then(async () => {
    const outcome = await runJob(job);
    parentPort?.postMessage({ index, outcome } satisfies WorkerOutcome);
  });
});
