/**
 * The review in Word (issue 7): going to what a review item points at, and the review as Word
 * comments (insert, insert again, remove) on the double, with round trips counted.
 */
import JSZip from "jszip";
import {
  buildReview,
  commentText,
  COMMENT_PREFIX,
  reviewItems,
  type ReviewItem,
} from "../../src/core/review";
import { checkDocx, editDocx } from "../../src/ooxml/docx";
import { reviewComments } from "../../src/ooxml/comments";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { errorMessage } from "../../src/taskpane/errors";
import { createWordDouble, PERSON, WORD_USER, type WordDouble } from "../../word-double";
import { SETS, bytesOf, hostFor, syncs } from "../support/word-host";

/** Types into the field at the cursor: over its content control, else at its paragraph's end. */
async function typeInControl(double: WordDouble, text: string): Promise<void> {
  await double.Word.run(async (context) => {
    const selection = context.document.getSelection();
    const around = selection.parentContentControlOrNullObject;
    const paragraph = selection.paragraphs.getFirst();
    await context.sync();
    if (!around.isNullObject) around.insertText(text, "Replace");
    else paragraph.insertText(text, "End");
    await context.sync();
  });
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

  test("an instruction that is gone is refused with a problem the pane words in Swedish", async () => {
    const { host } = await hostFor("sv-complete");
    await host.read();
    const error = await host.selectTarget({ kind: "instruction", ordinal: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "instruction-gone" });
    expect(errorMessage(error)).toBe("Instruktionen finns inte längre i dokumentet. Uppdatera Planstöd.");
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

  /** Each comment as (text, text of the paragraph it is anchored on), sorted. */
  const placed = (double: WordDouble) => {
    const texts = double.paragraphTexts().map((t) => t.split(String.fromCharCode(5)).join(""));
    return double
      .comments()
      .map((c) => ({
        text: c.text,
        author: c.author,
        at: c.paragraphIndex,
        paragraph: texts[c.paragraphIndex],
        replies: c.replies.length,
      }))
      .sort((a, b) => a.at - b.at || a.text.localeCompare(b.text));
  };

  test.each(["sv-partial", "iko-partial", "sv-tracked", "sv-commented"])(
    "%s: the same comments at the same paragraphs as `planstod check --comments`, in 3 round trips",
    async (name) => {
      const { double, host } = await hostFor(name);
      const before = await checkDocx(await double.toDocx());
      const { template, items } = await review(host);
      const { value, syncs: n } = await syncs(double, () => host.insertReviewComments());
      expect(n).toBe(3);
      // The command line on the same file, read back through the double.
      const cli = await reviewComments(bytesOf(name), { now: new Date("2026-01-15T10:00:00Z") });
      const cliDouble = await createWordDouble(cli.bytes, { requirementSets: SETS });
      expect(value).toEqual({ inserted: cli.inserted.length, removed: cli.removed });
      const strip = (list: ReturnType<typeof placed>) => list.map(({ author: _a, ...rest }) => rest);
      expect(strip(placed(double))).toEqual(strip(placed(cliDouble)));
      // Every item of the review has its comment (new or kept), by Word's user.
      const texts = double.comments().map((c) => c.text);
      for (const item of items) expect(texts).toContain(commentText(template, item));
      expect(
        double
          .comments()
          .filter((c) => cli.inserted.some((i) => i.text === c.text))
          .every((c) => c.author === WORD_USER.name),
      ).toBe(true);
      // No user text changed: the report of a full read and of the CLI are as before.
      expect(await checkDocx(await double.toDocx())).toEqual(before);
      expect((await host.read()).report).toEqual(before);
    },
  );

  test("a field's comment is on its answer, or on its label when the answer is inside a content control", async () => {
    const { double, host } = await hostFor("sv-partial");
    const { template, items } = await review(host);
    await host.insertReviewComments();
    const texts = double.paragraphTexts();
    for (const item of items.filter((i) => i.missing && !i.missing.block)) {
      const comment = double.comments().find((c) => c.text === commentText(template, item))!;
      const at = texts[comment.paragraphIndex].split(String.fromCharCode(5)).join("");
      const nav = await navigationParagraph(double, host, item);
      expect([item.missing!.label, texts[nav]]).toContain(at);
    }
  });

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

  test("an answered thread whose field is filled now is kept as it is", async () => {
    const { double, host } = await hostFor("sv-partial");
    const { template, items } = await review(host);
    await host.insertReviewComments();
    const item = items.find((i) => i.missing?.id === "deltagare")!;
    const thread = double.comments().find((c) => c.text === commentText(template, item))!;
    double.addPersonReply(thread.id, "Jag skriver vilka som deltar.");
    await host.selectTarget(item.target!);
    await typeInControl(double, "Alla lärare i årskurs 7–9");
    const filled = await host.refresh();
    expect(filled?.report?.missing.some((m) => m.id === "deltagare")).toBe(false);
    const { value } = await syncs(double, () => host.insertReviewComments());
    expect(value.inserted).toBe(items.length - 1);
    expect(double.comments().find((c) => c.id === thread.id)).toMatchObject({
      resolved: false,
      replies: [expect.objectContaining({ author: PERSON.name })],
    });
    expect(double.comments().filter((c) => c.text === thread.text)).toHaveLength(1);
  });

  test("a Planstöd comment a person marked done is kept, and its item is not commented again", async () => {
    const { double, host } = await hostFor("sv-partial");
    await host.insertReviewComments();
    const done = double.comments()[0];
    await double.Word.run(async (context) => {
      const first = context.document.body.getComments().getFirst();
      first.resolved = true;
      await context.sync();
    });
    const count = double.comments().length;
    await host.insertReviewComments();
    expect(double.comments().filter((c) => c.text === done.text)).toEqual([
      expect.objectContaining({ id: done.id, resolved: true }),
    ]);
    expect(double.comments()).toHaveLength(count);
    expect(await host.removeReviewComments()).toBe(count - 1);
    expect(double.comments()).toEqual([expect.objectContaining({ id: done.id })]);
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
    const error = await host.insertReviewComments().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "no-comments-api" });
    expect(errorMessage(error)).toContain("planstod check FIL --comments -o UT.docx");
    await expect(host.removeReviewComments()).rejects.toMatchObject({ code: "no-comments-api" });
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

test("tracked deletions shown in Word's text (markup view) do not stop the comments", async () => {
  const double = await createWordDouble(bytesOf("sv-tracked"), {
    requirementSets: SETS,
    deletedText: "include",
  });
  const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
  const { value, syncs: n } = await syncs(double, () => host.insertReviewComments());
  expect(n).toBe(3);
  const cli = await reviewComments(bytesOf("sv-tracked"), { now: new Date("2026-01-15T10:00:00Z") });
  expect(value.inserted).toBe(cli.inserted.length);
});
