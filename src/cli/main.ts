import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
// Node-only choices for the command line: JSZip deflates with node:zlib.
import "./native-deflate";
import { registerBlocks } from "./commands/blocks";
import { registerCheck } from "./commands/check";
import { registerExport } from "./commands/export";
import { registerNew } from "./commands/new";
import { detailOf, EXIT, swedishHelp, type CommandContext, type Io } from "./context";

/**
 * The `planstod` command line: the program and its Swedish usage errors. Each command lives in
 * its own module under commands/ and registers itself here.
 */

export { EXIT, type Io } from "./context";
export { jsonReport } from "./commands/check";

/** Standard output and error; progress only when stderr is a terminal (it is overwritten in place). */
function processIo(): Io {
  let progressShown = false;
  const clear = () => {
    if (progressShown) process.stderr.write("\r\x1b[K");
    progressShown = false;
  };
  return {
    out: (text) => {
      clear();
      process.stdout.write(`${text}\n`);
    },
    err: (text) => {
      clear();
      process.stderr.write(`${text}\n`);
    },
    progress: process.stderr.isTTY
      ? (text) => {
          clear();
          if (text === "") return;
          process.stderr.write(text);
          progressShown = true;
        }
      : undefined,
  };
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
    case "commander.invalidArgument": {
      const value = /argument '([^']*)'/.exec(error.message)?.[1] ?? "";
      const choices = /Allowed choices are (.*)\./.exec(error.message)?.[1];
      return `ogiltigt värde ”${value}” för ${arg.split(" ")[0]}.${choices ? ` Välj ett av: ${choices}.` : ""}`;
    }
    case "commander.excessArguments":
      return "för många argument. Se planstod --help.";
    default:
      return `${error.message.replace(/^error: /, "")}. Se planstod --help.`;
  }
}

/**
 * The package's version, from its package.json: two folders up both from the bundle
 * (dist/node/planstod.js, also when installed from the packed .tgz) and from the sources (src/cli).
 */
export function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
    const version = (pkg as { version?: unknown }).version;
    return typeof version === "string" ? version : "okänd";
  } catch {
    return "okänd";
  }
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("planstod")
    .description("Planstöd: granska att utvecklingsplaner är ifyllda.")
    .version(packageVersion(), "-v, --version", "visa versionen")
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
  const context: CommandContext = { io, setExit };
  registerCheck(program, context);
  registerBlocks(program, context);
  registerExport(program, context);
  registerNew(program, context);
  return program;
}

/** Runs the command line; returns the exit status. */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
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
    io.err(`planstod: oväntat fel (${detailOf(error)}).`);
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
