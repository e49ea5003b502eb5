/**
 * Structural sanity of the generated fixtures (npm run fixtures, run by pretest).
 * No product code is exercised here: only that the files are what the generator
 * promises (see test/fixtures/README.md).
 */

import * as fs from "fs";
import * as zlib from "zlib";

import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";

import { FixtureVariant, VARIANTS, fixturePath, variant } from "../../scripts/fixtures/variants";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

type XmlDoc = ReturnType<DOMParser["parseFromString"]>;
type XmlElement = ReturnType<XmlDoc["createElement"]>;

/** Parses XML, failing on any warning or error. */
function parseStrict(xml: string, what: string): XmlDoc {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  if (problems.length > 0) throw new Error(`${what}: ${problems.join("; ")}`);
  return doc;
}

function elements(root: XmlDoc | XmlElement, localName: string): XmlElement[] {
  return Array.from(root.getElementsByTagNameNS(W, localName));
}

function child(el: XmlElement, localName: string): XmlElement | undefined {
  return Array.from(el.childNodes).find(
    (n): n is XmlElement =>
      n.nodeType === 1 && (n as XmlElement).namespaceURI === W && n.localName === localName,
  );
}

function wAttr(el: XmlElement, name: string): string | null {
  return el.getAttributeNS(W, name);
}

/** Concatenated w:t text under an element. */
function text(el: XmlElement): string {
  return elements(el, "t")
    .map((t) => t.textContent ?? "")
    .join("");
}

interface OpenedDocx {
  zip: JSZip;
  document: XmlDoc;
  headers: XmlDoc[];
}

const cache = new Map<string, Promise<OpenedDocx>>();

function open(v: FixtureVariant): Promise<OpenedDocx> {
  let p = cache.get(v.name);
  if (!p) {
    p = (async () => {
      const zip = await JSZip.loadAsync(fs.readFileSync(fixturePath(v)));
      const docFile = zip.file("word/document.xml");
      if (!docFile) throw new Error(`${v.name}: no word/document.xml`);
      const document = parseStrict(await docFile.async("string"), `${v.name} document.xml`);
      const headers: XmlDoc[] = [];
      for (const f of zip.file(/^word\/header\d+\.xml$/)) {
        headers.push(parseStrict(await f.async("string"), `${v.name} ${f.name}`));
      }
      return { zip, document, headers };
    })();
    cache.set(v.name, p);
  }
  return p;
}

const sdts = (d: XmlDoc): XmlElement[] => elements(d, "sdt");
const sdtPr = (sdt: XmlElement): XmlElement => {
  const pr = child(sdt, "sdtPr");
  if (!pr) throw new Error("sdt without sdtPr");
  return pr;
};
const showsPlaceholder = (sdt: XmlElement): boolean => child(sdtPr(sdt), "showingPlcHdr") !== undefined;
const sdtId = (sdt: XmlElement): string => wAttr(child(sdtPr(sdt), "id")!, "val") ?? "";

const templates = VARIANTS.filter((v) => v.source !== "bad");
const generated = VARIANTS.filter((v) => v.source === "generator");

describe("every fixture file exists", () => {
  test.each(VARIANTS.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    expect(fs.existsSync(fixturePath(v))).toBe(true);
  });
});

describe("template copies open and every XML part parses", () => {
  test.each(templates.map((v) => [v.name, v] as const))("%s", async (_name, v) => {
    const { zip } = await open(v);
    for (const f of zip.file(/\.(xml|rels)$/)) {
      parseStrict(await f.async("string"), `${v.name} ${f.name}`);
    }
    expect(zip.file("[Content_Types].xml")).not.toBeNull();
    expect(zip.file("_rels/.rels")).not.toBeNull();
  });
});

