import { PlanstodError } from "../../core/messages";
import type { ExtractedInstance, RowBlockDef } from "../../core/types";
import type { DocModel } from "../read/paragraph-model";
import { descendantsW, elementChildren, firstW, isW, type XmlElement } from "../xml/dom";
import { paraIdsIn, renewParaIds } from "../xml/word-ids";
import { cleanCopy } from "./clean-copy";
import type { IdSequence } from "./control-ids";
import { renewId, resetSdtPr, sdt } from "./controls";
import { ancestor, paragraph, placeholderRun, remove } from "./dom-build";
import { blockText, holdsUserContent, locationParagraphs, type AddResult, type EditTarget } from "./target";

/** Table rows (a row block's instances): a new row copies a row's structure with empty cells. */

/** The row holding every cell of an instance (the deepest w:tr around all its paragraphs). */
function rowElement(instance: ExtractedInstance, model: DocModel): XmlElement | null {
  const paragraphs = Object.values(instance).flatMap((f) => locationParagraphs(f, model));
  const first = paragraphs[0];
  if (!first) return null;
  for (let tr = ancestor(first.el, (e) => isW(e, "tr")); tr; tr = ancestor(tr, (e) => isW(e, "tr"))) {
    const row = tr;
    if (paragraphs.every((p) => ancestor(p.el, (e) => e === row))) return row;
  }
  return null;
}

/**
 * A fresh answer cell: its first content control kept and reset to its placeholder with a fresh
 * id (Planstöd's own templates have one in every cell), else one empty paragraph.
 */
function freshCell(target: EditTarget, def: RowBlockDef, tc: XmlElement, ids: IdSequence): void {
  const first = firstW(tc, "p");
  const pPr = first ? firstW(first, "pPr") : null;
  const control = def.control ? elementChildren(tc).find((c) => isW(c, "sdt")) : undefined;
  const pr = control ? firstW(control, "sdtPr") : null;
  for (const c of elementChildren(tc)) if (!isW(c, "tcPr")) tc.removeChild(c);
  if (!def.control || !control || !pr) {
    tc.appendChild(paragraph(target, pPr, []));
    return;
  }
  resetSdtPr(target, pr);
  const inner = firstW(firstW(control, "sdtContent") ?? control, "p");
  const fresh = sdt(target, pr, [
    paragraph(target, inner ? firstW(inner, "pPr") : pPr, [placeholderRun(target, def.control.placeholder)]),
  ]);
  renewId(target, fresh, ids.next());
  tc.appendChild(fresh);
}

export function addRow(
  target: EditTarget,
  def: RowBlockDef,
  after: number | undefined,
  ids: IdSequence,
): AddResult {
  const rows = target.extracted.blocks[def.type] ?? [];
  if (rows.length === 0) throw new PlanstodError("block-refused", blockText(target).noRows(def.name));
  const at = after ?? rows.length;
  if (at < 1 || at > rows.length)
    throw new PlanstodError("block-refused", blockText(target).noSuchInstance(def.name, at, rows.length));
  const tr = rowElement(rows[at - 1], target.model);
  if (!tr) throw new PlanstodError("block-refused", blockText(target).noSource(def.name));
  const copy = tr.cloneNode(true) as XmlElement;
  cleanCopy(copy);
  // The copy's w14:paraId/textId (the row's and its paragraphs') must not repeat the source's.
  renewParaIds(copy, paraIdsIn(target.body), `${def.type}/${at}`);
  for (const tc of descendantsW(copy, "tc")) freshCell(target, def, tc, ids);
  tr.parentNode?.insertBefore(copy, tr.nextSibling);
  return { index: at + 1, inserted: [copy], after: tr };
}

export function removeRow(target: EditTarget, def: RowBlockDef, index: number): XmlElement[] {
  const rows = target.extracted.blocks[def.type] ?? [];
  if (index < 1 || index > rows.length)
    throw new PlanstodError("block-refused", blockText(target).noSuchInstance(def.name, index, rows.length));
  const row = rows[index - 1];
  if (Object.values(row).some((f) => f.text !== ""))
    throw new PlanstodError("block-refused", blockText(target).hasText(blockText(target).row, index));
  if (rows.length === 1)
    throw new PlanstodError(
      "block-refused",
      blockText(target).lastInstance(blockText(target).lastRow(def.name)),
    );
  const tr = rowElement(row, target.model);
  if (!tr) throw new PlanstodError("edit-unsafe");
  if (holdsUserContent(target, [tr]))
    throw new PlanstodError("block-refused", blockText(target).hasText(blockText(target).row, index));
  remove(tr);
  return [tr];
}
