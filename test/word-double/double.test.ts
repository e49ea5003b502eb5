/**
 * Tests of the Word API test double (word-double/): Office.js batching semantics on a
 * tiny .docx built here, and the double on generated template fixtures.
 */

import * as fs from "fs";
import * as path from "path";

import JSZip from "jszip";

import {
  REQUIREMENT_SETS,
  createWordDouble,
  type BodyDouble,
  type ContentControlDouble,
  type ParagraphDouble,
  type RangeDouble,
  type RequestContextDouble,
  type TableRowDouble,
  type WordDouble,
  type WordDoubleOptions,
} from "../../word-double";
import { buildTestDocx, flatOpc, para, run, sdt } from "../../word-double/build-docx";
import { FIXTURES } from "../support/paths";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// ---------------------------------------------------------------------------
// The tiny test document

const TABLE =
  `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>` +
  `<w:tr><w:tc>${para(run("A1"))}</w:tc><w:tc>${para(run("B1"))}</w:tc></w:tr>` +
  `<w:tr><w:tc>${sdt({ wId: 1000, tag: "cell", content: para(run("A2")) })}</w:tc><w:tc>${para(run("B2"))}</w:tc></w:tr>` +
  `</w:tbl>`;

const BODY = [
  /* 0 */ para(run("Plan"), "Title"),
  /* 1 */ para(
    run("Namn: ") +
      sdt({
        wId: 1,
        tag: "namn",
        alias: "Namn",
        type: "<w:text/>",
        placeholder: "PH_NAMN",
        showingPlaceholder: true,
        content: run("Ange namn.", "PlaceholderText"),
      }) +
      run(" slut"),
  ),
  /* 2 */ sdt({
    wId: 2,
    tag: "bakgrund",
    alias: "Bakgrund",
    placeholder: "PH_BAKGRUND",
    showingPlaceholder: true,
    lock: "sdtLocked",
    content: para(run("Skriv bakgrunden.", "PlaceholderText"), "Custom"),
  }),
  /* 3 */ para(
    run("Välj: ") +
      sdt({
        wId: 3,
        tag: "val",
        type: '<w:dropDownList><w:listItem w:displayText="Ja" w:value="Ja"/></w:dropDownList>',
        content: run("Ja"),
      }),
  ),
  /* 4 */ sdt({
    wId: 4,
    tag: "datum",
    type: '<w:date w:fullDate="2026-01-01T00:00:00Z"><w:dateFormat w:val="yyyy-MM-dd"/></w:date>',
    content: para(run("2026-01-01")),
  }),
  /* 5..8 */ TABLE,
  /* 9 */ para(
    run("Hej ") +
      `<w:del w:id="90" w:author="A"><w:r><w:delText>gamla </w:delText></w:r></w:del>` +
      `<w:ins w:id="91" w:author="A">${run("nya")}</w:ins>` +
      run(" världen"),
  ),
  /* 10 */ para(run("Slut"), "Heading1"),
].join("");

const TEXTS = [
  "Plan",
  "Namn: Ange namn. slut",
  "Skriv bakgrunden.",
  "Välj: Ja",
  "2026-01-01",
  "A1",
  "B1",
  "A2",
  "B2",
  "Hej nya världen",
  "Slut",
];

/** OOXML w:ids 1..5 and 1000 are taken, so Word API ids start at 6, in document order. */
const ID = { namn: 6, bakgrund: 7, val: 8, datum: 9, cell: 10, hdr: 11 } as const;

let tinyBytes: Promise<Uint8Array> | undefined;

function tinyDocx(): Promise<Uint8Array> {
  tinyBytes ??= buildTestDocx({
    body: BODY,
    header: para(run("Sidhuvud ") + sdt({ wId: 5, tag: "hdr", content: run("Skola") })),
    placeholders: { PH_NAMN: "Ange namn.", PH_BAKGRUND: "Skriv bakgrunden." },
  });
  return tinyBytes;
}

/** The tiny document; its tests were written against the accepted view, so that is asked for. */
async function tiny(options?: WordDoubleOptions): Promise<WordDouble> {
  return createWordDouble(await tinyDocx(), { deletedText: "omit", ...options });
}

/** Runs `fn` expecting a rejection; returns the error for inspection. */
async function failure(
  fn: () => Promise<unknown>,
): Promise<{ code?: string; message: string; name?: string }> {
  try {
    await fn();
  } catch (error) {
    return error as { code?: string; message: string; name?: string };
  }
  throw new Error("expected a failure");
}

function caught(fn: () => unknown): { code?: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected a throw");
}

/** Compile-time check that the double's values fit @types/office-js's property types. */
function conforms<T>(value: T): T {
  return value;
}