describe("content controls are as designed", () => {
  test.each(generated.map((v) => [v.name, v] as const))("%s", async (_name, v) => {
    const { document, headers } = await open(v);
    const body = sdts(document);
    const inHeaders = headers.flatMap(sdts);
    expect({ document: body.length, headers: inHeaders.length }).toEqual(v.sdts);

    const all = [...body, ...inHeaders];
    for (const s of all) {
      // Made by hand in Word: no tag, no title, but an id and a placeholder docPart.
      expect(child(sdtPr(s), "tag")).toBeUndefined();
      expect(child(sdtPr(s), "alias")).toBeUndefined();
      expect(sdtId(s)).toMatch(/^-?\d+$/);
      expect(child(sdtPr(s), "placeholder")).toBeDefined();
    }
    const counts = new Map<string, number>();
    for (const s of all) counts.set(sdtId(s), (counts.get(sdtId(s)) ?? 0) + 1);
    const duplicated = [...counts.values()].filter((n) => n > 1).length;
    expect(duplicated).toBe(v.duplicateSdtIds ?? 0);
  });

  test("sv-blank shows the placeholder in every control, at all three levels", async () => {
    const { document } = await open(variant("sv-blank"));
    const all = sdts(document);
    expect(all.every(showsPlaceholder)).toBe(true);
    const placeholders = new Set(all.map(text));
    expect(placeholders).toEqual(
      new Set([
        "Klicka eller tryck här för att ange datum.",
        "Ange huvudmannen och enhetens namn.",
        "Klicka eller tryck här för att ange text.",
        "Välj utvecklingsområde",
      ]),
    );
    for (const s of all) {
      for (const r of elements(s, "r")) {
        const style = elements(r, "rStyle")[0];
        expect(style && wAttr(style, "val")).toBe("Platshllartext");
      }
    }
    const parents = all.map((s) => (s.parentNode as XmlElement).localName);
    expect(parents.filter((p) => p === "tr")).toHaveLength(12); // cell level: 4 per block
    expect(parents.filter((p) => p === "p")).toHaveLength(6); // run level: dropdown + insats per block
    expect(parents.filter((p) => p === "body" || p === "tc")).toHaveLength(18); // block level
    const dropdowns = elements(document, "dropDownList");
    expect(dropdowns).toHaveLength(3);
    expect(elements(dropdowns[0], "listItem")).toHaveLength(6);
    expect(elements(document, "date")).toHaveLength(1);
  });

  test("filled controls do not show their placeholder", async () => {
    const showing = async (name: string): Promise<number> =>
      sdts((await open(variant(name))).document).filter(showsPlaceholder).length;
    expect(await showing("sv-complete")).toBe(0);
    expect(await showing("sv-tracked")).toBe(0);
    expect(await showing("sv-typed-over")).toBe(0);
    expect(await showing("sv-partial")).toBe(28);
    expect(await showing("sv-pasted-table")).toBe(26); // 43 - (5 outside blocks + 7 in block 1 + 5 in block 4)
    const date = elements((await open(variant("sv-complete"))).document, "date")[0];
    expect(wAttr(date, "fullDate")).toBe("2026-09-14T00:00:00Z");
  });

  test("sv-header keeps datum and huvudman in a first-page header", async () => {
    const { document, headers } = await open(variant("sv-header"));
    const refs = elements(document, "headerReference").map((r) => wAttr(r, "type"));
    expect(refs.sort()).toEqual(["default", "first"]);
    expect(elements(document, "titlePg")).toHaveLength(1);
    expect(elements(document, "date")).toHaveLength(0);
    expect(headers.flatMap((h) => elements(h, "date"))).toHaveLength(1);
  });

  test("sv-tracked has tracked changes by Anna Lärare", async () => {
    const { document } = await open(variant("sv-tracked"));
    const revisions = [...elements(document, "ins"), ...elements(document, "del")];
    expect(revisions.length).toBeGreaterThan(0);
    expect(revisions.every((r) => wAttr(r, "author") === "Anna Lärare")).toBe(true);
    const deleted = elements(document, "delText").map((t) => t.textContent);
    expect(deleted).toContain("Klistra in här.");
  });

  test("IKO copies have no content controls and the designed tables", async () => {
    for (const name of ["iko-blank", "iko-complete", "iko-partial", "iko-typed-over", "iko-tracked"]) {
      const { document } = await open(variant(name));
      expect(sdts(document)).toHaveLength(0);
      expect(elements(document, "tbl")).toHaveLength(12);
    }
  });
});

