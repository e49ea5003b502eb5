import { readFile, stat } from "node:fs/promises";

/** Swedish reasons for file-system problems, keyed by Node's error codes. */
const FS_REASONS: Record<string, string> = {
  ENOENT: "filen finns inte.",
  EACCES: "filen kan inte läsas (behörighet saknas).",
  EPERM: "filen kan inte läsas (behörighet saknas).",
  EISDIR: "är en mapp, inte en fil.",
  ENOTDIR: "sökvägen är ogiltig (en del av den är ingen mapp).",
  ELOOP: "sökvägen går i en slinga av symboliska länkar.",
  ENAMETOOLONG: "sökvägen är för lång.",
};

export class InputError extends Error {}

function reasonOf(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  return FS_REASONS[code] ?? "filen kan inte läsas.";
}

/** Reads a whole input file, or throws an InputError with a Swedish reason. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(FS_REASONS.EISDIR);
    if (!info.isFile()) throw new InputError("är ingen vanlig fil.");
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(reasonOf(error));
  }
}
