import type { CheckOutcome, ExportOutcome } from "../core/csv";
import { analyse, forcedTemplate } from "../ooxml/read/recognise";
import { readDocument } from "../ooxml/docx";
import { userMessage } from "./context";
import { reasonOf, reviewDocument } from "./document";
import { readInput } from "./io";

/**
 * What is done to one file of a batch: check it, or read its answers. Results are plain data,
 * so that a worker thread can hand them back (see batch.ts). Never throws. The reading itself is
 * document.ts's, which granska.html's workers share.
 */

export type Job = { kind: "check" | "export"; file: string; templateId?: string };

export type { CheckOutcome, ExportOutcome } from "../core/csv";
export type JobOutcome = CheckOutcome | ExportOutcome;

function failure(file: string, error: unknown): { file: string; error: string } {
  // Anything but a user's problem is a defect of ours; the user still gets one line, never a stack trace.
  return { file, error: userMessage(error) ?? reasonOf(error) };
}

export async function checkFile(file: string, templateId?: string): Promise<CheckOutcome> {
  try {
    // The check alone: no answers to read. An unknown --template is refused before the file is
    // read (readInput), as readDocument refuses it before the package is opened.
    forcedTemplate(templateId);
    const read = await readDocument(readInput(file), { templateId });
    return { file, report: analyse(read, templateId).report };
  } catch (error) {
    return failure(file, error);
  }
}

export async function exportFile(file: string, templateId?: string): Promise<ExportOutcome> {
  try {
    const { template, answers } = await reviewDocument(readInput(file), templateId);
    return { file, template, answers };
  } catch (error) {
    return failure(file, error);
  }
}

export function runJob(job: Job): Promise<JobOutcome> {
  return job.kind === "check" ? checkFile(job.file, job.templateId) : exportFile(job.file, job.templateId);
}
