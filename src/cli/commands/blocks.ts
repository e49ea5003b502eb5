import type { Command } from "commander";
import { resolveBlockType } from "../../core/block-names";
import { engineTexts } from "../../core/i18n";
import { editDocx } from "../../ooxml/docx";
import type { BlockOperation } from "../../ooxml/edit/apply";
import { detailOf, EXIT, positive, swedishHelp, userMessage, type CommandContext, type Io } from "../context";
import { modeOf, readInput, writeAtomic } from "../io";
import { outputPath, type WriteOptions } from "../output";

/** `planstod add` and `planstod remove`: block operations on a .docx. */

export async function edit(
  file: string,
  operation: BlockOperation,
  options: WriteOptions,
  io: Io,
): Promise<number> {
  try {
    const out = await outputPath(file, options);
    const bytes = readInput(file);
    const result = await editDocx(bytes, operation, { templateId: options.template });
    await writeAtomic(out, result.bytes, await modeOf(file));
    const def = result.template.blocks.find((b) => b.type === operation.type);
    // In the template's language: Danish for the Danish plan.
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
    const message = userMessage(error);
    io.err(`planstod: ${file}: ${message ?? `oväntat fel, inget har skrivits (${detailOf(error)}).`}`);
    return EXIT.problem;
  }
}

/** The options of every command that writes a document. */
export function writeOptions(command: Command): Command {
  return command
    .option("-o, --output <utfil>", "skriv resultatet till en ny fil")
    .option("--in-place", "ändra filen där den ligger (den ersätts först när den nya är färdigskriven)")
    .option("--force", "skriv över en befintlig utfil")
    .option("--template <id>", "använd en viss mall i stället för att känna igen den")
    .helpOption("-h, --help", "visa hjälp")
    .configureHelp(swedishHelp);
}

const BLOCK_HELP =
  "vilket block: utvecklingsområde, uppföljning (åtgärdsplanen), upprättad av, tidplan (handlingsplanen), ansvar, handlingsplan, kompetensplan – som namnet står i mallen, med eller utan å, ä, ö";

export function registerBlocks(program: Command, { io, setExit }: CommandContext): void {
  writeOptions(
    program
      .command("add")
      .description(
        "lägg till ett nytt, tomt block (till exempel utvecklingsområde, uppföljning eller en ny rad i tidplan)",
      )
      .usage("<fil> <block> [--after N] (-o UTFIL | --in-place)")
      .argument("<fil>", ".docx-fil")
      .argument("<block>", BLOCK_HELP)
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
    setExit(await edit(file, { op: "add", type: resolveBlockType(block), after }, options, io));
  });

  writeOptions(
    program
      .command("remove")
      .description("ta bort ett tomt block; ett block med text tas aldrig bort")
      .usage("<fil> <block> <N> (-o UTFIL | --in-place)")
      .argument("<fil>", ".docx-fil")
      .argument("<block>", BLOCK_HELP)
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
    setExit(await edit(file, { op: "remove", type: resolveBlockType(block), index }, options, io));
  });
}