const NOT_LOADED = (prop: string): string =>
  `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;

// ---------------------------------------------------------------------------

describe("batching: load, sync and queued operations", () => {
  test("reading a property before load() and sync() throws PropertyNotLoaded like Office.js", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const p = context.document.body.paragraphs.getFirst();
      expect(caught(() => p.text)).toMatchObject({ code: "PropertyNotLoaded", message: NOT_LOADED("text") });
      p.load("text");
      expect(() => p.text).toThrow(NOT_LOADED("text"));
      await context.sync();
      expect(p.text).toBe("Plan");
      expect(caught(() => p.style)).toMatchObject({ code: "PropertyNotLoaded", name: "RichApi.Error" });
    });
  });

  test("load accepts a comma list, an array, {select, expand} and no argument", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const first = context.document.body.paragraphs.getFirst();
      const last = context.document.body.paragraphs.getLast();
      const cc = context.document.body.contentControls.getFirst();
      first.load("text, style");
      last.load(["text", "styleBuiltIn"]);
      cc.load({ select: "tag", expand: "paragraphs" });
      const all = context.document.body.paragraphs.getFirst().load();
      await context.sync();
      expect([first.text, first.style]).toEqual(["Plan", "Title"]);
      expect([last.text, last.styleBuiltIn]).toEqual(["Slut", "Heading1"]);
      expect(cc.tag).toBe("bakgrund");
      expect(cc.paragraphs.items.map((p) => p.text)).toEqual(["Skriv bakgrunden."]);
      expect(all.tableNestingLevel).toBe(0);
      expect(all.isLastParagraph).toBe(false);
    });
  });

  test('collections load "items/text" or "text" (meaning the items\' text); items needs a load', async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const a = context.document.body.paragraphs;
      const b = context.document.body.getRange().paragraphs;
      expect(caught(() => a.items)).toMatchObject({
        code: "PropertyNotLoaded",
        message: NOT_LOADED("items"),
      });
      a.load("items/text");
      b.load("text");
      await context.sync();
      expect(a.items.map((p) => p.text)).toEqual(TEXTS);
      expect(b.items.map((p) => p.text)).toEqual(TEXTS);
      expect(() => a.items[0].style).toThrow(NOT_LOADED("style"));
    });
  });

  test("a navigation path loads through to the related object", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load(
        "items/text,items/parentContentControlOrNullObject/tag",
      );
      await context.sync();
      const inControl = paragraphs.items.filter((p) => !p.parentContentControlOrNullObject.isNullObject);
      expect(inControl.map((p) => [p.text, p.parentContentControlOrNullObject.tag])).toEqual([
        ["Skriv bakgrunden.", "bakgrund"],
        ["2026-01-01", "datum"],
        ["A2", "cell"],
      ]);
    });
    expect(double.syncCount).toBe(1);
  });

  test("sync() counts round trips; Word.run flushes pending work and counts it only then", async () => {
    const double = await tiny();
    expect(double.syncCount).toBe(0);
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.load("text");
      await context.sync();
      await context.sync();
    });
    expect(double.syncCount).toBe(2);
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getLast().insertText("!", "End");
    });
    expect(double.syncCount).toBe(3);
    expect(double.paragraphTexts()[10]).toBe("Slut!");
    double.resetSyncCount();
    expect(double.syncCount).toBe(0);
  });

  test("operations are queued and applied at sync in order; loads see the document at their place in the queue", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const last = context.document.body.paragraphs.getLast();
      const before = last.getRange().load("text");
      last.insertText(" igen", "End");
      const after = last.getRange().load("text");
      expect(double.paragraphTexts()[10]).toBe("Slut");
      expect(context.debugInfo.pendingStatements).toContain("Paragraph.insertText");
      await context.sync();
      expect(before.text).toBe("Slut");
      expect(after.text).toBe("Slut igen");
    });
  });

  test("property writes are readable at once and applied at sync", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const cc = context.document.body.contentControls.getFirst();
      cc.tag = "ny-tagg";
      expect(cc.tag).toBe("ny-tagg");
      expect(
        double
          .contentControlElement(ID.bakgrund)
          ?.getElementsByTagNameNS(W, "tag")[0]
          .getAttributeNS(W, "val"),
      ).toBe("bakgrund");
      await context.sync();
    });
    const tag = double.contentControlElement(ID.bakgrund)?.getElementsByTagNameNS(W, "tag")[0];
    expect(tag?.getAttributeNS(W, "val")).toBe("ny-tagg");
  });

  test("ClientResult.value throws until synced", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const ooxml = context.document.body.getOoxml();
      expect(caught(() => ooxml.value)).toMatchObject({ code: "ValueNotLoaded" });
      await context.sync();
      expect(ooxml.value).toContain("pkg:package");
    });
  });

  test("a failing action rejects sync: earlier actions stay applied, later ones and the batch's loads are dropped", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const last = context.document.body.paragraphs.getLast();
      last.insertText(" A", "End");
      const text = last.load("text");
      last.getNext(); // ItemNotFound: it is the last paragraph
      last.insertText(" B", "End");
      const error = await failure(() => context.sync());
      expect(error).toMatchObject({ code: "ItemNotFound", name: "RichApi.Error" });
      expect((error as { debugInfo?: { errorLocation?: string } }).debugInfo?.errorLocation).toBe(
        "Paragraph.getNext",
      );
      expect(() => text.text).toThrow(NOT_LOADED("text"));
    });
    expect(double.paragraphTexts()[10]).toBe("Slut A");
  });

  test("Word.run rejects a batch that returns no promise, and its context cannot be used afterwards", async () => {
    const double = await tiny();
    const error = await failure(() =>
      double.Word.run(((_context: unknown) => undefined) as unknown as () => Promise<void>),
    );
    expect(error.code).toBe("RunMustReturnPromise");
    let leaked: ParagraphDouble | undefined;
    await double.Word.run(async (context) => {
      leaked = context.document.body.paragraphs.getFirst();
      await context.sync();
    });
    expect(caught(() => leaked?.load("text"))).toMatchObject({ code: "InvalidRequestContext" });
  });

  test("property types fit @types/office-js", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const p = context.document.body.paragraphs.getFirst().load();
      const cc = context.document.getContentControls().getFirst().load();
      await context.sync();
      conforms<
        Pick<Word.Paragraph, "text" | "style" | "styleBuiltIn" | "tableNestingLevel" | "isNullObject">
      >(p);
      conforms<
        Pick<
          Word.ContentControl,
          | "id"
          | "tag"
          | "title"
          | "type"
          | "subtype"
          | "text"
          | "placeholderText"
          | "appearance"
          | "cannotEdit"
        >
      >(cc);
      expect(typeof cc.id).toBe("number");
    });
  });
});

describe("document structure", () => {
  test("body.paragraphs lists every paragraph in document order, inside tables and content controls too", async () => {
    const double = await tiny();
    expect(double.paragraphTexts()).toEqual(TEXTS);
    await double.Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load("text,tableNestingLevel,style");
      const tables = context.document.body.tables.load("rowCount,values,nestingLevel");
      const body = context.document.body.load("text,type");
      await context.sync();
      expect(paragraphs.items.map((p) => p.tableNestingLevel)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0]);
      expect(paragraphs.items.map((p) => p.style)).toEqual([
        "Title",
        "Normal",
        "Min stil",
        "Normal",
        "Normal",
        "Normal",
        "Normal",
        "Normal",
        "Normal",
        "Normal",
        "Heading 1",
      ]);
      expect(tables.items.map((t) => [t.rowCount, t.nestingLevel])).toEqual([[2, 1]]);
      expect(tables.items[0].values).toEqual([
        ["A1", "B1"],
        ["A2", "B2"],
      ]);
      expect(body.type).toBe("MainDoc");
      expect(body.text).toBe(TEXTS.join("\r"));
    });
  });

  test("paragraph navigation: getNext/getPrevious and their null objects, parent control and cell", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs;
      const next = paragraphs.getFirst().getNext().load("text");
      const afterLast = paragraphs.getLast().getNextOrNullObject();
      const beforeFirst = paragraphs.getFirst().getPreviousOrNullObject().load("text");
      paragraphs.load("items");
      await context.sync();
      expect(next.text).toBe("Namn: Ange namn. slut");
      expect(afterLast.isNullObject).toBe(true);
      expect(beforeFirst.isNullObject).toBe(true);
      expect(beforeFirst.text).toBeNull();
      const a2 = paragraphs.items[7];
      const cell = a2.parentTableCellOrNullObject.load("rowIndex,cellIndex,value");
      const cc = a2.parentContentControlOrNullObject.load("tag,id");
      const none = paragraphs.items[1].parentContentControlOrNullObject;
      const noCell = paragraphs.items[0].parentTableCellOrNullObject;
      await context.sync();
      expect([cell.rowIndex, cell.cellIndex, cell.value]).toEqual([1, 0, "A2"]);
      expect([cc.tag, cc.id]).toEqual(["cell", ID.cell]);
      expect(none.isNullObject).toBe(true);
      expect(noCell.isNullObject).toBe(true);
    });
  });

  test("isNullObject is only readable after sync", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const none = context.document.body.paragraphs.getLast().getNextOrNullObject();
      expect(caught(() => none.isNullObject)).toMatchObject({ code: "PropertyNotLoaded" });
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  test("methods without OrNullObject fail with ItemNotFound at sync; a null object's methods fail too", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().parentContentControl.load("tag");
      expect(await failure(() => context.sync())).toMatchObject({ code: "ItemNotFound" });
    });
    await double.Word.run(async (context) => {
      context.document.body.contentControls.getByTag("nope").getFirst();
      expect(await failure(() => context.sync())).toMatchObject({ code: "ItemNotFound" });
    });
    await double.Word.run(async (context) => {
      const none = context.document.body.contentControls.getByTag("nope").getFirstOrNullObject();
      none.insertText("x", "Replace");
      expect(await failure(() => context.sync())).toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("sections give the header story, with its own content controls", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const header = context.document.sections.getFirst().getHeader("Primary");
      header.load("text,type");
      const inHeader = header.contentControls.load("id,tag,text");
      const everywhere = context.document.contentControls.load("tag");
      await context.sync();
      expect([header.type, header.text]).toEqual(["Header", "Sidhuvud Skola"]);
      expect(inHeader.items.map((c) => [c.id, c.tag, c.text])).toEqual([[ID.hdr, "hdr", "Skola"]]);
      expect(everywhere.items.map((c) => c.tag)).toEqual(["bakgrund", "cell", "hdr"]);
    });
  });
});

describe("content controls", () => {
  test("body.contentControls holds rich-text controls only; getContentControls() holds every type", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const rich = context.document.body.contentControls.load("tag,type,subtype");
      const all = context.document.body.getContentControls().load("tag,type");
      const plain = context.document.body.getContentControls({ types: ["PlainText"] }).load("tag");
      await context.sync();
      expect(rich.items.map((c) => [c.tag, c.type, c.subtype])).toEqual([
        ["bakgrund", "RichText", "RichTextParagraphs"],
        ["cell", "RichText", "RichTextParagraphs"],
      ]);
      expect(all.items.map((c) => [c.tag, c.type])).toEqual([
        ["namn", "PlainText"],
        ["bakgrund", "RichText"],
        ["val", "DropDownList"],
        ["datum", "DatePicker"],
        ["cell", "RichText"],
      ]);
      expect(plain.items.map((c) => c.tag)).toEqual(["namn"]);
    });
  });

  test("Word API ids are sequential numbers, never the OOXML w:id", async () => {
    const double = await tiny();
    expect(double.contentControlIds()).toEqual([ID.namn, ID.bakgrund, ID.val, ID.datum, ID.cell]);
    await double.Word.run(async (context) => {
      const all = context.document.body.getContentControls().load("id");
      await context.sync();
      expect(all.items.map((c) => c.id)).toEqual([6, 7, 8, 9, 10]);
    });
    const el = double.contentControlElement(ID.namn);
    expect(el?.getElementsByTagNameNS(W, "id")[0].getAttributeNS(W, "val")).toBe("1");
    expect(el && double.contentControlId(el)).toBe(ID.namn);
  });

  test("getByIdOrNullObject searches its own collection: a plain-text control is not in body.contentControls", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const viaRich = context.document.body.contentControls.getByIdOrNullObject(ID.namn);
      const viaAll = context.document.body.getContentControls().getByIdOrNullObject(ID.namn).load("tag");
      const missing = context.document.body.getContentControls().getByIdOrNullObject(1);
      const tagged = context.document.body.getContentControls().getByTag("datum").load("items/id");
      await context.sync();
      expect(viaRich.isNullObject).toBe(true);
      expect(viaAll.isNullObject).toBe(false);
      expect(viaAll.tag).toBe("namn");
      expect(missing.isNullObject).toBe(true);
      expect(tagged.items.map((c) => c.id)).toEqual([ID.datum]);
    });
    await double.Word.run(async (context) => {
      context.document.body.contentControls.getById(ID.namn);
      expect(await failure(() => context.sync())).toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("properties of a control: tag, title, text, placeholder, locks, appearance", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const cc = context.document.body.getContentControls().getByIdOrNullObject(ID.bakgrund).load();
      await context.sync();
      expect({
        tag: cc.tag,
        title: cc.title,
        type: cc.type,
        text: cc.text,
        placeholderText: cc.placeholderText,
        showingPlaceholderText: cc.showingPlaceholderText,
        cannotEdit: cc.cannotEdit,
        cannotDelete: cc.cannotDelete,
        appearance: cc.appearance,
        removeWhenEdited: cc.removeWhenEdited,
      }).toEqual({
        tag: "bakgrund",
        title: "Bakgrund",
        type: "RichText",
        text: "Skriv bakgrunden.",
        placeholderText: "Skriv bakgrunden.",
        showingPlaceholderText: true,
        cannotEdit: false,
        cannotDelete: true,
        appearance: "BoundingBox",
        removeWhenEdited: false,
      });
    });
  });

  test("insertText(text, 'Replace') over a placeholder writes runs and clears w:showingPlcHdr", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const all = context.document.body.getContentControls();
      const namn = all.getByIdOrNullObject(ID.namn);
      const bakgrund = all.getByIdOrNullObject(ID.bakgrund);
      namn.insertText("Solbackaskolan", "Replace");
      bakgrund.insertText("Rad ett\nRad två", "Replace");
      namn.load("text,showingPlaceholderText");
      bakgrund.load("text,showingPlaceholderText,placeholderText");
      await context.sync();
      expect([namn.text, namn.showingPlaceholderText]).toEqual(["Solbackaskolan", false]);
      expect([bakgrund.text, bakgrund.showingPlaceholderText]).toEqual(["Rad ett\rRad två", false]);
      expect(bakgrund.placeholderText).toBe("Skriv bakgrunden.");
    });
    const namnEl = double.contentControlElement(ID.namn);
    expect(namnEl?.getElementsByTagNameNS(W, "showingPlcHdr").length).toBe(0);
    expect(namnEl?.getElementsByTagNameNS(W, "rStyle").length).toBe(0);
    expect(double.paragraphTexts().slice(1, 4)).toEqual(["Namn: Solbackaskolan slut", "Rad ett", "Rad två"]);
    const bakgrundParagraphs = double.contentControlElement(ID.bakgrund)?.getElementsByTagNameNS(W, "p");
    expect(
      Array.from(bakgrundParagraphs ?? []).map((p) =>
        p.getElementsByTagNameNS(W, "pStyle")[0]?.getAttributeNS(W, "val"),
      ),
    ).toEqual(["Custom", "Custom"]);
  });

  test("clear() and insertText('') bring the placeholder back", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const cc = context.document.body.getContentControls().getByIdOrNullObject(ID.bakgrund);
      cc.insertText("Ifylld", "Replace");
      await context.sync();
      cc.clear();
      cc.load("text,showingPlaceholderText");
      await context.sync();
      expect([cc.text, cc.showingPlaceholderText]).toEqual(["Skriv bakgrunden.", true]);
    });
  });

  test("delete(true) keeps the content, delete(false) removes it", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const all = context.document.body.getContentControls();
      all.getByIdOrNullObject(ID.val).delete(true);
      all.getByIdOrNullObject(ID.datum).delete(false);
      await context.sync();
    });
    expect(double.contentControlElement(ID.val)).toBeNull();
    expect(double.contentControlElement(ID.datum)).toBeNull();
    expect(double.paragraphTexts()).toEqual(TEXTS.filter((t) => t !== "2026-01-01"));
  });

  test("cc.select() and getRange() give ranges whose parent control is the control", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const cc = context.document.body.getContentControls().getByIdOrNullObject(ID.namn);
      cc.select();
      const range = cc.getRange("Content").load("text");
      const parent = range.parentContentControlOrNullObject.load("id");
      const paragraphs = range.paragraphs.load("text");
      await context.sync();
      expect(range.text).toBe("Ange namn.");
      expect(parent.id).toBe(ID.namn);
      expect(paragraphs.items.map((p) => p.text)).toEqual(["Namn: Ange namn. slut"]);
    });
    expect(double.selection).toMatchObject({
      contentControlId: ID.namn,
      paragraphIndexes: [1],
      collapsed: false,
    });
  });
});

describe("text and tracked changes", () => {
  test('deletedText: "omit": deleted text is absent (the accepted view)', async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const p = context.document.body.paragraphs.load("text");
      await context.sync();
      expect(p.items[9].text).toBe("Hej nya världen");
    });
  });

  test('deletedText: "include" keeps it, as Word does while markup is shown', async () => {
    const double = await tiny({ deletedText: "include" });
    await double.Word.run(async (context) => {
      const p = context.document.body.paragraphs.load("text");
      await context.sync();
      expect(p.items[9].text).toBe("Hej gamla nya världen");
    });
  });

  test("the default is what Word on the web reports: deleted text kept", async () => {
    const double = await createWordDouble(await tinyDocx());
    expect(double.paragraphTexts()[9]).toBe("Hej gamla nya världen");
  });
});

describe("inserting and round-tripping OOXML", () => {
  test("insertOoxml of a paragraph after a given paragraph lands in the DOM and survives toDocx()", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const title = context.document.body.paragraphs.getFirst();
      const inserted = title.getRange().insertOoxml(flatOpc(para(run("Ny rad"), "Heading2")), "After");
      inserted.load("text");
      await context.sync();
      expect(inserted.text).toBe("Ny rad");
    });
    const paragraphs = double.paragraphs();
    expect(double.paragraphTexts().slice(0, 3)).toEqual(["Plan", "Ny rad", "Namn: Ange namn. slut"]);
    expect(paragraphs[1].parentNode).toBe(double.body);
    const roundTrip = await createWordDouble(await double.toDocx(), { deletedText: "omit" });
    expect(roundTrip.paragraphTexts()).toEqual(["Plan", "Ny rad", ...TEXTS.slice(1)]);
    await roundTrip.Word.run(async (context) => {
      const p = context.document.body.paragraphs.load("text,styleBuiltIn");
      await context.sync();
      expect(p.items[1].styleBuiltIn).toBe("Heading2");
    });
  });

  test("toDocx() rewrites only the changed parts", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      context.document.body.insertParagraph("Sist", "End");
      await context.sync();
    });
    const before = await JSZip.loadAsync(await tinyDocx());
    const after = await JSZip.loadAsync(await double.toDocx());
    for (const part of [
      "word/styles.xml",
      "word/header1.xml",
      "word/glossary/document.xml",
      "[Content_Types].xml",
    ]) {
      expect(await after.file(part)?.async("string")).toBe(await before.file(part)?.async("string"));
    }
    const docXml = (await after.file("word/document.xml")?.async("string")) ?? "";
    expect(docXml).toContain("Sist");
    expect(docXml.indexOf("Sist")).toBeLessThan(docXml.indexOf("<w:sectPr"));
  });

  test("insert locations are validated per method, and insertOoxml needs a flat-OPC package", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertOoxml(flatOpc(para(run("x"))), "After");
      expect(await failure(() => context.sync())).toMatchObject({ code: "InvalidArgument" });
    });
    await double.Word.run(async (context) => {
      context.document.body.insertOoxml(`<w:p xmlns:w="${W}"/>`, "End");
      expect(await failure(() => context.sync())).toMatchObject({ code: "InvalidArgument" });
    });
    expect(double.paragraphTexts()).toEqual(TEXTS);
  });

  test("one paragraph inserted inside a paragraph merges its runs; several split it", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const last = context.document.body.paragraphs.getLast();
      last.insertOoxml(flatOpc(para(run("Allra "))), "Start");
      await context.sync();
      const first = context.document.body.paragraphs.getFirst();
      first.insertOoxml(flatOpc(para(run("Ett"), "Heading1") + para(run("Två: "))), "Start");
      await context.sync();
    });
    const texts = double.paragraphTexts();
    expect(texts[0]).toBe("Ett");
    expect(texts[1]).toBe("Två: Plan");
    expect(texts[texts.length - 1]).toBe("Allra Slut");
    await double.Word.run(async (context) => {
      const p = context.document.body.paragraphs.load("styleBuiltIn");
      await context.sync();
      expect(p.items.slice(0, 2).map((x) => x.styleBuiltIn)).toEqual(["Heading1", "Title"]);
    });
  });

  test("getOoxml returns a flat-OPC package with the body, a sectPr and the styles part", async () => {
    const double = await tiny();
    let ooxml = "";
    await double.Word.run(async (context) => {
      const result = context.document.body.paragraphs.getLast().getOoxml();
      await context.sync();
      ooxml = result.value;
    });
    expect(ooxml).toMatch(/^<\?xml[^>]*\?><\?mso-application progid="Word.Document"\?><pkg:package /);
    expect(ooxml).toContain('pkg:name="/word/document.xml"');
    expect(ooxml).toContain('pkg:name="/word/styles.xml"');
    expect(ooxml).toMatch(/<w:body><w:p>.*Slut.*<\/w:p><w:sectPr>/);
    expect(ooxml).not.toContain("headerReference");
    // Word accepts its own output back.
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().getRange().insertOoxml(ooxml, "Before");
      await context.sync();
    });
    expect(double.paragraphTexts()[0]).toBe("Slut");
  });

  test("insertText, insertParagraph and body End follow Word.InsertLocation", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const body = context.document.body;
      body.insertText(" (slut)", "End");
      body.insertParagraph("Början", "Start");
      body.paragraphs.getFirst().insertParagraph("Efter början", "After");
      const range = body.paragraphs.getLast().getRange("Whole");
      range.insertText("Före ", "Start");
      await context.sync();
    });
    const texts = double.paragraphTexts();
    expect(texts.slice(0, 3)).toEqual(["Början", "Efter början", "Plan"]);
    expect(texts[texts.length - 1]).toBe("Före Slut (slut)");
    await double.Word.run(async (context) => {
      const table = context.document.body.tables.getFirst();
      const after = table.getParagraphAfterOrNullObject().load("text");
      const before = table.getParagraphBeforeOrNullObject().load("text");
      const added = context.load(table.getRange().insertParagraph("Under tabellen", "After"), "text");
      await context.sync();
      expect(after.text).toBe("Hej nya världen");
      expect(before.text).toBe("2026-01-01");
      expect(added.text).toBe("Under tabellen");
    });
    expect(double.paragraphTexts()).toContain("Under tabellen");
    expect(double.paragraphTexts().indexOf("Under tabellen")).toBe(double.paragraphTexts().indexOf("B2") + 1);
  });
});

describe("selection", () => {
  test("setSelection(paragraphIndex) puts the cursor where getSelection() finds it", async () => {
    const double = await tiny();
    double.setSelection(9);
    await double.Word.run(async (context) => {
      const selection = context.document.getSelection();
      const paragraphs = selection.paragraphs.load("text");
      const parent = selection.parentContentControlOrNullObject;
      selection.load("isEmpty");
      await context.sync();
      expect(paragraphs.items.map((p) => p.text)).toEqual(["Hej nya världen"]);
      expect(parent.isNullObject).toBe(true);
      expect(selection.isEmpty).toBe(true);
    });
  });

  test("setSelectionToContentControl: the selection's parent control is that control", async () => {
    const double = await tiny();
    double.setSelectionToContentControl(ID.cell);
    await double.Word.run(async (context) => {
      const parent = context.document.getSelection().parentContentControlOrNullObject.load("tag");
      const cell = context.document.getSelection().parentTableCellOrNullObject.load("rowIndex");
      await context.sync();
      expect(parent.tag).toBe("cell");
      expect(cell.rowIndex).toBe(1);
    });
  });

  test('Range.parentContentControl reports "currently supported" types only', async () => {
    const modern = await tiny();
    const old = await tiny({ requirementSets: REQUIREMENT_SETS.wordApi13 });
    for (const double of [modern, old]) double.setSelectionToContentControl(ID.datum);
    const tagOf = async (double: WordDouble): Promise<string | null> =>
      double.Word.run(async (context) => {
        const parent = context.document.getSelection().parentContentControlOrNullObject.load("tag");
        await context.sync();
        return parent.isNullObject ? null : parent.tag;
      });
    expect(await tagOf(modern)).toBe("datum");
    expect(await tagOf(old)).toBeNull();
  });

  test("select() records the new selection", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getLast().select();
      await context.sync();
    });
    expect(double.selection).toEqual({
      paragraphIndexes: [10],
      contentControlId: null,
      text: "Slut",
      collapsed: false,
    });
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().select("End");
      await context.sync();
    });
    expect(double.selection).toMatchObject({ paragraphIndexes: [0], collapsed: true });
    await double.Word.run(async (context) => {
      const cell = context.document.body.tables.getFirst().getCell(1, 1);
      cell.body.getRange("Whole").select();
      await context.sync();
    });
    expect(double.selection).toMatchObject({ paragraphIndexes: [8], text: "B2", collapsed: false });
  });

  test("DocumentSelectionChanged handlers are registered through Office and fired by the helper", async () => {
    const double = await tiny();
    const seen: string[] = [];
    const status = await new Promise<string>((resolve) =>
      double.Office.context.document.addHandlerAsync(
        double.Office.EventType.DocumentSelectionChanged,
        async () => {
          await double.Word.run(async (context) => {
            const p = context.document.getSelection().paragraphs.getFirst().load("text");
            await context.sync();
            seen.push(p.text);
          });
        },
        (result) => resolve(result.status),
      ),
    );
    expect(status).toBe("succeeded");
    double.setSelection(3);
    await double.fireDocumentSelectionChanged();
    expect(seen).toEqual(["Välj: Ja"]);
  });
});

describe("Range.expandTo: the cursor's paragraph ordinal", () => {
  /** What the Word adapter does: the paragraphs from the body start to the cursor. */
  async function ordinalAtCursor(double: WordDouble): Promise<{ count: number; last: string }> {
    return double.Word.run(async (context) => {
      const selection = context.document.getSelection();
      const upToCursor = context.document.body.getRange("Start").expandTo(selection.getRange("Start"));
      const paragraphs = upToCursor.paragraphs;
      paragraphs.load("items/text");
      await context.sync();
      return { count: paragraphs.items.length, last: paragraphs.items[paragraphs.items.length - 1].text };
    });
  }

  test("body start expanded to the cursor lists the paragraphs up to and including the cursor's, in cells and controls too", async () => {
    const double = await tiny();
    for (let i = 0; i < TEXTS.length; i++) {
      for (const mode of ["start", "end", "whole"] as const) {
        double.setSelection(i, mode);
        expect([i, mode, await ordinalAtCursor(double)]).toEqual([i, mode, { count: i + 1, last: TEXTS[i] }]);
      }
    }
    expect(double.syncCount).toBe(TEXTS.length * 3);
  });

  test("setSelectionToContentControl: inline, block, cell and dropdown controls give their paragraph", async () => {
    const double = await tiny();
    const expected: [number, number][] = [
      [ID.namn, 1],
      [ID.bakgrund, 2],
      [ID.val, 3],
      [ID.datum, 4],
      [ID.cell, 7],
    ];
    for (const [id, index] of expected) {
      for (const mode of ["start", "end", "whole"] as const) {
        double.setSelectionToContentControl(id, mode);
        expect(double.selection.paragraphIndexes).toEqual([index]);
        expect([id, mode, (await ordinalAtCursor(double)).count - 1]).toEqual([id, mode, index]);
      }
    }
  });

  test("the order of the two ranges does not matter, and neither range changes", async () => {
    const double = await tiny();
    double.setSelection(6);
    await double.Word.run(async (context) => {
      const start = context.document.body.getRange("Start");
      const cursor = context.document.getSelection().getRange("Start");
      const forward = start.expandTo(cursor).paragraphs.load("text");
      const backward = cursor.expandTo(start).paragraphs.load("text");
      start.load("text,isEmpty");
      const cursorParagraphs = cursor.paragraphs.load("text");
      await context.sync();
      expect(forward.items.map((p) => p.text)).toEqual(TEXTS.slice(0, 7));
      expect(backward.items.map((p) => p.text)).toEqual(TEXTS.slice(0, 7));
      expect([start.text, start.isEmpty]).toEqual(["", true]);
      expect(cursorParagraphs.items.map((p) => p.text)).toEqual(["B1"]);
    });
  });

  test("expandTo is resolved in queue order: a paragraph inserted earlier in the batch counts", async () => {
    const double = await tiny();
    double.setSelection(3);
    await double.Word.run(async (context) => {
      const body = context.document.body;
      body.insertParagraph("Först", "Start");
      const paragraphs = body
        .getRange("Start")
        .expandTo(context.document.getSelection().getRange("Start")).paragraphs;
      paragraphs.load("text");
      await context.sync();
      expect(paragraphs.items.map((p) => p.text)).toEqual(["Först", ...TEXTS.slice(0, 4)]);
    });
  });

  test("an expanded range: text is the covered part, tables and controls it overlaps, parents, isEmpty", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const all = context.document.body.getContentControls();
      const namn = all.getByIdOrNullObject(ID.namn);
      const paragraphs = context.document.body.paragraphs;
      const second = paragraphs.getFirst().getNext();
      // From the start of the inline control to the end of its paragraph.
      const tail = namn.getRange("Whole").expandTo(second.getRange("End")).load("text,isEmpty");
      const tailParent = tail.parentContentControlOrNullObject;
      const bakgrund = second.getNext();
      const a1 = bakgrund.getNext().getNext().getNext();
      const wide = bakgrund.getRange("Whole").expandTo(a1.getRange("Whole")).load("text,isEmpty");
      const wideParagraphs = wide.paragraphs.load("text");
      const wideTables = wide.tables.load("rowCount");
      const wideRich = wide.contentControls.load("tag");
      const wideAll = wide.getContentControls().load("tag");
      const wideParent = wide.parentTableOrNullObject;
      const wideStart = wide.getRange("Start").paragraphs.load("text");
      const wideEnd = wide.getRange("End").paragraphs.load("text");
      const inControl = namn.getRange("Start").expandTo(namn.getRange("End"));
      const inControlParent = inControl.parentContentControlOrNullObject.load("id");
      const empty = context.document.body.getRange("Start").expandTo(paragraphs.getFirst().getRange("Start"));
      empty.load("isEmpty,text");
      await context.sync();
      expect([tail.text, tail.isEmpty, tailParent.isNullObject]).toEqual(["Ange namn. slut", false, true]);
      expect(wide.text).toBe("Skriv bakgrunden.\rVälj: Ja\r2026-01-01\rA1");
      expect(wide.isEmpty).toBe(false);
      expect(wideParagraphs.items.map((p) => p.text)).toEqual(TEXTS.slice(2, 6));
      expect(wideTables.items.map((t) => t.rowCount)).toEqual([2]);
      expect(wideRich.items.map((c) => c.tag)).toEqual(["bakgrund"]);
      expect(wideAll.items.map((c) => c.tag)).toEqual(["bakgrund", "val", "datum"]);
      expect(wideParent.isNullObject).toBe(true);
      expect(wideStart.items.map((p) => p.text)).toEqual(["Skriv bakgrunden."]);
      expect(wideEnd.items.map((p) => p.text)).toEqual(["A1"]);
      expect(inControlParent.id).toBe(ID.namn);
      expect([empty.isEmpty, empty.text]).toEqual([true, ""]);
    });
  });

  test("an expanded range can be selected and inserted around; getOoxml, delete and Replace are NotImplemented", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs;
      const span = paragraphs
        .getFirst()
        .getRange("Whole")
        .expandTo(paragraphs.getFirst().getNext().getRange("Start"));
      span.select();
      span.insertParagraph("Efter", "After");
      span.insertText("Före ", "Start");
      await context.sync();
    });
    expect(double.selection).toMatchObject({ paragraphIndexes: [0, 1], collapsed: false });
    expect(double.paragraphTexts().slice(0, 4)).toEqual([
      "Före Plan",
      "Namn: Ange namn. slut",
      "Efter",
      "Skriv bakgrunden.",
    ]);
    for (const act of [
      (r: RangeDouble) => void r.getOoxml(),
      (r: RangeDouble) => r.delete(),
      (r: RangeDouble) => void r.insertText("x", "Replace"),
    ]) {
      await double.Word.run(async (context) => {
        const paragraphs = context.document.body.paragraphs;
        act(paragraphs.getFirst().getRange().expandTo(paragraphs.getLast().getRange()));
        expect(await failure(() => context.sync())).toMatchObject({ code: "NotImplemented" });
      });
    }
  });

  test("ranges in different stories fail with InvalidArgument; expandTo needs WordApi 1.3", async () => {
    const double = await tiny();
    double.setSelectionToContentControl(ID.hdr);
    await double.Word.run(async (context) => {
      const cursor = context.document.getSelection().getRange("Start");
      const inHeader = context.document.sections
        .getFirst()
        .getHeader("Primary")
        .getRange("Start")
        .expandTo(cursor);
      const paragraphs = inHeader.paragraphs.load("text");
      await context.sync();
      expect(paragraphs.items.map((p) => p.text)).toEqual(["Sidhuvud Skola"]);
      context.document.body.getRange("Start").expandTo(cursor).paragraphs.load("text");
      const error = await failure(() => context.sync());
      expect(error).toMatchObject({ code: "InvalidArgument", name: "RichApi.Error" });
      expect((error as { debugInfo?: { errorLocation?: string } }).debugInfo?.errorLocation).toBe(
        "Range.expandTo",
      );
    });
    const old = await tiny({ requirementSets: { WordApi: "1.2" } });
    await old.Word.run(async (context) => {
      const range = context.document.getSelection();
      range.expandTo(context.document.getSelection()).load("text");
      expect(await failure(() => context.sync())).toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("on sv-blank.docx the ordinal matches the cursor's paragraph everywhere", async () => {
    const double = await createWordDouble(fixture("sv-blank.docx"));
    const texts = double.paragraphTexts();
    expect(texts.length).toBeGreaterThan(50);
    for (let i = 0; i < texts.length; i++) {
      double.setSelection(i);
      expect([i, await ordinalAtCursor(double)]).toEqual([i, { count: i + 1, last: texts[i] }]);
    }
    for (const id of double.contentControlIds()) {
      double.setSelectionToContentControl(id);
      const [index] = double.selection.paragraphIndexes;
      expect([id, (await ordinalAtCursor(double)).count - 1]).toEqual([id, index]);
    }
  });
});

// ---------------------------------------------------------------------------
// Table rows

const ROWS_TABLE =
  `<w:tbl><w:tblPr><w:tblW w:w="6000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>` +
  `<w:tr><w:trPr><w:tblHeader/></w:trPr>` +
  `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${para(run("Mål"), "Heading2")}</w:tc>` +
  `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${para(run("Åtgärd"), "Heading2")}</w:tc></w:tr>` +
  `<w:tr><w:trPr><w:cantSplit/></w:trPr>` +
  `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${para(run("M1"), "Custom")}</w:tc>` +
  `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/><w:shd w:val="clear" w:fill="EEEEEE"/></w:tcPr>${para(run("Å1")) + para(run("Å1b"))}</w:tc></w:tr>` +
  `</w:tbl>`;

