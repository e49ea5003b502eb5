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
