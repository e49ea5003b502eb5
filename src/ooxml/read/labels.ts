import { afterPrefix, key } from "../../core/text";
import type { FieldDef, InstanceBlockDef, TemplateDef } from "../../core/types";
import type { Paragraph } from "./paragraph-model";

/**
 * Landmarks: the template's fixed texts found in a document — a field's label, a heading, an
 * instruction, the title — each with the paragraph it stands in. (A template's `Locator.anchor` is
 * the label's text; a field's `FieldLocation.anchor` is the index of the paragraph its label was
 * found in; a landmark is the finding itself.) Labels are matched on text and structure alone:
 * the original templates have no tags or titles.
 */

export type LandmarkRole =
  | { kind: "field"; field: FieldDef; block: InstanceBlockDef | null }
  | { kind: "heading" }
  | { kind: "instruction"; text: string }
  | { kind: "title" };

export interface Landmark {
  paragraph: Paragraph;
  role: LandmarkRole;
  /** For a prefix label: the text after the label in the same paragraph. */
  rest: string;
}

const matchMode = (label: string, explicit?: "exact" | "prefix") =>
  explicit ?? (label.trimEnd().endsWith(":") ? "prefix" : "exact");

export function labelledFields(template: TemplateDef): { field: FieldDef; block: InstanceBlockDef | null }[] {
  const out: { field: FieldDef; block: InstanceBlockDef | null }[] = [];
  for (const field of template.fields) out.push({ field, block: null });
  for (const block of template.blocks) {
    if (block.kind === "instances") for (const field of block.fields) out.push({ field, block });
  }
  return out.filter(({ field }) => field.locate.kind !== "top");
}

interface LandmarkPattern {
  key: string;
  mode: "exact" | "prefix";
  /** The fixed text as the template prints it. */
  text: string;
  role: LandmarkRole;
}

/** Every label, heading and instruction of a template, with its comparison key computed once. */
function landmarkPatterns(template: TemplateDef): LandmarkPattern[] {
  const out: LandmarkPattern[] = [];
  for (const { field, block } of labelledFields(template)) {
    const loc = field.locate;
    if (loc.kind === "top") continue;
    const mode = loc.kind === "after" ? matchMode(loc.anchor, loc.match) : "exact";
    out.push({ key: key(loc.anchor), mode, text: loc.anchor, role: { kind: "field", field, block } });
  }
  if (template.title)
    out.push({ key: key(template.title), mode: "exact", text: template.title, role: { kind: "title" } });
  for (const h of template.headings)
    out.push({ key: key(h), mode: "exact", text: h, role: { kind: "heading" } });
  for (const i of template.instructions) {
    out.push({ key: key(i), mode: "exact", text: i, role: { kind: "instruction", text: i } });
  }
  return out;
}

/** A label is never inside a content control (the templates' labels never are; answers are). */
export const inControl = (p: Paragraph) => p.containers.some((c) => c.kind !== "other");

export function findLandmarks(template: TemplateDef, paragraphs: readonly Paragraph[]): Landmark[] {
  const patterns = landmarkPatterns(template);
  const found: Landmark[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.part !== "body" || inControl(paragraph)) continue;
    // Labels are matched on the live text, so an empty control after a label is not part of it.
    const text = paragraph.liveText;
    const k = key(text);
    if (k === "") continue;
    for (const pattern of patterns) {
      if (!k.startsWith(pattern.key)) continue;
      let rest: string | null;
      if (pattern.mode === "prefix") rest = afterPrefix(text, pattern.text);
      else if (k === pattern.key) rest = "";
      // "Risker: personalomsättning …": an answer typed on a field's heading line.
      else if (pattern.role.kind === "field" && k[pattern.key.length] === ":")
        rest = afterPrefix(text, `${pattern.text}:`);
      else rest = null;
      if (rest !== null) {
        found.push({ paragraph, role: pattern.role, rest });
        break;
      }
    }
  }
  const withColumns = withRenamedColumns(template, paragraphs, found);
  return withGuidanceLabels(template, paragraphs, singleFieldsInOrder(template, withColumns));
}

/**
 * Column headings of a block's table that the user renamed ("Orsaker" for "Orsaker till
 * identifierade problem"): a row is the block's heading row when one of its cells is still a
 * heading, or when the row under it holds a heading's guidance. When such a row has one cell
 * per column field, its cells are the headings in the template's order.
 */
