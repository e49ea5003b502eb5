import type { Report } from "../core/types";
import { answersOf, type Answer } from "../ooxml/read/answers";
import { analyse, forcedTemplate } from "../ooxml/read/recognise";
import { readDocument } from "../ooxml/docx";
import { detailOf, userMessage } from "./context";
import { readInput } from "./io";

/**
 * What is done to one file of a batch: check it, or read its answers. Results are plain data,
 * so that a worker thread can hand them back (see batch.ts). Never throws.
 */

export type Job = { kind: "check" | "export"; file: string; templateId?: string };

export type CheckOutcome = { file: string; report: Report } | { file: string; error: string };
export type ExportOutcome =
  { file: string; template: string; answers: Answer[] } | { file: string; error: string };
export type JobOutcome = CheckOutcome | ExportOutcome;

async function analyseFile(file: string, templateId: string | undefined) {
  forcedTemplate(templateId);
  const read = await readDocument(readInput(file), { templateId });
  return { ...analyse(read, templateId), model: read.model };
}

function failure(file: string, error: unknown): { file: string; error: string } {
  // Anything but a user's problem is a defect of ours; the user still gets one line, never a stack trace.
  return { file, error: userMessage(error) ?? `oväntat fel när filen lästes (${detailOf(error)}).` };
}

export async function checkFile(file: string, templateId?: string): Promise<CheckOutcome> {
  try {
    return { file, report: (await analyseFile(file, templateId)).report };
  } catch (error) {
    return failure(file, error);
  }
}

export async function exportFile(file: string, templateId?: string): Promise<ExportOutcome> {
  try {
    const analysis = await analyseFile(file, templateId);
    return { file, template: analysis.template.id, answers: answersOf(analysis, analysis.model) };
  } catch (error) {
    return failure(file, error);
  }
}

export function runJob(job: Job): Promise<JobOutcome> {
  return job.kind === "check" ? checkFile(job.file, job.templateId) : exportFile(job.file, job.templateId);
}
