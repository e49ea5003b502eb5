import { Command, CommanderError, Option } from "commander";
import { formatReport } from "../core/format";
import { PlanstodError } from "../core/messages";
import { TEMPLATES, templateById } from "../core/templates";
import type { Report } from "../core/types";
import { checkDocx, editDocx } from "../ooxml/docx";
import type { BlockOperation } from "../ooxml/edit";
import { engineTexts } from "../core/i18n";
import { exists, InputError, modeOf, readInput, realFile, sameFile, writeAtomic } from "./io";
import { createPlan, NEW_TEMPLATE_IDS } from "./new";

/** Where the command writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export const EXIT = { complete: 0, incomplete: 1, problem: 2 } as const;

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
    if (error instanceof PlanstodError || error instanceof InputError) return { file, error: error.message };
    // Anything else is a defect of ours; the user still gets one line, never a stack trace.
    const detail = error instanceof Error ? error.message : String(error);
    return { file, error: `oväntat fel när filen lästes (${detail}).` };
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

interface WriteOptions {
  output?: string;
  inPlace?: boolean;
  force?: boolean;
  template?: string;
}

/** Where an edit goes: -o OUT (a new file, or an existing one with --force) or --in-place. */
async function outputPath(file: string, options: WriteOptions): Promise<string> {
  if (options.inPlace && options.output !== undefined)
    throw new InputError("ange antingen -o UTFIL eller --in-place, inte båda.");
  if (options.inPlace) return realFile(file);
  if (options.output === undefined)
    throw new InputError("ange var resultatet ska skrivas: -o UTFIL eller --in-place.");
  if (await sameFile(file, options.output)) {
    throw new InputError("-o pekar på indatafilen. Använd --in-place om du vill ändra den.");
  }
  if (!options.force && (await exists(options.output))) {
    throw new InputError(`${options.output} finns redan. Använd --force för att skriva över den.`);
  }
  return options.output;
}

export async function edit(
  file: string,
  operation: BlockOperation,
  options: WriteOptions,
  io: Io,
): Promise<number> {
  try {
    const out = await outputPath(file, options);
    const bytes = await readInput(file);
    const result = await editDocx(bytes, operation, { templateId: options.template });
    await writeAtomic(out, result.bytes, await modeOf(file));
    const def = result.template.blocks.find((b) => b.type === operation.type);
    const t = engineTexts(result.template.language).edit;
    const name =
      def?.kind === "rows"
        ? t.rowOf(result.index, def.name)
        : `${def?.name ?? operation.type} ${result.index}`;
    const verb = operation.op === "add" ? t.added : t.removed;
    const where = options.inPlace ? file : t.from(out, file);
    io.out(`${verb} ${name} i ${where}. ${t.count(result.after.blocks[operation.type])}`);
    return EXIT.complete;
  } catch (error) {
    if (error instanceof PlanstodError || error instanceof InputError) {
      io.err(`planstod: ${file}: ${error.message}`);
      return EXIT.problem;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.err(`planstod: ${file}: oväntat fel, inget har skrivits (${detail}).`);
    return EXIT.problem;
  }
}

function positive(value: string, what: string): number {
  if (!/^[1-9]\d*$/.test(value))
    throw new InputError(`${what} måste vara ett positivt heltal, inte ”${value}”.`);
  return Number(value);
}

/** Commander's usage errors, in Swedish. */
function usageMessage(error: CommanderError): string {
  const arg = /'([^']*)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "commander.unknownOption":
      return `okänt alternativ ${arg}. Se planstod --help.`;
    case "commander.unknownCommand":
      return `okänt kommando ${arg}. Se planstod --help.`;
    case "commander.missingArgument":
      return `argument saknas (${arg}). Se planstod --help.`;
    case "commander.optionMissingArgument":
      return `alternativet ${arg} behöver ett värde.`;
    case "commander.excessArguments":
      return "för många argument. Se planstod --help.";
    default:
      return `${error.message.replace(/^error: /, "")}. Se planstod --help.`;
  }
}

