/**
 * The double's element collections come from one table (word-double/objects.ts, COLLECTIONS):
 * each has the members its row lists, and no other; Word.run also takes an object first.
 */

import { createWordDouble, type WordDouble } from "../../word-double";
import { buildTestDocx, para, run, sdt } from "../../word-double/build-docx";

const TABLE =
  `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>` +
  `<w:tr><w:tc>${para(run("A1"))}</w:tc></w:tr><w:tr><w:tc>${para(run("A2"))}</w:tc></w:tr></w:tbl>`;
const BODY =
  para(run("Först")) + sdt({ wId: 5, tag: "mål", content: para(run("Målet")) }) + TABLE + para(run("Sist"));

async function open(): Promise<WordDouble> {
  return createWordDouble(await buildTestDocx({ body: BODY }), { requirementSets: { WordApi: "1.3" } });
}

describe("collections from one table", () => {
  test("each collection's getFirst, paragraphs' getLast, controls' getByTag and getById work", async () => {
    const double = await open();
    const id = double.contentControlIds()[0];
    const got = await double.Word.run(async (context) => {
      const body = context.document.body;
      const first = body.paragraphs.getFirst();
      const last = body.paragraphs.getLast();
      const row = body.tables.getFirst().rows.getFirst();
      const cell = row.cells.getFirst();
      const tagged = body.contentControls.getByTag("mål");
      const byId = body.contentControls.getByIdOrNullObject(id);
      const section = context.document.sections.getFirst();
      first.load("text");
      last.load("text");
      cell.load("value");
      tagged.load("items/text");
      byId.load("text");
      section.load();
      await context.sync();
      return [first.text, last.text, cell.value, tagged.items.map((c) => c.text).join(), byId.text];
    });
    expect(got).toEqual(["Först", "Sist", "A1", "Målet", "Målet"]);
  });

  test("members a collection's row leaves out are absent, as unemulated members are", async () => {
    const double = await open();
    await double.Word.run(async (context) => {
      const body = context.document.body;
      const loose = (o: object) => o as Record<string, unknown>;
      expect(loose(body.tables).getLast).toBeUndefined();
      expect(loose(body.paragraphs).getByTag).toBeUndefined();
      expect(loose(body.paragraphs).getById).toBeUndefined();
      expect(loose(body.contentControls).getLast).toBeUndefined();
      expect(loose(body.contentControls).getItem).toBeUndefined();
      expect(typeof body.contentControls.getByTag).toBe("function");
      expect(typeof body.paragraphs.getLast).toBe("function");
    });
  });

  test("Word.run(object, batch) runs the batch in a new context", async () => {
    const double = await open();
    const text = await double.Word.run({}, async (context) => {
      const p = context.document.body.paragraphs.getFirst();
      p.load("text");
      await context.sync();
      return p.text;
    });
    expect(text).toBe("Först");
  });
});
