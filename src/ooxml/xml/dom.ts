import type { Document, Element, Node } from "@xmldom/xmldom";
import { PlanstodError } from "../../core/messages";
import { scanXml } from "../package/limits";
import { W, W_NS, W_STRICT } from "./namespaces";

// The namespaces are xml/namespaces.ts's; re-exported for the modules that walk the DOM.
export { W, W_NS, XML_NS, XMLNS_NS } from "./namespaces";

// The engine uses only standard DOM Core (namespaces, tree walking and editing); the types are
// @xmldom/xmldom's, whichever implementation the host provides.
export type XmlDocument = Document;
export type XmlElement = Element;
export type XmlNode = Node;

/**
 * The XML DOM implementation the engine runs on, provided by its host: @xmldom/xmldom in Node
 * (src/ooxml/xml/xmldom-host.ts, installed by the .docx entry points), the browser's own DOMParser and
 * XMLSerializer in the task pane (src/taskpane/browser-xml.ts).
 */
export interface XmlDom {
  /** Parses a whole XML document; null (or a throw) when it is not well-formed. */
  parse(text: string): XmlDocument | null;
  serialize(node: XmlNode): string;
}

let current: XmlDom | null = null;

/** Chooses the XML DOM implementation for every later parse and serialisation. */
export function setXmlDom(dom: XmlDom): void {
  current = dom;
}

/** Installs `dom` unless the host has already chosen one. */
export function defaultXmlDom(dom: XmlDom): void {
  current ??= dom;
}

function xmlDom(): XmlDom {
  if (!current) throw new Error("No XML DOM implementation: the host must call setXmlDom() first");
  return current;
}

/**
 * Parses an XML part. Unless the caller has already scanned it (`scanned`), the text is first
 * checked against the element and depth caps and for a DTD (package/limits.ts), so that no input makes
 * xmldom (or anything after it) run out of stack, time or memory.
 */
export function parseXml(
  text: string,
  partName: string,
  options: { scanned?: boolean; maxElements?: number } = {},
): XmlDocument {
  if (!options.scanned) scanXml(text, partName, { maxElements: options.maxElements });
  let doc: XmlDocument | null;
  try {
    doc = xmlDom().parse(text);
  } catch {
    throw new PlanstodError("bad-xml", partName);
  }
  if (!doc?.documentElement) throw new PlanstodError("bad-xml", partName);
  return doc;
}

/**
 * Serialises a document so that parsing it again gives the same characters: a carriage return
 * in the DOM can only have come from `&#13;` (literal ones are line ends, read as line feeds), so
 * it is written as one again, whichever DOM implementation serialised it.
 */
export function serializeXml(node: XmlNode): string {
  return xmlDom().serialize(node).replace(/\r/g, "&#13;");
}

/** True when `el` is the WordprocessingML element `name`. */
export function isW(el: XmlElement, name: string): boolean {
  // The hottest test in the engine: two comparisons rather than a set lookup (W_NS's members).
  if (el.localName !== name) return false;
  const ns = el.namespaceURI;
  return ns === W || ns === W_STRICT;
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
  // An iterative walk over the tree's own links: no recursion, no array per element.
  const out: XmlElement[] = [];
  let n = el.firstChild;
  while (n) {
    if (n.nodeType === 1) {
      if (isW(n as XmlElement, name)) out.push(n as XmlElement);
      if (n.firstChild) {
        n = n.firstChild;
        continue;
      }
    }
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    if (!n || n === el) break;
    n = n.nextSibling;
  }
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
