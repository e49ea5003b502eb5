import { engineTexts, type EngineTexts } from "./i18n";
import { templateById } from "./templates";
import type { FieldState, Report, SectionState } from "./types";

/** Plain-text rendering of a report, as the command line prints it, in the template's language. */

type ReportTexts = EngineTexts["report"];

const optionalAndEmpty = (section: SectionState) => section.fields.every((f) => !f.required && !f.filled);

function mark(section: SectionState): string {
  if (!section.used || optionalAndEmpty(section)) return "–";
  return section.fields.some((f) => f.required && !f.filled) ? "✗" : "✓";
}

function note(section: SectionState, t: ReportTexts): string {
  if (!section.used) return t.unused;
  if (optionalAndEmpty(section)) return t.optionalEmpty;
  if (section.block === null && section.fields.some((f) => f.block !== null)) {
    const rows = new Set(section.fields.filter((f) => f.filled).map((f) => f.block?.index));
    const all = new Set(section.fields.map((f) => f.block?.index));
    return t.rowsFilled(rows.size, all.size);
  }
  return "";
}

function where(field: FieldState, section: SectionState, t: ReportTexts): string {
  // Rows of a table are numbered; instance sections already carry their number in the title.
  return field.block && section.block === null ? t.row(field.block.index) : "";
}

export function formatReport(report: Report, file: string): string {
  const t = engineTexts(templateById(report.template)?.language ?? "sv").report;
  const lines: string[] = [`${file}: ${report.templateName} (${report.template})`];
  for (const section of report.sections) {
    lines.push(`  ${mark(section)} ${section.title}${note(section, t)}`);
    for (const field of section.fields) {
      if (field.required && !field.filled)
        lines.push(`      ${t.missing(field.label)}${where(field, section, t)}`);
    }
  }
  if (report.warnings.length > 0) {
    lines.push(`  ${t.warnings}`);
    for (const w of report.warnings) lines.push(`  ! ${w.message}`);
  }
  const verdict = report.complete ? t.complete : t.incomplete;
  lines.push(`  ${t.summary(report.requiredFilled, report.requiredTotal)} ${verdict}`);
  return lines.join("\n");
}
