import { DOMParser, MIME_TYPE, XMLSerializer } from "@xmldom/xmldom";
import type { XmlDocument, XmlDom } from "./xml";

/** @xmldom/xmldom as the engine's XML DOM (Node: the command line, tests, benchmarks). */
export const xmldom: XmlDom = {
  parse(text: string): XmlDocument | null {
    let failed = false;
    const parser = new DOMParser({
      // No line and column numbers on every node: nothing reads them, and they cost time.
      locator: false,
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
  serialize: (node) => new XMLSerializer().serializeToString(node),
};
