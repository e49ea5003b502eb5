import { engineTexts } from "../../core/i18n";
import { PlanstodError } from "../../core/messages";
import { userParagraph } from "../../core/text";
import type { BlockDef, ExtractedDocument, ExtractedField, TemplateDef } from "../../core/types";
import { rulesFor } from "../read/text-rules";
import type { DocModel, Paragraph } from "../read/paragraph-model";
import { descendantsW, type XmlDocument, type XmlElement } from "../xml/dom";
import { ancestor } from "./dom-build";

/**
 * What a block operation works on (the main part's DOM and its reading), what it returns, and
 * what both kinds of block (instances, rows) ask of it: the block's definition, the refusals in the
 * template's language, the paragraphs a field occupies, and whether elements hold user content.
 */

export interface EditTarget {
  template: TemplateDef;
  doc: XmlDocument;
  body: XmlElement;
  model: DocModel;
  extracted: ExtractedDocument;
  /** Placeholder texts of the document's glossary building blocks. */
  placeholders: readonly string[];
  /** The style id of Word's "Placeholder Text" character style, if the document has one. */
  placeholderStyle: string | null;
}

export interface AddResult {
  /** 1-based index of the new instance among the block's instances. */
  index: number;
  /** The top-level elements (or the table row) inserted. */
  inserted: XmlElement[];
  /** The element they were inserted after: a top-level body element, or the row. */
  after: XmlElement;
}

export function blockDef(template: TemplateDef, type: string): BlockDef {
  const def = template.blocks.find((b) => b.type === type);
  if (!def) {
    const types = template.blocks.map((b) => b.type);
    const text = engineTexts(template.language).blocks;
    throw new PlanstodError("block-refused", text.unknownBlock(type, template.name, types));
  }
  return def;
}

/** Refusals in the template's language. */
export const blockText = (target: EditTarget) => engineTexts(target.template.language).blocks;

export function locationParagraphs(field: ExtractedField | undefined, model: DocModel): Paragraph[] {
  const loc = field?.location;
  if (!loc) return [];
  const indexes = [...(loc.anchor !== null ? [loc.anchor] : []), ...loc.paragraphs];
  return indexes.map((i) => model.paragraphs[i]).filter((p): p is Paragraph => p !== undefined);
}

/**
 * Whether elements about to be removed hold anything of the user's beyond the fields: a picture,
 * an object, a text box, or text in a paragraph that is neither template text nor a placeholder.
 */
export function holdsUserContent(target: EditTarget, elements: readonly XmlElement[]): boolean {
  const rules = rulesFor(target.template, target.placeholders);
  const inside = (p: Paragraph) =>
    elements.some((el) => el === p.el || ancestor(p.el, (e) => e === el) !== null);
  return (
    elements.some((el) => ["drawing", "pict", "object"].some((n) => descendantsW(el, n).length > 0)) ||
    target.model.paragraphs.some(
      (p) => p.part === "body" && inside(p) && userParagraph(p.liveText, rules) !== "",
    )
  );
}
