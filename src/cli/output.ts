import { exists, InputError, realFile, sameFile } from "./io";

/** Options of every command that writes a .docx (add, remove, check --comments). */
export interface WriteOptions {
  output?: string;
  inPlace?: boolean;
  force?: boolean;
  template?: string;
}

/**
 * Where a written document goes: -o OUT (a new file, or an existing one with --force; never the
 * input) or --in-place (the input's real file, replaced atomically by the caller).
 */
export async function outputPath(file: string, options: WriteOptions): Promise<string> {
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
