import type { FieldState, Report, SectionState } from "./types";

/** Swedish plain-text rendering of a report, as the command line prints it. */

const optionalAndEmpty = (section: SectionState) => section.fields.every((f) => !f.required && !f.filled);

function mark(section: SectionState): string {
  if (!section.used || optionalAndEmpty(section)) return "–";
  return section.fields.some((f) => f.required && !f.filled) ? "✗" : "✓";
}

function note(section: SectionState): string {
  if (!section.used) return " (används inte)";
  if (optionalAndEmpty(section)) return " (frivilligt, inte ifyllt)";
  if (section.block === null && section.fields.some((f) => f.block !== null)) {
    const rows = new Set(section.fields.filter((f) => f.filled).map((f) => f.block?.index));
    const all = new Set(section.fields.map((f) => f.block?.index));
    return ` (${rows.size} av ${all.size} rader ifyllda)`;
  }
  return "";
}

function where(field: FieldState, section: SectionState): string {
  // Rows of a table are numbered; instance sections already carry their number in the title.
  return field.block && section.block === null ? ` (rad ${field.block.index})` : "";
}

export function formatReport(report: Report, file: string): string {
  const lines: string[] = [`${file}: ${report.templateName} (${report.template})`];
  for (const section of report.sections) {
    lines.push(`  ${mark(section)} ${section.title}${note(section)}`);
    for (const field of section.fields) {
      if (field.required && !field.filled) lines.push(`      saknas: ${field.label}${where(field, section)}`);
    }
  }
  if (report.warnings.length > 0) {
    lines.push("  Varningar:");
    for (const w of report.warnings) lines.push(`  ! ${w.message}`);
  }
  const verdict = report.complete ? "Dokumentet är komplett." : "Dokumentet är inte komplett.";
  lines.push(`  ${report.requiredFilled} av ${report.requiredTotal} obligatoriska fält ifyllda. ${verdict}`);
  return lines.join("\n");
}
