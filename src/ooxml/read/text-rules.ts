import { textRules, type TextRules } from "../../core/text";
import type { TemplateDef } from "../../core/types";
import { labelledFields } from "./labels";

/** What in a document's text is the template's, per template: the rules `userText` applies. */

/** The rules for a row table's answer cell: placeholders and prompts are not the user's; the rest is. */
export const answerCellRules = (rules: TextRules): TextRules => ({ ...rules, templateText: new Set() });

/** The text rules of a template, with the document's own placeholder texts added. */
export function rulesFor(template: TemplateDef, extraPlaceholders: Iterable<string> = []): TextRules {
  const labels: string[] = [];
  for (const { field } of labelledFields(template)) {
    if (field.locate.kind !== "top") labels.push(field.locate.anchor);
  }
  for (const block of template.blocks)
    if (block.kind === "rows") labels.push(...block.columns.map((c) => c.label));
  return textRules({
    templateText: [...template.templateText, ...template.headings, ...template.instructions, ...labels],
    placeholders: [...template.placeholders, ...extraPlaceholders],
    prompts: template.prompts,
  });
}
