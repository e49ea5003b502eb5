/**
 * @jest-environment jsdom
 *
 * The engine on both XML DOM implementations it is given: @xmldom/xmldom (the command line) and a
 * browser's own DOMParser/XMLSerializer (the task pane; here jsdom's, in Chromium the e2e test).
 * Every generated fixture must give the same report (or the same refusal) under both, through the
 * .docx reader and through Word's flat OPC (the Word double), and block edits must agree.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { TextDecoder, TextEncoder } from "util";
import { checkDocx, editDocx } from "../../../src/ooxml/docx";
import { parseXml, serializeXml, setXmlDom, type XmlDom } from "../../../src/ooxml/xml/dom";
import { xmldom } from "../../../src/ooxml/xml/xmldom-host";
import { WordHost, type OfficeApis } from "../../../src/office/word-host";
import { browserXmlDom } from "../../../src/taskpane/browser-xml";
import { createWordDouble, REQUIREMENT_SETS } from "../../../word-double";
import { FIXTURES } from "../../support/paths";
import { MALFORMED, malformedXml, type Malformed } from "../../../scripts/fixtures/third-round";

const W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// jsdom lacks TextDecoder/TextEncoder, which the OOXML reader uses (browsers and Word have them).
if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder, TextEncoder });

const browser = browserXmlDom(window);
const DOMS: [string, XmlDom][] = [
  ["xmldom", xmldom],
  ["browser (jsdom)", browser],
];

function docxFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return docxFiles(full);
      return name.endsWith(".docx") ? [full] : [];
    });
}

function bytesOf(file: string): Uint8Array {
  const buffer = readFileSync(file);
  const bytes = new Uint8Array(buffer.byteLength);
  bytes.set(buffer);
  return bytes;
}

/** `step`'s result (or its error message) with `dom` as the engine's XML DOM. */
async function under<T>(dom: XmlDom, step: () => Promise<T>): Promise<T | { error: string }> {
  setXmlDom(dom);
  try {
    return await step();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    setXmlDom(xmldom);
  }
}

async function both<T>(step: () => Promise<T>): Promise<(T | { error: string })[]> {
  const out: (T | { error: string })[] = [];
  for (const [, dom] of DOMS) out.push(await under(dom, step));
  return out;
}

const files = docxFiles(FIXTURES);
const name = (file: string) => file.slice(FIXTURES.length + 1);
const blockOf = (file: string) => (name(file).startsWith("iko-") ? "upprattad_av" : "utvecklingsomrade");
const editable = files.filter((f) => /^(sv|iko)-/.test(name(f)));

describe("the engine's XML DOM seam", () => {
  test("the browser implementation is really the browser's, and both refuse XML that is not well-formed", async () => {
    setXmlDom(browser);
    try {
      expect(parseXml("<a><b/></a>", "x")).toBeInstanceOf(window.Document);
      expect(serializeXml(parseXml('<a xmlns="urn:x"><b c="&amp;"/></a>', "x"))).toBe(
        '<a xmlns="urn:x"><b c="&amp;"/></a>',
      );
    } finally {
      setXmlDom(xmldom);
    }
    expect(parseXml("<a/>", "x")).not.toBeInstanceOf(window.Document);
    for (const [, dom] of DOMS) {
      setXmlDom(dom);
      try {
        for (const bad of ["<a><b></a>", "<a>&nope;</a>", "", "<a/><b/>"])
          expect(() => parseXml(bad, "word/document.xml")).toThrow("word/document.xml");
      } finally {
        setXmlDom(xmldom);
      }
    }
  });

  test("both refuse every well-formedness fault the fuzzer makes, and the browser's parser agrees on its own", () => {
    const part = (body: string) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="${W_MAIN}"><w:body><w:p><w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr><w:r><w:t>${body}</w:t></w:r></w:p></w:body></w:document>`;
    const good = part("Tom &amp; Jerry &#x1F600; &#233; &lt;3");
    for (const kind of Object.keys(MALFORMED) as Malformed[]) {
      const bad = malformedXml(good, kind);
      // The browser's parser refuses it by itself (the engine's scan only makes xmldom agree).
      expect([kind, browser.parse(bad)]).toEqual([kind, null]);
      for (const [, dom] of DOMS) {
        setXmlDom(dom);
        try {
          expect(() => parseXml(bad, "word/document.xml")).toThrow("word/document.xml");
        } finally {
          setXmlDom(xmldom);
        }
      }
    }
    // Well-formed text that looks odd is read alike by both: references, quotes, spaces, comments.
    const odd = [
      good,
      `<a b='x' c = "y&amp;z"><b>&#9;&#x10FFFF;</b ><!-- after --></a ><?pi after?>\n`,
      "<a><![CDATA[ & < ]]></a>",
    ];
    for (const text of odd) {
      const out = DOMS.map(([, dom]) => {
        setXmlDom(dom);
        try {
          return serializeXml(parseXml(text, "x").documentElement!);
        } finally {
          setXmlDom(xmldom);
        }
      });
      expect(out[1]).toEqual(out[0]);
    }
  });

  test("there are fixtures to compare", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(editable.length).toBeGreaterThanOrEqual(12);
  });

  test.each(files.map((f) => [name(f), f]))(
    "%s: the same report from the .docx under both",
    async (_n, file) => {
      const bytes = bytesOf(file);
      const [a, b] = await both(() => checkDocx(bytes));
      expect(b).toEqual(a);
    },
  );

  test.each(editable.map((f) => [name(f), f]))(
    "%s: the same report from Word's flat OPC (the Word double) under both",
    async (_n, file) => {
      const bytes = bytesOf(file);
      const [a, b] = await both(async () => {
        const double = await createWordDouble(bytes, {
          requirementSets: { ...REQUIREMENT_SETS.modern, DocumentEvents: "1.1" },
        });
        const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
        const snapshot = await host.read();
        const added = await host.addBlock(blockOf(file));
        return { before: snapshot.report, after: added.report };
      });
      expect(b).toEqual(a);
      expect(a).not.toHaveProperty("error");
    },
  );

  test.each(editable.map((f) => [name(f), f]))(
    "%s: adding and removing a block gives the same reports, and the bytes written read the same",
    async (_n, file) => {
      const bytes = bytesOf(file);
      const type = blockOf(file);
      const [a, b] = await both(async () => {
        const added = await editDocx(bytes, { op: "add", type, after: 1 });
        const removed = await editDocx(added.bytes, { op: "remove", type, index: 2 });
        return { added, removed };
      });
      if ("error" in a || "error" in b) {
        expect(b).toEqual(a);
        return;
      }
      expect(b.added.after).toEqual(a.added.after);
      expect(b.removed.after).toEqual(a.removed.after);
      expect(b.removed.after).toEqual(await checkDocx(bytes));
      // What the browser's serialiser wrote, read back by xmldom.
      expect(await checkDocx(b.added.bytes)).toEqual(a.added.after);
    },
  );
});

