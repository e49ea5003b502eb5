import type { ReviewTarget } from "../../core/review";
import { fold, key } from "../../core/text";
import type { ExtractedField, TemplateDef } from "../../core/types";
import type { Analysis } from "../read/recognise";
import type { DocModel, Paragraph } from "../read/paragraph-model";

/**
 * Where a review item's comment is anchored, by the rule the Word adapter uses to go to a field:
 * a field's answer paragraph (the first holding a content control or text, else the last), but
 * its label paragraph when the answer paragraph stands inside a content control (see below) or
 * there is no answer paragraph; a leftover instruction's own paragraph; a block warning at the block's
 * first field (buildReview already points it there). Word allows no comments in page headers, so
 * a field in a header, or an item with no target, is anchored on the document's first paragraph
 * with text (the title).
 */

function fieldOf(
  analysis: Analysis,
  target: Extract<ReviewTarget, { kind: "field" }>,
): ExtractedField | null {
  const { id, block } = target.field;
  if (!block) return analysis.extracted.fields[id] ?? null;
  return analysis.extracted.blocks[block.type]?.[block.index - 1]?.[id] ?? null;
}

/** Whether a paragraph stands inside a content control (block, cell or row level). */
const inControl = (p: Paragraph) => p.containers.some((c) => c.kind !== "other");

function fieldParagraph(field: ExtractedField, model: DocModel): Paragraph | null {
  const loc = field.location;
  if (!loc || loc.part !== "body") return null;
  const answer = loc.paragraphs.map((i) => model.paragraphs[i]).filter((p) => p?.part === "body");
  const filled = answer.find(
    (p) => p.containers.length > 0 || p.segments.some((s) => s.sdt) || fold(p.text) !== "",
  );
  const at = filled ?? answer[answer.length - 1];
  const label = loc.anchor !== null ? model.paragraphs[loc.anchor] : undefined;
  // A comment inside a content control would be inside the control's content: Word replaces a
  // placeholder's whole content when the user starts typing (the comment would go with it), and
  // LibreOffice drops the text of such comments. The label carries it instead.
  if (at && inControl(at) && label && label.part === "body" && !inControl(label)) return label;
  return at ?? label ?? null;
}

/** The paragraphs holding a template instruction, in document order (as extraction finds them). */
export function instructionParagraphs(template: TemplateDef, model: DocModel): Paragraph[] {
  const wanted = new Set(template.instructions.map(key));
  return model.paragraphs.filter(
    (p) => p.part === "body" && !p.containers.some((c) => c.kind !== "other") && wanted.has(key(p.liveText)),
  );
}

const firstParagraph = (model: DocModel): Paragraph | null =>
  model.paragraphs.find((p) => p.part === "body" && fold(p.liveText) !== "") ??
  model.paragraphs.find((p) => p.part === "body") ??
  null;

export function anchorParagraph(
  analysis: Analysis,
  model: DocModel,
  target: ReviewTarget | null,
): Paragraph | null {
  let at: Paragraph | null = null;
  if (target?.kind === "field") {
    const field = fieldOf(analysis, target);
    at = field ? fieldParagraph(field, model) : null;
  } else if (target?.kind === "instruction") {
    at = instructionParagraphs(analysis.template, model)[target.ordinal] ?? null;
  }
  return at ?? firstParagraph(model);
}
