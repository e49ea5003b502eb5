import { key, userText, type TextRules } from "../../core/text";
import type { ExtractedField, FieldLocation } from "../../core/types";
import type { Landmark } from "./labels";
import type { Paragraph, SdtInfo } from "./paragraph-model";

/**
 * Answer regions: the paragraphs after a label that hold its answer, up to the next landmark
 * (inside the label's table when it has one; `below` fields take the cells of their grid column),
 * and where the answer stands (its paragraphs and its content control).
 */

const sameTable = (a: Paragraph, b: Paragraph) =>
  a.cell !== null && b.cell !== null && a.part === b.part && a.cell.table === b.cell.table;

/** The paragraphs that make up the answer after a landmark, per the locator's kind. */
function region(
  landmark: Landmark,
  paragraphs: readonly Paragraph[],
  landmarkAt: ReadonlySet<number>,
): Paragraph[] {
  const label = landmark.paragraph;
  const role = landmark.role;
  const below = role.kind === "field" && role.field.locate.kind === "below";
  const out: Paragraph[] = [];
  for (let i = label.index + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.part !== label.part) break;
    if (label.cell && !sameTable(label, p)) break;
    if (below && label.cell && p.cell) {
      // Anchors in the label's own row (the other column headings) do not end the region.
      if (p.cell.row === label.cell.row) continue;
      if (landmarkAt.has(p.index)) break;
      const start = label.cell.gridStart;
      const end = start + label.cell.gridSpan;
      if (p.cell.gridStart < end && p.cell.gridStart + p.cell.gridSpan > start) out.push(p);
      continue;
    }
    if (landmarkAt.has(p.index)) break;
    out.push(p);
  }
  return out;
}

export function controlOf(paragraphs: readonly Paragraph[]): SdtInfo | null {
  for (const p of paragraphs) {
    const inner = p.segments.find((s) => s.sdt !== null)?.sdt ?? p.containers[p.containers.length - 1];
    if (inner) return inner;
  }
  return null;
}

export function location(
  label: Paragraph | null,
  answer: readonly Paragraph[],
  control: SdtInfo | null,
): FieldLocation {
  return {
    anchor: label?.index ?? null,
    paragraphs: answer.map((p) => p.index),
    controlId: control?.id ?? null,
    part: (label ?? answer[0])?.part ?? "body",
  };
}

export const notFound = (id: string): ExtractedField => ({ id, text: "", found: false, location: null });

export function readLandmark(
  landmark: Landmark,
  paragraphs: readonly Paragraph[],
  landmarkAt: ReadonlySet<number>,
  rules: TextRules,
) {
  const answer = region(landmark, paragraphs, landmarkAt);
  const texts = [landmark.rest, ...answer.map((p) => p.liveText)];
  // The control that holds the answer: a run-level one after a prefix label, else the region's.
  const inLabel = landmark.paragraph.segments.find((s) => s.sdt !== null)?.sdt ?? null;
  const control = inLabel ?? controlOf(answer);
  // The template's own guidance in the region is not part of the answer's location.
  const own = answer.filter((p) => !rules.templateText.has(key(p.liveText)));
  return { text: userText(texts, rules), location: location(landmark.paragraph, own, control) };
}