function withRenamedColumns(
  template: TemplateDef,
  paragraphs: readonly Paragraph[],
  landmarks: Landmark[],
): Landmark[] {
  const extra: Landmark[] = [];
  const found = new Set(landmarks.map((a) => a.paragraph.index));
  for (const block of template.blocks) {
    if (block.kind !== "instances") continue;
    const columns = block.fields.filter((f) => f.locate.kind === "below");
    if (columns.length < 2) continue;
    const headingKeys = new Set(columns.map((f) => (f.locate.kind === "below" ? key(f.locate.anchor) : "")));
    const guidanceKeys = new Set(columns.flatMap((f) => (f.guidance ?? []).map(key)));
    // The body's outermost tables, row by row, cell by cell (the first paragraph with text).
    const tables = new Map<number, Map<number, Map<number, Paragraph>>>();
    for (const p of paragraphs) {
      if (p.part !== "body" || !p.cell || inControl(p) || key(p.liveText) === "") continue;
      const rows = tables.get(p.cell.table) ?? new Map<number, Map<number, Paragraph>>();
      tables.set(p.cell.table, rows);
      const cells = rows.get(p.cell.row) ?? new Map<number, Paragraph>();
      rows.set(p.cell.row, cells);
      if (!cells.has(p.cell.cell)) cells.set(p.cell.cell, p);
    }
    for (const rows of tables.values()) {
      for (const [row, cells] of rows) {
        const ordered = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
        if (ordered.length !== columns.length) continue;
        const below = [...(rows.get(row + 1)?.values() ?? [])];
        const isHeadingRow =
          ordered.some((p) => headingKeys.has(key(p.liveText))) ||
          below.some((p) => guidanceKeys.has(key(p.liveText)));
        if (!isHeadingRow || ordered.every((p) => found.has(p.index))) continue;
        ordered.forEach((p, i) => {
          if (found.has(p.index)) return;
          extra.push({ paragraph: p, role: { kind: "field", field: columns[i], block }, rest: "" });
          found.add(p.index);
        });
      }
    }
  }
  return extra.length === 0
    ? landmarks
    : [...landmarks, ...extra].sort((a, b) => a.paragraph.index - b.paragraph.index);
}

/**
 * A single field's label may also stand in someone's answer ("Tidplan" as a sub-heading of the
 * plan, "Målgrupp:" inside the insatser answer). Single fields follow the template's order, so
 * each takes the first occurrence of its label after the previous field's; other occurrences are
 * answer text. (A field out of order still gets its last occurrence.)
 */
function singleFieldsInOrder(template: TemplateDef, landmarks: Landmark[]): Landmark[] {
  const chosen = new Set<Landmark>();
  let last = -1;
  for (const field of template.fields) {
    const candidates = landmarks.filter(
      (a) => a.role.kind === "field" && !a.role.block && a.role.field.id === field.id,
    );
    if (candidates.length === 0) continue;
    const pick = candidates.find((a) => a.paragraph.index > last) ?? candidates[candidates.length - 1];
    chosen.add(pick);
    last = Math.max(last, pick.paragraph.index);
  }
  return landmarks.filter((a) => !(a.role.kind === "field" && !a.role.block) || chosen.has(a));
}

/**
 * A single field whose label was retyped or renamed is found by its guidance text instead: the
 * guidance paragraph becomes its landmark, and the paragraph just above it (the renamed heading)
 * no longer belongs to the previous field's answer.
 */
function withGuidanceLabels(
  template: TemplateDef,
  paragraphs: readonly Paragraph[],
  landmarks: Landmark[],
): Landmark[] {
  const present = new Set(
    landmarks.flatMap((a) => (a.role.kind === "field" && !a.role.block ? [a.role.field.id] : [])),
  );
  const extra: Landmark[] = [];
  for (const field of template.fields) {
    if (present.has(field.id) || field.locate.kind !== "after" || !field.guidance?.length) continue;
    const want = key(field.guidance[0]);
    const at = paragraphs.find((p) => p.part === "body" && !inControl(p) && key(p.liveText) === want);
    if (!at) continue;
    extra.push({ paragraph: at, role: { kind: "field", field, block: null }, rest: "" });
    const above = paragraphs[at.index - 1];
    if (above && above.part === "body" && key(above.liveText) !== "" && !inControl(above)) {
      extra.push({ paragraph: above, role: { kind: "heading" }, rest: "" });
    }
  }
  return [...landmarks, ...extra].sort((a, b) => a.paragraph.index - b.paragraph.index);
}
