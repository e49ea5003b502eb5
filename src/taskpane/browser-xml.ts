import type { XmlDocument, XmlDom } from "../ooxml/xml/dom";

/**
 * The browser's own DOMParser and XMLSerializer as the engine's XML DOM: the task pane needs no
 * XML library of its own. A document that is not well-formed comes back holding a `parsererror`
 * element (Chromium and WebKit put it in the XHTML namespace, Firefox and jsdom in Mozilla's).
 */
const PARSER_ERROR_NS = [
  "http://www.w3.org/1999/xhtml",
  "http://www.mozilla.org/newlayout/xml/parsererror.xml",
];

export function browserXmlDom(window: Pick<typeof globalThis, "DOMParser" | "XMLSerializer">): XmlDom {
  const serializer = new window.XMLSerializer();
  return {
    parse(text: string): XmlDocument | null {
      const doc = new window.DOMParser().parseFromString(text, "application/xml");
      for (const ns of PARSER_ERROR_NS)
        if (doc.getElementsByTagNameNS(ns, "parsererror").length > 0) return null;
      return doc as unknown as XmlDocument;
    },
    serialize: (node) => serializer.serializeToString(node as unknown as Node),
  };
}
