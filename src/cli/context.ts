import type { Argument, Command, Option } from "commander";
import { InputError } from "./io";
import { PlanstodError } from "../core/messages";

/** What every command shares: where it writes, its exit statuses and its Swedish help. */

/** Where the command writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress lines (overwritten in place); only given when stderr is a terminal. */
  progress?: (text: string) => void;
}

export const EXIT = { complete: 0, incomplete: 1, problem: 2 } as const;

/** What a command module gets to register itself with the program. */
export interface CommandContext {
  io: Io;
  setExit: (code: number) => void;
}

const HELP_TITLES: Record<string, string> = {
  "Usage:": "Användning:",
  "Options:": "Alternativ:",
  "Commands:": "Kommandon:",
  "Arguments:": "Argument:",
};
const argName = (a: Argument) => {
  const name = `${a.name()}${a.variadic ? "..." : ""}`;
  return a.required ? `<${name}>` : `[${name}]`;
};

/** Commander's help in Swedish: titles, command terms, and the choices and default of an option. */
export const swedishHelp = {
  styleTitle: (title: string) => HELP_TITLES[title] ?? title,
  subcommandTerm: (cmd: Command) =>
    // Without Commander's "[options]": each command's own help lists them.
    [cmd.name(), ...cmd.registeredArguments.map(argName)].join(" "),
  optionDescription: (option: Option) => {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`${option.argChoices.join(", ")}`);
    if (option.defaultValue !== undefined) extra.push(`standard: ${String(option.defaultValue)}`);
    return extra.length > 0 ? `${option.description} (${extra.join("; ")})` : option.description;
  },
};

/** The Swedish line for an error, or null when it is a defect of ours (not a user's problem). */
export function userMessage(error: unknown): string | null {
  return error instanceof PlanstodError || error instanceof InputError ? error.message : null;
}

/** The detail of an unexpected error, for the one line the user still gets. */
export const detailOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function positive(value: string, what: string): number {
  if (!/^[1-9]\d*$/.test(value))
    throw new InputError(`${what} måste vara ett positivt heltal, inte ”${value}”.`);
  return Number(value);
}
