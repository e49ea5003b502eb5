import { decodeEntities, localNameAt, tagEnd } from "../package/limits";

/**
 * The independent read-back of an edit: the main part's character data before and after, read
 * by a small tokenizer of its own (not xmldom, so it does not share the parser's or the
 * serializer's blind spots), must be the same except for one contiguous run of text nodes that
 * the new block brought in (add) or the removed block took away (remove).
 */

/** Elements whose text is the document's text, white space included. */
export const TEXT_ELEMENTS: ReadonlySet<string> = new Set(["t", "delText", "instrText"]);

/**
 * The text nodes of an XML text in document order, decoded as XML 1.0 says (line ends read as
 * line feeds, then character references). White space between elements is left out unless it
 * is inside a text element (w:t, w:delText, w:instrText).
 */
export function textNodes(xml: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  let i = 0;
  const push = (raw: string, cdata: boolean) => {
    const lines = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
    const text = cdata ? lines : decodeEntities(lines);
    if (text === "") return;
    const inText = stack.length > 0 && TEXT_ELEMENTS.has(stack[stack.length - 1]);
    if (inText || text.trim() !== "") out.push(text);
  };
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      push(xml.slice(i), false);
      break;
    }
    if (lt > i) push(xml.slice(i, lt), false);
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 && xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      i = end < 0 ? xml.length : end + 3;
    } else if (next === 33 && xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      push(xml.slice(lt + 9, end < 0 ? xml.length : end), true);
      i = end < 0 ? xml.length : end + 3;
    } else if (next === 63 || next === 33) {
      const end = xml.indexOf(">", lt);
      i = end < 0 ? xml.length : end + 1;
    } else {
      const found = tagEnd(xml, lt + 1);
      const end = found < 0 ? xml.length : found;
      if (next === 47) stack.pop();
      else if (xml.charCodeAt(end - 1) !== 47) stack.push(localNameAt(xml, lt + 1, end));
      i = end + 1;
    }
  }
  return out;
}

/**
 * Whether `longer` is `shorter` with one contiguous run of nodes inserted (and nothing else
 * changed): every node of `shorter` is there, in order, character for character.
 */
export function isOneInsertion(shorter: readonly string[], longer: readonly string[]): boolean {
  if (longer.length < shorter.length) return false;
  let prefix = 0;
  while (prefix < shorter.length && shorter[prefix] === longer[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shorter.length - prefix &&
    shorter[shorter.length - 1 - suffix] === longer[longer.length - 1 - suffix]
  )
    suffix++;
  return prefix + suffix === shorter.length;
}

/**
 * The read-back check of an edit: the text nodes of the main part's original text against those
 * of the text to be written (listed by the tree read-back, verify-serialized.ts, in the same pass).
 */
export function keepsUserText(before: string, after: readonly string[], op: "add" | "remove"): boolean {
  const a = textNodes(before);
  return op === "add" ? isOneInsertion(a, after) : isOneInsertion(after, a);
}
