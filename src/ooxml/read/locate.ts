/**
 * Where things are in a read document: one place for the rules the command line (comments) and
 * the Word adapter (navigation, the cursor, comments) share.
 *
 * - A field is found by its key (id, and the block instance for a block's field).
 * - Its answer paragraph is the first answer paragraph holding a content control or text, else
 *   the last answer paragraph (an empty cell under a heading row), else its label.
 * - A leftover instruction is the n-th paragraph, in document order, that extraction took for one
 *   of the template's instructions: a body paragraph outside content controls whose live text is
 *   the instruction (analysis.extracted.instructions lists their texts in that order).
 * - A paragraph is inside a content control when a block-, cell- or row-level control holds it.
 */
import { fieldKeyString } from "../../core/keys";
import type { FieldKey } from "../../core/outline";
import { fold, key } from "../../core/text";
import type { ExtractedDocument, ExtractedField, TemplateDef } from "../../core/types";
import type { DocModel, Paragraph, SdtInfo } from "./paragraph-model";

/** Whether a paragraph stands inside a content control (block, cell or row level). */
export const inContentControl = (p: Paragraph): boolean => p.containers.some((c) => c.kind !== "other");

/** The extracted field with this key, or null. */
export function findField(extracted: ExtractedDocument, field: FieldKey): ExtractedField | null {
  const { id, block } = field;
  if (!block) return extracted.fields[id] ?? null;
  return extracted.blocks[block.type]?.[block.index - 1]?.[id] ?? null;
}

/** Every field of the document with its key: the fields outside blocks, then each instance's. */
export function allFields(extracted: ExtractedDocument): { key: FieldKey; field: ExtractedField }[] {
  const out: { key: FieldKey; field: ExtractedField }[] = [];
  for (const field of Object.values(extracted.fields))
    out.push({ key: { id: field.id, block: null }, field });
  for (const [type, instances] of Object.entries(extracted.blocks)) {
    instances.forEach((inst, i) => {
      for (const field of Object.values(inst))
        out.push({ key: { id: field.id, block: { type, index: i + 1 } }, field });
    });
  }
  return out;
}

/**
 * A field's answer paragraph (see the header), or its label when it has none; null when the
 * field was not located.
 */
export function answerParagraph(field: ExtractedField, model: DocModel): Paragraph | null {
  const loc = field.location;
  if (!loc) return null;
  const answer = loc.paragraphs.map((i) => model.paragraphs[i]).filter((p) => p !== undefined);
  const filled = answer.find(
    (p) => p.containers.length > 0 || p.segments.some((s) => s.sdt) || fold(p.text) !== "",
  );
  const at = filled ?? answer[answer.length - 1];
  if (at) return at;
  return loc.anchor !== null ? (model.paragraphs[loc.anchor] ?? null) : null;
}

/** The paragraphs holding a template instruction, in document order (as extraction finds them). */
export function instructionParagraphs(template: TemplateDef, model: DocModel): Paragraph[] {
  const wanted = new Set(template.instructions.map(key));
  return model.paragraphs.filter(
    (p) => p.part === "body" && !inContentControl(p) && wanted.has(key(p.liveText)),
  );
}

/**
 * The `ordinal`-th (from 0) leftover instruction extraction reported: the same paragraphs as
 * extraction found when they agree, else the n-th paragraph with that instruction's text.
 */
export function instructionParagraph(
  template: TemplateDef,
  extracted: ExtractedDocument,
  model: DocModel,
  ordinal: number,
): Paragraph | null {
  const wanted = extracted.instructions[ordinal];
  if (wanted === undefined) return null;
  const found = instructionParagraphs(template, model);
  const agree =
    found.length === extracted.instructions.length &&
    found.every((p, i) => key(p.liveText) === key(extracted.instructions[i]));
  if (agree) return found[ordinal];
  const before = extracted.instructions.slice(0, ordinal).filter((t) => key(t) === key(wanted)).length;
  return found.filter((p) => key(p.liveText) === key(wanted))[before] ?? null;
}

/** The field whose label or answer holds model paragraph `index`, else the nearest one above it in the body. */
export function fieldAt(extracted: ExtractedDocument, index: number): FieldKey | null {
  const fields = allFields(extracted);
  const exact = fields.find(
    ({ field }) => field.location?.anchor === index || field.location?.paragraphs.includes(index),
  );
  if (exact) return exact.key;
  let best: { key: FieldKey; at: number } | null = null;
  for (const { key: k, field } of fields) {
    const at = field.location?.anchor ?? field.location?.paragraphs[0];
    if (at === undefined || at === null || at > index || field.location?.part !== "body") continue;
    if (!best || at > best.at) best = { key: k, at };
  }
  return best?.key ?? null;
}

/**
 * The choices of every dropdown field as the document holds them (its w:listItem display texts,
 * in order), keyed by fieldKeyString: a huvudman may have edited the list, so the pane shows the
 * document's, not the template's.
 */
export function documentChoices(extracted: ExtractedDocument, model: DocModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { key: field, field: extractedField } of allFields(extracted)) {
    const loc = extractedField.location;
    if (!loc?.controlId) continue;
    let sdt: SdtInfo | undefined;
    // An inline control may stand in the label's own paragraph ("Välj utvecklingsområde: [lista]").
    for (const i of loc.anchor === null ? loc.paragraphs : [...loc.paragraphs, loc.anchor]) {
      const p = model.paragraphs[i];
      if (!p) continue;
      sdt =
        p.segments.map((s) => s.sdt).find((c) => c?.id === loc.controlId) ??
        p.containers.find((c) => c.id === loc.controlId);
      if (sdt) break;
    }
    if (!sdt || (sdt.kind !== "dropDownList" && sdt.kind !== "comboBox")) continue;
    const items = sdt.listItems.map((i) => i.displayText || i.value).filter((t) => t.trim() !== "");
    if (items.length > 0) out[fieldKeyString(field)] = items;
  }
  return out;
}
