import { DOMParser, MIME_TYPE, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { PlanstodError } from "../core/messages";
import { scanXml } from "./limits";

/** WordprocessingML, transitional and strict. */
export const W_NS = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export type XmlDocument = Document;
export type XmlElement = Element;

/**
 * Parses an XML part. Unless the caller has already scanned it (`scanned`), the text is first
 * checked against the element and depth caps and for a DTD (limits.ts), so that no input makes
 * xmldom (or anything after it) run out of stack, time or memory.
 */
export function parseXml(
  text: string,
  partName: string,
  options: { scanned?: boolean; maxElements?: number } = {},
): XmlDocument {
  if (!options.scanned) scanXml(text, partName, { maxElements: options.maxElements });
  let failure: string | null = null;
  const parser = new DOMParser({
    // XML 1.0 line ends only: xmldom's default also turns U+0085 and U+2028 (XML 1.1) into line
    // feeds, which would change the user's characters.
    normalizeLineEndings: (source) => source.replace(/\r\n?/g, "\n"),
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

/**
 * Serialises a document so that parsing it again gives the same characters: a carriage return
 * in the DOM can only have come from `&#13;` (literal ones are line ends, read as line feeds), so
 * it is written as one again.
 */
export function serializeXml(node: Node): string {
  return new XMLSerializer().serializeToString(node).replace(/\r/g, "&#13;");
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
  // Iterative pre-order walk: no recursion on document depth.
  for (const child of descendants(el)) if (isW(child, name)) out.push(child);
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

/** Every descendant element of `el` in document order (pre-order), without recursion. */
export function* descendants(el: XmlElement): Generator<XmlElement> {
  let n = el.firstChild;
  while (n && n !== el) {
    if (n.nodeType === 1) {
      yield n as XmlElement;
      if (n.firstChild) {
        n = n.firstChild;
        continue;
      }
    }
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    if (!n || n === el) return;
    n = n.nextSibling;
  }
}
