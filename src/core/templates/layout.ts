import type { FieldDef, RowBlockDef, TemplateDef } from "../types";

/**
 * Planstöd's own templates (dk-implementeringsplan, trs-verksamhetsplan, utbildningsinsats) exist
 * only as data: the template definition the engine checks against, and the layout the generator
 * (src/ooxml/generate/) turns into a Word document. Both are built from the same field
 * definitions, so a label printed in the document is exactly the label the engine looks for.
 */

export type LayoutItem =
  /** The document's title (the template's `title`). */
  | { kind: "title" }
  | { kind: "heading"; text: string; level: 1 | 2 }
  /** Fixed text in the body style. */
  | { kind: "text"; text: string }
  /** Guidance in italics (the seed's own questions). */
  | { kind: "guidance"; lines: readonly string[] }
  /**
   * A single field: its label as a heading (level 1 or 2, or 3 for a question under a step), its
   * guidance in italics, then its answer: a tagged rich-text content control.
   */
  | { kind: "field"; id: string; level: 1 | 2 | 3 }
  /** A checklist: a two-column table, the activity (a field's label) and a checkbox control. */
  | { kind: "checklist"; fieldIds: readonly string[]; columns: readonly [string, string] }
  /** A row block: a header row with the column labels and `rows` empty answer rows. */
  | { kind: "rows"; blockType: string; rows: number };

export interface GeneratedTemplate {
  template: TemplateDef;
  /** One line on what the plan is for, in the template's language. */
  purpose: string;
  /** Word's language tag for the document (spell checking). */
  locale: "sv-SE" | "da-DK";
  layout: readonly LayoutItem[];
}

/** The content-control tag of a single field: `<templateId>/<fieldId>`. */
export const fieldTag = (template: string, field: string): string => `${template}/${field}`;

/** The content-control tag of a row block's cell: `<templateId>/<blockType>/<fieldId>`. */
export const cellTag = (template: string, block: string, field: string): string =>
  `${template}/${block}/${field}`;

/** A single answer field whose label is its own paragraph (a heading). */
export function answerField(
  id: string,
  label: string,
  guidance: readonly string[],
  placeholder: string,
  required = true,
): FieldDef {
  return {
    id,
    label,
    required,
    locate: { kind: "after", anchor: label, match: "exact" },
    guidance,
    control: { kind: "richText", placeholder },
  };
}

/** A checklist item: optional, filled when ticked (or when the user wrote something in its cell). */
export function checkField(id: string, label: string): FieldDef {
  return {
    id,
    label,
    required: false,
    locate: { kind: "after", anchor: label, match: "exact" },
    control: { kind: "checkbox", placeholder: UNCHECKED },
  };
}

/** A row block whose answer cells are rich-text controls showing `placeholder`. */
export function rowBlock(
  type: string,
  name: string,
  columns: readonly { id: string; label: string }[],
  placeholder: string,
  guidance?: readonly string[],
): RowBlockDef {
  return { kind: "rows", type, name, columns, guidance, control: { kind: "richText", placeholder } };
}

/** What Word's checkbox control shows unticked and ticked (MS Gothic U+2610 / U+2612). */
export const UNCHECKED = "\u2610";
export const CHECKED = "\u2612";
