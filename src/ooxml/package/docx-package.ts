import JSZip from "jszip";
import { PlanstodError } from "../../core/messages";
import { decodeXml } from "./encoding";
import { LIMITS, MB, scanXml, type XmlScan } from "./limits";
import { parseRelationships, relsPathOf, type PartSource, type Relationship } from "./relationships";
import { parseXml, type XmlDocument } from "../xml/dom";
import { readZipDirectory, type ZipEntry } from "./zip-directory";

/** Refuse a package whose parts inflate past this many bytes in all (zip-bomb guard). */
export const DEFAULT_MAX_INFLATED = LIMITS.maxInflated;

const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether the UTF-16LE form of `name` occurs in `bytes` (OLE directory entries are UTF-16LE). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** JSZip documents `internalStream` (a pausable inflating stream) but its typings omit it. */
type StreamingFile = JSZip.JSZipObject & {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
};

/**
 * An opened .docx package. Parts are inflated on demand through a shared budget, so that a
 * hostile archive is refused before it fills memory.
 */
export class DocxPackage implements PartSource {
  readonly zip: JSZip;
  private main = "";
  private inflated = 0;
  private elements = 0;
  private readonly maxInflated: number;
  private readonly declared: Map<string, number>;
  /** Parts whose bytes were not valid in their encoding (they cannot be rewritten faithfully). */
  readonly invalidParts = new Set<string>();
  /** Decoded texts of parts read, until they are parsed (so a quick look does not inflate twice). */
  private readonly texts = new Map<string, string>();
  /** Scans of those texts made by a quick look (without the element cap), so a part is scanned once. */
  private readonly scans = new Map<string, XmlScan>();
  /** Relationships already read, by source part. */
  private readonly rels = new Map<string, Relationship[]>();
  /** The main part's text as it was read, for the edit's independent read-back. */
  mainText = "";

  private constructor(zip: JSZip, maxInflated: number, entries: readonly ZipEntry[]) {
    this.zip = zip;
    this.maxInflated = maxInflated;
    this.declared = new Map(entries.map((e) => [e.name, e.size]));
  }

  /** The path of the main document part, normally word/document.xml. */
  get mainPart(): string {
    return this.main;
  }

  /** Opens the bytes of a .docx file, or throws a PlanstodError saying why it cannot. */
  static async open(bytes: Uint8Array, options: { maxInflated?: number } = {}): Promise<DocxPackage> {
    const maxInflated = options.maxInflated ?? DEFAULT_MAX_INFLATED;
    if (bytes.length === 0) throw new PlanstodError("empty");
    if (startsWith(bytes, OLE_MAGIC)) {
      throw new PlanstodError(hasUtf16Name(bytes, "EncryptionInfo") ? "encrypted" : "legacy-doc");
    }
    if (!startsWith(bytes, [0x50, 0x4b])) throw new PlanstodError("not-zip");
    // Counted and sized from the central directory before JSZip reads anything.
    const entries = readZipDirectory(bytes);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    } catch {
      throw new PlanstodError("damaged");
    }
    const pkg = new DocxPackage(zip, maxInflated, entries);
    const main = await pkg.findMainPart();
    if (!main) throw new PlanstodError("not-docx");
    pkg.main = main;
    return pkg;
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  /** Inflates a part, counting it against the package's budget; null when absent. */
  async readBytes(path: string): Promise<Uint8Array | null> {
    const file = this.zip.file(path);
    if (!file) return null;
    if ((this.declared.get(file.name) ?? 0) > LIMITS.maxPart)
      throw new PlanstodError("part-too-large", `${path}|${MB(LIMITS.maxPart)}`);
    const chunks: Uint8Array[] = [];
    const total = await new Promise<number>((resolve, reject) => {
      let size = 0;
      const stream = (file as StreamingFile).internalStream("uint8array");
      stream
        .on("data", (chunk: Uint8Array) => {
          size += chunk.length;
          if (size > LIMITS.maxPart) {
            stream.pause();
            reject(new PlanstodError("part-too-large", `${path}|${MB(LIMITS.maxPart)}`));
            return;
          }
          if (this.inflated + size > this.maxInflated) {
            stream.pause();
            reject(new PlanstodError("too-large", `${Math.round(this.maxInflated / 1024 / 1024)} MB`));
            return;
          }
          chunks.push(chunk);
        })
        .on("error", () => reject(new PlanstodError("damaged")))
        .on("end", () => resolve(size))
        .resume();
    });
    this.inflated += total;
    const out = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  /** A part's text, decoded as its byte order mark or XML declaration says. */
  async readText(path: string): Promise<string | null> {
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    const bytes = await this.readBytes(path);
    if (bytes === null) return null;
    const { text, invalid } = decodeXml(bytes, path);
    if (invalid) this.invalidParts.add(path);
    this.texts.set(path, text);
    return text;
  }

  /**
   * The text of a part scanned with scanXml without the element cap (a quick look): readXml then
   * applies the cap to the scan's count instead of scanning the text again.
   */
  async scanText(
    path: string,
    paragraphs: boolean | number,
  ): Promise<{ text: string; scan: XmlScan } | null> {
    const text = await this.readText(path);
    if (text === null) return null;
    const scan = scanXml(text, path, { paragraphs, maxElements: Infinity });
    this.scans.set(path, scan);
    return { text, scan };
  }

  /** Parses a part after checking it against the element and depth caps. */
  async readXml(path: string): Promise<XmlDocument | null> {
    const text = await this.readText(path);
    if (text === null) return null;
    this.texts.delete(path);
    // A DOM costs tens of bytes per byte of XML: larger parts get only the quick look.
    if (text.length > LIMITS.maxParsed)
      throw new PlanstodError("part-too-large", `${path}|${MB(LIMITS.maxParsed)}`);
    if (path === this.main) this.mainText = text;
    const earlier = this.scans.get(path);
    this.scans.delete(path);
    // A quick look's scan checked all but the element cap (it counted the elements): applied here.
    if (earlier && earlier.elements > LIMITS.maxElements)
      throw new PlanstodError("too-many-elements", `${path}|${LIMITS.maxElements}`);
    const scan = earlier ?? scanXml(text, path, { maxElements: LIMITS.maxElements });
    this.elements += scan.elements;
    if (this.elements > LIMITS.maxElementsTotal)
      throw new PlanstodError("too-many-elements", `dokumentet|${LIMITS.maxElementsTotal}`);
    return parseXml(text, path, { scanned: true });
  }

  /** The relationships of a part (from its _rels file), with targets resolved to package paths. */
  async relationships(partPath: string): Promise<Relationship[]> {
    // Read once per package (the quick recognition and the model both ask for the main part's).
    const known = this.rels.get(partPath);
    if (known) return [...known];
    const { dir, rels } = relsPathOf(partPath);
    const doc = await this.readXml(rels);
    const found = doc?.documentElement ? parseRelationships(doc.documentElement, dir) : [];
    this.rels.set(partPath, found);
    return [...found];
  }

  private async findMainPart(): Promise<string | null> {
    const rels = await this.relationships("");
    const main = rels.find((r) => r.type === OFFICE_DOCUMENT || r.type === STRICT_OFFICE_DOCUMENT);
    if (main && this.has(main.target)) return main.target;
    return this.has("word/document.xml") ? "word/document.xml" : null;
  }
}
