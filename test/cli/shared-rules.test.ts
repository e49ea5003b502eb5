/**
 * The pure rules the command line and granska.html share (src/core): block names as users write
 * them, the folder rules and their listing order, the "hoppade över" line, and the labels of what
 * is missing. The commands' own tests (add-remove, batch, export) check them through the CLI.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { foldBlockName, resolveBlockType } from "../../src/core/block-names";
import { comparePaths, folderEntry, inHiddenFolder, skippedLine } from "../../src/core/folder-rules";
import { missingLabel } from "../../src/core/missing";
import { TEMPLATES, templateById } from "../../src/core/templates";
import { expandPaths } from "../../src/cli/paths";

describe("block names", () => {
  test("every block's id and name resolve to its id, and no folded name stands for two ids", () => {
    const seen = new Map<string, string>();
    for (const t of TEMPLATES)
      for (const b of t.blocks) {
        expect([
          resolveBlockType(b.type),
          resolveBlockType(b.name),
          resolveBlockType(b.name.toUpperCase()),
        ]).toEqual([b.type, b.type, b.type]);
        for (const name of [foldBlockName(b.type), foldBlockName(b.name)]) {
          expect(seen.get(name) ?? b.type).toBe(b.type);
          seen.set(name, b.type);
        }
      }
  });

  test("Swedish letters, spaces, dashes and case fold away; unknown names pass unchanged", () => {
    expect(resolveBlockType("Utvecklingsområde")).toBe("utvecklingsomrade");
    expect(resolveBlockType(" uppföljning ")).toBe("uppfoljning");
    expect(resolveBlockType("upprättad-av")).toBe("upprattad_av");
    expect(resolveBlockType("Utvecklingsomrade")).toBe("utvecklingsomrade");
    expect(resolveBlockType("bilaga")).toBe("bilaga");
    expect(resolveBlockType("åäö")).toBe("åäö");
    expect(resolveBlockType("")).toBe("");
  });
});

describe("folder rules", () => {
  test("what a folder review does with each kind of file", () => {
    const kind = (name: string) => folderEntry(name).kind;
    expect(["plan.docx", "PLAN.DOCM", "mall.dotx"].map(kind)).toEqual(["document", "document", "document"]);
    expect(["a.doc", "b.DOT", "c.rtf", "d.odt", "e.pages"].map(kind)).toEqual(Array(5).fill("other-format"));
    expect(["a.pdf", "b.png", "c.xlsx", "d.dotm", "README", "x.docx.pdf"].map(kind)).toEqual(
      Array(6).fill("skipped"),
    );
    expect(["~$plan.docx", ".plan.docx", "sub/.DS_Store"].map(kind)).toEqual(["hidden", "hidden", "hidden"]);
    expect(inHiddenFolder("planer/.git/plan.docx")).toBe(true);
    expect(inHiddenFolder("planer/sub/plan.docx")).toBe(false);
  });

  test("the skipped line names five files and counts the rest", () => {
    expect(skippedLine(["a.pdf"])).toBe("hoppade över 1 fil som inte är Word-dokument: a.pdf.");
    expect(skippedLine(["1", "2", "3", "4", "5", "6", "7"].map((n) => `${n}.png`))).toBe(
      "hoppade över 7 filer som inte är Word-dokument: 1.png, 2.png, 3.png, 4.png, 5.png och 2 till.",
    );
  });

  test("comparePaths orders paths as the CLI's walk lists them", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planstod-order-"));
    try {
      const names = [
        "a.docx",
        "a/b.docx",
        "a-b.docx",
        "B.docx",
        "a/a/z.docx",
        "ö.docx",
        "o.docx",
        "a b.docx",
      ];
      for (const n of names) {
        mkdirSync(path.join(dir, "root", path.dirname(n)), { recursive: true });
        writeFileSync(path.join(dir, "root", n), "x");
      }
      const walked = (await expandPaths([path.join(dir, "root")])).entries.map((e) =>
        path.relative(dir, e.file).split(path.sep).join("/"),
      );
      expect([...names.map((n) => `root/${n}`)].sort(comparePaths)).toEqual(walked);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("missing labels: single fields bare, block instances numbered, table rows by table and row", () => {
  const sv = templateById("skolverket-atgardsplan");
  const iko = templateById("iko-handlingsplan");
  const dk = templateById("dk-implementeringsplan");
  expect(missingLabel(sv, { id: "tidplan", block: null, label: "Tidplan" })).toBe("Tidplan");
  expect(
    missingLabel(sv, {
      id: "mal",
      block: { type: "utvecklingsomrade", index: 2 },
      label: "Mål med insatsen",
    }),
  ).toBe("Mål med insatsen (Utvecklingsområde 2)");
  expect(missingLabel(iko, { id: "namn", block: { type: "upprattad_av", index: 3 }, label: "Namn" })).toBe(
    "Namn (Vem tog fram handlingsplanen?, rad 3)",
  );
  const ansvar = dk?.blocks.find((b) => b.type === "ansvar");
  expect(missingLabel(dk, { id: "x", block: { type: "ansvar", index: 1 }, label: "Rolle" })).toBe(
    `Rolle (${ansvar?.name}, række 1)`,
  );
});
