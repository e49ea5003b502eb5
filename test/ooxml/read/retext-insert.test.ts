/**
 * Empty paragraphs added to the model (retextRead's inserts, src/ooxml/read/retext.ts): the
 * model patched from "an empty paragraph after this one" must be the model the engine builds
 * from the OOXML with that paragraph really there, and the report the same.
 */
import { readDocument } from "../../../src/ooxml/docx";
import type { Paragraph } from "../../../src/ooxml/read/paragraph-model";
import { analyse, modelOf, type ReadDocument } from "../../../src/ooxml/read/recognise";
import { retextRead } from "../../../src/ooxml/read/retext";
import { W } from "../../../src/ooxml/xml/dom";
import { bytesOf } from "../../support/fixtures";
import { paragraphShape } from "../../support/word-host";

/** The read with an empty w:p really inserted after body paragraph `index` (a copy of the DOM). */
async function truthAfter(name: string, index: number): Promise<ReadDocument> {
  const read = await readDocument(bytesOf(name));
  const p = read.model.paragraphs[index];
  p.el.parentNode?.insertBefore(read.doc.createElementNS(W, "w:p"), p.el.nextSibling);
  return { ...read, model: modelOf(read.body, read.headers) };
}

/** Body paragraph index of the first paragraph of `read` meeting `test`. */
const find = (read: ReadDocument, test: (p: Paragraph, i: number) => boolean) =>
  read.model.paragraphs.findIndex((p, i) => p.part === "body" && test(p, i));

describe("retextRead with inserts", () => {
  test.each([
    [
      "in a block-level control of the body",
      "sv-partial",
      (p: Paragraph) => p.containers.length > 0 && p.cells.length === 0,
    ],
    [
      "in a cell-level control of a table",
      "sv-partial",
      (p: Paragraph) => p.containers.some((c) => c.level === "cell"),
    ],
    [
      "outside any control and table",
      "sv-partial",
      (p: Paragraph) => p.containers.length === 0 && p.cells.length === 0 && p.text !== "",
    ],
    ["in a Danish plan's table", "dk-partial", (p: Paragraph) => p.cells.length > 0],
    ["in an answer cell of IKO's plan", "iko-partial", (p: Paragraph) => p.cells.length > 0 && p.text !== ""],
  ])("an empty paragraph %s: the model and report the OOXML would give", async (_name, fixture, where) => {
    const read = await readDocument(bytesOf(fixture));
    const analysis = analyse(read);
    const index = find(read, where);
    expect(index).toBeGreaterThanOrEqual(0);
    const patched = retextRead(read, analysis, [], [{ at: index + 1, like: index }]);
    expect(patched).not.toBeNull();
    const truth = await truthAfter(fixture, index);
    expect(patched!.read.model.paragraphs.map(paragraphShape)).toEqual(
      truth.model.paragraphs.map(paragraphShape),
    );
    expect(patched!.analysis?.report).toEqual(analyse(truth).report);
  });

  test("two paragraphs at one place keep their order, and a text change applies first (by the old indexes)", async () => {
    const read = await readDocument(bytesOf("sv-blank"));
    const analysis = analyse(read);
    const index = find(
      read,
      (p) => p.containers.length > 0 && p.cells.length === 0 && p.segments.some((s) => s.placeholder),
    );
    const before = read.model.paragraphs[index].text;
    const patched = retextRead(
      read,
      analysis,
      [{ index, before, after: "Alla lärare." }],
      [
        { at: index + 1, like: index },
        { at: index + 1, like: index },
      ],
    );
    expect(patched).not.toBeNull();
    const ps = patched!.read.model.paragraphs;
    expect(ps.length).toBe(read.model.paragraphs.length + 2);
    expect(ps.map((p) => p.index)).toEqual(ps.map((_, i) => i));
    expect([ps[index].text, ps[index + 1].text, ps[index + 2].text]).toEqual(["Alla lärare.", "", ""]);
    expect(ps[index + 3].text).toBe(read.model.paragraphs[index + 1].text);
    // The headers' paragraphs move down with the body's.
    expect(ps.filter((p) => p.part === "header").map((p) => p.text)).toEqual(
      read.model.paragraphs.filter((p) => p.part === "header").map((p) => p.text),
    );
  });

  test("an insert that is not among the body's paragraphs, or like no body paragraph, is refused", async () => {
    const read = await readDocument(bytesOf("sv-partial"));
    const analysis = analyse(read);
    const body = read.model.paragraphs.filter((p) => p.part === "body").length;
    const header = read.model.paragraphs.findIndex((p) => p.part === "header");
    expect(header).toBeGreaterThanOrEqual(0);
    expect(retextRead(read, analysis, [], [{ at: body + 1, like: 0 }])).toBeNull();
    expect(retextRead(read, analysis, [], [{ at: -1, like: 0 }])).toBeNull();
    expect(retextRead(read, analysis, [], [{ at: 1, like: header }])).toBeNull();
    // At the end of the body is a place.
    expect(retextRead(read, analysis, [], [{ at: body, like: body - 1 }])).not.toBeNull();
  });
});
