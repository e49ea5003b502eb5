import { DOMParser, MIME_TYPE, XMLSerializer } from "@xmldom/xmldom";
import domParser from "@xmldom/xmldom/lib/dom-parser";
import grammar from "@xmldom/xmldom/lib/grammar";
import { writeXml } from "./serialize";
import type { XmlDocument, XmlDom } from "./dom";

/**
 * Two costs in @xmldom/xmldom 0.9 that its own tests do not see, together over a third of a large
 * parse: its parser compiles a new Unicode pattern for every end tag it reads (grammar.reg, from
 * the same pieces each time), and its DOM tests every element's and attribute's qualified name
 * against another such pattern although the parser has just read it. Both answers depend only on
 * their input, so they are remembered: a pattern is compiled once, a name tested once. The caches
 * are bounded (a hostile document with a million distinct names is slower, not larger); if a later
 * xmldom renames either member, nothing is wrapped and parsing is only slower.
 */
function rememberPatterns(): void {
  const LIMIT = 10_000;
  const { reg, QName_exact: qname } = grammar;
  if (typeof reg === "function") {
    const compiled = new Map<string, RegExp>();
    // The parser passes the grammar's own RegExp objects: they are keyed by identity, not source.
    const ids = new WeakMap<RegExp, number>();
    let next = 0;
    const idOf = (p: RegExp) => {
      let id = ids.get(p);
      if (id === undefined) ids.set(p, (id = next++));
      return id;
    };
    // The parser asks for the same pattern at every end tag: the last one is kept at hand.
    let lastParts: (string | RegExp)[] = [];
    let lastMade: RegExp | null = null;
    grammar.reg = function (this: unknown, ...parts: (string | RegExp)[]): RegExp {
      if (lastMade && parts.length === lastParts.length && parts.every((p, i) => p === lastParts[i]))
        return lastMade;
      // The parser's patterns carry no g or y flag: a shared RegExp keeps no state between uses.
      let key = "";
      for (const p of parts) key += typeof p === "string" ? `s${p.length}:${p}` : `r${idOf(p)};`;
      const known = compiled.get(key);
      if (known) {
        lastParts = parts;
        lastMade = known;
        return known;
      }
      const made = reg.apply(this, parts);
      if (compiled.size < LIMIT && !made.global && !made.sticky) compiled.set(key, made);
      return made;
    };
  }
  if (typeof qname?.test === "function") {
    const valid = new Set<string>();
    grammar.QName_exact = {
      test(name: string): boolean {
        if (valid.has(name)) return true;
        const ok = qname.test(name);
        if (ok && valid.size < LIMIT) valid.add(name);
        return ok;
      },
    };
  }
}
rememberPatterns();

/**
 * xmldom's tree builder ends every parse by normalising the whole document (a walk over every
 * node to merge adjacent text nodes), which its parser never produces: one text node per run of
 * character data, CDATA sections apart. The builder used here skips that walk; the engine reads
 * a run of text nodes as one anyway.
 */
const Builder = domParser.__DOMHandler;
const TreeBuilder =
  typeof Builder === "function"
    ? class extends Builder {
        override endDocument(): void {}
      }
    : undefined;

/** @xmldom/xmldom as the engine's XML DOM (Node: the command line, tests, benchmarks). */
export const xmldom: XmlDom = {
  parse(text: string): XmlDocument | null {
    let failed = false;
    const parser = new DOMParser({
      // No line and column numbers on every node: nothing reads them, and they cost time.
      locator: false,
      domHandler: TreeBuilder,
      // XML 1.0 line ends only: xmldom's default also turns U+0085 and U+2028 (XML 1.1) into line
      // feeds, which would change the user's characters.
      normalizeLineEndings: (source) => source.replace(/\r\n?/g, "\n"),
      onError: (level) => {
        if (level !== "warning") failed = true;
      },
    });
    const doc = parser.parseFromString(text, MIME_TYPE.XML_TEXT);
    return failed ? null : doc;
  },
  // The plain serializer where it can (a third of the time); xmldom's, with its fix-ups, otherwise.
  serialize: (node) => writeXml(node) ?? new XMLSerializer().serializeToString(node),
};