describe("Word package details", () => {
  test("Swedish style ids and the glossary docParts", async () => {
    const { zip } = await open(variant("sv-blank"));
    const styles = parseStrict(await zip.file("word/styles.xml")!.async("string"), "styles");
    const ids = new Map(
      elements(styles, "style").map((s) => [wAttr(s, "styleId"), wAttr(child(s, "name")!, "val")] as const),
    );
    expect(ids.get("Rubrik1")).toBe("heading 1");
    expect(ids.get("Rubrik2")).toBe("heading 2");
    expect(ids.get("Rubrik")).toBe("Title");
    expect(ids.get("Tabellrutnt")).toBe("Table Grid");
    expect(ids.get("Platshllartext")).toBe("Placeholder Text");
    const glossary = parseStrict(await zip.file("word/glossary/document.xml")!.async("string"), "glossary");
    const names = elements(glossary, "docPartPr").map((p) => wAttr(child(p, "name")!, "val"));
    expect(names).toEqual(
      expect.arrayContaining([
        "DefaultPlaceholder_-1854013440",
        "DefaultPlaceholder_-1854013437",
        "DefaultPlaceholder_-1854013438",
      ]),
    );
    expect(names).toHaveLength(5);
    const footnotes = parseStrict(await zip.file("word/footnotes.xml")!.async("string"), "footnotes");
    expect(elements(footnotes, "footnote")).toHaveLength(4);
  });

  test("LibreOffice round trips kept the content controls", async () => {
    expect(sdts((await open(variant("sv-libreoffice"))).document).length).toBeGreaterThan(0);
    expect(elements((await open(variant("iko-libreoffice"))).document, "tbl").length).toBeGreaterThan(0);
  });
});

describe("bad inputs", () => {
  const bytes = (name: string): Buffer => fs.readFileSync(fixturePath(variant(name)));
  const OLE = Buffer.from("D0CF11E0A1B11AE1", "hex");
  const utf16 = (s: string): Buffer => Buffer.from(s, "utf16le");

  test("not-a-zip, empty and truncated do not open as zips", async () => {
    expect(bytes("empty")).toHaveLength(0);
    await expect(JSZip.loadAsync(bytes("not-a-zip"))).rejects.toThrow();
    await expect(JSZip.loadAsync(bytes("truncated"))).rejects.toThrow();
    const blank = fs.readFileSync(fixturePath(variant("sv-blank")));
    expect(bytes("truncated").equals(blank.subarray(0, Math.floor(blank.length * 0.6)))).toBe(true);
  });

  test("encrypted and legacy .doc are OLE compound files with the telling stream names", () => {
    const enc = bytes("encrypted");
    expect(enc.subarray(0, 8).equals(OLE)).toBe(true);
    expect(enc.includes(utf16("EncryptionInfo"))).toBe(true);
    expect(enc.includes(utf16("EncryptedPackage"))).toBe(true);
    const doc = bytes("legacy.doc");
    expect(doc.subarray(0, 8).equals(OLE)).toBe(true);
    expect(doc.includes(utf16("WordDocument"))).toBe(true);
  });

  test("the bomb is small but declares and inflates to over 200 MB", async () => {
    const zip = bytes("bomb");
    expect(zip.length).toBeLessThan(1_000_000);
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const entries = zip.readUInt16LE(eocd + 10);
    let at = zip.readUInt32LE(eocd + 16);
    let declared = 0;
    let localOffset = -1;
    let compressedSize = 0;
    let crc = 0;
    for (let i = 0; i < entries; i++) {
      expect(zip.readUInt32LE(at)).toBe(0x02014b50);
      const nameLength = zip.readUInt16LE(at + 28);
      const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
      if (name === "word/document.xml") {
        declared = zip.readUInt32LE(at + 24);
        compressedSize = zip.readUInt32LE(at + 20);
        crc = zip.readUInt32LE(at + 16);
        localOffset = zip.readUInt32LE(at + 42);
      }
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    expect(declared).toBeGreaterThan(200_000_000);
    // The declared size and CRC are honest: inflate as a stream and count.
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const inflater = zlib.createInflateRaw();
    let inflated = 0;
    let running = 0;
    const crc32 = (zlib as unknown as { crc32?: (d: Buffer, v?: number) => number }).crc32;
    await new Promise<void>((resolve, reject) => {
      inflater.on("data", (chunk: Buffer) => {
        inflated += chunk.length;
        if (crc32) running = crc32(chunk, running);
      });
      inflater.on("end", resolve);
      inflater.on("error", reject);
      inflater.end(zip.subarray(dataStart, dataStart + compressedSize));
    });
    expect(inflated).toBe(declared);
    if (crc32) expect(running >>> 0).toBe(crc);
  });

  test("other.docx is a real Word document; no-document.docx lacks word/document.xml", async () => {
    const other = await open(variant("other"));
    expect(text(other.document.documentElement as unknown as XmlElement)).toContain("Hej Karin!");
    const zip = await JSZip.loadAsync(bytes("no-document"));
    expect(zip.file("word/document.xml")).toBeNull();
    expect(zip.file("[Content_Types].xml")).not.toBeNull();
  });
});
