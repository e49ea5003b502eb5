import type { ControlDef } from "../../core/types";
import type { SdtInfo } from "../read/paragraph-model";
import { descendantsW, elementChildren, firstW, isW, W_NS, type XmlElement } from "../xml/dom";
import { make, ns, paragraph, placeholderRun, type BuildTarget } from "./dom-build";

/**
 * Fresh content controls: a control reset to show its placeholder (w:showingPlcHdr in schema
 * order, no date, no data binding), a new w:id, and a control made from the template's
 * `ControlDef` where the user deleted the document's own.
 */

const SDT_PR_ORDER_AFTER_PLACEHOLDER = new Set([
  "dataBinding",
  "label",
  "tabIndex",
  "docPartObj",
  "docPartList",
  "richText",
  "text",
  "dropDownList",
  "comboBox",
  "date",
  "picture",
  "citation",
  "group",
  "bibliography",
  "equation",
  "checkbox",
]);

/** Makes an sdtPr show its placeholder: w:showingPlcHdr in schema order, no date, no data binding. */
export function resetSdtPr(target: BuildTarget, sdtPr: XmlElement): void {
  for (const c of elementChildren(sdtPr)) {
    if (isW(c, "dataBinding") || isW(c, "showingPlcHdr")) sdtPr.removeChild(c);
    if (isW(c, "date")) {
      for (const n of W_NS) if (c.hasAttributeNS(n, "fullDate")) c.removeAttributeNS(n, "fullDate");
    }
  }
  sdtPr.insertBefore(make(target, "showingPlcHdr"), beforeType(sdtPr));
}

function beforeType(sdtPr: XmlElement): XmlElement | null {
  return elementChildren(sdtPr).find((c) => SDT_PR_ORDER_AFTER_PLACEHOLDER.has(c.localName ?? "")) ?? null;
}

/** Gives a control a fresh w:id (in schema order: after rPr, alias and tag). */
export function renewId(target: BuildTarget, sdtEl: XmlElement, id: string): void {
  const pr = firstW(sdtEl, "sdtPr");
  if (!pr) return;
  const existing = firstW(pr, "id");
  if (existing) {
    existing.setAttributeNS(ns(target), "w:val", id);
    return;
  }
  const after = elementChildren(pr).filter((c) => isW(c, "rPr") || isW(c, "alias") || isW(c, "tag"));
  const ref = after.length > 0 ? after[after.length - 1].nextSibling : pr.firstChild;
  pr.insertBefore(make(target, "id", { val: id }), ref);
}

function newSdtPr(target: BuildTarget, control: ControlDef): XmlElement {
  const children = [make(target, "showingPlcHdr")];
  if (control.kind === "plainText") children.push(make(target, "text"));
  if (control.kind === "dropDownList") {
    const items = (control.items ?? []).map((i) => make(target, "listItem", { displayText: i, value: i }));
    children.push(make(target, "dropDownList", {}, items));
  }
  if (control.kind === "date") {
    children.push(
      make(target, "date", {}, [
        make(target, "dateFormat", { val: "yyyy-MM-dd" }),
        make(target, "lid", { val: "sv-SE" }),
        make(target, "storeMappedDataAs", { val: "dateTime" }),
        make(target, "calendar", { val: "gregorian" }),
      ]),
    );
  }
  return make(target, "sdtPr", {}, children);
}

/** An sdtPr for a field: a copy of the document's own control for it when there is one. */
export function sdtPrFor(target: BuildTarget, donor: SdtInfo | null, control: ControlDef): XmlElement {
  const pr = donor ? firstW(donor.el, "sdtPr") : null;
  if (!pr) return newSdtPr(target, control);
  const copy = pr.cloneNode(true) as XmlElement;
  resetSdtPr(target, copy);
  return copy;
}

export function sdt(target: BuildTarget, sdtPr: XmlElement, content: XmlElement[]): XmlElement {
  return make(target, "sdt", {}, [sdtPr, make(target, "sdtContent", {}, content)]);
}

/** Empties a content control so that it shows `placeholder`, keeping its level and formatting. */
export function resetSdt(target: BuildTarget, info: SdtInfo, placeholder: string): void {
  const pr = firstW(info.el, "sdtPr");
  if (pr) resetSdtPr(target, pr);
  const content = firstW(info.el, "sdtContent");
  if (!content) return;
  const fresh = (first: XmlElement | null) =>
    paragraph(target, first ? firstW(first, "pPr") : null, [placeholderRun(target, placeholder)]);
  if (info.level === "run") {
    for (const c of elementChildren(content)) content.removeChild(c);
    content.appendChild(placeholderRun(target, placeholder));
  } else if (info.level === "cell") {
    for (const tc of elementChildren(content).filter((c) => isW(c, "tc"))) {
      const first = firstW(tc, "p");
      const p = fresh(first);
      for (const c of elementChildren(tc)) if (!isW(c, "tcPr")) tc.removeChild(c);
      tc.appendChild(p);
    }
  } else if (info.level === "block") {
    const first = descendantsW(content, "p")[0] ?? null;
    const p = fresh(first);
    for (const c of elementChildren(content)) content.removeChild(c);
    content.appendChild(p);
  }
}
