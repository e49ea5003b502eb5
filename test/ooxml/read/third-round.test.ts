/**
 * The faults the third round of real documents found (issue 21), on the fixtures that show them
 * (scripts/fixtures/third-round.ts) and on edits of them: rows and tables deleted or inserted as
 * tracked changes, and row cells whose answer equals a heading of the template.
 */
import { type Document, type Element } from "@xmldom/xmldom";
import { checkDocx, editDocx } from "../../../src/ooxml/docx";
import type { Report } from "../../../src/core/types";
import { bytesOf, editedDocx } from "../../support/fixtures";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const rowTexts = (report: Report, type: string) =>
  report.fields.filter((f) => f.block?.type === type && f.filled).map((f) => `${f.block!.index}.${f.id}`);

/** The w:tbl that holds a control tagged `tag`. */
function tableOf(doc: Document, tag: string): Element {
  const tagEl = Array.from(doc.getElementsByTagNameNS(W, "tag")).find(
    (t) => t.getAttributeNS(W, "val") === tag,
  );
  let n = tagEl?.parentNode as Element | null;
  while (n && n.localName !== "tbl") n = n.parentNode as Element | null;
  if (!n) throw new Error(`no table holds ${tag}`);
  return n;
}

const rows = (tbl: Element) =>
  Array.from(tbl.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === "tr",
  );

/** Marks a row as a tracked deletion or insertion, leaving its runs as they are. */
function markRow(doc: Document, tr: Element, change: "del" | "ins"): void {
  let trPr = Array.from(tr.childNodes).find(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === "trPr",
  );
  if (!trPr) {
    trPr = doc.createElementNS(W, "w:trPr");
    tr.insertBefore(trPr, tr.firstChild);
  }
  const mark = doc.createElementNS(W, `w:${change}`);
  mark.setAttributeNS(W, "w:id", String(7000 + rows(tr.parentNode as Element).indexOf(tr)));
  mark.setAttributeNS(W, "w:author", "Anna Lärare");
  mark.setAttributeNS(W, "w:date", "2026-09-20T10:15:00Z");
  trPr.appendChild(mark);
}

describe("a table row deleted as a tracked change is absent; one inserted is present", () => {
  test("Word's own markup: row 2 deleted, a fifth row inserted, gives four rows", async () => {
    const report = await checkDocx(bytesOf("dk-tracked-rows"));
    expect(report.blocks.ansvar).toBe(4);
    expect(report.complete).toBe(true);
    // Row 2 is now the row after the deleted one (empty); the inserted row is row 4.
    expect(rowTexts(report, "ansvar")).toEqual([
      "1.opgave",
      "1.ansvarlig",
      "1.fase",
      "4.opgave",
      "4.ansvarlig",
      "4.fase",
    ]);
  });

  test("a deleted row is not read even when its text is not marked deleted (a partly filled row)", async () => {
    const bytes = await editedDocx("dk-partial", (doc) => {
      // dk-partial's row 1 lacks its fase: deleting the row leaves no partly filled row.
      markRow(doc, rows(tableOf(doc, "dk-implementeringsplan/ansvar/opgave"))[1], "del");
    });
    const before = await checkDocx(bytesOf("dk-partial"));
    const after = await checkDocx(bytes);
    expect(before.blocks.ansvar).toBe(4);
    expect(before.missing.map((m) => `${m.block?.index ?? ""}${m.id}`)).toContain("1fase");
    expect(after.blocks.ansvar).toBe(3);
    // No row is filled now: row 1 is owed in full.
    expect(after.missing.filter((m) => m.block?.type === "ansvar").map((m) => m.id)).toEqual([
      "opgave",
      "ansvarlig",
      "fase",
    ]);
  });

  test("a whole table deleted as a tracked change is absent: no rows, row 1 owed", async () => {
    const bytes = await editedDocx("dk-complete", (doc) => {
      for (const tr of rows(tableOf(doc, "dk-implementeringsplan/ansvar/opgave"))) markRow(doc, tr, "del");
    });
    const report = await checkDocx(bytes);
    expect(report.blocks.ansvar).toBe(0);
    expect(report.complete).toBe(false);
    expect(report.missing.map((m) => `${m.block?.type}[${m.block?.index}].${m.id}`)).toEqual([
      "ansvar[1].opgave",
      "ansvar[1].ansvarlig",
      "ansvar[1].fase",
    ]);
  });

  test("an Åtgärdsplan instance's table deleted as a tracked change is not read", async () => {
    const bytes = await editedDocx("sv-complete", (doc) => {
      const tables = Array.from(doc.getElementsByTagNameNS(W, "tbl")).filter((t) =>
        (t.textContent ?? "").includes("Namn på insats"),
      );
      expect(tables).toHaveLength(3);
      for (const tr of rows(tables[2])) markRow(doc, tr, "del");
    });
    const report = await checkDocx(bytes);
    // The dropdown above the table stays (it was not deleted): instance 3 is that alone.
    const third = report.fields.filter((f) => f.block?.type === "utvecklingsomrade" && f.block.index === 3);
    expect(third.filter((f) => f.filled).map((f) => f.id)).toEqual(["omrade"]);
    expect(report.missing.map((m) => `${m.block?.index}.${m.id}`)).toEqual(
      ["insats", "problem", "orsaker", "mal", "forbattringar", "effekt"].map((id) => `3.${id}`),
    );
  });

  test("a row inserted as a tracked change is present, and add and remove work beside it", async () => {
    const result = await editDocx(bytesOf("dk-tracked-rows"), { op: "add", type: "ansvar" });
    const report = await checkDocx(result.bytes);
    expect(report.blocks.ansvar).toBe(5);
    const removed = await editDocx(result.bytes, { op: "remove", type: "ansvar", index: 5 });
    expect((await checkDocx(removed.bytes)).blocks.ansvar).toBe(4);
  });
});

describe("a row table's answer cell holds the user's text, even when it equals a heading", () => {
  test("an untagged copy: Fase cells saying Initiering and Implementering are filled", async () => {
    const report = await checkDocx(bytesOf("dk-untagged"));
    expect(report.complete).toBe(true);
    expect(rowTexts(report, "ansvar")).toEqual(rowTexts(await checkDocx(bytesOf("dk-complete")), "ansvar"));
  });

  test("a cell holding only a placeholder or a prompt is still empty", async () => {
    const report = await checkDocx(bytesOf("dk-untagged"));
    expect(report.fields.filter((f) => f.block?.type === "ansvar" && f.block.index > 2 && f.filled)).toEqual(
      [],
    );
    const iko = await checkDocx(bytesOf("iko-blank"));
    expect(iko.fields.filter((f) => f.block !== null && f.filled)).toEqual([]);
  });
});
