/**
 * granska.html's file collection (src/granska/collect.ts) and sorting (src/granska/model.ts):
 * a drop of folders read through the File and Directory Entries API (here a small in-memory
 * double of it: readEntries hands out entries in batches, as Chromium does, until an empty one),
 * then sorted by the CLI's folder rules into documents, other formats and skipped files.
 */
import { fromDrop, fromInput } from "../../src/granska/collect";
import { sortChosen } from "../../src/granska/model";

type Tree = { [name: string]: Tree | string };

/** A FileSystemEntry double over a tree: strings are files (their text), objects folders. */
function entry(name: string, node: Tree | string, parent: string): FileSystemEntry {
  const fullPath = `${parent}/${name}`;
  if (typeof node === "string") {
    const file = { name, text: node } as unknown as File;
    return {
      name,
      fullPath,
      isFile: true,
      isDirectory: false,
      file: (ok: (f: File) => void) => ok(file),
    } as unknown as FileSystemEntry;
  }
  const children = Object.entries(node).map(([n, c]) => entry(n, c, fullPath));
  return {
    name,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        // Two at a time, then an empty batch: callers must keep reading.
        readEntries: (ok: (batch: FileSystemEntry[]) => void) => {
          const batch = children.slice(at, at + 2);
          at += batch.length;
          setTimeout(() => ok(batch), 0);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

function drop(tree: Tree): DataTransfer {
  const items = Object.entries(tree).map(([name, node]) => ({
    kind: "file",
    webkitGetAsEntry: () => entry(name, node, ""),
  }));
  return { items, files: [] } as unknown as DataTransfer;
}

test("a dropped folder is read to the bottom, each file with its path below the drop", async () => {
  const chosen = await fromDrop(
    drop({
      planer: {
        "b.docx": "b",
        "a.docx": "a",
        "~$a.docx": "owner",
        ".git": { "x.docx": "hidden" },
        sub: { "c.docm": "c", "old.doc": "doc", "d.pdf": "pdf", "e.png": "png", deep: { "f.dotx": "f" } },
        "protokoll.pdf": "pdf",
      },
      "lös.docx": "loose",
    }),
  );
  expect(chosen.map((c) => c.path).sort()).toEqual(
    [
      "planer/b.docx",
      "planer/a.docx",
      "planer/~$a.docx",
      "planer/.git/x.docx",
      "planer/sub/c.docm",
      "planer/sub/old.doc",
      "planer/sub/d.pdf",
      "planer/sub/e.png",
      "planer/sub/deep/f.dotx",
      "planer/protokoll.pdf",
      "lös.docx",
    ].sort(),
  );
  const sorted = sortChosen(chosen);
  expect(sorted.documents.map((d) => d.path)).toEqual([
    "lös.docx",
    "planer/a.docx",
    "planer/b.docx",
    "planer/sub/c.docm",
    "planer/sub/deep/f.dotx",
  ]);
  expect(sorted.refused).toEqual([
    { file: "planer/sub/old.doc", error: expect.stringContaining("Words äldre format (.doc)") },
  ]);
  expect(sorted.skipped).toEqual(["planer/protokoll.pdf", "planer/sub/d.pdf", "planer/sub/e.png"]);
  // The CSV's rows: documents and refused files in listing order.
  expect(sorted.order).toEqual([
    "lös.docx",
    "planer/a.docx",
    "planer/b.docx",
    "planer/sub/c.docm",
    "planer/sub/deep/f.dotx",
    "planer/sub/old.doc",
  ]);
});

test("files from an input keep the folder input's relative path, or their name", () => {
  const files = [
    { name: "a.docx", webkitRelativePath: "planer/a.docx" },
    { name: "b.docx", webkitRelativePath: "" },
  ] as unknown as File[];
  expect(fromInput(files).map((c) => c.path)).toEqual(["planer/a.docx", "b.docx"]);
  // The same file chosen twice is one row.
  expect(sortChosen([...fromInput(files), ...fromInput(files)]).order).toEqual(["b.docx", "planer/a.docx"]);
});
