/**
 * When Word cannot hand over the document as OOXML. body.getOoxml() has thrown on some
 * documents on the web and on the desktop (office-js #3898, #6016, #6059); then the paragraph
 * texts usually still load. From them the adapter recognises the template (recognition works
 * on paragraph texts) so the pane can show the template's outline; statuses are not shown,
 * because tables, content controls and placeholders cannot be told apart in plain texts and a
 * wrong "ifylld" would be worse than none. The pane words it from the problem code "degraded".
 */
import { buildModel } from "../ooxml/read/paragraph-model";
import { recognise } from "../ooxml/read/recognise";
import { parseXml, W, firstW } from "../ooxml/xml/dom";
import type { TemplateDef } from "../core/types";
import { normalizeWordText } from "./text-match";

/** Text safe for an XML text node: markup escaped, control characters (not allowed in XML 1.0) dropped. */
function escapeXml(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) out += " ";
    else if (code === 0xfffe || code === 0xffff) continue;
    else out += ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch;
  }
  return out;
}

/** The template the paragraph texts come from, or null. */
export function templateFromTexts(texts: readonly string[]): TemplateDef | null {
  const paragraphs = texts
    .map((t) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(normalizeWordText(t))}</w:t></w:r></w:p>`)
    .join("");
  const doc = parseXml(`<w:document xmlns:w="${W}"><w:body>${paragraphs}</w:body></w:document>`, "texts");
  const body = doc.documentElement ? firstW(doc.documentElement, "body") : null;
  if (!body) return null;
  return recognise(buildModel([{ root: body, part: "body" }]));
}
