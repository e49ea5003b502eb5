import type { CheckOutcome } from "../core/csv";
import { missingLabels } from "../core/missing";

/**
 * The summary of a batch check, in Swedish plain text: a table (one row per file), incomplete
 * plans first, then files that could not be checked, then complete ones (each group in the order
 * given); then, for each incomplete plan, the labels of its missing fields with block or row
 * numbers (src/core/missing.ts, as granska.html shows them); then a count line.
 */

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - [...text].length));

/** 0 incomplete, 1 could not be checked, 2 complete. */
const rank = (o: CheckOutcome) => ("error" in o ? 1 : o.report.complete ? 2 : 0);

/** Outcomes in the summary's order: incomplete first, then the others; stable within each group. */
export const incompleteFirst = <T extends CheckOutcome>(outcomes: readonly T[]): T[] =>
  outcomes
    .map((o, i) => [o, i] as const)
    .sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j)
    .map(([o]) => o);

function table(outcomes: readonly CheckOutcome[]): string[] {
  const header = ["Fil", "Mall", "Obligatoriska ifyllda", "Saknas", "Varningar", "Status"];
  const rows = outcomes.map((o) =>
    "error" in o
      ? [o.file, "–", "–", "–", "–", `kunde inte kontrolleras: ${o.error}`]
      : [
          o.file,
          o.report.templateName,
          `${o.report.requiredFilled}/${o.report.requiredTotal}`,
          String(o.report.missing.length),
          String(o.report.warnings.length),
          o.report.complete ? "komplett" : "inte komplett",
        ],
  );
  const widths = header.map((h, i) => Math.max(...[h, ...rows.map((r) => r[i])].map((c) => [...c].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** For each incomplete plan: its file and figures, then one missing field per line. */
function missingLists(outcomes: readonly CheckOutcome[]): string[] {
  const lines: string[] = [];
  for (const o of outcomes) {
    if ("error" in o || o.report.complete) continue;
    const r = o.report;
    lines.push(`${o.file} (${r.templateName}, ${r.requiredFilled}/${r.requiredTotal} ifyllda)`);
    for (const label of missingLabels(r)) lines.push(`  – ${label}`);
  }
  return lines;
}

function countLine(outcomes: readonly CheckOutcome[]): string {
  const complete = outcomes.filter((o) => "report" in o && o.report.complete).length;
  const failed = outcomes.filter((o) => "error" in o).length;
  const incomplete = outcomes.length - complete - failed;
  const files = outcomes.length === 1 ? "1 fil" : `${outcomes.length} filer`;
  const parts = [
    `${complete} ${complete === 1 ? "komplett" : "kompletta"}`,
    `${incomplete} inte ${incomplete === 1 ? "komplett" : "kompletta"}`,
  ];
  if (failed > 0) parts.push(`${failed} kunde inte kontrolleras`);
  return `${files}: ${parts.join(", ")}.`;
}

export function summaryTable(outcomes: readonly CheckOutcome[]): string {
  const ordered = incompleteFirst(outcomes);
  const lists = missingLists(ordered);
  return [
    "Sammanställning",
    ...table(ordered),
    ...(lists.length > 0 ? ["", "Det här saknas i planerna som inte är kompletta", ...lists] : []),
    "",
    countLine(outcomes),
  ].join("\n");
}
