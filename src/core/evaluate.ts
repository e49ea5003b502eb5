import { engineTexts } from "./i18n";
import type {
  BlockDef,
  BlockRef,
  ExtractedDocument,
  ExtractedInstance,
  FieldState,
  MissingField,
  Report,
  SectionState,
  TemplateDef,
  Warning,
} from "./types";

/** The fields of one block type, as (id, label) pairs. */
export function blockFields(block: BlockDef): { id: string; label: string }[] {
  return block.kind === "rows"
    ? block.columns.map((c) => ({ ...c }))
    : block.fields.map((f) => ({ id: f.id, label: f.label }));
}

const isFilled = (instance: ExtractedInstance | undefined, id: string): boolean =>
  (instance?.[id]?.text ?? "") !== "";

const statusOf = (fields: readonly FieldState[]): SectionState["status"] => {
  const considered = fields.filter((f) => f.required || f.filled);
  if (considered.length === 0) return "tom";
  const filled = considered.filter((f) => f.filled).length;
  if (filled === 0) return "tom";
  return considered.every((f) => f.filled || !f.required) ? "ifylld" : "delvis";
};

/**
 * Applies the contract's completeness rules (shared/spec/templates.md, "What complete
 * means") to a document's extracted fields.
 */
export function evaluate(template: TemplateDef, doc: ExtractedDocument): Report {
  const fields: FieldState[] = [];
  const warnings: Warning[] = [];
  const sections: SectionState[] = [];
  const blocks: Record<string, number> = {};
  const usedCount: Record<string, number> = {};
  const warningText = engineTexts(template.language).warnings;

  for (const section of template.sections) {
    if (section.kind === "fields") {
      const states = section.fieldIds.map((id): FieldState => {
        const def = template.fields.find((f) => f.id === id);
        if (!def) throw new Error(`template ${template.id}: section ${section.id} names unknown field ${id}`);
        return {
          id,
          block: null,
          required: def.required,
          filled: (doc.fields[id]?.text ?? "") !== "",
          label: def.label,
        };
      });
      for (const s of states) fields.push(s);
      sections.push({
        id: section.id,
        title: section.title,
        block: null,
        status: statusOf(states),
        used: true,
        fields: states,
      });
      continue;
    }

    const def = template.blocks.find((b) => b.type === section.blockType);
    if (!def)
      throw new Error(
        `template ${template.id}: section ${section.id} names unknown block ${section.blockType}`,
      );
    const instances = doc.blocks[def.type] ?? [];
    blocks[def.type] = instances.length;
    const ids = blockFields(def);
    const anyFilled = instances.map((inst) => ids.some((f) => isFilled(inst, f.id)));
    usedCount[def.type] = anyFilled.filter(Boolean).length;
    // A document without any instance still owes instance 1 (or row 1) in full.
    const count = Math.max(instances.length, 1);
    const noneFilled = !anyFilled.some(Boolean);

    const tableStates: FieldState[] = [];
    for (let i = 0; i < count; i++) {
      const instance = instances[i];
      const used = anyFilled[i] ?? false;
      const ref: BlockRef = { type: def.type, index: i + 1 };
      let required: boolean;
      if (def.kind === "rows") {
        // Rows: every partly or fully filled row is required in full; wholly empty rows are
        // ignored, except that a table with no filled row at all owes its first row.
        required = used || (noneFilled && i === 0);
      } else {
        // Instances: the first is required in full; a later one only once anything in it is filled.
        required = i === 0 || used;
        if (!required && instance) {
          warnings.push({
            code: "unused-block",
            block: ref,
            message: warningText.unusedBlock(def.name, i + 1),
          });
        }
      }
      const states = ids.map((f): FieldState => ({
        id: f.id,
        block: ref,
        required,
        filled: isFilled(instance, f.id),
        label: f.label,
      }));
      for (const s of states) fields.push(s);
      if (def.kind === "rows") for (const s of states) tableStates.push(s);
      else {
        sections.push({
          id: section.id,
          title: `${def.name} ${i + 1}`,
          block: ref,
          status: statusOf(states),
          used: required,
          fields: states,
        });
      }
    }
    // A row table is one section: its rows are lines of one answer, not parts of the outline.
    if (def.kind === "rows") {
      sections.push({
        id: section.id,
        title: def.name,
        block: null,
        status: statusOf(tableStates),
        used: true,
        fields: tableStates,
      });
    }
  }

  for (const text of doc.instructions) {
    warnings.push({ code: "leftover-instruction", message: warningText.leftoverInstruction(text) });
  }
  for (const rule of template.blockCountRules ?? []) {
    const fewer = usedCount[rule.fewer] ?? 0;
    const than = usedCount[rule.than] ?? 0;
    if (fewer < than) warnings.push({ code: rule.code, message: rule.message(fewer, than) });
  }

  const missing: MissingField[] = fields
    .filter((f) => f.required && !f.filled)
    .map((f) => ({ id: f.id, block: f.block, label: f.label }));
  const required = fields.filter((f) => f.required);
  return {
    template: template.id,
    templateName: template.name,
    complete: missing.length === 0,
    blocks,
    fields,
    missing,
    warnings,
    requiredTotal: required.length,
    requiredFilled: required.filter((f) => f.filled).length,
    sections,
  };
}
