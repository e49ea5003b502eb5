import type { BlockRef, ExtractedField } from "../../core/types";
import type { Analysis } from "./recognise";
import type { DocModel } from "./paragraph-model";

/**
 * The answers of a document, for `planstod export`: every field of the report, in its order
 * (document order), with the user's text only: placeholders, pre-printed prompts and template
 * text taken away, one line per paragraph. The rules compare folded text (quotes, dashes and
 * spaces made uniform); the export gives each line back as the user typed it, taken from the
 * paragraph it came from.
 */

export interface Answer {
  id: string;
  block: BlockRef | null;
  label: string;
  filled: boolean;
  text: string;
}

const ZERO_WIDTH = /[\u200b\u00ad\ufeff]/;
const CHAR_FOLDS: Record<string, string> = {
  "\u00a0": " ",
  "\u2007": " ",
  "\u202f": " ",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u00ab": '"',
  "\u00bb": '"',
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
};

/**
 * The folded form of a text as core/text.ts folds it (and with spaces around "/" removed, as
 * prompts are matched), with, for each character, the index of the original character it came from.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (ZERO_WIDTH.test(c)) continue;
    const f = CHAR_FOLDS[c] ?? c;
    if (/\s/.test(f)) {
      if (chars.length > 0 && chars[chars.length - 1] === " ") continue;
      chars.push(" ");
    } else chars.push(f);
    map.push(i);
  }
  // Trim, and drop the spaces next to a slash.
  const keep = chars.map((c, i) => {
    if (c !== " ") return true;
    if (i === 0 || i === chars.length - 1) return false;
    return chars[i - 1] !== "/" && chars[i + 1] !== "/";
  });
  return {
    folded: chars.filter((_, i) => keep[i]).join(""),
    map: map.filter((_, i) => keep[i]),
  };
}

/** The text at `[at, at + length)` of a folded text, in the original text. */
const slice = (text: string, map: readonly number[], at: number, length: number) =>
  text.slice(map[at], map[at + length - 1] + 1);

/** A field's text with each line as the user typed it (a line not found stays folded). */
export function originalText(field: ExtractedField | undefined, model: DocModel): string {
  if (!field || field.text === "" || !field.location) return field?.text ?? "";
  const loc = field.location;
  const indexes = [...(loc.anchor !== null ? [loc.anchor] : []), ...loc.paragraphs];
  const texts = indexes
    .map((i) => model.paragraphs[i]?.liveText ?? "")
    .map((t) => ({ t, ...foldWithMap(t) }));
  let from = 0;
  return field.text
    .split("\n")
    .map((line) => {
      const want = foldWithMap(line).folded;
      // Lines come in paragraph order; the user's text is what is left after a prompt or a label,
      // so the last occurrence in a paragraph is taken.
      for (let i = from; i < texts.length && want !== ""; i++) {
        const at = texts[i].folded.lastIndexOf(want);
        if (at < 0) continue;
        from = i + 1;
        return slice(texts[i].t, texts[i].map, at, want.length);
      }
      return line;
    })
    .join("\n");
}

function extractedField(analysis: Analysis, id: string, block: BlockRef | null): ExtractedField | undefined {
  if (!block) return analysis.extracted.fields[id];
  return analysis.extracted.blocks[block.type]?.[block.index - 1]?.[id];
}

export function answersOf(analysis: Analysis, model: DocModel): Answer[] {
  return analysis.report.fields.map((f) => ({
    id: f.id,
    block: f.block,
    label: f.label,
    filled: f.filled,
    text: f.filled ? originalText(extractedField(analysis, f.id, f.block), model) : "",
  }));
}
