import { PlanstodError } from "../core/messages";
import { unexpectedReason, type DocumentOutcome, type FieldAnswer } from "../core/outcome";
import type { Report } from "../core/types";
import { readDocument } from "../ooxml/docx";
import { answersOf } from "../ooxml/read/answers";
import { analyse, forcedTemplate } from "../ooxml/read/recognise";

/**
 * One document's review from its bytes: its report and every field's answer, or the clear
 * Swedish reason it could not be read (src/core/outcome.ts). Pure (no file system): the command line's jobs read the
 * file and call it, and granska.html's workers call it on the bytes of a chosen file, so that the
 * page and `planstod check`/`export` give the same results. Never throws.
 */

/** The reason a document could not be read: the engine's Swedish message, or `unexpectedReason`. */
export const reasonOf = (error: unknown): string =>
  error instanceof PlanstodError ? error.message : unexpectedReason(error);

/** Reads, recognises (or takes `templateId`) and checks one document; throws PlanstodError. */
export async function reviewDocument(
  bytes: Uint8Array,
  templateId?: string,
): Promise<{ template: string; report: Report; answers: FieldAnswer[] }> {
  forcedTemplate(templateId);
  const read = await readDocument(bytes, { templateId });
  const analysis = analyse(read, templateId);
  const fields = analysis.report.fields;
  // answersOf gives the report's fields in the report's order: `required` is the report's.
  const answers = answersOf(analysis, read.model).map((a, i) => ({ ...a, required: fields[i].required }));
  return { template: analysis.template.id, report: analysis.report, answers };
}

/** The whole outcome for one document's bytes: report and answers, or the reason. */
export async function documentOutcome(
  file: string,
  bytes: Uint8Array,
  templateId?: string,
): Promise<DocumentOutcome> {
  try {
    return { file, ...(await reviewDocument(bytes, templateId)) };
  } catch (error) {
    return { file, error: reasonOf(error) };
  }
}
