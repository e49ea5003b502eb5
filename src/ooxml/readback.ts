import { decodeEntities } from "./limits";

/**
 * The independent read-back of an edit: the main part's character data before and after, read
 * by a small tokenizer of its own (not xmldom, so it does not share the parser's or the
 * serializer's blind spots), must be the same except for one contiguous run of text nodes that
 * the new block brought in (add) or the removed block took away (remove).
 */

/** Elements whose text is the document's text, white space included. */
const TEXT_ELEMENTS = new Set(["t", "delText", "instrText"]);

const localName = (qname: string): string => {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
};

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
    const text = cdata ? raw.replace(/\r\n?/g, "\n") : decodeEntities(raw.replace(/\r\n?/g, "\n"));
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
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      i = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      push(xml.slice(lt + 9, end < 0 ? xml.length : end), true);
      i = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith("<?", lt) || xml.startsWith("<!", lt)) {
      const end = xml.indexOf(">", lt);
      i = end < 0 ? xml.length : end + 1;
    } else {
      let end = lt + 1;
      let quote = "";
      for (; end < xml.length; end++) {
        const c = xml[end];
        if (quote) {
          if (c === quote) quote = "";
        } else if (c === '"' || c === "'") quote = c;
        else if (c === ">") break;
      }
      const tag = xml.slice(lt + 1, end);
      if (tag.startsWith("/")) stack.pop();
      else if (!tag.endsWith("/")) stack.push(localName(/^[^\s/>]*/.exec(tag)?.[0] ?? ""));
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

/** The read-back check of an edit on the main part's text before and after it. */
export function keepsUserText(before: string, after: string, op: "add" | "remove"): boolean {
  const a = textNodes(before);
  const b = textNodes(after);
  return op === "add" ? isOneInsertion(a, b) : isOneInsertion(b, a);
}
