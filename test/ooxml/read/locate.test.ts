/**
 * Where things are (src/ooxml/read/locate.ts): a dropdown's choices are read from the document
 * (its w:listItem entries), so the pane lists what the document offers, not the template's list.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { buildOutline } from "../../../src/core/outline";
import { fieldKeyString } from "../../../src/core/keys";
import { readDocument } from "../../../src/ooxml/docx";
import { documentChoices } from "../../../src/ooxml/read/locate";
import { analyse } from "../../../src/ooxml/read/recognise";
import { FIXTURES } from "../../support/paths";

const AREA = { id: "omrade", block: { type: "utvecklingsomrade", index: 1 } };

async function choicesOf(bytes: Uint8Array) {
  const read = await readDocument(bytes);
  const analysis = analyse(read);
  return { analysis, choices: documentChoices(analysis.extracted, read.model) };
}

test("a dropdown's choices are the document's list items, in order", async () => {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, "sv-blank.docx")));
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  const held = [...xml.matchAll(/<w:listItem w:displayText="([^"]*)"/g)].map((m) => m[1]);
  expect(held.length).toBeGreaterThan(1);
  const { choices } = await choicesOf(bytes);
  const areas = Object.entries(choices).filter(([k]) => k.endsWith("/omrade"));
  expect(areas.length).toBeGreaterThan(0);
  for (const [, list] of areas) expect(held.slice(0, list.length)).toEqual(list);
});

test("a list the huvudman edited in Word is what the outline offers", async () => {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, "sv-blank.docx")));
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const edited = xml.replace(
    /<w:listItem w:displayText="Styrning och ledning" w:value="Styrning och ledning"\/>/,
    '<w:listItem w:displayText="Läsförståelse i alla ämnen" w:value="Läsförståelse"/>',
  );
  expect(edited).not.toBe(xml);
  zip.file("word/document.xml", edited);
  const changed = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
  const { analysis, choices } = await choicesOf(changed);
  const list = choices[fieldKeyString(AREA)];
  expect(list?.[0]).toBe("Läsförståelse i alla ämnen");
  expect(list).not.toContain("Styrning och ledning");
  const outline = buildOutline(analysis.template, analysis.report, choices);
  const field = outline.flatMap((e) => e.fields).find((f) => f.id === "omrade" && f.block?.index === 1);
  expect(field?.choices?.[0]).toBe("Läsförståelse i alla ämnen");
  // Without the document's lists the template's own is shown.
  const plain = buildOutline(analysis.template, analysis.report);
  const fallback = plain.flatMap((e) => e.fields).find((f) => f.id === "omrade" && f.block?.index === 1);
  expect(fallback?.choices?.[0]).toBe("Styrning och ledning");
});
