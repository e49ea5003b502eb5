/**
 * retextParagraph (src/ooxml/read/retext.ts): a paragraph of the model as it is after Word's text
 * changed, or null when the text alone cannot tell. Checked against the model the engine builds
 * from the OOXML Word would then hold.
 */
import { retextParagraph } from "../../../src/ooxml/read/retext";
import { buildModel, type Paragraph } from "../../../src/ooxml/read/paragraph-model";
import { parseXml, firstW } from "../../../src/ooxml/xml/dom";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const PH = "Klicka eller tryck här för att ange text.";

function paragraph(inner: string): Paragraph {
  const doc = parseXml(`<w:document xmlns:w="${W}"><w:body>${inner}</w:body></w:document>`, "test");
  return buildModel([{ root: firstW(doc.documentElement!, "body")!, part: "body" }]).paragraphs[0];
}

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const control = (content: string, placeholder: boolean) =>
  `<w:sdt><w:sdtPr>${placeholder ? "<w:showingPlcHdr/>" : ""}</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
const shape = (p: Paragraph | null) =>
  p && {
    text: p.text,
    liveText: p.liveText,
    segments: p.segments.map((s) => [s.text, s.placeholder, s.sdt !== null]),
  };

describe("retextParagraph", () => {
  test("typing over a run-level placeholder after a prompt replaces the placeholder whole", () => {
    const before = paragraph(`<w:p>${run("Namn på insats: ")}${control(run(PH), true)}</w:p>`);
    const typed = "Namn på insats: Läsa mer.";
    const after = paragraph(`<w:p>${run("Namn på insats: ")}${control(run("Läsa mer."), false)}</w:p>`);
    expect(shape(retextParagraph(before, before.text, typed, [PH]))).toEqual(shape(after));
  });

  test("typing at the end of a filled control keeps it in the control", () => {
    const before = paragraph(`<w:p>${control(run("Vi läser"), false)}</w:p>`);
    const after = paragraph(`<w:p>${control(run("Vi läser mer"), false)}</w:p>`);
    expect(shape(retextParagraph(before, "Vi läser", "Vi läser mer", [PH]))).toEqual(shape(after));
  });

  test("a line break is \\v in Word's text and \\n in the model", () => {
    const before = paragraph(`<w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>`);
    expect(retextParagraph(before, "a\vb", "a\vbc", [])?.liveText).toBe("a\nbc");
  });

  test.each([
    [
      "Word's text differed from the model's (a text box, tracked text shown)",
      "<w:p>" + run("abc") + "</w:p>",
      "abcX",
      "abcY",
    ],
    [
      "an insertion at the seam between a prompt and a filled control",
      `<w:p>${run("Mål:")}${control(run("läsa"), false)}</w:p>`,
      "Mål:läsa",
      "Mål:Xläsa",
    ],
    [
      "an edit across two controls",
      `<w:p>${control(run("ab"), false)}${control(run("cd"), false)}</w:p>`,
      "abcd",
      "aXd",
    ],
    [
      "a replacement in a filled control (it may have been emptied and show its placeholder)",
      `<w:p>${control(run("gammalt"), false)}</w:p>`,
      "gammalt",
      "nytt",
    ],
    ["a deletion that empties a control", `<w:p>${control(run("abc"), false)}</w:p>`, "abc", ""],
    ["new text holding a known placeholder", `<w:p>${run("Svar: ")}</w:p>`, "Svar: ", `Svar: ${PH}`],
  ])("refused: %s", (_why, xml, before, after) => {
    expect(retextParagraph(paragraph(xml), before, after, [PH])).toBeNull();
  });
});

test("a deletion that leaves text in the control is applied", () => {
  const before = paragraph(`<w:p>${control(run("Vi läser mer"), false)}</w:p>`);
  expect(retextParagraph(before, "Vi läser mer", "Vi läser", [PH])?.liveText).toBe("Vi läser");
});
