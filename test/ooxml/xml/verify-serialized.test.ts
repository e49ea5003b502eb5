/**
 * The structural read-back of an edit (src/ooxml/xml/verify-serialized.ts) and what rides on it: the text the
 * serializer wrote must read, by Planstöd's own reader, as the very tree the edit was verified on.
 * Every fixture's main part passes; every kind of damage a serializer could do is caught; an edit
 * whose serializer loses something is refused with nothing written. Also: JSZip deflates with
 * Node's zlib in the command line (src/cli/native-deflate.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { crc32, inflateRawSync, deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import "../../../src/cli/native-deflate";
import { editDocx } from "../../../src/ooxml/docx";
import { writesSameTree } from "../../../src/ooxml/xml/verify-serialized";
import { textNodes } from "../../../src/ooxml/xml/verify-text";
import { serializeXml, setXmlDom, type XmlDom } from "../../../src/ooxml/xml/dom";
import { xmldom } from "../../../src/ooxml/xml/xmldom-host";
import { FIXTURES } from "../../support/paths";

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".docx"))
  .sort();

async function mainPart(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path.join(FIXTURES, file)));
  const rels = (await zip.file("_rels/.rels")?.async("string")) ?? "";
  const target = /Target="\/?([^"]*document[^"]*\.xml)"/.exec(rels)?.[1] ?? "word/document.xml";
  return (await zip.file(target)!.async("string")).replace(/\r\n?/g, "\n");
}

const parse = (xml: string) => {
  const doc = xmldom.parse(xml);
  if (!doc) throw new Error("not parsed");
  return doc;
};

describe("writesSameTree", () => {
  test("there are fixtures", () => expect(fixtures.length).toBeGreaterThan(30));

  test.each(fixtures.map((f) => [f]))(
    "%s: the part as read and as serialised both read as its tree, and list textNodes()'s texts",
    async (file) => {
      let text: string;
      try {
        text = await mainPart(file);
        parse(text);
      } catch {
        return; // a fixture that is not a package or not well-formed (bad/ ones): nothing to compare
      }
      const doc = parse(text);
      const texts: string[] = [];
      expect(writesSameTree(text, doc, texts)).toBe(true);
      expect(texts).toEqual(textNodes(text));
      expect(writesSameTree(serializeXml(doc), doc)).toBe(true);
    },
  );

  const base =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:document xmlns:w="urn:w" xmlns:x="urn:x" x:keep="1"><w:body>' +
    '<w:p w:rsid="00A1"><w:r><w:t xml:space="preserve"> a &amp; b </w:t></w:r><!-- note --></w:p>' +
    "<w:p><w:r><w:t>c&#x1F600;d</w:t><w:tab/></w:r></w:p><?pi data?>" +
    "</w:body></w:document>";

  test("the same tree written another way is the same tree", () => {
    const doc = parse(base);
    expect(writesSameTree(base, doc)).toBe(true);
    // Other quoting, a CDATA section for text, another prefix for the same namespace, an end tag
    // for an empty element, character references for plain characters, no XML declaration.
    const other = base
      .replace('w:rsid="00A1"', "w:rsid='00A1'")
      .replace(" a &amp; b ", "<![CDATA[ a & b ]]>")
      .replace("<w:tab/>", "<w:tab></w:tab>")
      .replace("c&#x1F600;d", "&#99;\u{1F600}d")
      .replace(/^<\?xml[^>]*\?>\n/, "");
    expect(writesSameTree(other, doc)).toBe(true);
  });

  const damage: [string, (s: string) => string][] = [
    ["a character of text changed", (s) => s.replace("a &amp; b", "a &amp; c")],
    ["white space in preserved text lost", (s) => s.replace(" a &amp; b ", "a &amp; b")],
    ["an attribute dropped", (s) => s.replace(' w:rsid="00A1"', "")],
    ["an attribute's value changed", (s) => s.replace("00A1", "00A2")],
    ["an attribute added", (s) => s.replace("<w:p>", '<w:p w:x="1">')],
    ["an attribute moved to another namespace", (s) => s.replace("x:keep", "w:keep")],
    ["xml:space dropped", (s) => s.replace(' xml:space="preserve"', "")],
    ["a literal line feed in a value (read as a space)", (s) => s.replace("00A1", "00\nA1")],
    ["an element renamed", (s) => s.replace("<w:tab/>", "<w:br/>")],
    ["an element's prefix changed", (s) => s.replace("<w:tab/>", "<x:tab/>")],
    ["an element dropped", (s) => s.replace("<w:tab/>", "")],
    ["an element added", (s) => s.replace("<w:tab/>", "<w:tab/><w:tab/>")],
    ["two paragraphs swapped", (s) => s.replace(/(<w:p w:rsid.*?<\/w:p>)(<w:p>.*?<\/w:p>)/, "$2$1")],
    ["a comment changed", (s) => s.replace("<!-- note -->", "<!-- other -->")],
    ["a comment dropped", (s) => s.replace("<!-- note -->", "")],
    ["a processing instruction changed", (s) => s.replace("<?pi data?>", "<?pi other?>")],
    ["an unknown entity", (s) => s.replace("&amp;", "&nbsp;")],
    ["a bare ampersand", (s) => s.replace("&amp;", "&")],
    ["an unbound prefix", (s) => s.replace("<w:tab/>", "<y:tab/>")],
    ["a mismatched end tag", (s) => s.replace("</w:r></w:p><?pi", "</w:p></w:r><?pi")],
    ["an unclosed element", (s) => s.replace("</w:document>", "")],
    ["a second root", (s) => `${s}<w:document xmlns:w="urn:w"/>`],
    ["text outside the root", (s) => `${s}tail`],
    ["a DTD", (s) => s.replace("<w:document", '<!DOCTYPE w:document [<!ENTITY e "x">]><w:document')],
    ["the namespace of the prefix changed", (s) => s.replace('xmlns:w="urn:w"', 'xmlns:w="urn:v"')],
    ["a character reference to a character XML does not allow", (s) => s.replace("&#x1F600;", "&#1;")],
    ["a repeated attribute", (s) => s.replace('w:rsid="00A1"', 'w:rsid="00A1" w:rsid="00A1"')],
    ["truncated", (s) => s.slice(0, s.length - 10)],
    ["a control character written as it is", (s) => s.replace("c&#x1F600;d", "c\u0001d")],
  ];

  test.each(damage)("caught: %s", (_what, change) => {
    const doc = parse(base);
    const damaged = change(base);
    expect(damaged).not.toBe(base);
    expect(writesSameTree(damaged, doc)).toMatch(/^at \d+: /);
  });

  test("a tree holding a character XML does not allow is refused, though its text matches", () => {
    const doc = parse(base);
    doc.getElementsByTagName("w:t")[0].appendChild(doc.createTextNode("\u0001"));
    expect(writesSameTree(serializeXml(doc), doc)).toMatch(/character XML does not allow/);
    const attr = parse(base);
    attr.getElementsByTagName("w:p")[0].setAttributeNS("urn:w", "w:rsid", "\u001f");
    expect(writesSameTree(serializeXml(attr), attr)).toMatch(/attribute/);
  });

  test("a tree changed after it was written is caught too", () => {
    const doc = parse(base);
    const t = doc.getElementsByTagName("w:t")[0];
    t.appendChild(doc.createTextNode("x"));
    expect(writesSameTree(base, doc)).toMatch(/text differs/);
  });
});

describe("an edit is verified on what the serializer wrote", () => {
  const plan = new Uint8Array(readFileSync(path.join(FIXTURES, "sv-partial.docx")));

  /** xmldom, with a serializer that damages its output as `change` says. */
  const faulty = (change: (xml: string) => string): XmlDom => ({
    parse: xmldom.parse,
    serialize: (node) => change(xmldom.serialize(node)),
  });

  test.each([
    ["drops an attribute", (xml: string) => xml.replace(/ w:val="[^"]*"/, "")],
    ["loses a paragraph mark", (xml: string) => xml.replace("<w:p ", "<w:p2 ").replace("</w:p>", "</w:p2>")],
    [
      "moves an element to another namespace",
      (xml: string) => xml.replace(/<w:tbl>/, '<v:tbl xmlns:v="urn:v">').replace(/<\/w:tbl>/, "</v:tbl>"),
    ],
    [
      "loses a space of the user's",
      (xml: string) => xml.replace('xml:space="preserve"> ', 'xml:space="preserve">'),
    ],
  ])("a serializer that %s: the edit is refused", async (_what, change) => {
    await expect(editDocx(plan, { op: "add", type: "utvecklingsomrade" })).resolves.toBeDefined();
    setXmlDom(faulty(change));
    try {
      await expect(editDocx(plan, { op: "add", type: "utvecklingsomrade" })).rejects.toThrow(/risk/);
    } finally {
      setXmlDom(xmldom);
    }
  });
});