async function rowsDouble(options?: WordDoubleOptions): Promise<WordDouble> {
  const bytes = await buildTestDocx({ body: para(run("Före")) + ROWS_TABLE + para(run("Efter")) });
  return createWordDouble(bytes, options);
}

type XmlElement = WordDouble["body"];

function wChildren(el: XmlElement | null | undefined): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el?.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as XmlElement);
  return out;
}

function rowsOf(double: WordDouble): XmlElement[] {
  return wChildren(double.body.getElementsByTagNameNS(W, "tbl")[0]).filter((c) => c.localName === "tr");
}

describe("table rows", () => {
  test("Table.rows, TableRow cellCount/rowIndex/values/cells/parentTable/getNext, TableCell.parentRow", async () => {
    const double = await rowsDouble();
    await double.Word.run(async (context) => {
      const table = context.document.body.tables.getFirst();
      const rows = table.rows.load("cellCount,rowIndex,values");
      const first = table.rows.getFirst();
      const cells = first.cells.load("value,cellIndex");
      const second = first.getNext().load("rowIndex");
      const none = second.getNextOrNullObject();
      const viaCell = table.getCell(1, 1).parentRow.load("rowIndex,values");
      const parent = second.parentTable.load("rowCount");
      await context.sync();
      expect(rows.items.map((r) => [r.rowIndex, r.cellCount, r.values])).toEqual([
        [0, 2, [["Mål", "Åtgärd"]]],
        [1, 2, [["M1", "Å1\rÅ1b"]]],
      ]);
      expect(cells.items.map((c) => [c.cellIndex, c.value])).toEqual([
        [0, "Mål"],
        [1, "Åtgärd"],
      ]);
      expect(second.rowIndex).toBe(1);
      expect(none.isNullObject).toBe(true);
      expect([viaCell.rowIndex, viaCell.values]).toEqual([1, [["M1", "Å1\rÅ1b"]]]);
      expect(parent.rowCount).toBe(2);
      conforms<Pick<Word.TableRow, "cellCount" | "rowIndex" | "values" | "isNullObject">>(viaCell);
    });
  });

  test("paragraph.parentTableCell.parentRow is reachable in one batch, and through a load path", async () => {
    const double = await rowsDouble();
    await double.Word.run(async (context) => {
      const m1 = context.document.body.paragraphs.getFirst().getNext().getNext().getNext();
      const row = m1.parentTableCell.parentRow.load("rowIndex,values");
      const paragraphs = context.document.body.paragraphs.load(
        "items/text,items/parentTableCellOrNullObject/parentRow/rowIndex",
      );
      await context.sync();
      expect([row.rowIndex, row.values]).toEqual([1, [["M1", "Å1\rÅ1b"]]]);
      const inCells = paragraphs.items.filter((p) => !p.parentTableCellOrNullObject.isNullObject);
      expect(inCells.map((p) => [p.text, p.parentTableCellOrNullObject.parentRow.rowIndex])).toEqual([
        ["Mål", 0],
        ["Åtgärd", 0],
        ["M1", 1],
        ["Å1", 1],
        ["Å1b", 1],
      ]);
    });
    expect(double.syncCount).toBe(1);
  });

  test("insertRows copies the row's structure (trPr, tcPr, first pPr) with the values, once, and returns the new rows", async () => {
    const double = await rowsDouble();
    await double.Word.run(async (context) => {
      const m1 = context.document.body.paragraphs.getFirst().getNext().getNext().getNext();
      const added = m1.parentTableCell.parentRow.insertRows("After", 2, [["M2", "Å2\nÅ2b"]]);
      added.load("values,rowIndex");
      const first = added.getFirst().load("cellCount");
      await context.sync();
      expect(added.items.map((r) => [r.rowIndex, r.values])).toEqual([
        [2, [["M2", "Å2\rÅ2b"]]],
        [3, [["", ""]]],
      ]);
      expect(first.cellCount).toBe(2);
      added.load("values");
      await context.sync();
      expect(added.items.length).toBe(2);
    });
    const rows = rowsOf(double);
    expect(rows.length).toBe(4);
    for (const tr of rows.slice(2)) {
      const [trPr, tc0, tc1] = wChildren(tr);
      expect(wChildren(trPr).map((c) => c.localName)).toEqual(["cantSplit"]);
      expect(wChildren(tc0).map((c) => c.localName)).toEqual(["tcPr", "p"]);
      expect(tc0.getElementsByTagNameNS(W, "pStyle")[0]?.getAttributeNS(W, "val")).toBe("Custom");
      expect(tc1.getElementsByTagNameNS(W, "shd")[0]?.getAttributeNS(W, "fill")).toBe("EEEEEE");
      expect(tc1.getElementsByTagNameNS(W, "pStyle").length).toBe(0);
    }
    expect(double.paragraphTexts()).toEqual([
      "Före",
      "Mål",
      "Åtgärd",
      "M1",
      "Å1",
      "Å1b",
      "M2",
      "Å2",
      "Å2b",
      "",
      "",
      "Efter",
    ]);
    await double.Word.run(async (context) => {
      const header = context.document.body.tables.getFirst().rows.getFirst();
      header.insertRows("Before", 1).load("values");
      await context.sync();
    });
    expect(wChildren(wChildren(rowsOf(double)[0])[0]).map((c) => c.localName)).toEqual(["tblHeader"]);
    const reopened = await createWordDouble(await double.toDocx());
    expect(reopened.paragraphTexts().slice(0, 3)).toEqual(["Före", "", ""]);
    expect(reopened.paragraphTexts().length).toBe(14);
  });

  test("insertRows validates its arguments and needs WordApi 1.3", async () => {
    const double = await rowsDouble();
    const attempts: ((row: TableRowDouble) => void)[] = [
      (row) => void row.insertRows("Start", 1),
      (row) => void row.insertRows("After", 0),
      (row) => void row.insertRows("After", 1, [["a", "b", "c"]]),
      (row) => void row.insertRows("After", 1, [["a"], ["b"]]),
    ];
    for (const attempt of attempts) {
      await double.Word.run(async (context) => {
        attempt(context.document.body.tables.getFirst().rows.getFirst());
        expect(await failure(() => context.sync())).toMatchObject({ code: "InvalidArgument" });
      });
    }
    expect(rowsOf(double).length).toBe(2);
    const old = await rowsDouble({ requirementSets: { WordApi: "1.2" } });
    await old.Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load("items");
      await context.sync();
      paragraphs.items[3].parentTableCell.parentRow.load("rowIndex");
      expect(await failure(() => context.sync())).toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("TableRow.delete removes the row; deleting the last row removes the table", async () => {
    const double = await rowsDouble();
    await double.Word.run(async (context) => {
      context.document.body.tables.getFirst().rows.getFirst().delete();
      const left = context.document.body.tables.getFirst().load("rowCount,values");
      await context.sync();
      expect([left.rowCount, left.values]).toEqual([1, [["M1", "Å1\rÅ1b"]]]);
      context.document.body.tables.getFirst().rows.getFirst().delete();
      const tables = context.document.body.tables.load("items");
      await context.sync();
      expect(tables.items).toEqual([]);
    });
    expect(double.paragraphTexts()).toEqual(["Före", "Efter"]);
  });
});

// ---------------------------------------------------------------------------

describe("headers and footers whose part does not exist", () => {
  test("read as an empty story: one empty paragraph, text '', an empty document in getOoxml", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const section = context.document.sections.getFirst();
      const first = section.getHeader("FirstPage").load("text,type");
      const paragraphs = first.paragraphs.load("text");
      const ooxml = first.getOoxml();
      const next = first.paragraphs.getFirst().getNextOrNullObject();
      const footer = section.getFooter("Primary").load("text,type");
      const primary = section.getHeader("Primary").load("text");
      await context.sync();
      expect([first.type, first.text]).toEqual(["Header", ""]);
      expect(paragraphs.items.map((p) => p.text)).toEqual([""]);
      expect(next.isNullObject).toBe(true);
      expect([footer.type, footer.text]).toEqual(["Footer", ""]);
      expect(primary.text).toBe("Sidhuvud Skola");
      expect(ooxml.value).toMatch(/<pkg:package /);
      expect(ooxml.value).toMatch(/<w:body><w:p\/><w:sectPr>/);
    });
  });

  test("a document without any header part gives the empty story for every type", async () => {
    const double = await createWordDouble(await buildTestDocx({ body: para(run("Ensam")) }));
    await double.Word.run(async (context) => {
      const section = context.document.sections.getFirst();
      const headers = (["Primary", "FirstPage", "EvenPages"] as const).map((t) =>
        section.getHeader(t).paragraphs.load("text"),
      );
      await context.sync();
      expect(headers.map((h) => h.items.map((p) => p.text))).toEqual([[""], [""], [""]]);
    });
  });

  test("writing into it is NotImplemented and changes nothing", async () => {
    const double = await tiny();
    for (const write of [
      (b: BodyDouble) => void b.insertParagraph("x", "End"),
      (b: BodyDouble) => void b.paragraphs.getFirst().insertText("x", "Start"),
      (b: BodyDouble) => b.clear(),
      (b: BodyDouble) => void b.insertOoxml(flatOpc(para(run("x"))), "Replace"),
    ]) {
      await double.Word.run(async (context) => {
        write(context.document.sections.getFirst().getHeader("EvenPages"));
        expect(await failure(() => context.sync())).toMatchObject({ code: "NotImplemented" });
      });
    }
    await double.Word.run(async (context) => {
      const even = context.document.sections.getFirst().getHeader("EvenPages").paragraphs.load("text");
      await context.sync();
      expect(even.items.map((p) => p.text)).toEqual([""]);
    });
    const before = await JSZip.loadAsync(await tinyDocx());
    const after = await JSZip.loadAsync(await double.toDocx());
    expect(Object.keys(after.files).sort()).toEqual(Object.keys(before.files).sort());
  });
});

