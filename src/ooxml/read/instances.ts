import { key, type TextRules } from "../../core/text";
import type { ExtractedField, FieldDef, InstanceBlockDef } from "../../core/types";
import type { Landmark } from "./labels";
import type { DocModel, Paragraph } from "./paragraph-model";
import { readLandmark } from "./regions";

/**
 * Instances of repeated blocks, told apart by their labels: a label already seen in the current
 * instance, or a label in another table than the instance's, starts a new instance. A table a
 * page break split in two continues its instance.
 */

/** The first and last paragraph of each outermost table. */
function tableSpans(paragraphs: readonly Paragraph[]): Map<number, { first: number; last: number }> {
  const spans = new Map<number, { first: number; last: number }>();
  for (const p of paragraphs) {
    if (!p.cell) continue;
    const span = spans.get(p.cell.table);
    if (span) span.last = p.index;
    else spans.set(p.cell.table, { first: p.index, last: p.index });
  }
  return spans;
}

/** Whether `field` comes after every field already read in an instance, in the block's order. */
function laterThanAll(
  block: InstanceBlockDef,
  field: FieldDef,
  values: Record<string, ExtractedField>,
): boolean {
  const order = block.fields.findIndex((f) => f.id === field.id);
  return Object.keys(values).every((id) => block.fields.findIndex((f) => f.id === id) < order);
}

/**
 * Reads the field of every label found: a single field's answer into `fields` (a section pasted
 * twice: the answers of both copies count), a block field's into its instance. Returns the
 * instances of each repeated block, in document order.
 */
export function readLabelledFields(
  model: DocModel,
  landmarks: readonly Landmark[],
  rules: TextRules,
  fields: Record<string, ExtractedField>,
): Record<string, Record<string, ExtractedField>[]> {
  const landmarkAt = new Set(landmarks.map((a) => a.paragraph.index));
  const blocks: Record<string, Record<string, ExtractedField>[]> = {};
  interface Open {
    values: Record<string, ExtractedField>;
    table: number | null;
  }
  const open = new Map<string, Open>();
  const spans = tableSpans(model.paragraphs);
  // A table a page break split in two: nothing but empty paragraphs between the two parts.
  const continues = (from: number, to: number) => {
    const a = spans.get(from);
    const b = spans.get(to);
    if (!a || !b || a.last >= b.first) return false;
    for (let i = a.last + 1; i < b.first; i++) {
      const p = model.paragraphs[i];
      if (p.part !== "body" || p.cell !== null || key(p.liveText) !== "") return false;
    }
    return true;
  };

  for (const landmark of landmarks) {
    if (landmark.role.kind !== "field") continue;
    const { field, block } = landmark.role;
    const read = readLandmark(landmark, model.paragraphs, landmarkAt, rules);
    if (!block) {
      const prior = fields[field.id];
      // A section pasted twice: the answers of both copies count.
      const text = prior?.found ? [prior.text, read.text].filter((t) => t !== "").join("\n") : read.text;
      fields[field.id] = { id: field.id, text, found: true, location: prior?.location ?? read.location };
      continue;
    }
    const table = landmark.paragraph.cell?.table ?? null;
    let current = open.get(block.type);
    const seen = current && field.id in current.values;
    const otherTable =
      current &&
      table !== null &&
      current.table !== null &&
      current.table !== table &&
      !(continues(current.table, table) && laterThanAll(block, field, current.values));
    if (!current || seen || otherTable) {
      current = { values: {}, table: null };
      open.set(block.type, current);
      const list = blocks[block.type] ?? [];
      list.push(current.values);
      blocks[block.type] = list;
    }
    if (table !== null) current.table = table;
    current.values[field.id] = { id: field.id, text: read.text, found: true, location: read.location };
  }

  return blocks;
}
