import type { ExtractedDocument, ExtractedField, TemplateDef } from "../../core/types";
import { readLabelledFields } from "./instances";
import { findLandmarks } from "./labels";
import type { DocModel } from "./paragraph-model";
import { notFound } from "./regions";
import { readRowBlock } from "./row-tables";
import { readTaggedFields } from "./tags";
import { rulesFor } from "./text-rules";
import { readTop } from "./top-fields";

/**
 * Maps a document's paragraphs to a template's fields by structure and text alone: labels,
 * headings, table positions and placeholder texts. Tags and titles of content controls are
 * never needed (the original templates have none). The stages, each in its module:
 * labels.ts (the template's fixed texts found: landmarks), regions.ts (a label's answer),
 * top-fields.ts (the fields above the title), instances.ts (repeated blocks told apart),
 * row-tables.ts (tables whose rows are instances), tags.ts (Planstöd's own tagged controls),
 * text-rules.ts (what in a text is the template's).
 */

export { rulesFor } from "./text-rules";

/** Reads every field of `template` from a document model. */
export function extract(
  template: TemplateDef,
  model: DocModel,
  extraPlaceholders: Iterable<string> = [],
): ExtractedDocument {
  const rules = rulesFor(template, extraPlaceholders);
  const landmarks = findLandmarks(template, model.paragraphs);
  const fields: Record<string, ExtractedField> = readTop(template, model, landmarks, rules);
  const blocks = readLabelledFields(model, landmarks, rules, fields);

  for (const field of template.fields) fields[field.id] ??= notFound(field.id);
  for (const block of template.blocks) {
    if (block.kind === "rows") blocks[block.type] = readRowBlock(block, model, rules);
    else {
      const list = blocks[block.type] ?? [];
      for (const instance of list) for (const f of block.fields) instance[f.id] ??= notFound(f.id);
      blocks[block.type] = list;
    }
  }

  // Planstöd's own templates: tagged controls first, checkboxes by their state.
  readTaggedFields(template, model, fields, blocks, rules);

  const instructions = landmarks.flatMap((a) => (a.role.kind === "instruction" ? [a.role.text] : []));
  return { template: template.id, fields, blocks, instructions };
}