// ---------------------------------------------------------------------------

describe("insertOoxml 'After' the whole range of a table, a block control or a paragraph", () => {
  const BLOCKS =
    para(run("Nytt block"), "Heading2") +
    `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>${para(run("Ny cell"))}</w:tc></w:tr></w:tbl>` +
    sdt({ wId: 7000, tag: "ny", content: para(run("Ny kontroll")) }) +
    para(run("Sista nya"));
  const INSERTED = ["Nytt block", "Ny cell", "Ny kontroll", "Sista nya"];

  function bodyShape(double: WordDouble): string[] {
    return wChildren(double.body).map((c) =>
      c.localName === "p"
        ? `p:${c.textContent ?? ""}`
        : `${c.localName}:${c.getElementsByTagNameNS(W, "tag")[0]?.getAttributeNS(W, "val") ?? ""}`,
    );
  }

  test("after a table: the blocks become the table's next siblings", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      // As the adapter does: from the last paragraph of the table.
      const b2 = context.document.body.paragraphs
        .getFirst()
        .getNext()
        .getNext()
        .getNext()
        .getNext()
        .getNext()
        .getNext()
        .getNext()
        .getNext();
      const inserted = b2.parentTable.getRange("Whole").insertOoxml(flatOpc(BLOCKS), "After").load("text");
      await context.sync();
      expect(inserted.text).toBe(INSERTED.join("\r"));
    });
    expect(double.paragraphTexts()).toEqual([...TEXTS.slice(0, 9), ...INSERTED, ...TEXTS.slice(9)]);
    expect(bodyShape(double).slice(5, 11)).toEqual([
      "tbl:cell",
      "p:Nytt block",
      "tbl:",
      "sdt:ny",
      "p:Sista nya",
      "p:Hej gamla nya världen",
    ]);
    const reopened = await createWordDouble(await double.toDocx(), { deletedText: "omit" });
    expect(reopened.paragraphTexts()).toEqual(double.paragraphTexts());
  });

  test("after a block-level content control: siblings of the control, its content unchanged", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const inControl = context.document.body.paragraphs.getFirst().getNext().getNext();
      inControl.parentContentControl.getRange("Whole").insertOoxml(flatOpc(BLOCKS), "After");
      const cc = context.document.body.getContentControls().getByIdOrNullObject(ID.bakgrund).load("text");
      await context.sync();
      expect(cc.text).toBe("Skriv bakgrunden.");
    });
    expect(double.paragraphTexts()).toEqual([...TEXTS.slice(0, 3), ...INSERTED, ...TEXTS.slice(3)]);
    expect(bodyShape(double).slice(2, 7)).toEqual([
      "sdt:bakgrund",
      "p:Nytt block",
      "tbl:",
      "sdt:ny",
      "p:Sista nya",
    ]);
  });

  test("after a body paragraph: the blocks follow the paragraph", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getLast().getRange("Whole").insertOoxml(flatOpc(BLOCKS), "After");
      await context.sync();
    });
    expect(double.paragraphTexts()).toEqual([...TEXTS, ...INSERTED]);
    expect(bodyShape(double).slice(-6)).toEqual([
      "p:Slut",
      "p:Nytt block",
      "tbl:",
      "sdt:ny",
      "p:Sista nya",
      "sectPr:",
    ]);
  });
});

