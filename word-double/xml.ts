/**
 * XML helpers for the Word double: namespaces, parsing, small DOM utilities.
 * The double is deliberately independent of src/ooxml so that it can emulate Word
 * without sharing the product's reading code (a shared bug would hide itself).
 */

import {
  DOMParser,
  MIME_TYPE,
  XMLSerializer,
  type Document as XmlDocument,
  type Element as XmlElement,
  type Node as XmlNode,
} from "@xmldom/xmldom";

export type { XmlDocument, XmlElement, XmlNode };

export const NS = {
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  w14: "http://schemas.microsoft.com/office/word/2010/wordml",
  w15: "http://schemas.microsoft.com/office/word/2012/wordml",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  pkg: "http://schemas.microsoft.com/office/2006/xmlPackage",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export const ELEMENT_NODE = 1;

/** Parses XML; throws a plain Error naming `what` on any parse error. */
export function parseXml(text: string, what: string): XmlDocument {
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") problems.push(message);
    },
  });
  let doc: XmlDocument;
  try {
    doc = parser.parseFromString(text, MIME_TYPE.XML_TEXT);
  } catch (error) {
    throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (problems.length > 0 || !doc.documentElement) {
    throw new Error(`${what}: ${problems.join("; ") || "no document element"}`);
  }
  return doc;
}

export function serializeXml(node: XmlNode): string {
  return new XMLSerializer().serializeToString(node);
}

export function isElement(node: XmlNode | null | undefined): node is XmlElement {
  return !!node && node.nodeType === ELEMENT_NODE;
}

/** True when `node` is the element `ns:localName`. */
export function isNs(node: XmlElement, ns: string, localName: string): boolean;
export function isNs(node: XmlNode | null | undefined, ns: string, localName: string): node is XmlElement;
export function isNs(node: XmlNode | null | undefined, ns: string, localName: string): boolean {
  return isElement(node) && node.namespaceURI === ns && node.localName === localName;
}

/** True when `node` is the WordprocessingML element `w:localName`. */
export function isW(node: XmlElement, localName: string): boolean;
export function isW(node: XmlNode | null | undefined, localName: string): node is XmlElement;
export function isW(node: XmlNode | null | undefined, localName: string): boolean {
  return isNs(node, NS.w, localName);
}

export function children(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

export function childW(el: XmlElement, localName: string): XmlElement | null {
  for (let n = el.firstChild; n; n = n.nextSibling) if (isW(n, localName)) return n;
  return null;
}

export function childNs(el: XmlElement, ns: string, localName: string): XmlElement | null {
  for (let n = el.firstChild; n; n = n.nextSibling) if (isNs(n, ns, localName)) return n;
  return null;
}

/** Descendant w:`localName` elements in document order. */
export function descendantsW(el: XmlElement | XmlDocument, localName: string): XmlElement[] {
  return Array.from(el.getElementsByTagNameNS(NS.w, localName));
}

export function wVal(el: XmlElement | null, name = "val"): string | null {
  if (!el) return null;
  return el.hasAttributeNS(NS.w, name) ? el.getAttributeNS(NS.w, name) : null;
}

/** An OOXML on/off property: present and not "0"/"false"/"off". */
export function onOff(el: XmlElement | null): boolean {
  if (!el) return false;
  const v = wVal(el);
  return v === null || !["0", "false", "off"].includes(v);
}

/** The nearest ancestor (not the node itself) satisfying `test`, stopping at `stop`. */
export function ancestor(
  node: XmlNode,
  test: (el: XmlElement) => boolean,
  stop?: XmlNode | null,
): XmlElement | null {
  for (let n = node.parentNode; n && n !== stop; n = n.parentNode) {
    if (isElement(n) && test(n)) return n;
  }
  return null;
}

export function ancestorW(node: XmlNode, localName: string, stop?: XmlNode | null): XmlElement | null {
  return ancestor(node, (el) => isW(el, localName), stop);
}

/** Creates a w: element in the document that owns `near`. */
export function createW(near: XmlNode, localName: string, attrs: Record<string, string> = {}): XmlElement {
  const doc = near.nodeType === 9 ? (near as XmlDocument) : near.ownerDocument;
  if (!doc) throw new Error("node without owner document");
  const el = doc.createElementNS(NS.w, `w:${localName}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttributeNS(NS.w, `w:${k}`, v);
  return el;
}

export function removeNode(node: XmlNode): void {
  node.parentNode?.removeChild(node);
}

/** Inserts `nodes` in order before `ref` (or at the end when `ref` is null). */
export function insertAllBefore(parent: XmlNode, nodes: readonly XmlNode[], ref: XmlNode | null): void {
  for (const n of nodes) parent.insertBefore(n, ref);
}

/** Whether `node` is (still) inside the tree rooted at `root`. */
export function isInside(node: XmlNode, root: XmlNode): boolean {
  for (let n: XmlNode | null = node; n; n = n.parentNode) if (n === root) return true;
  return false;
}
