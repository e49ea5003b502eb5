import { missingText } from "./missing";
import type { CheckOutcome, ExportOutcome } from "./outcome";

export type { CheckOutcome, ExportOutcome, FieldAnswer } from "./outcome";

/**
 * CSV as every Planstöd CSV is written (shared/spec/templates.md): UTF-8 with a byte-order mark,
 * `;` between fields, CRLF between records, a header row, and RFC 4180 quoting, so that Excel with
 * Swedish settings opens it as columns.
 */

export type CsvValue = string | number | boolean | null | undefined;

export const CSV_BOM = "\ufeff";
export const CSV_SEPARATOR = ";";

/** One field: quoted (quotes doubled) when it holds the separator, a quote or a line break. */
export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRecord = (values: readonly CsvValue[]): string => values.map(csvField).join(CSV_SEPARATOR);

/** A whole CSV document: byte-order mark, header row, records, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + [header, ...rows].map((r) => `${csvRecord(r)}\r\n`).join("");
}

/** The contract's columns for `check --format csv` (and granska.html's summary), in this order. */
export const CHECK_CSV_COLUMNS = [
  "file",
  "template",
  "required_filled",
  "required_total",
  "missing",
  "warnings",
  "complete",
  "error",
  "missing_fields",
] as const;

export function checkCsvRow(o: CheckOutcome): CsvValue[] {
  if ("error" in o) return [o.file, "", "", "", "", "", "", o.error, ""];
  const r = o.report;
  return [
    o.file,
    r.template,
    r.requiredFilled,
    r.requiredTotal,
    r.missing.length,
    r.warnings.length,
    r.complete,
    "",
    missingText(r),
  ];
}

/** The summary CSV: one row per file, in the order given. */
export const checkCsv = (outcomes: readonly CheckOutcome[]): string =>
  toCsv(CHECK_CSV_COLUMNS, outcomes.map(checkCsvRow));

/** The contract's columns for `export` (and granska.html's answers download), in this order. */
export const EXPORT_COLUMNS = [
  "file",
  "template",
  "block_type",
  "block_index",
  "field_id",
  "label",
  "filled",
  "text",
  "required",
] as const;

export interface ExportRow {
  file: string;
  template: string;
  block_type: string | null;
  block_index: number | null;
  field_id: string;
  label: string;
  filled: boolean;
  text: string;
  required: boolean;
}

/** One row per file and field; files that could not be read give none. */
export function exportRows(outcomes: readonly ExportOutcome[]): ExportRow[] {
  return outcomes.flatMap((o) =>
    "error" in o
      ? []
      : o.answers.map((a) => ({
          file: o.file,
          template: o.template,
          block_type: a.block?.type ?? null,
          block_index: a.block?.index ?? null,
          field_id: a.id,
          label: a.label,
          filled: a.filled,
          text: a.text,
          required: a.required,
        })),
  );
}

export const exportCsv = (rows: readonly ExportRow[]): string =>
  toCsv(
    EXPORT_COLUMNS,
    rows.map((r) => EXPORT_COLUMNS.map((c) => r[c])),
  );
