/**
 * Track Changes and the adapter's block edits.
 *
 * With Track Changes on, Word records the adapter's deletes and inserts as revisions, as it
 * records typing. Decided behaviour (README, platform table):
 * - Adding a block goes ahead: the new block is a tracked insertion, which the engine counts
 *   like any text (the accepted view keeps insertions), and the pane says it shows as a change.
 * - Removing a block is refused before Word is touched: it would stay in the document as a
 *   tracked deletion until someone accepts it (so the block count would not change and the
 *   read-back check would fail). The user turns tracking off, or deletes the block by hand so
 *   the reviewer sees it as a change.
 * The mode is read with Document.changeTrackingMode (WordApi 1.4) in the same round trip as
 * the document. A client without WordApi 1.4 cannot say (null): there a remove goes ahead, Word
 * keeps it as a tracked deletion, the engine (which reads the accepted view) counts the block
 * as gone, and the new revisions in the read-back show that tracking was on, so the pane says
 * that the removal shows as a change until accepted.
 */

import { descendantsW, type XmlElement } from "../ooxml/xml/dom";

/** Whether tracking is on; null when the client cannot say (no WordApi 1.4). */
export type TrackingState = boolean | null;

/**
 * Queues, in `context`, a read of the tracking mode when the client has WordApi 1.4; returns a
 * function that gives the state after the sync.
 */
export function queueTrackingMode(context: Word.RequestContext, supported: boolean): () => TrackingState {
  if (!supported) return () => null;
  const document = context.document;
  document.load("changeTrackingMode");
  return () => {
    try {
      const mode = String(document.changeTrackingMode);
      return mode === "TrackAll" || mode === "TrackMineOnly";
    } catch {
      return null;
    }
  };
}

/** Tracked insertions and deletions in a body: more after an edit means Word tracked it. */
export function countRevisions(body: XmlElement): number {
  return descendantsW(body, "ins").length + descendantsW(body, "del").length;
}
