import type { DocumentOutcome } from "../core/outcome";

/** The messages between granska.html and its workers (worker.ts). */

/** To a worker: one document's bytes (transferred, not copied). */
export interface CheckRequest {
  id: number;
  file: string;
  bytes: ArrayBuffer;
}

/** From a worker: it has loaded, or one document's outcome. */
export type WorkerReply = { ready: true } | { id: number; outcome: DocumentOutcome };
