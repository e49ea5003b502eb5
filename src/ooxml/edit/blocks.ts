import { addInstance, removeInstance } from "./instances";
import { addRow, removeRow } from "./rows";
import { blockDef, type AddResult, type EditTarget } from "./target";
import { idsFor } from "./clean-copy";
import type { XmlElement } from "../xml/dom";

/**
 * Block operations: add a fresh instance of a repeated block (an utvecklingsområde table, an
 * uppföljning block, a table row) and remove an unused one. They edit the main document part's
 * DOM in place and are pure otherwise, so the CLI (over a .docx) and the task pane (over the
 * OOXML Word gives it) share them.
 *
 * A new instance copies the *structure* of an instance already in the document (so it looks like
 * its neighbours: widths, borders, styles) and then makes every field fresh: the template's
 * content control showing its placeholder, never a copy of the user's text.
 */

export { blockDef, type AddResult, type EditTarget } from "./target";

/** Adds a fresh instance of `type` after instance `after` (default: after the last). */
export function addBlock(
  target: EditTarget,
  type: string,
  after?: number,
  roots: readonly XmlElement[] = [target.body],
): AddResult {
  const def = blockDef(target.template, type);
  const ids = idsFor(roots);
  return def.kind === "rows" ? addRow(target, def, after, ids) : addInstance(target, def, after, ids);
}

/**
 * Removes instance `index` of `type` and returns the elements removed (detached; with the empty
 * spacer paragraph before a table block). Refused when it holds any text the user wrote.
 */
export function removeBlock(target: EditTarget, type: string, index: number): XmlElement[] {
  const def = blockDef(target.template, type);
  return def.kind === "rows" ? removeRow(target, def, index) : removeInstance(target, def, index);
}
