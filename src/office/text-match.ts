/**
 * How Word's `Paragraph.text` is compared with the engine's paragraph model.
 *
 * Word does not report a paragraph's text the way the OOXML reads:
 * - Tracked deletions: Word on the web always, and Word on the desktop while markup is shown,
 *   keep the deleted text in `.text` (office-js #1267, #5286); with markup hidden it is left out.
 *   The model's `text` is the accepted text (deletions left out). A paragraph therefore matches
 *   when Word's text equals either the accepted text or the text as displayed with deletions.
 * - Footnote and endnote reference marks come back as a control character (U+0002 on the
 *   desktop, U+FFFD in some clients: office-js #6942, #5027); they are not text of the model.
 * - Text boxes are not in `body.paragraphs` and not in their anchor's `.text` (#5282), while the
 *   model appends a text box's lines to the anchoring paragraph.
 * - A non-breaking hyphen may come back as U+001E and an optional hyphen as U+001F (the
 *   characters Word's object model uses), a soft hyphen as U+00AD. Inline objects (U+0001),
 *   annotation marks (U+0005), cell-end marks (U+0007) and U+FFFC are dropped too.
 *
 * Both sides are normalised by `normalizeWordText` and compared folded.
 */
import { fold } from "../core/text";
import type { Paragraph } from "../ooxml/read/paragraph-model";
import { elementChildren, isW, type XmlElement } from "../ooxml/xml/dom";

/** Characters Word puts in `.text` for things that are not text (reference marks, objects). */
const MARKS = new Set([0x01, 0x02, 0x05, 0x07, 0x08, 0xfffd, 0xfffc, 0x1f, 0xad]);
const NON_BREAKING_HYPHEN = 0x1e;

/** Word's text (or the model's) with Word's special characters mapped as the model reads them. */
export function normalizeWordText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (MARKS.has(code)) continue;
    out += code === NON_BREAKING_HYPHEN ? "-" : ch;
  }
  return fold(out);
}

/** The paragraph's own text as Word's `.text` could report it, in both tracked-change views. */
export interface WordTexts {
  /** As if every change were accepted (markup hidden; getText with IncludeTextMarkedAsDeleted false). */
  accepted: string;
  /** As displayed with markup: tracked deletions kept in place. */
  shown: string;
}

/** Elements whose content is never part of the paragraph's `.text` in Word. */
const SKIPPED = new Set([
  "pPr",
  "rPr",
  "sdtPr",
  "sdtEndPr",
  "instrText",
  "delInstrText",
  "fldData",
  // Drawings and VML hold text boxes, which Word lists neither as paragraphs nor in `.text`.
  "drawing",
  "pict",
  "object",
  "footnoteReference",
  "endnoteReference",
]);

/** Word's texts of one model paragraph, read from its OOXML (text boxes left out). */
export function wordTextsOf(paragraph: Paragraph): WordTexts {
  const accepted: string[] = [];
  const shown: string[] = [];
  const walk = (el: XmlElement, deleted: boolean) => {
    for (const c of elementChildren(el)) {
      const name = c.localName ?? "";
      if (c.localName === "AlternateContent") continue; // a text box in mc:Choice/mc:Fallback
      if (!isW(c, name)) {
        walk(c, deleted);
        continue;
      }
      if (SKIPPED.has(name)) continue;
      let piece: string | null = null;
      if (name === "t") piece = c.textContent ?? "";
      else if (name === "delText") {
        shown.push(c.textContent ?? "");
        continue;
      } else if (name === "tab" || name === "ptab") piece = "\t";
      else if (name === "br" || name === "cr") piece = "\n";
      else if (name === "noBreakHyphen") piece = "-";
      else if (name === "del" || name === "moveFrom") {
        walk(c, true);
        continue;
      }
      if (piece !== null) {
        shown.push(piece);
        if (!deleted) accepted.push(piece);
        continue;
      }
      walk(c, deleted);
    }
  };
  walk(paragraph.el, false);
  return { accepted: accepted.join(""), shown: shown.join("") };
}

/** Whether Word's `.text` of a paragraph is the model paragraph's text, in either tracked view. */
export function matchesParagraph(wordText: string, paragraph: Paragraph): boolean {
  const word = normalizeWordText(wordText);
  const texts = wordTextsOf(paragraph);
  // The model's own text too: a paragraph re-texted by refresh() keeps its old element.
  return (
    word === normalizeWordText(texts.accepted) ||
    word === normalizeWordText(texts.shown) ||
    word === normalizeWordText(paragraph.text)
  );
}

/** Whether the paragraph holds tracked deletions (its two views differ). */
export function hasTrackedDeletion(paragraph: Paragraph): boolean {
  const t = wordTextsOf(paragraph);
  return normalizeWordText(t.accepted) !== normalizeWordText(t.shown);
}
