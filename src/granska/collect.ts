import type { Chosen } from "./model";

/**
 * The files a user chose, with their paths: from a file input (with `multiple`, or a folder with
 * `webkitdirectory`, whose files carry `webkitRelativePath`), or dropped (files and whole folders,
 * read through the File and Directory Entries API). Only the browser's own file access: nothing
 * is uploaded.
 */

export function fromInput(files: FileList | readonly File[]): Chosen<File>[] {
  return Array.from(files, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** Every entry of a directory (readEntries gives them in batches until an empty one). */
function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

const fileOf = (entry: FileSystemFileEntry): Promise<File> =>
  new Promise((resolve, reject) => entry.file(resolve, reject));

async function walk(entry: FileSystemEntry, out: Chosen<File>[]): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, "");
  if (entry.isFile) {
    out.push({ path: path || entry.name, file: await fileOf(entry as FileSystemFileEntry) });
  } else if (entry.isDirectory) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader()))
      await walk(child, out);
  }
}

/** The files of a drop, folders searched recursively (hidden ones are dropped later, by the folder rules). */
export async function fromDrop(data: DataTransfer): Promise<Chosen<File>[]> {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(data.items)) {
    const entry = item.kind === "file" ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return fromInput(data.files);
  const out: Chosen<File>[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}
