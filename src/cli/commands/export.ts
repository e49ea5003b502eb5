import { Option, type Command } from "commander";
import { toCsv } from "../../core/csv";
import { PlanstodError } from "../../core/messages";
import { templateById } from "../../core/templates";
import { runBatch } from "../batch";
import { detailOf, EXIT, swedishHelp, userMessage, type CommandContext, type Io } from "../context";
import { exists, InputError, sameFile, writeAtomic } from "../io";
import type { ExportOutcome } from "../jobs";
import { expandPaths } from "../paths";
import { progressOf } from "./check";

/** `planstod export`: every field's answer, one row per file and field. */

/** The contract's columns for `export`, in this order. */
export const EXPORT_COLUMNS = [
  "file",
  "template",
  "block_type",
  "block_index",
  "field_id",
  "label",
  "filled",
  "text",
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
}

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
        })),
  );
}

export const exportCsv = (rows: readonly ExportRow[]): string =>
  toCsv(
    EXPORT_COLUMNS,
    rows.map((r) => EXPORT_COLUMNS.map((c) => r[c])),
  );

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
    const { files, problems } = await expandPaths(paths);
    const out = options.output;
    if (out !== undefined) {
      for (const file of files)
        if (await sameFile(file, out)) throw new InputError(`-o pekar på indatafilen ${file}.`);
      if (!options.force && (await exists(out)))
        throw new InputError(`${out} finns redan. Använd --force för att skriva över den.`);
    }
    for (const p of problems) io.err(`planstod: ${p.file}: ${p.error}`);
    const progress = progressOf(io, "Läser");
    progress?.(0, files.length);
    const outcomes = (await runBatch(
      files.map((file) => ({ kind: "export" as const, file, templateId: options.template })),
      { onDone: progress },
    )) as ExportOutcome[];
    for (const o of outcomes) if ("error" in o) io.err(`planstod: ${o.file}: ${o.error}`);
    const rows = exportRows(outcomes);
    const text = options.format === "json" ? `${JSON.stringify(rows, null, 2)}\n` : exportCsv(rows);
    if (out !== undefined) {
      await writeAtomic(out, new TextEncoder().encode(text));
      const readable = outcomes.filter((o) => !("error" in o)).length;
      io.err(`Skrev ${rows.length} svar från ${readable} ${readable === 1 ? "fil" : "filer"} till ${out}.`);
    } else io.out(text.replace(/\n$/, "")); // io.out ends the line: stdout gets exactly the file's bytes
    return problems.length > 0 || outcomes.some((o) => "error" in o) ? EXIT.problem : EXIT.complete;
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
    .argument("<sökväg...>", "Word-dokument eller mappar (.docx, .docm, .dotx söks i mappar och undermappar)")
    .addOption(new Option("--format <format>", "utdataformat").choices(["csv", "json"]).default("csv"))
    .option("-o, --output <utfil>", "skriv till en fil i stället för till standard ut")
    .option("--force", "skriv över en befintlig utfil")
    .option("--template <id>", "läs mot en viss mall i stället för att känna igen den")
    .helpOption("-h, --help", "visa hjälp")
    .action(async (paths: string[], options: ExportOptions) => {
      setExit(await exportAnswers(paths, options, io));
    });
}
