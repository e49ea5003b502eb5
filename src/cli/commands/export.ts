import { Option, type Command } from "commander";
import { exportCsv, exportRows, type ExportOutcome } from "../../core/csv";
import { skippedLine } from "../../core/folder-rules";
import { PlanstodError } from "../../core/messages";
import { templateById } from "../../core/templates";
import { runBatch } from "../batch";
import { detailOf, EXIT, swedishHelp, userMessage, type CommandContext, type Io } from "../context";
import { exists, InputError, sameFile, writeAtomic } from "../io";
import { expandPaths, toRead } from "../paths";
import { progressOf } from "./check";

/** `planstod export`: every field's answer, one row per file and field. */

/** The answers CSV and its rows (src/core/csv.ts, shared with granska.html). */
export { EXPORT_COLUMNS, exportCsv, exportRows, type ExportRow } from "../../core/csv";

export interface ExportOptions {
  format?: "csv" | "json";
  output?: string;
  force?: boolean;
  template?: string;
}

export async function exportAnswers(paths: string[], options: ExportOptions, io: Io): Promise<number> {
  try {
    if (options.template !== undefined && !templateById(options.template))
      throw new PlanstodError("unknown-template-id", options.template);
    const { entries, skipped } = await expandPaths(paths);
    const { files, merge } = toRead<ExportOutcome>(entries);
    const out = options.output;
    if (out !== undefined) {
      for (const file of files)
        if (await sameFile(file, out)) throw new InputError(`-o pekar på indatafilen ${file}.`);
      if (!options.force && (await exists(out)))
        throw new InputError(`${out} finns redan. Använd --force för att skriva över den.`);
    }
    const progress = progressOf(io, "Läser");
    progress?.(0, files.length);
    const outcomes = (await runBatch(
      files.map((file) => ({ kind: "export" as const, file, templateId: options.template })),
      { onDone: progress },
    )) as ExportOutcome[];
    const all = merge(outcomes);
    for (const o of all) if ("error" in o) io.err(`planstod: ${o.file}: ${o.error}`);
    if (skipped.length > 0) io.err(`planstod: ${skippedLine(skipped)}`);
    const rows = exportRows(all);
    const text = options.format === "json" ? `${JSON.stringify(rows, null, 2)}\n` : exportCsv(rows);
    if (out !== undefined) {
      await writeAtomic(out, new TextEncoder().encode(text));
      const readable = outcomes.filter((o) => !("error" in o)).length;
      io.err(`Skrev ${rows.length} svar från ${readable} ${readable === 1 ? "fil" : "filer"} till ${out}.`);
    } else io.out(text.replace(/\n$/, "")); // io.out ends the line: stdout gets exactly the file's bytes
    return all.some((o) => "error" in o) ? EXIT.problem : EXIT.complete;
  } catch (error) {
    io.err(`planstod: ${userMessage(error) ?? `oväntat fel, inget har skrivits (${detailOf(error)}).`}`);
    return EXIT.problem;
  }
}

export function registerExport(program: Command, { io, setExit }: CommandContext): void {
  program
    .command("export")
    .description("skriv ut alla fälts svar, en rad per fil och fält (CSV för Excel eller JSON)")
    .usage("[alternativ] <sökväg...>")
    .configureHelp(swedishHelp)
    .argument(
      "<sökväg...>",
      "Word-dokument eller mappar (i mappar och undermappar läses .docx, .docm och .dotx)",
    )
    .addOption(
      new Option("--format <format>", "hur resultatet skrivs").choices(["csv", "json"]).default("csv"),
    )
    .option("-o, --output <utfil>", "skriv till en fil i stället för till standard ut")
    .option("--force", "skriv över en befintlig utfil")
    .option("--template <id>", "läs mot en viss mall i stället för att känna igen den")
    .helpOption("-h, --help", "visa hjälp")
    .action(async (paths: string[], options: ExportOptions) => {
      setExit(await exportAnswers(paths, options, io));
    });
}
