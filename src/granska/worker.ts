import { documentOutcome } from "../cli/document";
import type { CheckRequest, WorkerReply } from "./protocol";

/**
 * A worker of granska.html: checks the documents it is given, one after another, with the
 * command line's engine (src/cli/document.ts over src/ooxml). A worker has no DOMParser, so the
 * engine reads XML with @xmldom/xmldom, as the command line does: the page's results are the
 * CLI's by construction.
 */
const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);

let queue: Promise<void> = Promise.resolve();
self.addEventListener("message", (event: MessageEvent<CheckRequest>) => {
  const { id, file, bytes } = event.data;
  queue = queue.then(async () => post({ id, outcome: await documentOutcome(file, new Uint8Array(bytes)) }));
});
post({ ready: true });
