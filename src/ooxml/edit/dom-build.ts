import { elementChildren, isW, type XmlDocument, type XmlElement } from "../xml/dom";
import { W, XML_NS } from "../xml/namespaces";

/**
 * DOM builders for edits of a WordprocessingML part: elements in the part's own namespace, runs,
 * placeholder runs and paragraphs, and removals that leave the part valid.
 */

/** What the builders need of an edit: the part's document and body, and its placeholder style. */
export interface BuildTarget {
  doc: XmlDocument;
  body: XmlElement;
  /** The style id of Word's "Placeholder Text" character style, if the document has one. */
  placeholderStyle: string | null;
}

export function ns(target: BuildTarget): string {
  return target.body.namespaceURI ?? W;
}

export function make(
  target: BuildTarget,
  name: string,
  attrs: Record<string, string> = {},
  children: XmlElement[] = [],
) {
  const el = target.doc.createElementNS(ns(target), `w:${name}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttributeNS(ns(target), `w:${k}`, v);
  for (const c of children) el.appendChild(c);
  return el;
}

export function textRun(target: BuildTarget, text: string, rPr: XmlElement | null): XmlElement {
  const t = make(target, "t");
  t.setAttributeNS(XML_NS, "xml:space", "preserve");
  t.appendChild(target.doc.createTextNode(text));
  const r = make(target, "r");
  if (rPr) r.appendChild(rPr.cloneNode(true) as XmlElement);
  r.appendChild(t);
  return r;
}

export function placeholderRun(target: BuildTarget, text: string): XmlElement {
  const rPr = target.placeholderStyle
    ? make(target, "rPr", {}, [make(target, "rStyle", { val: target.placeholderStyle })])
    : make(target, "rPr", {}, [make(target, "color", { val: "808080" })]);
  return textRun(target, text, rPr);
}

/** A paragraph with the given paragraph properties (copied) and runs. */
export function paragraph(target: BuildTarget, pPr: XmlElement | null, runs: XmlElement[]): XmlElement {
  const p = make(target, "p");
  if (pPr) {
    const copy = pPr.cloneNode(true) as XmlElement;
    for (const sect of elementChildren(copy).filter((c) => isW(c, "sectPr"))) copy.removeChild(sect);
    p.appendChild(copy);
  }
  for (const r of runs) p.appendChild(r);
  return p;
}

export function remove(el: XmlElement): void {
  el.parentNode?.removeChild(el);
}

export function ancestor(el: XmlElement, test: (e: XmlElement) => boolean): XmlElement | null {
  for (
    let n = el.parentNode as XmlElement | null;
    n && n.nodeType === 1;
    n = n.parentNode as XmlElement | null
  ) {
    if (test(n)) return n;
  }
  return null;
}

/** The child of `root` that holds `el` (the element itself when it is a child). */
export function topLevel(el: XmlElement, root: XmlElement): XmlElement {
  let n: XmlElement = el;
  while (n.parentNode && n.parentNode !== root) n = n.parentNode as XmlElement;
  return n;
}

/** Removes a paragraph, leaving a table cell with at least one paragraph (OOXML requires it). */
export function removeParagraph(target: BuildTarget, p: XmlElement): void {
  const parent = p.parentNode as XmlElement | null;
  remove(p);
  if (parent && isW(parent, "tc") && !elementChildren(parent).some((c) => isW(c, "p") || isW(c, "tbl"))) {
    parent.appendChild(paragraph(target, null, []));
  }
}
