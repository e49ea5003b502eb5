import { templateById } from "./templates";
import type { MissingField, Report, TemplateDef } from "./types";

/**
 * "What is missing" in one line per field: a missing field's label with its block or row number,
 * in the template's language. One rule for the command line's summary and CSV and for
 * granska.html's table, so that they say the same thing.
 *
 *   Bakgrund …                                        a single field
 *   Mål med insatsen (Utvecklingsområde 2)            a field of a repeated block
 *   Kontaktuppgifter (Vem tog fram handlingsplanen?, rad 1)   a cell of a table's row
 */

const ROW_WORD = { sv: "rad", da: "række" } as const;

/** The label of one missing field, with where it is. */
export function missingLabel(template: TemplateDef | undefined, m: MissingField): string {
  if (!m.block) return m.label;
  const def = template?.blocks.find((b) => b.type === m.block?.type);
  const name = def?.name ?? m.block.type;
  if (def?.kind === "rows")
    return `${m.label} (${name}, ${ROW_WORD[template?.language ?? "sv"]} ${m.block.index})`;
  return `${m.label} (${name} ${m.block.index})`;
}

/** The labels of a report's missing fields, in the report's (document) order. */
export function missingLabels(report: Report): string[] {
  const template = templateById(report.template);
  return report.missing.map((m) => missingLabel(template, m));
}

/** How the labels are joined where they share one line or one CSV cell. */
export const MISSING_SEPARATOR = "; ";

/** The labels of a report's missing fields in one text (the CSV's `missing_fields` cell). */
export const missingText = (report: Report): string => missingLabels(report).join(MISSING_SEPARATOR);
