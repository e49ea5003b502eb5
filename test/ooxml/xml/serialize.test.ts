/**
 * The plain serializer of the Node host (src/ooxml/xml/serialize.ts): byte for byte what
 * @xmldom/xmldom's XMLSerializer writes for every part of every fixture, and null (so the host
 * falls back to XMLSerializer and its namespace fix-ups) wherever it cannot be sure.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { XMLSerializer } from "@xmldom/xmldom";
import JSZip from "jszip";
import { writeXml } from "../../../src/ooxml/xml/serialize";
import { xmldom } from "../../../src/ooxml/xml/xmldom-host";
import { FIXTURES } from "../../support/paths";

const parse = (xml: string) => {
  const doc = xmldom.parse(xml);
  if (!doc) throw new Error("not parsed");
  return doc;
};

test("every XML part of every fixture is written exactly as XMLSerializer writes it", async () => {
  let parts = 0;
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith(".docx"))) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(readFileSync(path.join(FIXTURES, file)));
    } catch {
      continue; // not a zip (bad/ fixtures are in their own folder; this is belt and braces)
    }
    for (const entry of Object.values(zip.files)) {
      if (!/\.(xml|rels)$/.test(entry.name)) continue;
      const text = (await entry.async("string")).replace(/\r\n?/g, "\n");
      let doc;
      try {
        doc = parse(text);
      } catch {
        continue;
      }
      expect(writeXml(doc)).toBe(new XMLSerializer().serializeToString(doc));
      parts++;
    }
  }
  expect(parts).toBeGreaterThan(300);
});

test("escapes what must be escaped, in text and in attribute values", () => {
  const doc = parse('<a xmlns="urn:a" v="x"><b/></a>');
  const a = doc.documentElement!;
  a.setAttribute("v", 'q"<&\t\n\r>');
  a.appendChild(doc.createTextNode("1 < 2 & 3 > 2 ]]>"));
  const written = writeXml(doc);
  expect(written).toBe(new XMLSerializer().serializeToString(doc));
  expect(parse(written!).documentElement!.getAttribute("v")).toBe('q"<&\t\n\r>');
});

test.each([
  [
    "an element in a namespace nobody declared",
    (doc: Document) => doc.documentElement!.appendChild(doc.createElementNS("urn:new", "n:x")),
  ],
  [
    "an attribute in a namespace nobody declared",
    (doc: Document) => doc.documentElement!.setAttributeNS("urn:new", "n:y", "1"),
  ],
  [
    "a prefix bound to another namespace",
    (doc: Document) => doc.documentElement!.appendChild(doc.createElementNS("urn:other", "w:x")),
  ],
  [
    "an unprefixed element outside the default namespace",
    (doc: Document) => doc.documentElement!.appendChild(doc.createElementNS(null, "plain")),
  ],
  ["a comment holding --", (doc: Document) => doc.documentElement!.appendChild(doc.createComment("a -- b"))],
  [
    "a CDATA section holding ]]>",
    (doc: Document) => {
      // xmldom refuses to create one; an edit could still change its data.
      const section = doc.documentElement!.appendChild(doc.createCDATASection("a"));
      section.data = "a]]>b";
    },
  ],
])("%s: null, and the host's serializer (with fix-ups) is used instead", (_what, change) => {
  const doc = parse('<w:document xmlns:w="urn:w" xmlns="urn:d"><w:body/></w:document>');
  expect(writeXml(doc)).not.toBeNull();
  change(doc as unknown as Document);
  expect(writeXml(doc)).toBeNull();
  expect(xmldom.serialize(doc)).toBe(new XMLSerializer().serializeToString(doc));
});
