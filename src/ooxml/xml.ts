import { DOMParser, MIME_TYPE, type Document, type Element } from "@xmldom/xmldom";
import { PlanstodError } from "../core/messages";

/** WordprocessingML, transitional and strict. */
export const W_NS = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export type XmlDocument = Document;
export type XmlElement = Element;

export function parseXml(text: string, partName: string): XmlDocument {
  let failure: string | null = null;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning" && failure === null) failure = message;
    },
  });
  let doc: XmlDocument;
  try {
    doc = parser.parseFromString(text, MIME_TYPE.XML_TEXT);
  } catch {
    throw new PlanstodError("bad-xml", partName);
  }
  if (failure !== null || !doc.documentElement) throw new PlanstodError("bad-xml", partName);
  return doc;
}

/** True when `el` is the WordprocessingML element `name`. */
export function isW(el: XmlElement, name: string): boolean {
  return el.localName === name && W_NS.has(el.namespaceURI ?? "");
}

export function elementChildren(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) out.push(n as XmlElement);
  }
  return out;
}

export function firstW(el: XmlElement, name: string): XmlElement | null {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && isW(n as XmlElement, name)) return n as XmlElement;
  }
  return null;
}

/** The value of a w:-namespaced attribute (w:val, w:id, ...), or null. */
export function wAttr(el: XmlElement, name: string): string | null {
  for (const ns of W_NS) {
    if (el.hasAttributeNS(ns, name)) return el.getAttributeNS(ns, name);
  }
  return el.hasAttribute(name) ? el.getAttribute(name) : null;
}

/** Every descendant WordprocessingML element named `name`, in document order. */
export function descendantsW(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (node: XmlElement) => {
    for (const child of elementChildren(node)) {
      if (isW(child, name)) out.push(child);
      walk(child);
    }
  };
  walk(el);
  return out;
}

/** A boolean property element such as <w:showingPlcHdr/>: present and not w:val="0"/"false". */
export function onOff(parent: XmlElement, name: string): boolean {
  const el = firstW(parent, name);
  if (!el) return false;
  const val = wAttr(el, "val");
  return val === null || !["0", "false", "off"].includes(val);
}

/** Whether `ancestor` is `el` or holds it. */
export function isWithin(el: XmlElement, ancestor: XmlElement): boolean {
  for (let n: XmlElement | null = el; n; n = n.parentNode as XmlElement | null)
    if (n === ancestor) return true;
  return false;
}
