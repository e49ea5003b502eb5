import type { BlockRef, Report } from "./types";

/**
 * What reviewing one file gives, as plain data (it crosses worker boundaries): its report and
 * every field's answer, or the clear Swedish reason it could not be read. The command line
 * (src/cli/) and granska.html (src/granska/) both produce and consume these.
 */

/** One field's answer as `export` writes it (src/ooxml/read/answers.ts reads it, with `required` from the report). */
export interface FieldAnswer {
  id: string;
  block: BlockRef | null;
  label: string;
  filled: boolean;
  text: string;
  required: boolean;
}

/** The outcome of checking one file: its report, or the clear reason it could not be checked. */
export type CheckOutcome = { file: string; report: Report } | { file: string; error: string };

/** The answers of one file, or the reason it could not be read. */
export type ExportOutcome =
  { file: string; template: string; answers: readonly FieldAnswer[] } | { file: string; error: string };

/** Both at once: what granska.html's workers give for a document. */
export type DocumentOutcome =
  | { file: string; template: string; report: Report; answers: FieldAnswer[] }
  | { file: string; error: string };

/** The check's part of an outcome (the summary CSV's row). */
export const checkOutcomeOf = (o: DocumentOutcome): CheckOutcome =>
  "error" in o ? { file: o.file, error: o.error } : { file: o.file, report: o.report };

/** The export's part of an outcome (the answers CSV's rows). */
export const exportOutcomeOf = (o: DocumentOutcome): ExportOutcome =>
  "error" in o
    ? { file: o.file, error: o.error }
    : { file: o.file, template: o.template, answers: o.answers };

/** The reason for an error that is no user's problem (a defect of ours): still one line, never a stack trace. */
export const unexpectedReason = (error: unknown): string =>
  `oväntat fel när filen lästes (${error instanceof Error ? error.message : String(error)}).`;
