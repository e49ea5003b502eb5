import type { Command } from "commander";
import { createPlan, NEW_TEMPLATE_IDS } from "../new";
import { detailOf, EXIT, swedishHelp, userMessage, type CommandContext } from "../context";

/** `planstod new TEMPLATE -o FILE.docx [--force]`: a new plan from one of Planstöd's own templates. */
export function registerNew(program: Command, { io, setExit }: CommandContext): void {
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
        io.err(`planstod: ${userMessage(error) ?? `oväntat fel, inget har skrivits (${detailOf(error)}).`}`);
        setExit(EXIT.problem);
      }
    });
}
