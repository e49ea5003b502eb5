/**
 * Where a review target is in the last read's model. A leftover instruction is the n-th
 * paragraph, in document order, that extraction took for one of the template's instructions
 * (analysis.extracted.instructions lists their texts in that order): a body paragraph outside
 * content controls whose text is the instruction.
 */
import { key } from "../core/text";
import type { Analysis } from "../ooxml/read/recognise";
import type { DocModel } from "../ooxml/read/paragraph-model";

/** The model index of the `ordinal`-th (from 0) leftover instruction, or null. */
export function instructionParagraph(analysis: Analysis, model: DocModel, ordinal: number): number | null {
  const wanted = analysis.extracted.instructions[ordinal];
  if (wanted === undefined) return null;
  const instructions = new Set(analysis.template.instructions.map(key));
  const found = model.paragraphs.filter(
    (p) =>
      p.part === "body" && !p.containers.some((c) => c.kind !== "other") && instructions.has(key(p.liveText)),
  );
  // The same paragraphs as extraction found, in the same order; else the n-th with that text.
  const agree =
    found.length === analysis.extracted.instructions.length &&
    found.every((p, i) => key(p.liveText) === key(analysis.extracted.instructions[i]));
  if (agree) return found[ordinal].index;
  const before = analysis.extracted.instructions
    .slice(0, ordinal)
    .filter((t) => key(t) === key(wanted)).length;
  return found.filter((p) => key(p.liveText) === key(wanted))[before]?.index ?? null;
}