// ---------------------------------------------------------------------------

describe("deletions queued after getNext() chains act on what the chains found", () => {
  /** The paragraph at `index` by a getFirst()/getNext() chain, as the Word adapter reaches it. */
  function chain(context: RequestContextDouble, index: number): ParagraphDouble {
    let p = context.document.body.paragraphs.getFirst();
    for (let i = 0; i < index; i++) p = p.getNext();
    return p;
  }

  test("ContentControl.delete(false), Table.delete() and Paragraph.delete() in one batch", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const targets = [2, 5, 9, 10].map((i) => chain(context, i));
      // bakgrund is locked against deletion (sdtLocked): Word refuses until it is unlocked.
      const bakgrund = targets[0].parentContentControl;
      bakgrund.cannotDelete = false;
      bakgrund.delete(false);
      targets[1].parentTable.delete();
      targets[2].delete();
      targets[3].delete();
      await context.sync();
    });
    expect(double.syncCount).toBe(1);
    expect(double.paragraphTexts()).toEqual(["Plan", "Namn: Ange namn. slut", "Välj: Ja", "2026-01-01"]);
    expect(double.contentControlElement(ID.bakgrund)).toBeNull();
    expect(double.body.getElementsByTagNameNS(W, "tbl").length).toBe(0);
  });

  test("a control locked against deletion is not deleted: GeneralException, as Word answers", async () => {
    const double = await tiny();
    const error = await double.Word.run(async (context) => {
      chain(context, 2).parentContentControl.delete(false);
      await context.sync();
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("GeneralException");
    expect(double.contentControlElement(ID.bakgrund)).not.toBeNull();
  });

  test("in the reverse order too, and with a row deleted through parentTableCell.parentRow", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      const targets = [10, 7, 4, 0].map((i) => chain(context, i));
      targets[0].delete();
      targets[1].parentTableCell.parentRow.delete();
      targets[2].parentContentControl.delete(false);
      targets[3].delete();
      await context.sync();
    });
    expect(double.paragraphTexts()).toEqual([
      "Namn: Ange namn. slut",
      "Skriv bakgrunden.",
      "Välj: Ja",
      "A1",
      "B1",
      "Hej nya världen",
    ]);
  });

  test("a chain queued after a deletion sees the changed document; deleting a deleted object is ItemNotFound", async () => {
    const double = await tiny();
    await double.Word.run(async (context) => {
      chain(context, 0).delete();
      const now = chain(context, 0).load("text");
      await context.sync();
      expect(now.text).toBe("Namn: Ange namn. slut");
    });
    await double.Word.run(async (context) => {
      const a = chain(context, 2);
      const b = chain(context, 2);
      a.delete();
      b.delete();
      expect(await failure(() => context.sync())).toMatchObject({ code: "ItemNotFound" });
    });
    expect(double.paragraphTexts().slice(0, 3)).toEqual([
      "Namn: Ange namn. slut",
      "Skriv bakgrunden.",
      "2026-01-01",
    ]);
  });
});

