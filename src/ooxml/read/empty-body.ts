import { key } from "../../core/text";
import { buildModel } from "./paragraph-model";
import { elementChildren, wAttr, type XmlElement } from "../xml/dom";

/** Content that is not text but still makes a document non-empty. */
const CONTENT = new Set(["tbl", "sdt", "drawing", "pict", "object", "txbxContent", "fldSimple"]);

const isContent = (el: XmlElement): boolean =>
  el.localName === "br" ? wAttr(el, "type") === "page" : CONTENT.has(el.localName ?? "");

function hasContent(el: XmlElement): boolean {
  return elementChildren(el).some((child) => isContent(child) || hasContent(child));
}

/**
 * Whether a body holds nothing at all: no text, no table, control, picture, object or page break.
 * Planstöd creates a new plan only in such a document, so that it never mixes with a user's text.
 */
export function isEmptyBody(body: XmlElement): boolean {
  const model = buildModel([{ root: body, part: "body" }]);
  if (model.paragraphs.some((p) => key(p.text) !== "")) return false;
  return !hasContent(body);
}
