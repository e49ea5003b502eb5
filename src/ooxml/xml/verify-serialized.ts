import { isXmlChar, tagEnd } from "../package/limits";
import { TEXT_ELEMENTS } from "./verify-text";
import { XML_NS, XMLNS_NS, type XmlDocument, type XmlElement, type XmlNode } from "./dom";

/**
 * The structural read-back of an edit: the XML text about to be written, read by a small reader
 * of its own (not the DOM implementation's parser, so it shares neither the parser's nor the
 * serializer's blind spots), must be the very tree the edit was verified on: the same elements
 * with the same qualified names and namespaces, the same attributes and values, the same text,
 * comments and processing instructions, in the same order. Together with the text read-back
 * (xml/verify-text.ts) this is what makes re-parsing the written part with the DOM unnecessary: a tree
 * that is proved equal to the verified one gives the verified report.
 *
 * The reader follows XML 1.0 and Namespaces in XML for what a serializer writes: line ends read
 * as line feeds, white space in attribute values as spaces, the five predefined entities and
 * character references, CDATA sections; anything else it does not understand (a DTD, an unknown
 * entity, an unbound prefix, a mismatched end tag) is a difference, never a guess.
 */

/** Prefix bindings in scope: a chain of the elements' own declarations. */
interface Scope {
  prefixes: Map<string, string>;
  parent: Scope | null;
}

