import type { CheckOutcome } from "./jobs";

/** The summary of a batch check, as a Swedish plain-text table (one row per file). */

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - [...text].length));

export function summaryTable(outcomes: readonly CheckOutcome[]): string {
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
  const complete = outcomes.filter((o) => "report" in o && o.report.complete).length;
  const failed = outcomes.filter((o) => "error" in o).length;
  const incomplete = outcomes.length - complete - failed;
  const files = outcomes.length === 1 ? "1 fil" : `${outcomes.length} filer`;
  const parts = [
    `${complete} ${complete === 1 ? "komplett" : "kompletta"}`,
    `${incomplete} inte ${incomplete === 1 ? "komplett" : "kompletta"}`,
  ];
  if (failed > 0) parts.push(`${failed} kunde inte kontrolleras`);
  return ["Sammanställning", line(header), ...rows.map(line), `${files}: ${parts.join(", ")}.`].join("\n");
}
