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
import { checkDocx, editDocx } from "../src/ooxml/docx";
import { parseXml, serializeXml, setXmlDom, type XmlDom } from "../src/ooxml/xml";
import { xmldom } from "../src/ooxml/xmldom";
import { WordHost, type OfficeApis } from "../src/office/word-host";
import { browserXmlDom } from "../src/taskpane/browser-xml";
import { createWordDouble, REQUIREMENT_SETS } from "./word-double";

// jsdom lacks TextDecoder/TextEncoder, which the OOXML reader uses (browsers and Word have them).
if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder, TextEncoder });

const FIXTURES = join(__dirname, "fixtures", "generated");
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