describe("Office namespace and requirement sets", () => {
  test("Office.onReady, host and platform are configurable", async () => {
    const double = await tiny({ platform: "OfficeOnline" });
    const info = await double.Office.onReady();
    expect(info).toEqual({ host: "Word", platform: "OfficeOnline" });
    expect(double.Office.context.host).toBe(double.Office.HostType.Word);
    expect(double.Office.context.platform).toBe("OfficeOnline");
  });

  test("isSetSupported answers from the configured sets", async () => {
    const double = await tiny({ requirementSets: { WordApi: "1.3" } });
    const { isSetSupported } = double.Office.context.requirements;
    expect(isSetSupported("WordApi", "1.3")).toBe(true);
    expect(isSetSupported("WordApi", "1.1")).toBe(true);
    expect(isSetSupported("WordApi", "1.5")).toBe(false);
    expect(isSetSupported("wordapi")).toBe(true);
    expect(isSetSupported("WordApiDesktop", "1.1")).toBe(false);
    expect((await tiny()).Office.context.requirements.isSetSupported("WordApi", "1.10")).toBe(false);
  });

  test("an API beyond the configured sets fails like an unsupported API (ApiNotFound)", async () => {
    const double = await tiny({ requirementSets: { WordApi: "1.3" } });
    await double.Word.run(async (context) => {
      context.document.body.getContentControls().load("items");
      expect(await failure(() => context.sync())).toMatchObject({ code: "ApiNotFound" });
    });
    await double.Word.run(async (context) => {
      const ok = context.document.body.paragraphs.getFirst().getNext().load("text");
      await context.sync();
      expect(ok.text).toBe("Namn: Ange namn. slut");
    });
    const old = await tiny({ requirementSets: { WordApi: "1.1" } });
    await old.Word.run(async (context) => {
      context.document.body.paragraphs.load("items/styleBuiltIn");
      expect(await failure(() => context.sync())).toMatchObject({ code: "ApiNotFound" });
    });
    await old.Word.run(async (context) => {
      const all = context.document.body.paragraphs.load();
      await context.sync();
      expect(all.items[0].text).toBe("Plan");
      expect(() => all.items[0].tableNestingLevel).toThrow(NOT_LOADED("tableNestingLevel"));
    });
  });

  test("getContentControls() returns only the types the host supports", async () => {
    const double = await tiny({ requirementSets: { WordApi: "1.5" } });
    await double.Word.run(async (context) => {
      const all = context.document.body.getContentControls().load("tag");
      await context.sync();
      expect(all.items.map((c) => c.tag)).toEqual(["namn", "bakgrund", "cell"]);
      context.document.body.getContentControls({ types: ["DropDownList"] });
      expect(await failure(() => context.sync())).toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("showingPlaceholderText needs WordApiDesktop 1.3 (it is not on Word.ContentControl in @types/office-js)", async () => {
    const double = await tiny({ requirementSets: { WordApi: "1.9" } });
    await double.Word.run(async (context) => {
      context.document.body.contentControls.getFirst().load("showingPlaceholderText");
      expect(await failure(() => context.sync())).toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("install() sets the globals and restores them", async () => {
    const double = await tiny();
    const g = globalThis as { Word?: unknown; Office?: unknown };
    expect(g.Word).toBeUndefined();
    const restore = double.install();
    expect(g.Word).toBe(double.Word);
    expect(g.Office).toBe(double.Office);
    restore();
    expect(g.Word).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------
// Generated template fixtures (npm run fixtures, run by pretest)

const GENERATED = FIXTURES;

function fixture(name: string): Uint8Array {
  const file = path.join(GENERATED, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Fixture ${file} is missing. Generate it with "npm run fixtures" (npm test runs it before jest).`,
    );
  }
  return new Uint8Array(fs.readFileSync(file));
}

async function allControls(
  double: WordDouble,
): Promise<{ rich: ContentControlDouble[]; all: ContentControlDouble[] }> {
  return double.Word.run(async (context) => {
    const rich = context.document.body.contentControls.load("id,type,tag");
    const all = context.document.body.getContentControls().load("id,type,tag");
    await context.sync();
    return { rich: rich.items, all: all.items };
  });
}

describe("on the generated Skolverket template (sv-blank.docx)", () => {
  test("paragraphs match the DOM and content controls split as in Word", async () => {
    const double = await createWordDouble(fixture("sv-blank.docx"));
    const domParagraphs = Array.from(double.body.getElementsByTagNameNS(W, "p"));
    expect(double.paragraphs()).toEqual(domParagraphs);
    const { rich, all } = await allControls(double);
    const sdts = double.body.getElementsByTagNameNS(W, "sdt").length;
    expect(all.length).toBe(sdts);
    expect(new Set(rich.map((c) => c.type))).toEqual(new Set(["RichText"]));
    const types = new Set(all.map((c) => c.type));
    for (const t of ["PlainText", "DropDownList", "DatePicker", "RichText"]) expect(types).toContain(t);
    expect(rich.length).toBeLessThan(all.length);
    const wIds = new Set(
      Array.from(double.body.getElementsByTagNameNS(W, "sdt")).map((s) =>
        Number(s.getElementsByTagNameNS(W, "id")[0]?.getAttributeNS(W, "val")),
      ),
    );
    expect(all.filter((c) => wIds.has(c.id))).toEqual([]);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });

  test("inserting a paragraph after the title round-trips through toDocx()", async () => {
    const double = await createWordDouble(fixture("sv-blank.docx"));
    const titleIndex = double.paragraphTexts().indexOf("Åtgärdsplan");
    expect(titleIndex).toBeGreaterThanOrEqual(0);
    await double.Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load("items");
      await context.sync();
      paragraphs.items[titleIndex].getRange().insertOoxml(flatOpc(para(run("Infogad av testet"))), "After");
      await context.sync();
    });
    const reopened = await createWordDouble(await double.toDocx());
    expect(reopened.paragraphTexts()[titleIndex + 1]).toBe("Infogad av testet");
    expect(reopened.paragraphTexts().length).toBe(double.paragraphTexts().length);
  });

  test("filling a plain-text control through the API removes its placeholder in the saved file", async () => {
    const double = await createWordDouble(fixture("sv-blank.docx"));
    const { all } = await allControls(double);
    const plain = all.find((c) => c.type === "PlainText");
    expect(plain).toBeDefined();
    const id = plain?.id ?? -1;
    await double.Word.run(async (context) => {
      context.document.getContentControls().getById(id).insertText("Exempelkommun", "Replace");
      await context.sync();
    });
    const reopened = await createWordDouble(await double.toDocx());
    const el = reopened.contentControlElement(id);
    expect(el?.getElementsByTagNameNS(W, "showingPlcHdr").length).toBe(0);
    expect(el?.textContent).toContain("Exempelkommun");
  });

  test("tracked changes (sv-tracked.docx): deleted text only in the markup view", async () => {
    const bytes = fixture("sv-tracked.docx");
    const accepted = (await createWordDouble(bytes, { deletedText: "omit" })).paragraphTexts().join("\n");
    const markup = (await createWordDouble(bytes, { deletedText: "include" })).paragraphTexts().join("\n");
    const byDefault = (await createWordDouble(bytes)).paragraphTexts().join("\n");
    expect(accepted).not.toContain("under våren");
    expect(markup).toContain("under våren");
    expect(byDefault).toBe(markup);
  });
});

describe("on the generated IKO template (iko-blank.docx)", () => {
  test("a document without content controls gives empty collections and null objects", async () => {
    const double = await createWordDouble(fixture("iko-blank.docx"));
    await double.Word.run(async (context) => {
      const rich = context.document.body.contentControls.load("items");
      const first = context.document.body.getContentControls().getFirstOrNullObject();
      const paragraphs = context.document.body.paragraphs.load("text,style");
      await context.sync();
      expect(rich.items).toEqual([]);
      expect(first.isNullObject).toBe(true);
      expect(paragraphs.items.length).toBe(double.body.getElementsByTagNameNS(W, "p").length);
      expect(paragraphs.items[0].text.startsWith("Implementering")).toBe(true);
    });
  });
});
