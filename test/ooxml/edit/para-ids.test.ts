/**
 * A copied block or row gets fresh w14:paraId/w14:textId values: MS-DOCX requires a paraId to be
 * unique within its part and below 0x80000000, and Word reports a document that repeats one.
 */
import JSZip from "jszip";
import { editDocx } from "../../../src/ooxml/docx";
import { bytesOf } from "../../support/fixtures";

async function ids(bytes: Uint8Array, attr: "paraId" | "textId"): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(new RegExp(`w14:${attr}="([0-9A-Fa-f]+)"`, "g"))].map((m) => m[1].toUpperCase());
}

const repeated = (list: string[]) => list.filter((id, i) => list.indexOf(id) !== i);

describe.each([
  ["iko-complete", "tidplan"],
  ["iko-complete", "upprattad_av"],
  ["iko-blank", "tidplan"],
  ["sv-complete", "utvecklingsomrade"],
  ["sv-partial", "uppfoljning"],
])("%s: add %s", (fixture, block) => {
  test("no paraId is repeated, every id is below 0x80000000, and the copy keeps having them", async () => {
    const before = await ids(bytesOf(fixture), "paraId");
    const { bytes } = await editDocx(bytesOf(fixture), { op: "add", type: block });
    const after = await ids(bytes, "paraId");
    expect(repeated(after)).toEqual([]);
    // Word writes one textId (77777777) on many paragraphs: they need not differ, only be in range.
    for (const id of [...after, ...(await ids(bytes, "textId"))])
      expect(parseInt(id, 16)).toBeLessThan(0x80000000);
    // Every element copied with an id has a new one (none dropped): the source had ids.
    if (before.length > 0) expect(after.length).toBeGreaterThan(before.length);
  });
});
