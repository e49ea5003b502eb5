/**
 * Limits that give answers, and edits that change nothing but the block: each test builds a
 * hostile or unusual package from a generated fixture and runs the command line on it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { run, type Io } from "../../../src/cli/main";
import * as limits from "../../../src/ooxml/package/limits";
import * as xml from "../../../src/ooxml/xml/dom";
import { bombOf, smallEntry, writeZip } from "../../../scripts/fixtures/bad";
import { VARIANTS, fixturePath } from "../../../scripts/fixtures/variants";
import { runTexts } from "../../../scripts/fuzz/harness";
import { bytesOf } from "../../support/fixtures";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "planstod-hardening-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await run(args, io);
  return { code, out, err };
}

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function withPart(fixture: string, part: string, change: (text: string) => string | Buffer) {
  const zip = await JSZip.loadAsync(bytesOf(fixture));
  const changed = change(await zip.file(part)!.async("string"));
  zip.file(part, changed, { createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Exit 2 and exactly one line naming the file, matching `reason`. */
async function refused(file: string, reason: RegExp, command: string[] = ["check", file]) {
  const r = await cli(...command);
  expect(r.code).toBe(2);
  const lines = r.err.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`planstod: ${file}: `)).toBe(true);
  expect(lines[0]).toMatch(reason);
  expect(lines[0]).not.toMatch(/oväntat fel|Error|\bat\b.*:\d+/);
  return lines[0];
}

async function mainPartOf(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file("word/document.xml")!.async("string");
}