describe("JSZip deflates with Node's zlib in the command line", () => {
  test("an edited package's main part is deflated by zlib at its default level, and reads back", async () => {
    const plan = new Uint8Array(readFileSync(path.join(FIXTURES, "sv-partial.docx")));
    const { bytes } = await editDocx(plan, { op: "add", type: "utvecklingsomrade" });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")!.async("uint8array");
    // The local entry of word/document.xml: its compressed bytes are zlib's for the text.
    const view = Buffer.from(bytes);
    const at = view.indexOf("word/document.xml");
    const header = at - 30;
    expect(view.readUInt32LE(header)).toBe(0x04034b50);
    expect(view.readUInt16LE(header + 8)).toBe(8); // deflate
    const size = view.readUInt32LE(header + 18);
    const start = at + view.readUInt16LE(header + 26) + view.readUInt16LE(header + 28);
    const compressed = view.subarray(start, start + size);
    expect(Buffer.compare(compressed, deflateRawSync(xml))).toBe(0);
    expect(Buffer.compare(inflateRawSync(compressed), Buffer.from(xml))).toBe(0);
    // The checksum in the local header and in the central directory is the text's CRC-32.
    const expected = crc32(xml);
    expect(view.readUInt32LE(header + 14)).toBe(expected);
    const central = view.lastIndexOf(Buffer.from("word/document.xml")) - 46;
    expect(view.readUInt32LE(central)).toBe(0x02014b50);
    expect(view.readUInt32LE(central + 16)).toBe(expected);
    // And JSZip, checking CRCs, reads the package.
    await expect(JSZip.loadAsync(bytes, { checkCRC32: true })).resolves.toBeDefined();
  });
});
