import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { DOCUMENT_EXTENSIONS, folderEntry } from "../core/folder-rules";

/**
 * Which files a list of PATHs names (shared/spec/templates.md, "Reviewing many files"): a file
 * is taken as given, whatever its name; a folder is searched recursively by the folder rules of
 * src/core/folder-rules.ts (shared with granska.html): Word documents are checked, other word
 * processors' documents could not be checked (with their reason), Word's owner files and hidden
 * files and folders are not looked at, and any other file is skipped and counted.
 */

/** A file to check, or one that could not be checked with its Swedish reason. */
export type Entry = { file: string } | { file: string; error: string };

export interface Expanded {
  /** In the order given; each folder's files in listing order (folder-rules.ts, comparePaths). */
  entries: Entry[];
  /** Whether any PATH was a folder (then reports are always a list). */
  folders: boolean;
  /** Files in folders that are not Word documents (paths as found). */
  skipped: string[];
}

/** Sorts like a listing: by code point, so the order is the same on every machine. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Walk {
  seen: Set<string>;
  entries: Entry[];
  skipped: string[];
}

async function walk(dir: string, w: Walk): Promise<void> {
  const real = await realpath(dir);
  if (w.seen.has(real)) return; // a symbolic link back up the tree
  w.seen.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => byName(a.name, b.name));
  for (const entry of entries) {
    const kind = folderEntry(entry.name);
    if (kind.kind === "hidden") continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const info = await stat(path).catch(() => null);
      isDir = info?.isDirectory() ?? false;
      isFile = info?.isFile() ?? false;
    }
    if (isDir) await walk(path, w);
    else if (!isFile) continue;
    else if (kind.kind === "document") w.entries.push({ file: path });
    else if (kind.kind === "other-format") w.entries.push({ file: path, error: kind.reason });
    else w.skipped.push(path);
  }
}

export async function expandPaths(paths: readonly string[]): Promise<Expanded> {
  const result: Expanded = { entries: [], folders: false, skipped: [] };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) {
      // Files, and paths that do not exist: checking them gives the Swedish reason.
      result.entries.push({ file: path });
      continue;
    }
    result.folders = true;
    const w: Walk = { seen: new Set(), entries: [], skipped: [] };
    try {
      await walk(path, w);
    } catch {
      result.entries.push({ file: path, error: "mappen kan inte läsas." });
      continue;
    }
    if (w.entries.length === 0)
      result.entries.push({
        file: path,
        error: `mappen innehåller inga Word-dokument (${DOCUMENT_EXTENSIONS.join(", ")}).`,
      });
    result.entries.push(...w.entries);
    result.skipped.push(...w.skipped);
  }
  return result;
}

/** The files of `entries` to read, and a function that puts their outcomes back in place. */
export function toRead<T extends { file: string }>(
  entries: readonly Entry[],
): { files: string[]; merge: (outcomes: readonly T[]) => (T | { file: string; error: string })[] } {
  const files = entries.filter((e) => !("error" in e)).map((e) => e.file);
  return {
    files,
    merge: (outcomes) => {
      let next = 0;
      return entries.map((e) => ("error" in e ? e : outcomes[next++]));
    },
  };
}