describe("limits", () => {
  test("a 100 MB document part is refused from the central directory, before inflating", async () => {
    const file = save("100mb.docx", bombOf(134));
    const parse = jest.spyOn(xml, "parseXml");
    await refused(file, /packas upp till mer än 32 MB/);
    expect(parse.mock.calls.map((c) => c[1])).not.toContain("word/document.xml");
    parse.mockRestore();
    await refused(path.join(dir, "100mb.docx"), /mer än 32 MB/, [
      "add",
      file,
      "utvecklingsomrade",
      "-o",
      path.join(dir, "x.docx"),
    ]);
    expect(existsSync(path.join(dir, "x.docx"))).toBe(false);
  });

  test("a package that declares 1 KB but inflates to 100 MB is stopped by the streamed budget", async () => {
    const file = save("liar.docx", bombOf(134, 1024));
    await refused(file, /packas upp till mer än 32 MB/);
  });

  test("10,000 nested content controls get one clear line, in the body and in a header", async () => {
    const deep = (inner: string) =>
      "<w:sdt><w:sdtContent>".repeat(10_000) + inner + "</w:sdtContent></w:sdt>".repeat(10_000);
    const body = await withPart("sv-partial", "word/document.xml", (x) =>
      x.replace("<w:body>", `<w:body>${deep("<w:p/>")}`),
    );
    await refused(save("deep.docx", body), /nästlat i mer än 400 nivåer/);
    const zip = await JSZip.loadAsync(bytesOf("sv-header"));
    const header = Object.keys(zip.files).find((n) => /^word\/header\d+\.xml$/.test(n))!;
    const inHeader = await withPart("sv-header", header, (x) =>
      x.replace(/(<w:hdr[^>]*>)/, `$1${deep("<w:p/>")}`),
    );
    await refused(save("deep-header.docx", inHeader), new RegExp(`${header} är nästlat`));
  });

  test("deep nesting only in styles.xml: check and add still work (the styles are not needed)", async () => {
    const bytes = await withPart("sv-partial", "word/styles.xml", (x) =>
      x.replace("</w:styles>", `${"<w:x>".repeat(10_000)}${"</w:x>".repeat(10_000)}</w:styles>`),
    );
    const file = save("deep-styles.docx", bytes);
    expect((await cli("check", file)).code).toBe(1);
    const out = path.join(dir, "deep-styles-out.docx");
    const r = await cli("add", file, "utvecklingsomrade", "-o", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  test("too many elements, too many entries, duplicate and hostile entry names", async () => {
    const many = await withPart("sv-partial", "word/document.xml", (x) =>
      x.replace("<w:body>", `<w:body>${"<w:p/>".repeat(120_000)}`),
    );
    await refused(save("many.docx", many), /fler än 100\s000 XML-element/);

    const zip = await JSZip.loadAsync(bytesOf("sv-partial"));
    const entries = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map(async (f) => ({ name: f.name, data: await f.async("nodebuffer") })),
    );
    const extra = Array.from({ length: 6_000 }, (_, i) => smallEntry(`customXml/x${i}.xml`, "<a/>"));
    const zipped = entries.map((e) => smallEntry(e.name, e.data));
    await refused(save("70k.docx", writeZip([...zipped, ...extra])), /fler än 5000 delar/);
    const doc = entries.find((e) => e.name === "word/document.xml")!;
    await refused(
      save("dup.docx", writeZip([...zipped, smallEntry(doc.name, doc.data)])),
      /finns två gånger/,
    );
    await refused(
      save("evil.docx", writeZip([...zipped, smallEntry("../../evil.xml", "<a/>")])),
      /ogiltigt namn/,
    );
  });

  test("an unrelated large document is refused as no known template without building its DOM", async () => {
    const letter = await withPart("other", "word/document.xml", (x) =>
      x.replace(
        "<w:body>",
        `<w:body>${"<w:p><w:r><w:t>Ett långt brev om helt andra saker än utvecklingsplaner.</w:t></w:r></w:p>".repeat(150_000)}`,
      ),
    );
    const parse = jest.spyOn(xml, "parseXml");
    await refused(save("large-letter.docx", letter), /ingen av de mallar/);
    expect(parse.mock.calls.map((c) => c[1])).not.toContain("word/document.xml");
    parse.mockRestore();
  });

  test("a plan after a long preamble is still recognised: the quick look reads on past its first paragraphs", async () => {
    const preamble = await withPart("sv-partial", "word/document.xml", (x) =>
      x.replace(
        /<w:body>/,
        `<w:body>${"<w:p><w:r><w:t>Inledning: bakgrund till huvudmannens arbete.</w:t></w:r></w:p>".repeat(1000)}`,
      ),
    );
    const scan = jest.spyOn(limits, "scanXml");
    const r = await cli("check", "--format", "json", save("preamble.docx", preamble));
    expect(JSON.parse(r.out).template).toBe("skolverket-atgardsplan");
    // The first look (the first paragraphs) found too little; the second read the whole part.
    const looks = scan.mock.calls.filter((c) => c[1] === "word/document.xml").map((c) => c[2]?.paragraphs);
    expect(looks).toEqual([400, Infinity]);
    scan.mockRestore();
  });

  test("a valid Office package that is not a Word document is not called damaged", async () => {
    const theme = writeZip([
      smallEntry(
        "[Content_Types].xml",
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/theme/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>',
      ),
      smallEntry(
        "_rels/.rels",
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="theme/theme/theme1.xml"/></Relationships>',
      ),
      smallEntry(
        "theme/theme/theme1.xml",
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements/></a:theme>',
      ),
    ]);
    const line = await refused(save("theme.thmx", theme), /inget Word-dokument/);
    expect(line).not.toMatch(/skadad/);
  });

  test("a DTD (entity expansion, external entities) is refused", async () => {
    const bytes = await withPart("sv-partial", "word/document.xml", (x) =>
      x.replace(/^(<\?xml[^>]*\?>)/, '$1<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
    );
    await refused(save("dtd.docx", bytes), /DTD/);
  });
});

describe("edits change nothing but the block", () => {
  const SPECIAL = "a\u2028b\u0085c&#13;d😀e𝔄  \t  f&amp;g";
  const DECODED = "a\u2028b\u0085c\rd😀e𝔄  \t  f&g";

  test("U+2028, U+0085, carriage returns, non-BMP characters and preserved spaces survive add and remove", async () => {
    const bytes = await withPart("sv-partial", "word/document.xml", (x) =>
      x.replace(/<w:t>(Solbackaskolan är)/, `<w:t xml:space="preserve">${SPECIAL}$1`),
    );
    const file = save("special.docx", bytes);
    const before = await mainPartOf(file);
    expect(runTexts(before).some((t) => t.startsWith(DECODED))).toBe(true);
    const out = path.join(dir, "special-out.docx");
    const r = await cli("add", file, "utvecklingsomrade", "-o", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const after = await mainPartOf(out);
    expect(runTexts(after).some((t) => t.startsWith(DECODED))).toBe(true);
    expect(after).toContain("&#13;");
    // Every text of the original is still there, in order.
    const a = runTexts(before);
    const b = runTexts(after);
    let j = 0;
    for (const t of a) {
      while (j < b.length && b[j] !== t) j++;
      expect(j).toBeLessThan(b.length);
      j++;
    }
    const out2 = path.join(dir, "special-out2.docx");
    expect((await cli("remove", out, "utvecklingsomrade", "4", "-o", out2)).code).toBe(0);
    expect(runTexts(await mainPartOf(out2))).toEqual(a);
  });

  test.each(["ISO-8859-1", "windows-1252"])(
    "a main part declared %s is read and edited correctly",
    async (encoding) => {
      const reference = await cli(
        "check",
        "--json",
        fixturePath(VARIANTS.find((v) => v.name === "sv-partial")!),
      );
      const bytes = await withPart("sv-partial", "word/document.xml", (x) => {
        const text = x
          .replace(/^<\?xml[^>]*\?>/, `<?xml version="1.0" encoding="${encoding}" standalone="yes"?>`)
          .replace(/[^\t\n\r -\u00ff]/gu, (c) => `&#${c.codePointAt(0)};`);
        return Buffer.from(text, "latin1");
      });
      const file = save(`${encoding}.docx`, bytes);
      const r = await cli("check", "--json", file);
      expect(r.code).toBe(1);
      const strip = (s: string) => JSON.parse(s) as { file?: string };
      expect({ ...strip(r.out), file: "" }).toEqual({ ...strip(reference.out), file: "" });
      const out = path.join(dir, `${encoding}-out.docx`);
      expect((await cli("add", file, "utvecklingsomrade", "-o", out)).code).toBe(0);
      const after = await mainPartOf(out);
      expect(after).toMatch(/^<\?xml[^>]*encoding="UTF-8"/);
      expect(after).toContain("Solbackaskolan är en kommunal grundskola");
      expect(after).toContain("Förutsättningarna präglas");
    },
  );

  test("invalid UTF-8 in the main part: checked, but an edit is refused before anything is written", async () => {
    const bytes = await withPart("sv-partial", "word/document.xml", (x) => {
      const raw = Buffer.from(x, "utf8");
      const at = raw.indexOf(Buffer.from("Solbackaskolan"));
      return Buffer.concat([raw.subarray(0, at), Buffer.from([0xc3, 0x28]), raw.subarray(at)]);
    });
    const file = save("bad-utf8.docx", bytes);
    expect((await cli("check", file)).code).toBe(1);
    const out = path.join(dir, "bad-utf8-out.docx");
    await refused(file, /inte är giltig UTF-8/, ["add", file, "utvecklingsomrade", "-o", out]);
    expect(existsSync(out)).toBe(false);
  });

  test("add on a row table without rows says there is nothing to copy", async () => {
    const bytes = await withPart("iko-blank", "word/document.xml", (x) => {
      // Remove every row under the Tidplan headings.
      const at = x.indexOf("När är det klart? (Deadline)");
      const tableEnd = x.indexOf("</w:tbl>", at);
      const rowStart = x.indexOf("<w:tr", x.indexOf("</w:tr>", at));
      return rowStart > 0 && rowStart < tableEnd ? x.slice(0, rowStart) + x.slice(tableEnd) : x;
    });
    const file = save("no-rows.docx", bytes);
    const line = await refused(file, /ingen rad kvar/, [
      "add",
      file,
      "tidplan",
      "-o",
      path.join(dir, "nr.docx"),
    ]);
    expect(line).not.toMatch(/0 finns inte/);
  });
});

describe("the scan refuses XML that is not well-formed, and only that", () => {
  const refused = [
    ["an unescaped &", "<a>Tom & Jerry</a>"],
    ["an & without ;", "<a>&amp</a>"],
    ["an undefined entity", "<a>&nbsp;</a>"],
    ["an empty character reference", "<a>&#;</a>"],
    ["a reference to a control character", "<a>&#1;</a>"],
    ["a reference to a surrogate", "<a>&#xD800;</a>"],
    ["a reference past Unicode", "<a>&#x110000;</a>"],
    ["a literal control character", "<a>\u0001</a>"],
    ["an unescaped < in text", "<a>1 < 2</a>"],
    ["an unescaped < in an attribute", '<a b="1 < 2"/>'],
    ["an unescaped & in an attribute", '<a b="x & y"/>'],
    ["an attribute without quotes", "<a b=c/>"],
    ["an attribute without a value", "<a b/>"],
    ["attributes not separated by white space", '<a b="1"c="2"/>'],
    ["a mismatched end tag", "<a><b></c></a>"],
    ["an end tag with another prefix", "<w:a></x:a>"],
    ["an element left open", "<a><b></a>"],
    ["the root left open", "<a><b/>"],
    ["an end tag too many", "<a/></a>"],
    ["two root elements", "<a/><b/>"],
    ["text after the root", "<a/>x"],
    ["text before the root", "x<a/>"],
    ["character data outside the root", "<a/><![CDATA[x]]>"],
    ["no element at all", '<?xml version="1.0"?>'],
  ];
  test.each(refused)("%s", (_what, text) => {
    expect(() => limits.scanXml(text, "word/document.xml")).toThrow("word/document.xml går inte att läsa");
  });

  const accepted = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a/>',
    "<a>&amp;&lt;&gt;&quot;&apos;&#9;&#xA;&#x1F600;&#233;</a>",
    '<a b=\'single\' c = "spaced" d="&amp;&#x26;"/>',
    "<a><b></b ><c/><d /></a >",
    "<!-- before --><a>x > y ]]</a><!-- after --><?pi after?>\n",
    "<a><![CDATA[ & < ]]></a>",
    '<w:a xmlns:w="urn:x"><w:b w:c="1"/></w:a>',
  ];
  test.each(accepted)("well-formed: %s", (text) => {
    expect(() => limits.scanXml(text, "x")).not.toThrow();
  });
});
