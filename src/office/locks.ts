/**
 * Locked content controls (w:sdtPr/w:lock). Word refuses to edit inside a control whose contents
 * are locked (contentLocked, sdtContentLocked) and to delete a control that cannot be deleted
 * (sdtLocked, sdtContentLocked), with a generic error. The adapter checks the OOXML it read
 * before Word is touched and refuses with a problem that names the lock ("locked-add",
 * "locked-remove").
 */
import type { Paragraph } from "../ooxml/read/paragraph-model";
import { descendantsW, firstW, isW, isWithin, wAttr, type XmlElement } from "../ooxml/xml/dom";

type Lock = "unlocked" | "sdtLocked" | "contentLocked" | "sdtContentLocked";

function lockOf(sdt: XmlElement): Lock {
  const pr = firstW(sdt, "sdtPr");
  const lock = pr ? firstW(pr, "lock") : null;
  const value = lock ? wAttr(lock, "val") : null;
  return value === "sdtLocked" || value === "contentLocked" || value === "sdtContentLocked"
    ? value
    : "unlocked";
}

/** The control's contents cannot be edited. */
export function contentLocked(sdt: XmlElement): boolean {
  const lock = lockOf(sdt);
  return lock === "contentLocked" || lock === "sdtContentLocked";
}

/** The control cannot be deleted. */
export function deleteLocked(sdt: XmlElement): boolean {
  const lock = lockOf(sdt);
  return lock === "sdtLocked" || lock === "sdtContentLocked";
}

/** Content controls around `el` (nearest first), by walking up the DOM. */
function ancestorControls(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (
    let n = el.parentNode as XmlElement | null;
    n && n.nodeType === 1;
    n = n.parentNode as XmlElement | null
  )
    if (isW(n, "sdt")) out.push(n);
  return out;
}

/**
 * Whether Word would refuse to delete `el`: a control in it (or it) cannot be deleted, or a
 * control around it does not let its contents change. `inside` is a model paragraph inside `el`
 * read before the edit, whose containers still name the controls around it.
 */
export function removeIsLocked(el: XmlElement, inside: Paragraph | undefined): boolean {
  const own = [...(isW(el, "sdt") ? [el] : []), ...descendantsW(el, "sdt")];
  if (own.some(deleteLocked)) return true;
  const around = (inside?.containers ?? []).map((c) => c.el).filter((sdt) => !isWithin(sdt, el));
  return [...around, ...ancestorControls(el)].some(contentLocked);
}

/** Whether Word would refuse to insert next to `el` (a control around it locks its contents). */
export function insertIsLocked(el: XmlElement): boolean {
  return ancestorControls(el).some(contentLocked);
}
