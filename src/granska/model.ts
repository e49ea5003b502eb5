import { checkCsv, exportCsv, exportRows } from "../core/csv";
import { comparePaths, folderEntry, inHiddenFolder } from "../core/folder-rules";
import { checkOutcomeOf, exportOutcomeOf, type DocumentOutcome } from "../core/outcome";

/**
 * What granska.html holds and shows, as plain data (no DOM): the chosen files sorted into those
 * to check, those that could not be checked by their format, and those skipped, by the folder
 * rules the command line uses (src/core/folder-rules.ts); then the outcomes in listing order, the
 * table's order (incomplete plans first, as the CLI's summary) and the two CSV downloads, built by
 * the CLI's own builders (src/core/csv.ts).
 */

/** A chosen file with its path as the user sees it (relative to the chosen folder, or its name). */
export interface Chosen<F> {
  path: string;
  file: F;
}

export interface Sorted<F> {
  /** Word documents to check, in listing order. */
  documents: Chosen<F>[];
  /** Files that could not be checked without reading them (other word processors' plans). */
  refused: { file: string; error: string }[];
  /** Other files, not looked at. */
  skipped: string[];
  /** Every path that gives a CSV row (documents and refused), in listing order. */
  order: string[];
}

/** Sorts chosen files by the folder rules; Word's owner files and hidden files are dropped. */
export function sortChosen<F>(chosen: readonly Chosen<F>[]): Sorted<F> {
  const byPath = [...chosen].sort((a, b) => comparePaths(a.path, b.path));
  const sorted: Sorted<F> = { documents: [], refused: [], skipped: [], order: [] };
  const seen = new Set<string>();
  for (const c of byPath) {
    if (seen.has(c.path) || inHiddenFolder(c.path)) continue;
    seen.add(c.path);
    const entry = folderEntry(c.path);
    if (entry.kind === "hidden") continue;
    if (entry.kind === "skipped") sorted.skipped.push(c.path);
    else {
      sorted.order.push(c.path);
      if (entry.kind === "document") sorted.documents.push(c);
      else sorted.refused.push({ file: c.path, error: entry.reason });
    }
  }
  return sorted;
}

export type Status = "incomplete" | "failed" | "complete";

export const statusOf = (o: DocumentOutcome): Status =>
  "error" in o ? "failed" : o.report.complete ? "complete" : "incomplete";

const RANK: Record<Status, number> = { incomplete: 0, failed: 1, complete: 2 };

/** The table's order: incomplete plans first, then files that could not be checked, then complete ones. */
export const tableOrder = (outcomes: readonly DocumentOutcome[]): DocumentOutcome[] =>
  outcomes
    .map((o, i) => [o, i] as const)
    .sort(([a, i], [b, j]) => RANK[statusOf(a)] - RANK[statusOf(b)] || i - j)
    .map(([o]) => o);

/** The summary CSV, as `planstod check --format csv` on the same files. */
export const summaryCsv = (outcomes: readonly DocumentOutcome[]): string =>
  checkCsv(outcomes.map(checkOutcomeOf));

/** Every answer, as `planstod export` on the same files. */
export const answersCsv = (outcomes: readonly DocumentOutcome[]): string =>
  exportCsv(exportRows(outcomes.map(exportOutcomeOf)));
