/**
 * The review in Word (issue 7): going to what a review item points at, and the review as Word
 * comments (insert, insert again, remove) on the double, with round trips counted.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { buildReview, commentText, COMMENT_PREFIX, reviewItems, type ReviewItem } from "../src/core/review";
import { checkDocx, editDocx } from "../src/ooxml/docx";
import { MISSING_TEXT, WordHost, type OfficeApis } from "../src/office/word-host";
import { createWordDouble, PERSON, REQUIREMENT_SETS, WORD_USER, type WordDouble } from "./word-double";
import { VARIANTS, fixturePath } from "../scripts/fixtures/variants";

const SETS = { ...REQUIREMENT_SETS.modern, DocumentEvents: "1.1" };
const bytesOf = (name: string) =>
  new Uint8Array(readFileSync(fixturePath(VARIANTS.find((v) => v.name === name)!)));

async function hostFor(name: string) {
  const double = await createWordDouble(bytesOf(name), { requirementSets: SETS });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis) };
}

async function syncs<T>(double: WordDouble, step: () => Promise<T>): Promise<{ value: T; syncs: number }> {
  double.resetSyncCount();
  const value = await step();
  return { value, syncs: double.syncCount };
}

const cursorText = (double: WordDouble) => double.paragraphTexts()[double.selection.paragraphIndexes[0]];

describe("selectTarget", () => {
  test("each leftover instruction is selected in one round trip, in document order", async () => {
    const { double, host } = await hostFor("sv-blank");
    const { template, report } = await host.read();
    const items = reviewItems(buildReview(template!, report!)).filter(
      (i) => i.target?.kind === "instruction",
    );
    expect(items.length).toBe(template!.instructions.length);
    const at: number[] = [];
    for (const item of items) {
      const { syncs: n } = await syncs(double, () => host.selectTarget(item.target!));
      expect(n).toBe(1);
      expect(item.warning?.message).toContain(cursorText(double).trim());
      expect(template!.instructions).toContain(cursorText(double).trim());
      at.push(double.selection.paragraphIndexes[0]);
    }
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(new Set(at).size).toBe(at.length);
  });

  test("after an edit above it, the instruction is still found (read again, retried once)", async () => {
    const { double, host } = await hostFor("sv-blank");
    await host.read();
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertParagraph("En ny första rad", "Before");
      await context.sync();
    });
    const { syncs: n } = await syncs(double, () => host.selectTarget({ kind: "instruction", ordinal: 1 }));
    expect(n).toBeLessThanOrEqual(3);
    expect(cursorText(double)).toBe("Klistra in här.");
  });

  test("a field target selects the field, as select does", async () => {
    const { double, host } = await hostFor("sv-partial");
    await host.read();
    const field = { id: "bakgrund", block: null };
    const { syncs: n } = await syncs(double, () => host.selectTarget({ kind: "field", field }));
    expect(n).toBe(1);
    expect(cursorText(double)).toContain("Solbackaskolan");
  });

  test("an instruction that is gone is refused with a Swedish message", async () => {
    const { host } = await hostFor("sv-complete");
    await host.read();
    await expect(host.selectTarget({ kind: "instruction", ordinal: 0 })).rejects.toThrow(
      "Instruktionen finns inte längre i dokumentet. Uppdatera Planstöd.",
    );
  });
});

describe("review comments", () => {
  /** The paragraph navigation goes to for a review item: comments are anchored there too. */
  async function navigationParagraph(double: WordDouble, host: WordHost, item: ReviewItem): Promise<number> {
    if (!item.target) return 0;
    await host.selectTarget(item.target);
    return double.selection.paragraphIndexes[0];
  }

  async function review(host: WordHost) {
    const { template, report } = await host.read();
    return { template: template!, items: reviewItems(buildReview(template!, report!)) };
  }

  const texts = (double: WordDouble) => double.comments().map((c) => c.text);

  test.each(["sv-partial", "iko-partial", "sv-tracked"])(
    "%s: one comment per review item, at the paragraph navigation goes to, in 3 round trips",
    async (name) => {
      const { double, host } = await hostFor(name);
      const before = await checkDocx(await double.toDocx());
      const { template, items } = await review(host);
      expect(items.length).toBeGreaterThan(0);
      const { value, syncs: n } = await syncs(double, () => host.insertReviewComments());
      expect(n).toBe(3);
      expect(value).toEqual({ inserted: items.length, removed: 0 });
      const comments = double.comments();
      expect(comments.map((c) => c.text).sort()).toEqual(items.map((i) => commentText(template, i)).sort());
      expect(new Set(comments.map((c) => c.author))).toEqual(new Set([WORD_USER.name]));
      for (const item of items) {
        const comment = comments.find((c) => c.text === commentText(template, item))!;
        expect(comment.paragraphIndex).toBe(await navigationParagraph(double, host, item));
      }
      // No user text changed: the report of a full read and of the CLI are as before.
      expect(await checkDocx(await double.toDocx())).toEqual(before);
      expect((await host.read()).report).toEqual(before);
    },
  );

  test("the package has the comments the way Word writes them", async () => {
    const { double, host } = await hostFor("sv-partial");
    await host.insertReviewComments();
    const zip = await JSZip.loadAsync(await double.toDocx());
    const xml = await zip.file("word/comments.xml")!.async("string");
    const doc = await zip.file("word/document.xml")!.async("string");
    const n = double.comments().length;
    expect(xml.match(/<w:comment /g)?.length).toBe(n);
    for (const tag of ["commentRangeStart", "commentRangeEnd", "commentReference"])
      expect(doc.match(new RegExp(`<w:${tag} `, "g"))?.length).toBe(n);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("/word/comments.xml");
    expect(await zip.file("word/_rels/document.xml.rels")!.async("string")).toContain(
      "relationships/comments",
    );
    // getOoxml carries the comments part, as Word's flat OPC does.
    const ooxml = await double.Word.run(async (context) => {
      const result = context.document.body.getOoxml();
      await context.sync();
      return result.value;
    });
    expect(ooxml).toContain('pkg:name="/word/comments.xml"');
    for (const c of double.comments()) expect(ooxml).toContain(c.text);
  });

  test("inserting again replaces Planstöd's comments: no duplicates", async () => {
    const { double, host } = await hostFor("sv-partial");
    const first = await host.insertReviewComments();
    const once = texts(double);
    const { value, syncs: n } = await syncs(double, () => host.insertReviewComments());
    expect(n).toBe(3);
    expect(value).toEqual({ inserted: first.inserted, removed: first.inserted });
    expect(texts(double).sort()).toEqual([...once].sort());
  });

  test("a field filled since: its comment is gone after inserting again", async () => {
    const { double, host } = await hostFor("sv-partial");
    const { template, items } = await review(host);
    await host.insertReviewComments();
    const item = items.find((i) => i.missing?.id === "orsaker" && i.missing.block?.index === 1)!;
    await host.selectTarget(item.target!);
    await double.Word.run(async (context) => {
      context.document.getSelection().parentContentControl.insertText("Låga förväntningar", "Replace");
      await context.sync();
    });
    await host.insertReviewComments();
    expect(texts(double)).not.toContain(commentText(template, item));
    expect(texts(double).length).toBe(items.length - 1);
  });

  test("a person's comment and a person's reply are never touched", async () => {
    const { double, host } = await hostFor("sv-partial");
    const { template, items } = await review(host);
    await host.insertReviewComments();
    const person = double.addPersonComment(2, "Fint arbete med rubriken.");
    const replied = double.comments().find((c) => c.text.startsWith(COMMENT_PREFIX))!;
    double.addPersonReply(replied.id, "Vi fyller i det på mötet i maj.");
    const fullReport = await checkDocx(await double.toDocx());

    // Inserting again: the replied thread stays (no second comment with its text), the
    // person's comment stays, everything else of Planstöd's is replaced.
    await host.insertReviewComments();
    const again = double.comments();
    expect(again.filter((c) => c.text === replied.text)).toHaveLength(1);
    expect(again.find((c) => c.id === replied.id)?.replies).toEqual([
      expect.objectContaining({ author: PERSON.name, text: "Vi fyller i det på mötet i maj." }),
    ]);
    expect(again.find((c) => c.id === person)).toMatchObject({
      author: PERSON.name,
      text: "Fint arbete med rubriken.",
    });
    expect(again).toHaveLength(items.length + 1);

    // Removing: only Planstöd's comments without a person's reply go.
    const { value, syncs: n } = await syncs(double, () => host.removeReviewComments());
    expect(n).toBe(3);
    expect(value).toBe(items.length - 1);
    const left = double.comments();
    expect(left.map((c) => c.id).sort()).toEqual([person, replied.id].sort());
    expect(left.find((c) => c.id === replied.id)?.replies).toHaveLength(1);
    expect(await checkDocx(await double.toDocx())).toEqual(fullReport);
    expect(commentText(template, items[0])).toMatch(/^\[Planstöd\] /);
  });

  test("a replied thread whose field is filled now is marked resolved, not removed", async () => {
    const { double, host } = await hostFor("sv-partial");
    const { template, items } = await review(host);
    await host.insertReviewComments();
    const item = items.find((i) => i.missing?.id === "deltagare")!;
    const thread = double.comments().find((c) => c.text === commentText(template, item))!;
    double.addPersonReply(thread.id, "Jag skriver vilka som deltar.");
    // The writer answers in a paragraph of its own below the commented one (typing over the
    // placeholder would replace the commented paragraph, and Word drops the comment with it).
    const at = thread.paragraphIndex;
    await double.Word.run(async (context) => {
      let p = context.document.body.paragraphs.getFirst();
      for (let i = 0; i <= at; i++) p = p.getNext();
      p.insertParagraph("Alla lärare i årskurs 7–9", "Before");
      await context.sync();
    });
    const filled = await host.refresh();
    expect(filled?.report?.missing.some((m) => m.id === "deltagare")).toBe(false);
    const { value } = await syncs(double, () => host.insertReviewComments());
    expect(value.inserted).toBe(items.length - 1);
    expect(double.comments().find((c) => c.id === thread.id)).toMatchObject({
      resolved: true,
      replies: [expect.objectContaining({ author: PERSON.name })],
    });
    expect(double.comments().filter((c) => c.text === thread.text)).toHaveLength(1);
  });

  test("with comments in the document, navigation, the cursor and refresh still agree with Word's text", async () => {
    const { double, host } = await hostFor("sv-partial");
    await host.insertReviewComments();
    await host.read();
    const field = { id: "orsaker", block: { type: "utvecklingsomrade", index: 2 } };
    expect((await syncs(double, () => host.select(field))).syncs).toBe(1);
    expect(await syncs(double, () => host.fieldAtCursor())).toEqual({ value: field, syncs: 1 });
    expect(await syncs(double, () => host.refresh())).toEqual({ value: null, syncs: 1 });
  });

  test("the comment count does not change the round trips (60 blocks)", async () => {
    let bytes: Uint8Array = bytesOf("sv-blank");
    for (let i = 3; i < 60; i++)
      bytes = (await editDocx(bytes, { op: "add", type: "utvecklingsomrade" })).bytes;
    const double = await createWordDouble(bytes, { requirementSets: SETS });
    const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
    const insert = await syncs(double, () => host.insertReviewComments());
    expect(insert.syncs).toBe(3);
    expect(insert.value.inserted).toBeGreaterThan(60);
    expect((await syncs(double, () => host.insertReviewComments())).syncs).toBe(3);
    expect((await syncs(double, () => host.removeReviewComments())).syncs).toBe(3);
    expect(double.comments()).toHaveLength(0);
  }, 240000);

  test("a WordApi 1.3 client is told what to do instead; nothing changes", async () => {
    const double = await createWordDouble(bytesOf("sv-partial"), { requirementSets: { WordApi: "1.3" } });
    const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
    expect(host.capabilities.comments).toBe(false);
    expect(MISSING_TEXT.comments).toContain("planstod check FIL --comments -o UT.docx");
    await expect(host.insertReviewComments()).rejects.toThrow(MISSING_TEXT.comments);
    await expect(host.removeReviewComments()).rejects.toThrow(MISSING_TEXT.comments);
    expect(double.comments()).toHaveLength(0);
  });
});

test("a complete document without Planstöd comments: nothing to insert, one round trip", async () => {
  const { double, host } = await hostFor("sv-complete");
  expect(await syncs(double, () => host.insertReviewComments())).toEqual({
    value: { inserted: 0, removed: 0 },
    syncs: 1,
  });
  expect(await syncs(double, () => host.removeReviewComments())).toEqual({ value: 0, syncs: 1 });
  expect(double.comments()).toHaveLength(0);
});