/** A tree's node types in document order: its shape, text nodes counted one by one. */
function shape(root: { firstChild: unknown }): string {
  let out = "";
  const walk = (n: { nodeType: number; firstChild: unknown; nextSibling: unknown } | null) => {
    for (; n; n = n.nextSibling as typeof n) {
      out += n.nodeType;
      if (n.firstChild) {
        out += "(";
        walk(n.firstChild as typeof n);
        out += ")";
      }
    }
  };
  walk(root.firstChild as Parameters<typeof walk>[0]);
  return out;
}

describe("xmldom with its patterns remembered and no final normalize (src/ooxml/xml/xmldom-host.ts)", () => {
  /** A fresh copy of @xmldom/xmldom, loaded apart from the one the engine wrapped. */
  function pristineXmldom(): typeof import("@xmldom/xmldom") {
    let fresh: typeof import("@xmldom/xmldom") | undefined;
    jest.isolateModules(() => {
      fresh = jest.requireActual<typeof import("@xmldom/xmldom")>("@xmldom/xmldom");
    });
    if (!fresh) throw new Error("no fresh xmldom");
    return fresh;
  }

  test("the wrap is in place: a pattern is compiled once (the pristine copy compiles it each time)", () => {
    type Grammar = { reg: (...parts: (string | RegExp)[]) => RegExp };
    const grammar = jest.requireActual<Grammar>("@xmldom/xmldom/lib/grammar");
    const piece = /a+/u;
    expect(grammar.reg("^", piece, "$")).toBe(grammar.reg("^", piece, "$"));
    expect(grammar.reg("^", piece, "$")).not.toBe(grammar.reg("^", piece));
    expect(grammar.reg("^", piece, "$").test("aaa")).toBe(true);
    let pristine: Grammar | undefined;
    jest.isolateModules(() => {
      pristine = jest.requireActual<Grammar>("@xmldom/xmldom/lib/grammar");
    });
    expect(pristine?.reg("^", piece)).not.toBe(pristine?.reg("^", piece));
  });

  test("every fixture's parts parse to the same DOM as with the pristine xmldom", async () => {
    const JSZip = (await import("jszip")).default;
    const pristine = pristineXmldom();
    let parts = 0;
    for (const file of files.filter((f) => !name(f).startsWith("bad/"))) {
      const zip = await JSZip.loadAsync(bytesOf(file));
      for (const entry of Object.values(zip.files)) {
        if (!entry.name.endsWith(".xml")) continue;
        const text = (await entry.async("string")).replace(/\r\n?/g, "\n");
        const ours = xmldom.parse(text);
        let failed = false;
        const theirs = new pristine.DOMParser({
          locator: false,
          normalizeLineEndings: (s) => s,
          onError: (level) => {
            if (level !== "warning") failed = true;
          },
        }).parseFromString(text, pristine.MIME_TYPE.XML_TEXT);
        expect(ours === null).toBe(failed);
        if (ours) {
          expect(xmldom.serialize(ours)).toBe(new pristine.XMLSerializer().serializeToString(theirs));
          // Node for node, text nodes included (the parse skips xmldom's final normalize()).
          expect(shape(ours)).toBe(shape(theirs as unknown as Node));
        }
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(100);
  });

  test("names are still validated: a bad name is refused however often it is asked for", () => {
    const doc = xmldom.parse('<w:document xmlns:w="urn:w"><w:body/></w:document>');
    if (!doc) throw new Error("not parsed");
    for (let i = 0; i < 3; i++) {
      expect(() => doc.createElementNS("urn:w", "w:1bad")).toThrow();
      expect(() => doc.createElementNS("urn:w", "w:p")).not.toThrow();
    }
    // End tags are still matched against their start tags, with the remembered patterns.
    const parses = (text: string) => {
      try {
        return xmldom.parse(text) !== null;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 3; i++) {
      expect(parses("<a><b></b ></a>")).toBe(true);
      expect(parses("<a><b></c></a>")).toBe(false);
      expect(parses("<a><b></b x></a>")).toBe(false);
    }
  });
});