const HELP_TITLES: Record<string, string> = {
  "Usage:": "Användning:",
  "Options:": "Alternativ:",
  "Commands:": "Kommandon:",
  "Arguments:": "Argument:",
};
const swedishHelp = { styleTitle: (title: string) => HELP_TITLES[title] ?? title };

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("planstod")
    .description("Planstöd: granska att utvecklingsplaner är ifyllda.")
    .usage("<kommando> [alternativ]")
    .configureHelp(swedishHelp)
    .helpOption("-h, --help", "visa hjälp")
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      outputError: () => {},
    })
    .showSuggestionAfterError(false);

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
  const writeOptions = (command: Command) =>
    command
      .option("-o, --output <utfil>", "skriv resultatet till en ny fil")
      .option("--in-place", "ändra filen där den ligger (skrivs atomärt)")
      .option("--force", "skriv över en befintlig utfil")
      .option("--template <id>", "använd en viss mall i stället för att känna igen den")
      .helpOption("-h, --help", "visa hjälp")
      .configureHelp(swedishHelp);

  writeOptions(
    program
      .command("add")
      .description(
        "lägg till ett nytt, tomt block (utvecklingsomrade, uppfoljning, upprattad_av, tidplan, ansvar, handlingsplan, kompetensplan)",
      )
      .usage("<fil> <block> [--after N] (-o UTFIL | --in-place)")
      .argument("<fil>", ".docx-fil")
      .argument("<block>", "blocktyp")
      .option("--after <N>", "lägg det nya blocket efter block N (standard: efter det sista)"),
  ).action(async (file: string, block: string, options: WriteOptions & { after?: string }) => {
    let after: number | undefined;
    try {
      after = options.after === undefined ? undefined : positive(options.after, "--after");
    } catch (error) {
      io.err(`planstod: ${(error as Error).message}`);
      setExit(EXIT.problem);
      return;
    }
    setExit(await edit(file, { op: "add", type: block, after }, options, io));
  });

  writeOptions(
    program
      .command("remove")
      .description("ta bort ett tomt block; ett block med text tas aldrig bort")
      .usage("<fil> <block> <N> (-o UTFIL | --in-place)")
      .argument("<fil>", ".docx-fil")
      .argument("<block>", "blocktyp")
      .argument("<N>", "blockets nummer, från 1"),
  ).action(async (file: string, block: string, n: string, options: WriteOptions) => {
    let index: number;
    try {
      index = positive(n, "N");
    } catch (error) {
      io.err(`planstod: ${(error as Error).message}`);
      setExit(EXIT.problem);
      return;
    }
    setExit(await edit(file, { op: "remove", type: block, index }, options, io));
  });
  program
    .command("new")
    .description(`skapa en ny plan från en av Planstöds mallar (${NEW_TEMPLATE_IDS.join(", ")})`)
    .usage("<mall> -o <utfil.docx> [--force]")
    .configureHelp(swedishHelp)
    .argument("<mall>", "mallens id")
    .option("-o, --output <utfil>", "filen som ska skapas (.docx)")
    .option("--force", "skriv över en befintlig fil")
    .helpOption("-h, --help", "visa hjälp")
    .action(async (template: string, options: { output?: string; force?: boolean }) => {
      try {
        io.out(await createPlan(template, options));
        setExit(EXIT.complete);
      } catch (error) {
        const message = error instanceof InputError ? error.message : `oväntat fel (${String(error)}).`;
        io.err(`planstod: ${message}`);
        setExit(EXIT.problem);
      }
    });
  return program;
}

/** Runs the command line; returns the exit status. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.complete;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    // No command at all: say what the commands are, on stderr, as a usage error.
    io.err(program.helpInformation().trimEnd());
    return EXIT.problem;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.help" ||
        error.code === "commander.version"
      ) {
        return EXIT.complete;
      }
      io.err(`planstod: ${usageMessage(error)}`);
      return EXIT.problem;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.err(`planstod: oväntat fel (${detail}).`);
    return EXIT.problem;
  }
  return code;
}

export function main(): void {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.problem;
    },
  );
}
