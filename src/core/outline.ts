import { fieldKeyString, outlineKey } from "./keys";
import { key } from "./text";
import type { BlockRef, FieldDef, FieldState, Report, SectionState, TemplateDef } from "./types";

/**
 * The outline the task pane shows: the report's sections with the template's own guidance text
 * beside each, and what the user may do with a block. Pure: the pane only renders it.
 */

export interface FieldKey {
  id: string;
  block: BlockRef | null;
}

export interface OutlineField extends FieldState {
  /** The template's guidance text and questions for this field. */
  guidance: readonly string[];
  /** A checklist item (a checkbox control): `filled` is its tick. */
  checkbox?: boolean;
  /** A dropdown's choices, as the template lists them. */
  choices?: readonly string[];
}

export interface OutlineEntry {
  /** Unique and stable within one outline: outlineKey({ sectionId, index }) (core/keys.ts). */
  key: string;
  /** The section's id (the template's), without the instance number. */
  sectionId: string;
  title: string;
  status: SectionState["status"];
  /** False for a later block instance that is wholly empty. */
  used: boolean;
  /** The template's guidance for the section as a whole. */
  guidance: readonly string[];
  fields: OutlineField[];
  /** The block this entry is (an instance) or holds (a row table), if any. */
  block: { type: string; kind: "instances" | "rows"; name: string; index: number | null } | null;
  /** A later, wholly empty instance: the pane offers to remove it. */
  removable: boolean;
  /**
   * For an instance paired with another block's instance (Skolverket: uppföljning n follows up
   * the insats of utvecklingsområde n, from the template's block-count rule), that instance.
   */
  belongsTo: { key: string; title: string } | null;
}

export const sameField = (a: FieldKey, b: FieldKey): boolean =>
  a.id === b.id &&
  (a.block?.type ?? null) === (b.block?.type ?? null) &&
  (a.block?.index ?? null) === (b.block?.index ?? null);

export function buildOutline(
  template: TemplateDef,
  report: Report,
  /** A dropdown's choices as the document holds them, by fieldKeyString; else the template's. */
  choices?: Readonly<Record<string, readonly string[]>>,
): OutlineEntry[] {
  const fieldGuidance = new Map<string, readonly string[]>();
  const controls = new Map<string, FieldDef["control"]>();
  for (const f of template.fields) {
    fieldGuidance.set(`:${f.id}`, f.guidance ?? []);
    controls.set(`:${f.id}`, f.control);
  }
  for (const b of template.blocks) {
    if (b.kind === "instances")
      for (const f of b.fields) {
        fieldGuidance.set(`${b.type}:${f.id}`, f.guidance ?? []);
        controls.set(`${b.type}:${f.id}`, f.control);
      }
  }
  /** What the pane shows of a field's control: a checkbox as a checklist item, a dropdown's choices. */
  const controlOf = (f: FieldState): Pick<OutlineField, "checkbox" | "choices"> => {
    const control = controls.get(`${f.block?.type ?? ""}:${f.id}`);
    if (control?.kind === "checkbox") return { checkbox: true };
    if (control?.kind !== "dropDownList") return {};
    const held = choices?.[fieldKeyString(f)];
    if (held?.length) return { choices: held };
    if (control.items?.length) return { choices: control.items };
    return {};
  };
  const sectionGuidance = new Map(template.sections.map((s) => [s.id, s.guidance] as const));
  // Lines that are the template's own headings or instructions (e.g. "… kopieras nedan och klistras
  // in längst ner", which the pane's add button does) are not guidance.
  const notGuidance = new Set([...template.headings, ...template.instructions].map(key));
  const pairs = pairsOf(template, report);

  return report.sections.map((section): OutlineEntry => {
    const def = template.sections.find((s) => s.id === section.id);
    const blockType = def?.kind === "block" ? def.blockType : null;
    const blockDef = blockType ? template.blocks.find((b) => b.type === blockType) : undefined;
    // A line that only repeats the section's title or a field's label is not shown either.
    const labels = new Set([section.title, ...section.fields.map((f) => f.label)].map(key));
    const shown = (line: string) => !notGuidance.has(key(line)) && !labels.has(key(line));
    const own = (sectionGuidance.get(section.id) ?? blockDef?.guidance ?? []).filter(shown);
    // Guidance is shown once: a field's own text is dropped where the section already shows it.
    const fields = section.fields.map((f): OutlineField => {
      const text = fieldGuidance.get(`${f.block?.type ?? ""}:${f.id}`) ?? [];
      return { ...f, ...controlOf(f), guidance: text.filter((g) => shown(g) && !own.includes(g)) };
    });
    // A single-field section without guidance of its own shows the field's, at the section.
    const guidance = own.length > 0 ? own : fields.length === 1 ? fields[0].guidance : [];
    return {
      key: outlineKey({ sectionId: section.id, index: section.block?.index ?? null }),
      sectionId: section.id,
      title: section.title,
      status: section.status,
      used: section.used,
      guidance,
      fields: fields.length === 1 && own.length === 0 ? fields.map((f) => ({ ...f, guidance: [] })) : fields,
      block: blockDef
        ? {
            type: blockDef.type,
            kind: blockDef.kind,
            name: blockDef.name,
            index: section.block?.index ?? null,
          }
        : null,
      removable:
        blockDef?.kind === "instances" && section.block !== null && section.block.index > 1 && !section.used,
      belongsTo: section.block
        ? (pairs.get(outlineKey({ sectionId: section.block.type, index: section.block.index })) ?? null)
        : null,
    };
  });
}

/**
 * Instances paired by the template's block-count rules: the n-th instance of `fewer` belongs to
 * the n-th instance of `than` (Skolverket asks for one uppföljning per insats, and each
 * utvecklingsområde table names one insats). Keyed "type#index" of the `fewer` instance.
 */
function pairsOf(template: TemplateDef, report: Report): Map<string, { key: string; title: string }> {
  const pairs = new Map<string, { key: string; title: string }>();
  for (const rule of template.blockCountRules ?? []) {
    for (const s of report.sections) {
      // An unused instance has no insats to follow up: nothing is paired with it.
      if (s.block?.type !== rule.than || !s.used) continue;
      pairs.set(outlineKey({ sectionId: rule.fewer, index: s.block.index }), {
        key: outlineKey({ sectionId: s.id, index: s.block.index }),
        title: s.title,
      });
    }
  }
  return pairs;
}

/** The template's guidance for the plan as a whole (IKO's overall questions), if any. */
export const planGuidance = (template: TemplateDef): readonly string[] => template.guidance ?? [];

/** The outline entry holding a field, if any. */
export function entryOf(outline: readonly OutlineEntry[], field: FieldKey): OutlineEntry | undefined {
  return outline.find((e) => e.fields.some((f) => sameField(f, field)));
}
