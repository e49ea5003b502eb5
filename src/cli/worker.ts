import { parentPort } from "node:worker_threads";
import { runJob, type Job } from "./jobs";

/** A worker thread of a batch (batch.ts): runs one job per message and posts its outcome. */
parentPort?.on("message", (job: Job) => {
  void runJob(job).then((outcome) => parentPort?.postMessage(outcome));
});
