import { Option, type Command } from "commander";
import { checkCsv, type CheckOutcome } from "../../core/csv";
import { skippedLine } from "../../core/folder-rules";
import { formatReport } from "../../core/format";
import { PlanstodError } from "../../core/messages";
import { TEMPLATES, templateById } from "../../core/templates";
import type { Report } from "../../core/types";
import { runBatch } from "../batch";
import { EXIT, swedishHelp, type CommandContext, type Io } from "../context";
import { expandPaths, toRead } from "../paths";
import { summaryTable } from "../table";
import { commentsCommand, type CommentsOptions } from "./comments";

/** `planstod check`: completeness reports for files and folders. */

/** The contract's JSON report for one file (shared/spec/templates.md). */
export function jsonReport(file: string, report: Report) {
  return {
    file,
    template: report.template,
    complete: report.complete,
    blocks: report.blocks,
    fields: report.fields.map((f) => ({
      id: f.id,
      block: f.block,
      required: f.required,
      filled: f.filled,
      label: f.label,
    })),
    missing: report.missing,
    warnings: report.warnings,
    templateName: report.templateName,
    requiredTotal: report.requiredTotal,
    requiredFilled: report.requiredFilled,
  };
}

/** The summary CSV (src/core/csv.ts, shared with granska.html). */
export { CHECK_CSV_COLUMNS, checkCsv } from "../../core/csv";

export type CheckFormat = "text" | "json" | "csv";

export interface CheckOptions {
  format?: CheckFormat;
  json?: boolean;
  template?: string;
  summary?: boolean;
  details?: boolean;
}

/** Calls `io.progress` as files are done, when there is more than one and a terminal to show it. */
export function progressOf(io: Io, verb: string): ((done: number, total: number) => void) | undefined {
  const show = io.progress;
  if (!show) return undefined;
  return (done, total) => {
    if (total < 2) return;
    show(done < total ? `${verb} ${done + 1} av ${total} …` : "");
  };
}

export async function check(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  if (options.template !== undefined && !templateById(options.template)) {
    io.err(`planstod: ${new PlanstodError("unknown-template-id", options.template).message}`);
    return EXIT.problem;
  }
  const format: CheckFormat = options.json ? "json" : (options.format ?? "text");
  const { entries, folders, skipped } = await expandPaths(paths);
  const { files, merge } = toRead<CheckOutcome>(entries);
  const progress = progressOf(io, "Kontrollerar");
  progress?.(0, files.length);
  const outcomes = (await runBatch(
    files.map((file) => ({ kind: "check" as const, file, templateId: options.template })),
    { onDone: progress },
  )) as CheckOutcome[];
  const all: CheckOutcome[] = merge(outcomes);
  for (const o of all) if ("error" in o) io.err(`planstod: ${o.file}: ${o.error}`);
  if (skipped.length > 0) io.err(`planstod: ${skippedLine(skipped)}`);

  if (format === "json") {
    const objects = all.map((o) =>
      "error" in o ? { file: o.file, error: o.error } : jsonReport(o.file, o.report),
    );
    // One object for one file named as a file; a list for several, or for any folder.
    io.out(JSON.stringify(objects.length === 1 && !folders ? objects[0] : objects, null, 2));
  } else if (format === "csv") {
    io.out(checkCsv(all).replace(/\n$/, "")); // io.out ends the line with the \n of the last CRLF
  } else {
    // One file named as a file: its whole report. Several, or a folder: the summary (incomplete
    // plans first, with what each one is missing); the whole reports follow with --details.
    const many = all.length > 1 || folders;
    const texts: string[] = [];
    if (many || options.summary) texts.push(summaryTable(all));
    if ((!many && !options.summary) || options.details)
      texts.push(...all.flatMap((o) => ("report" in o ? [formatReport(o.report, o.file)] : [])));
    else if (many && all.some((o) => "report" in o && !o.report.complete))
      texts.push("Hela rapporten för varje fil: lägg till --details.");
    if (texts.length > 0) io.out(texts.join("\n\n"));
  }
  if (all.some((o) => "error" in o)) return EXIT.problem;
  return all.every((o) => "report" in o && o.report.complete) ? EXIT.complete : EXIT.incomplete;
}

export function registerCheck(program: Command, { io, setExit }: CommandContext): void {
  program
    .command("check")
    .description("kontrollera att alla obligatoriska fält är ifyllda (filer och mappar)")
    .usage("[alternativ] <sökväg...>")
    .configureHelp(swedishHelp)
    .argument(
      "<sökväg...>",
      "Word-dokument eller mappar (i mappar och undermappar kontrolleras .docx, .docm och .dotx)",
    )
    .addOption(
      new Option("--format <format>", "hur resultatet skrivs")
        .choices(["text", "json", "csv"])
        .default("text"),
    )
    .option("--json", "samma som --format json")
    .option("--summary", "skriv bara sammanställningen, även för en fil")
    .option("--details", "skriv hela rapporten för varje fil efter sammanställningen")
    .addOption(
      new Option(
        "--template <id>",
        `kontrollera mot en viss mall i stället för att känna igen den (${TEMPLATES.map((t) => t.id).join(", ")})`,
      ),
    )
    .option("--comments", "lägg granskningen som kommentarer i en kopia av dokumentet (kräver -o UTFIL)")
    .option("-o, --output <utfil>", "med --comments: filen som skrivs")
    .option(
      "--in-place",
      "med --comments: ändra filen där den ligger (den ersätts först när den nya är färdigskriven)",
    )
    .option("--force", "med --comments: skriv över en befintlig utfil")
    .helpOption("-h, --help", "visa hjälp")
    .action(async (paths: string[], options: CheckOptions & CommentsOptions) => {
      if (options.comments) setExit(await commentsCommand(paths, options, io));
      else if (options.output !== undefined || options.inPlace || options.force) {
        io.err("planstod: -o, --in-place och --force används bara med --comments.");
        setExit(EXIT.problem);
      } else setExit(await check(paths, options, io));
    });
}