function resolve(scope: Scope | null, prefix: string): string | null | undefined {
  if (prefix === "xml") return XML_NS;
  for (let s = scope; s; s = s.parent) {
    const uri = s.prefixes.get(prefix);
    if (uri !== undefined) return uri === "" ? null : uri;
  }
  return prefix === "" ? null : undefined;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Characters XML 1.0 does not allow in a document, even written as they are (C0 controls, U+FFFE/F). */
// eslint-disable-next-line no-control-regex -- these are the characters looked for
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * An attribute value as a parser reads it: line ends and white space normalised, then references
 * (decoded() refuses the characters XML does not allow).
 */
function attributeValue(raw: string): string | null {
  if (raw.includes("<")) return null;
  const spaced = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ") : raw;
  return decoded(spaced);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/y;

/** Character data with its references decoded, or null when one is unknown or malformed. */
function decoded(raw: string): string | null {
  let at = raw.indexOf("&");
  if (at < 0) return NOT_XML.test(raw) ? null : raw;
  if (NOT_XML.test(raw)) return null;
  let out = "";
  let from = 0;
  while (at >= 0) {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(raw);
    if (!m) return null;
    out += raw.slice(from, at);
    if (m[3]) out += NAMED[m[3]];
    else {
      const code = m[1] ? parseInt(m[1], 16) : parseInt(m[2], 10);
      if (!isXmlChar(code)) return null;
      out += String.fromCodePoint(code);
    }
    from = REFERENCE.lastIndex;
    at = raw.indexOf("&", from);
  }
  return out + raw.slice(from);
}

/**
 * Walks a DOM in document order as the reader sees it: runs of adjacent text and CDATA nodes as
 * one text, empty texts left out; at document level only elements, comments and processing
 * instructions other than the XML declaration count.
 */
class DomCursor {
  private node: XmlNode | null;
  private readonly root: XmlDocument;
  constructor(doc: XmlDocument) {
    this.root = doc;
    this.node = doc.firstChild;
  }

  /** The text of the run at the cursor, when peek() found one. */
  text = "";

  /**
   * The next significant node, after skipping what the reader does not see (null at the end of
   * the current element's children); when it starts a text run, the run's text is in `text`.
   */
  peek(): XmlNode | null {
    this.text = "";
    for (;;) {
      const n = this.node;
      if (!n) return null;
      const type = n.nodeType;
      if (type === 3 || type === 4) {
        if (n.parentNode === this.root) {
          this.node = n.nextSibling;
          continue;
        }
        let text = "";
        let m: XmlNode | null = n;
        while (m && (m.nodeType === 3 || m.nodeType === 4)) {
          text += (m as unknown as { data: string }).data;
          m = m.nextSibling;
        }
        if (text === "") {
          this.node = m;
          continue;
        }
        this.text = text;
        return n;
      }
      if (
        (type === 7 && (n as unknown as { target: string }).target === "xml") ||
        (type === 10 && n.parentNode === this.root)
      ) {
        this.node = n.nextSibling;
        continue;
      }
      return n;
    }
  }

  /** Moves past the text run that starts at the cursor. */
  skipText(): void {
    let m = this.node;
    while (m && (m.nodeType === 3 || m.nodeType === 4)) m = m.nextSibling;
    this.node = m;
  }

  /** Moves past a comment or processing instruction. */
  skipLeaf(): void {
    this.node = this.node?.nextSibling ?? null;
  }

  /** Moves into an element: its first child is next. */
  enter(el: XmlElement): void {
    this.node = el.firstChild;
  }

  /** Whether the element's children are all read; if so, moves past it. */
  leave(el: XmlElement): boolean {
    if (this.peek() !== null) return false;
    this.node = el.nextSibling;
    return true;
  }
}

const isDeclaration = (name: string): boolean =>
  name.charCodeAt(0) === 120 && (name === "xmlns" || name.startsWith("xmlns:")); // "x"

/**
 * Whether an element's own attributes (namespace declarations aside) are the first `count` of
 * `names`/`values` read from its start tag, with the namespaces `scope` gives their prefixes.
 */
function sameAttributes(
  el: XmlElement,
  names: readonly string[],
  values: readonly string[],
  count: number,
  scope: Scope | null,
): boolean {
  const own = el.attributes;
  // Serializers write attributes in the tree's order: matched in step, searched only when not.
  let k = 0;
  let seen = 0;
  for (let i = 0; i < own.length; i++) {
    const a = own.item(i);
    if (!a || a.namespaceURI === XMLNS_NS || isDeclaration(a.name)) continue;
    seen++;
    while (k < count && isDeclaration(names[k])) k++;
    const at = k < count && names[k] === a.name ? k : names.indexOf(a.name);
    if (at < 0 || at >= count) return false;
    if (at === k) k++;
    if (values[at] !== a.value) return false;
    const colon = a.name.indexOf(":");
    const ns = colon < 0 ? null : resolve(scope, a.name.slice(0, colon));
    if (ns !== (a.namespaceURI || null)) return false;
  }
  let wanted = 0;
  for (let j = 0; j < count; j++) if (!isDeclaration(names[j])) wanted++;
  return seen === wanted;
}

/**
 * Whether `xml` reads as exactly the tree of `doc`; otherwise a short reason (for tests and
 * diagnostics), naming the offset where the two part. `texts`, when given, receives the text
 * nodes of `xml` as textNodes() in verify-text.ts reads them.
 */
export function writesSameTree(xml: string, doc: XmlDocument, texts?: string[]): true | string {
  const dom = new DomCursor(doc);
  // The open elements, and for each the scope outside it and whether it is a text element.
  const open: XmlElement[] = [];
  const outerScopes: (Scope | null)[] = [];
  const textElement: boolean[] = [];
  // The attributes of the start tag being read (reused from tag to tag).
  const names: string[] = [];
  const values: string[] = [];
  /** Collects a text node as verify-text.ts's textNodes() would (one pass serves both read-backs). */
  const collect = (value: string) => {
    if (!texts || value === "") return;
    if ((open.length > 0 && textElement[open.length - 1]) || value.trim() !== "") texts.push(value);
  };
  let scope: Scope | null = null;
  let text = "";
  let textAt = -1;
  let roots = 0;
  const differ = (at: number, what: string) => `at ${at}: ${what}`;

  /** Compares the pending text run, if any, with the DOM's. */
  const flushText = (): true | string => {
    if (textAt < 0) return true;
    const at = textAt;
    textAt = -1;
    if (open.length === 0) {
      // Outside the root: only white space, which the DOM may or may not keep.
      return /^[ \t\n\r]*$/.test(text) ? true : differ(at, "text outside the root element");
    }
    if (dom.peek() === null || dom.text !== text) return differ(at, "text differs");
    dom.skipText();
    return true;
  };

  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const stop = lt < 0 ? xml.length : lt;
    if (stop > i) {
      const raw = xml.slice(i, stop);
      const value = decoded(raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw);
      if (value === null) return differ(i, "a bad reference or a character XML does not allow");
      if (textAt < 0) {
        textAt = i;
        text = "";
      }
      text += value;
      collect(value);
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 && xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0 || open.length === 0) return differ(lt, "a CDATA section out of place");
      if (textAt < 0) {
        textAt = lt;
        text = "";
      }
      const data = xml.slice(lt + 9, end).replace(/\r\n?/g, "\n");
      text += data;
      collect(data);
      i = end + 3;
      continue;
    }
    const flushed = flushText();
    if (flushed !== true) return flushed;
    if (next === 33) {
      if (!xml.startsWith("<!--", lt)) return differ(lt, "a declaration (DTD)");
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) return differ(lt, "an unclosed comment");
      const node = dom.peek();
      if (!node || node.nodeType !== 8) return differ(lt, "a comment the tree does not have");
      if ((node as unknown as { data: string }).data !== xml.slice(lt + 4, end).replace(/\r\n?/g, "\n"))
        return differ(lt, "comment differs");
      dom.skipLeaf();
      i = end + 3;
      continue;
    }
    if (next === 63) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) return differ(lt, "an unclosed processing instruction");
      const body = xml.slice(lt + 2, end);
      const m = /^([^\s?]+)\s*([\s\S]*)$/.exec(body);
      if (!m) return differ(lt, "a malformed processing instruction");
      i = end + 2;
      if (m[1] === "xml") {
        if (lt !== 0) return differ(lt, "an XML declaration not at the start");
        continue;
      }
      const node = dom.peek();
      if (!node || node.nodeType !== 7) return differ(lt, "a processing instruction the tree does not have");
      const pi = node as unknown as { target: string; data: string };
      if (pi.target !== m[1] || pi.data !== m[2].replace(/\r\n?/g, "\n"))
        return differ(lt, "processing instruction differs");
      dom.skipLeaf();
      continue;
    }
    // A start or end tag: found to its end, outside quoted values.
    const end = tagEnd(xml, lt + 1);
    if (end < 0) return differ(lt, "an unclosed tag");
    i = end + 1;
    if (next === 47) {
      let nameEnd = lt + 2;
      while (nameEnd < end && !isSpace(xml.charCodeAt(nameEnd))) nameEnd++;
      for (let k = nameEnd; k < end; k++)
        if (!isSpace(xml.charCodeAt(k))) return differ(lt, "a malformed end tag");
      const top = open.pop();
      if (!top || nameEnd - lt - 2 !== top.nodeName.length || !xml.startsWith(top.nodeName, lt + 2))
        return differ(lt, "an end tag that does not match");
      if (!dom.leave(top)) return differ(lt, "the tree has more children here");
      scope = outerScopes.pop() ?? null;
      textElement.pop();
      continue;
    }
    const selfClosing = xml.charCodeAt(end - 1) === 47;
    const inner = selfClosing ? end - 1 : end;
    let nameEnd = lt + 1;
    while (nameEnd < inner && !isSpace(xml.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === lt + 1) return differ(lt, "a tag without a name");
    // Attributes: name = "value", separated by white space.
    let count = 0;
    let declares = false;
    let j = nameEnd;
    for (;;) {
      while (j < inner && isSpace(xml.charCodeAt(j))) j++;
      if (j >= inner) break;
      const eq = xml.indexOf("=", j);
      if (eq < 0 || eq >= inner) return differ(j, "a malformed attribute");
      let nameStop = eq;
      while (nameStop > j && isSpace(xml.charCodeAt(nameStop - 1))) nameStop--;
      const name = xml.slice(j, nameStop);
      let q = eq + 1;
      while (q < inner && isSpace(xml.charCodeAt(q))) q++;
      const quote = xml.charCodeAt(q);
      if (quote !== 34 && quote !== 39) return differ(q, "an unquoted attribute value");
      const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0 || close >= inner) return differ(q, "an unclosed attribute value");
      const value = attributeValue(xml.slice(q + 1, close));
      // The name itself is checked against the tree's (which its DOM validated).
      if (value === null || name === "") return differ(j, "a malformed attribute");
      for (let k = 0; k < count; k++) if (names[k] === name) return differ(j, "a repeated attribute");
      names[count] = name;
      values[count] = value;
      count++;
      declares ||= isDeclaration(name);
      j = close + 1;
      if (j < inner && !isSpace(xml.charCodeAt(j))) return differ(j, "attributes not separated");
    }
    // Namespace declarations open a scope for this element.
    const outer = scope;
    if (declares) {
      const prefixes = new Map<string, string>();
      for (let k = 0; k < count; k++)
        if (isDeclaration(names[k])) prefixes.set(names[k] === "xmlns" ? "" : names[k].slice(6), values[k]);
      scope = { prefixes, parent: scope };
    }
    if (open.length === 0 && ++roots > 1) return differ(lt, "a second root element");
    const node = dom.peek();
    if (!node || node.nodeType !== 1) return differ(lt, "an element the tree does not have");
    const el = node as XmlElement;
    const qname = el.nodeName;
    if (nameEnd - lt - 1 !== qname.length || !xml.startsWith(qname, lt + 1))
      return differ(lt, `element differs (${xml.slice(lt + 1, nameEnd)})`);
    const colon = qname.indexOf(":");
    const ns = resolve(scope, colon < 0 ? "" : qname.slice(0, colon));
    if (ns === undefined) return differ(lt, "an unbound prefix");
    if ((el.namespaceURI || null) !== ns) return differ(lt, `element differs (${qname})`);
    if (!sameAttributes(el, names, values, count, scope)) return differ(lt, `attributes differ (${qname})`);
    dom.enter(el);
    if (selfClosing) {
      if (!dom.leave(el)) return differ(lt, "the tree has children here");
      scope = outer;
    } else {
      open.push(el);
      outerScopes.push(outer);
      textElement.push(TEXT_ELEMENTS.has(colon < 0 ? qname : qname.slice(colon + 1)));
    }
  }
  const last = flushText();
  if (last !== true) return last;
  if (open.length > 0) return differ(xml.length, "unclosed elements");
  if (roots !== 1) return differ(xml.length, "no root element");
  if (dom.peek() !== null) return differ(xml.length, "the tree has more nodes");
  return true;
}
