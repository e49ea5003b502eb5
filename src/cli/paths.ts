import { readdir, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";

/**
 * Which files a list of PATHs names (shared/spec/templates.md, "Reviewing many files"): a file
 * is taken as given, whatever its name; a folder is searched recursively for Word documents
 * (.docx, .docm, .dotx), skipping Word's owner files (~$…) and hidden files and folders.
 */

export const FOLDER_EXTENSIONS = new Set([".docx", ".docm", ".dotx"]);

export interface Expanded {
  /** Files to process, in the order given; each folder's files sorted by path. */
  files: string[];
  /** Whether any PATH was a folder (then reports are always a list). */
  folders: boolean;
  /** Folders that could not be read or hold no document: path and Swedish reason. */
  problems: { file: string; error: string }[];
}

const skipped = (name: string) => name.startsWith("~$") || name.startsWith(".");

/** Sorts like a listing: by code point, so the order is the same on every machine. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function walk(dir: string, seen: Set<string>, out: string[]): Promise<void> {
  const real = await realpath(dir);
  if (seen.has(real)) return; // a symbolic link back up the tree
  seen.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => byName(a.name, b.name));
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const info = await stat(path).catch(() => null);
      isDir = info?.isDirectory() ?? false;
      isFile = info?.isFile() ?? false;
    }
    if (isDir) await walk(path, seen, out);
    else if (isFile && FOLDER_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
  }
}

export async function expandPaths(paths: readonly string[]): Promise<Expanded> {
  const result: Expanded = { files: [], folders: false, problems: [] };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) {
      // Files, and paths that do not exist: checking them gives the Swedish reason.
      result.files.push(path);
      continue;
    }
    result.folders = true;
    const found: string[] = [];
    try {
      await walk(path, new Set(), found);
    } catch {
      result.problems.push({ file: path, error: "mappen kan inte läsas." });
      continue;
    }
    if (found.length === 0)
      result.problems.push({
        file: path,
        error: "mappen innehåller inga Word-dokument (.docx, .docm, .dotx).",
      });
    result.files.push(...found);
  }
  return result;
}
