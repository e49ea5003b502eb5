/**
 * The Word double's paragraph order: nextParagraph (getNext/getPrevious) walks document order
 * from a paragraph instead of listing the whole story at every step; it must give exactly the
 * neighbours in paragraphsIn(story), on every generated fixture (text boxes, tables, controls,
 * headers) and on a 30-block plan.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { editDocx } from "../../src/ooxml/docx";
import { DocModel } from "../../word-double/model";
import { DocxParts } from "../../word-double/package";
import { FIXTURES } from "../support/paths";

async function plans(): Promise<[string, Uint8Array][]> {
  const out: [string, Uint8Array][] = readdirSync(FIXTURES)
    .filter((n) => /^(sv|iko)-.*\.docx$/.test(n))
    .map((n) => [n, new Uint8Array(readFileSync(join(FIXTURES, n)))]);
  let big: Uint8Array = new Uint8Array(readFileSync(join(FIXTURES, "sv-partial.docx")));
  for (let i = 0; i < 27; i++) big = (await editDocx(big, { op: "add", type: "utvecklingsomrade" })).bytes;
  out.push(["sv-partial + 27 blocks", big]);
  return out;
}

test("nextParagraph gives the neighbours in paragraphsIn(story), both ways, in every story", async () => {
  let checked = 0;
  for (const [name, bytes] of await plans()) {
    const model = new DocModel(await DocxParts.open(bytes), {
      deletedText: "omit",
      firstContentControlId: 1,
    });
    for (const story of model.storyRoots()) {
      const all = model.paragraphsIn(story);
      all.forEach((p, i) => {
        const want = [all[i + 1] ?? null, all[i - 1] ?? null];
        const got = [model.nextParagraph(p, 1), model.nextParagraph(p, -1)];
        if (got[0] !== want[0] || got[1] !== want[1]) throw new Error(`${name}: paragraph ${i} of a story`);
        checked++;
      });
    }
  }
  expect(checked).toBeGreaterThan(1000);
});
