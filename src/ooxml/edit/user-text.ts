/**
 * "The user's text is unchanged": one rule for every edit Planstöd makes, by the command line
 * (edit/apply.ts, `check --comments`) and in Word (src/office/replay-edit.ts, on the read-back):
 * every paragraph of the user's text — what is left of a paragraph once the template's own text
 * (headings, prompts, placeholders, instructions) is taken out — is still there, and no other,
 * as a multiset (independent of order). The serialized output is checked character by character
 * besides (xml/verify-text.ts), which Word's read-back cannot be.
 */
import { userParagraph, type TextRules } from "../../core/text";
import type { TemplateDef } from "../../core/types";
import { rulesFor } from "../read/extract";
import type { DocModel } from "../read/paragraph-model";

/** Every paragraph of user text in a model, sorted (a multiset, independent of order). */
export function userParagraphs(model: DocModel, rules: TextRules): string {
  const texts = model.paragraphs.map((p) => userParagraph(p.liveText, rules)).filter((t) => t !== "");
  return JSON.stringify(texts.sort());
}

/** A model with the placeholders its package defines. */
export interface ModelRead {
  model: DocModel;
  placeholders: Parameters<typeof rulesFor>[1];
}

/** Whether the user's paragraphs of `after` are those of `before` (see the header). */
export function sameUserText(template: TemplateDef, before: ModelRead, after: ModelRead): boolean {
  return (
    userParagraphs(before.model, rulesFor(template, before.placeholders)) ===
    userParagraphs(after.model, rulesFor(template, after.placeholders))
  );
}
