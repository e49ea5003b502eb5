import { unexpectedReason, type DocumentOutcome } from "../core/outcome";
import type { CheckRequest, WorkerReply } from "./protocol";

/**
 * The workers that check documents. They are started when the page loads (so that their script
 * is fetched then: after load the page makes no request), one per core up to four, and each is
 * given two documents at a time, so that it has the next one while the page reads its bytes.
 */

export interface Job {
  file: string;
  read: () => Promise<ArrayBuffer>;
}

/** The reason when the browser cannot read a chosen file (as the CLI's for an unreadable file). */
export const UNREADABLE = "filen kan inte läsas.";

export class Pool {
  private readonly workers: Worker[];
  readonly ready: Promise<void>;

  constructor(url: string, size: number) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new Worker(url));
    this.ready = Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            const onReady = (e: MessageEvent<WorkerReply>) => {
              if ("ready" in e.data) {
                w.removeEventListener("message", onReady);
                resolve();
              }
            };
            w.addEventListener("message", onReady);
            // A worker that failed to load settles too: run() then reports its jobs as failed.
            w.addEventListener("error", () => resolve(), { once: true });
          }),
      ),
    ).then(() => undefined);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Checks every job; outcomes in the jobs' order. `onDone` after each. */
  async run(jobs: readonly Job[], onDone: (done: number, total: number) => void): Promise<DocumentOutcome[]> {
    await this.ready;
    const results: DocumentOutcome[] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    let nextId = 0;
    const finish = (i: number, outcome: DocumentOutcome) => {
      results[i] = outcome;
      onDone(++done, jobs.length);
    };
    const serve = (worker: Worker) =>
      new Promise<void>((resolve) => {
        const held = new Map<number, number>(); // message id -> job index
        let ended = false;
        const end = () => {
          ended = true;
          worker.removeEventListener("message", onMessage);
          worker.removeEventListener("error", onError);
          resolve();
        };
        let reading = 0;
        /** Ends when no job is left, held or being read for this worker. */
        const endIfIdle = () => {
          if (!ended && next >= jobs.length && held.size === 0 && reading === 0) end();
        };
        const give = async () => {
          while (next < jobs.length && !ended) {
            const i = next++;
            let bytes: ArrayBuffer;
            reading++;
            try {
              bytes = await jobs[i].read();
            } catch {
              finish(i, { file: jobs[i].file, error: UNREADABLE });
              continue;
            } finally {
              reading--;
            }
            if (ended) {
              finish(i, { file: jobs[i].file, error: unexpectedReason("the worker stopped") });
              continue;
            }
            const id = nextId++;
            held.set(id, i);
            worker.postMessage({ id, file: jobs[i].file, bytes } satisfies CheckRequest, [bytes]);
            return;
          }
          endIfIdle();
        };
        const onMessage = (e: MessageEvent<WorkerReply>) => {
          if ("ready" in e.data) return;
          const i = held.get(e.data.id);
          if (i === undefined) return;
          held.delete(e.data.id);
          finish(i, e.data.outcome);
          void give();
        };
        const onError = (e: ErrorEvent) => {
          e.preventDefault();
          for (const i of held.values())
            finish(i, { file: jobs[i].file, error: unexpectedReason(e.message) });
          held.clear();
          end();
        };
        worker.addEventListener("message", onMessage);
        worker.addEventListener("error", onError);
        void give().then(() => give());
      });
    await Promise.all(this.workers.map(serve));
    // Jobs no worker took (every worker failed) are reported, never dropped.
    for (let i = 0; i < jobs.length; i++)
      if (results[i] === undefined) finish(i, { file: jobs[i].file, error: unexpectedReason("no worker") });
    return results;
  }
}
