/**
 * Which files of a folder a review takes (shared/spec/templates.md, "Reviewing many files"), in
 * one place for the command line and granska.html: Word documents are checked; documents of other
 * word processors are files that could not be checked, with a reason; Word's owner files (~$…) and
 * hidden files are not looked at; anything else is skipped and counted in one line.
 */

/** Extensions of the Word documents a folder review checks. */
export const DOCUMENT_EXTENSIONS: readonly string[] = [".docx", ".docm", ".dotx"];

/** Plans in another word processor's format, and what to do about each. */
const OTHER_FORMATS: Readonly<Record<string, string>> = {
  ".doc": "filen är i Words äldre format (.doc). Spara den som .docx i Word och försök igen.",
  ".dot":
    "filen är en mall i Words äldre format (.dot). Spara den som .docx eller .dotx i Word och försök igen.",
  ".rtf": "filen är i RTF-format, inte ett Word-dokument. Spara den som .docx i Word och försök igen.",
  ".odt":
    "filen är ett OpenDocument-dokument (.odt), till exempel från LibreOffice. Spara den som Word-dokument (.docx) och försök igen.",
  ".pages": "filen är ett Pages-dokument. Exportera den till Word (.docx) i Pages och försök igen.",
};

export type FolderEntry =
  { kind: "document" } | { kind: "other-format"; reason: string } | { kind: "hidden" } | { kind: "skipped" };

/** The extension of a file name, lower case with its dot ("" when it has none). */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot).toLowerCase();
}

/** Whether a file or folder name is hidden or Word's owner file: never looked at in a folder. */
export const isHiddenName = (name: string): boolean => name.startsWith(".") || name.startsWith("~$");

/** What a folder review does with a file, by its name (the last segment of a path). */
export function folderEntry(name: string): FolderEntry {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (isHiddenName(base)) return { kind: "hidden" };
  const ext = extensionOf(base);
  if (DOCUMENT_EXTENSIONS.includes(ext)) return { kind: "document" };
  const reason = OTHER_FORMATS[ext];
  return reason ? { kind: "other-format", reason } : { kind: "skipped" };
}

/** Whether any folder on a relative path (not the file itself) is hidden. */
export function inHiddenFolder(path: string): boolean {
  return path
    .split("/")
    .slice(0, -1)
    .some((segment) => segment !== "" && isHiddenName(segment));
}

/** How many skipped names the one line lists before it says how many more. */
const LISTED = 5;

/** The one line about skipped files: "hoppade över 2 filer som inte är Word-dokument: a.pdf, b.png." */
export function skippedLine(names: readonly string[]): string {
  const n = names.length;
  const listed = names.slice(0, LISTED).join(", ");
  const more = n > LISTED ? ` och ${n - LISTED} till` : "";
  return `hoppade över ${n === 1 ? "1 fil" : `${n} filer`} som inte är Word-dokument: ${listed}${more}.`;
}

/**
 * Listing order: folder by folder, each folder's entries by code point (the same on every
 * machine), as a recursive walk that sorts each folder meets them.
 */
export function comparePaths(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}
