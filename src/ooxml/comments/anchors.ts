import type { ReviewTarget } from "../../core/review";
import { fold } from "../../core/text";
import type { ExtractedField } from "../../core/types";
import { answerParagraph, findField, inContentControl, instructionParagraph } from "../read/locate";
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

function fieldParagraph(field: ExtractedField, model: DocModel): Paragraph | null {
  const loc = field.location;
  if (!loc || loc.part !== "body") return null;
  const at = answerParagraph({ ...field, location: { ...loc, anchor: null } }, model);
  const label = loc.anchor !== null ? model.paragraphs[loc.anchor] : undefined;
  // A comment inside a content control would be inside the control's content: Word replaces a
  // placeholder's whole content when the user starts typing (the comment would go with it), and
  // LibreOffice drops the text of such comments. The label carries it instead.
  if (at && inContentControl(at) && label && label.part === "body" && !inContentControl(label)) return label;
  return at ?? label ?? null;
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
    const field = findField(analysis.extracted, target.field);
    at = field ? fieldParagraph(field, model) : null;
  } else if (target?.kind === "instruction") {
    at = instructionParagraph(analysis.template, analysis.extracted, model, target.ordinal);
  }
  return at ?? firstParagraph(model);
}
