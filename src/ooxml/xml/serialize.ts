import { XML_NS, XMLNS_NS, type XmlElement, type XmlNode } from "./dom";

/**
 * A plain serializer for the trees the engine edits: elements, attributes, text, CDATA sections,
 * comments and processing instructions, written as they are, with the namespace declarations the
 * tree already holds. It makes no namespace fix-ups: when a name's prefix is not bound to its
 * namespace where it stands (or the tree holds anything else, such as a document type), it
 * returns null and the host uses its DOM's own serializer. What it writes is verified like any
 * serializer's before an edit is written (verify-serialized.ts, verify-text.ts). In Node it is about three
 * times faster than @xmldom/xmldom's XMLSerializer on a large part.
 */

// Its own prefix scopes, deliberately not shared with verify-serialized.ts: the reader that verifies this
// writer must not share its blind spots.
interface Scope {
  prefixes: Map<string, string>;
  parent: Scope | null;
}

function bound(scope: Scope | null, prefix: string): string | null {
  if (prefix === "xml") return XML_NS;
  for (let s = scope; s; s = s.parent) {
    const uri = s.prefixes.get(prefix);
    if (uri !== undefined) return uri === "" ? null : uri;
  }
  return null;
}

const escapeText = (s: string): string =>
  /[&<>]/.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : s;

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};
const escapeAttribute = (s: string): string =>
  /[&<>"\t\n\r]/.test(s) ? s.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]) : s;

const prefixOf = (qname: string): string => {
  const colon = qname.indexOf(":");
  return colon < 0 ? "" : qname.slice(0, colon);
};

/** The start tag of an element, or null when a name's prefix is not bound to its namespace. */
function startTag(el: XmlElement, outer: Scope | null): { tag: string; scope: Scope | null } | null {
  const attrs = el.attributes;
  let scope = outer;
  // The element's own declarations first: they are in scope for its name and attributes.
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i);
    if (!a) continue;
    if (a.name === "xmlns" || a.name.startsWith("xmlns:")) {
      if (scope === outer) scope = { prefixes: new Map(), parent: outer };
      scope?.prefixes.set(a.name === "xmlns" ? "" : a.name.slice(6), a.value);
    }
  }
  const name = el.nodeName;
  if (bound(scope, prefixOf(name)) !== (el.namespaceURI || null)) return null;
  let tag = `<${name}`;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i);
    if (!a) continue;
    const declaration = a.name === "xmlns" || a.name.startsWith("xmlns:");
    if (declaration) {
      if (a.namespaceURI && a.namespaceURI !== XMLNS_NS) return null;
    } else {
      const prefix = prefixOf(a.name);
      const ns = a.namespaceURI || null;
      if (prefix === "" ? ns !== null : bound(scope, prefix) !== ns) return null;
    }
    tag += ` ${a.name}="${escapeAttribute(a.value)}"`;
  }
  return { tag, scope };
}

/** `node` (a document or an element) as XML text, or null when it needs a serializer with fix-ups. */
export function writeXml(node: XmlNode): string | null {
  let out = "";
  // An explicit stack: documents may nest deeper than the call stack allows.
  const stack: { el: XmlElement | null; next: XmlNode | null; scope: Scope | null }[] = [];
  const visit = (n: XmlNode, scope: Scope | null): boolean => {
    switch (n.nodeType) {
      case 1: {
        const el = n as XmlElement;
        const start = startTag(el, scope);
        if (!start) return false;
        if (!el.firstChild) out += `${start.tag}/>`;
        else {
          out += `${start.tag}>`;
          stack.push({ el, next: el.firstChild, scope: start.scope });
        }
        return true;
      }
      case 3:
        out += escapeText((n as unknown as { data: string }).data);
        return true;
      case 4: {
        const data = (n as unknown as { data: string }).data;
        if (data.includes("]]>")) return false;
        out += `<![CDATA[${data}]]>`;
        return true;
      }
      case 7: {
        const pi = n as unknown as { target: string; data: string };
        if (pi.data.includes("?>")) return false;
        out += pi.data === "" ? `<?${pi.target}?>` : `<?${pi.target} ${pi.data}?>`;
        return true;
      }
      case 8: {
        const data = (n as unknown as { data: string }).data;
        if (data.includes("--")) return false;
        out += `<!--${data}-->`;
        return true;
      }
      default:
        return false;
    }
  };
  if (node.nodeType === 9) stack.push({ el: null, next: node.firstChild, scope: null });
  else if (!visit(node, null)) return null;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const n = frame.next;
    if (!n) {
      stack.pop();
      if (frame.el) out += `</${frame.el.nodeName}>`;
      continue;
    }
    frame.next = n.nextSibling;
    // Outside the root element only white space can stand (the line break after the declaration).
    if (!frame.el && (n.nodeType === 3 || n.nodeType === 4)) {
      const data = (n as unknown as { data: string }).data;
      if (!/^[ \t\r\n]*$/.test(data)) return null;
      out += data;
      continue;
    }
    if (!visit(n, frame.scope)) return null;
  }
  return out;
}
