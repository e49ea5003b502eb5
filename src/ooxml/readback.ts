import { decodeEntities } from "./limits";

/**
 * The independent read-back of an edit: the main part's character data before and after, read
 * by a small tokenizer of its own (not xmldom, so it does not share the parser's or the
 * serializer's blind spots), must be the same except for one contiguous run of text nodes that
 * the new block brought in (add) or the removed block took away (remove).
 */

/** Elements whose text is the document's text, white space included. */
export const TEXT_ELEMENTS: ReadonlySet<string> = new Set(["t", "delText", "instrText"]);

/** The local name of the start tag whose name begins at `from` (up to white space, "/" or ">"). */
function localNameAt(xml: string, from: number): string {
  let start = from;
  let i = from;
  for (; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    if (c === 58) start = i + 1;
  }
  return xml.slice(start, i);
}

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
      let end = lt + 1;
      let quote = 0;
      for (; end < xml.length; end++) {
        const c = xml.charCodeAt(end);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62) break;
      }
      if (next === 47) stack.pop();
      else if (xml.charCodeAt(end - 1) !== 47) stack.push(localNameAt(xml, lt + 1));
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
 * The read-back check of an edit on the main part's text before and after it (the text after it,
 * or its text nodes when another reader has already listed them).
 */
export function keepsUserText(
  before: string,
  after: string | readonly string[],
  op: "add" | "remove",
): boolean {
  const a = textNodes(before);
  const b = typeof after === "string" ? textNodes(after) : after;
  return op === "add" ? isOneInsertion(a, b) : isOneInsertion(b, a);
}
