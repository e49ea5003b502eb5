import { Option, type Command } from "commander";
import { formatReport } from "../../core/format";
import { PlanstodError } from "../../core/messages";
import { TEMPLATES, templateById } from "../../core/templates";
import type { Report } from "../../core/types";
import { checkDocx } from "../../ooxml/docx";
import { detailOf, EXIT, swedishHelp, userMessage, type CommandContext, type Io } from "../context";
import { readInput } from "../io";

/** `planstod check`: completeness reports. */

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

type Outcome = { file: string; report: Report } | { file: string; error: string };

async function checkOne(file: string, templateId: string | undefined): Promise<Outcome> {
  try {
    const bytes = await readInput(file);
    return { file, report: await checkDocx(bytes, { templateId }) };
  } catch (error) {
    // Anything but a user's problem is a defect of ours; the user still gets one line, never a stack trace.
    return { file, error: userMessage(error) ?? `oväntat fel när filen lästes (${detailOf(error)}).` };
  }
}

export async function check(
  files: string[],
  options: { json?: boolean; template?: string },
  io: Io,
): Promise<number> {
  if (options.template !== undefined && !templateById(options.template)) {
    io.err(`planstod: ${new PlanstodError("unknown-template-id", options.template).message}`);
    return EXIT.problem;
  }
  const outcomes: Outcome[] = [];
  for (const file of files) {
    const outcome = await checkOne(file, options.template);
    if ("error" in outcome) io.err(`planstod: ${file}: ${outcome.error}`);
    outcomes.push(outcome);
  }
  if (options.json) {
    const objects = outcomes.map((o) =>
      "error" in o ? { file: o.file, error: o.error } : jsonReport(o.file, o.report),
    );
    io.out(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2));
  } else {
    const texts = outcomes.flatMap((o) => ("report" in o ? [formatReport(o.report, o.file)] : []));
    if (texts.length > 0) io.out(texts.join("\n\n"));
  }
  if (outcomes.some((o) => "error" in o)) return EXIT.problem;
  return outcomes.every((o) => "report" in o && o.report.complete) ? EXIT.complete : EXIT.incomplete;
}

export function registerCheck(program: Command, { io, setExit }: CommandContext): void {
  program
    .command("check")
    .description("kontrollera att alla obligatoriska fält är ifyllda")
    .usage("[alternativ] <fil...>")
    .configureHelp(swedishHelp)
    .argument("<fil...>", ".docx-filer att kontrollera")
    .option("--json", "skriv rapporten som JSON")
    .addOption(
      new Option(
        "--template <id>",
        `kontrollera mot en viss mall i stället för att känna igen den (${TEMPLATES.map((t) => t.id).join(", ")})`,
      ),
    )
    .helpOption("-h, --help", "visa hjälp")
    .action(async (files: string[], options: { json?: boolean; template?: string }) => {
      setExit(await check(files, options, io));
    });
}
