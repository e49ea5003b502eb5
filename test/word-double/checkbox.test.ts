/**
 * Check box content controls in the double (WordApi 1.7): ContentControl.checkboxContentControl
 * .isChecked read, written and set(), as the Danish implementation plan's activities use them;
 * what the double writes is what Word writes (w14:checked and the state's glyph), checked by
 * the product's own reader on the saved document.
 */

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { createWordDouble, type WordDouble } from "../../word-double";
import { checkDocx } from "../../src/ooxml/docx";
import { CHECKED, UNCHECKED } from "../../src/core/templates/layout";
import { FIXTURES } from "../support/paths";

const DK_BLANK = path.join(FIXTURES, "dk-blank.docx");
const FIRST = "iscenesaettelse_aktivitet_1";

async function dk(sets: Record<string, string> = { WordApi: "1.7" }): Promise<WordDouble> {
  return createWordDouble(new Uint8Array(readFileSync(DK_BLANK)), { requirementSets: sets });
}

/** The Word API id of the check box tagged `dk-implementeringsplan/<field>`. */
function boxId(double: WordDouble, field: string): number {
  const id = double
    .contentControlIds()
    .find((i) => double.contentControlElement(i)?.toString().includes(`dk-implementeringsplan/${field}"`));
  if (id === undefined) throw new Error(`no check box ${field}`);
  return id;
}

/** A rich-text control (not a check box). */
function richTextId(double: WordDouble): number {
  const id = double.contentControlIds().find((i) => {
    const xml = double.contentControlElement(i)?.toString() ?? "";
    return !/w14:checkbox|<w:text\/>|<w:date|<w:dropDownList|<w:comboBox/.test(
      xml.slice(0, xml.indexOf("</w:sdtPr>")),
    );
  });
  if (id === undefined) throw new Error("no rich-text control");
  return id;
}

async function filled(double: WordDouble, field: string): Promise<boolean> {
  const report = await checkDocx(await double.toDocx());
  const state = report.fields.find((f) => f.id === field);
  if (!state) throw new Error(`no field ${field} in the report`);
  return state.filled;
}

async function readBoxes(double: WordDouble): Promise<{ id: number; isChecked: boolean; text: string }[]> {
  return double.Word.run(async (context) => {
    const boxes = context.document.getContentControls({ types: ["CheckBox"] });
    boxes.load("items/id,items/text,items/checkboxContentControl/isChecked");
    await context.sync();
    return boxes.items.map((b) => ({
      id: b.id,
      isChecked: b.checkboxContentControl.isChecked,
      text: b.text,
    }));
  });
}

describe("CheckboxContentControl (WordApi 1.7)", () => {
  test("reads every activity box of the blank Danish plan as unticked, showing ☐", async () => {
    const double = await dk();
    const boxes = await readBoxes(double);
    expect(boxes.length).toBeGreaterThan(10);
    for (const b of boxes) expect(b).toMatchObject({ isChecked: false, text: UNCHECKED });
  });

  test("isChecked = true writes w14:checked 1 and the checked glyph; the checker counts the activity done", async () => {
    const double = await dk();
    const id = boxId(double, FIRST);
    expect(await filled(double, FIRST)).toBe(false);
    await double.Word.run(async (context) => {
      const box = context.document.getContentControls().getById(id).checkboxContentControl;
      box.isChecked = true;
      expect(box.isChecked).toBe(true); // a write is readable locally at once, as in Office.js
      await context.sync();
    });
    const xml = double.contentControlElement(id)?.toString() ?? "";
    expect(xml).toContain('w14:checked w14:val="1"');
    expect(xml).toContain(`>${CHECKED}</w:t>`);
    expect(xml).toContain('w:ascii="MS Gothic"');
    expect((await readBoxes(double)).find((b) => b.id === id)).toEqual({
      id,
      isChecked: true,
      text: CHECKED,
    });
    expect(await filled(double, FIRST)).toBe(true);
  });

  test("set({ isChecked: false }) clears a ticked box again", async () => {
    const double = await dk();
    const id = boxId(double, FIRST);
    double.user.toggleCheckbox(id);
    expect(await filled(double, FIRST)).toBe(true);
    await double.Word.run(async (context) => {
      context.document.getContentControls().getById(id).checkboxContentControl.set({ isChecked: false });
      await context.sync();
    });
    expect(double.contentControlElement(id)?.toString()).toContain('w14:checked w14:val="0"');
    expect(await filled(double, FIRST)).toBe(false);
  });

  test("on a control of another type it is a null object", async () => {
    const double = await dk();
    const other = richTextId(double);
    const result = await double.Word.run(async (context) => {
      const box = context.document.getContentControls().getById(other).checkboxContentControl;
      box.load("isChecked");
      await context.sync();
      return { isNull: box.isNullObject, value: box.isChecked };
    });
    expect(result).toEqual({ isNull: true, value: null });
  });

  test("needs WordApi 1.7: on 1.6 check boxes are not listed and checkboxContentControl fails with ApiNotFound", async () => {
    const double = await dk({ WordApi: "1.6" });
    const id = boxId(double, FIRST);
    const listed = double.Word.run(async (context) => {
      const boxes = context.document.getContentControls({ types: ["CheckBox"] });
      boxes.load("items");
      await context.sync();
    });
    await expect(listed).rejects.toMatchObject({ code: "InvalidArgument" });
    const load = double.Word.run(async (context) => {
      context.document.contentControls.getById(richTextId(double)).load("checkboxContentControl/isChecked");
      await context.sync();
    });
    await expect(load).rejects.toMatchObject({ code: "ApiNotFound" });
    const write = double.Word.run(async (context) => {
      context.document.contentControls.getById(richTextId(double)).checkboxContentControl.isChecked = true;
      await context.sync();
    });
    await expect(write).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(double.contentControlElement(id)?.toString()).toContain('w14:checked w14:val="0"');
  });

  test("a click on the box by the user ticks it and raises ParagraphChanged (WordApi 1.7 reports 1.6 events)", async () => {
    const double = await dk();
    const id = boxId(double, FIRST);
    const seen: string[] = [];
    await double.Word.run(async (context) => {
      context.document.onParagraphChanged.add(async (args) => {
        seen.push(args.type);
      });
      await context.sync();
    });
    double.user.toggleCheckbox(id);
    await double.user.settled();
    expect(seen).toEqual(["ParagraphChanged"]);
    expect((await readBoxes(double)).find((b) => b.id === id)?.isChecked).toBe(true);
  });
});
