/**
 * The .docx package behind the Word double: the parsed main document, its header and footer
 * parts, styles and glossary, and the flat-OPC (pkg:package) form that Word uses for
 * getOoxml()/insertOoxml().
 */

import JSZip from "jszip";

import {
  NS,
  children,
  childNs,
  childW,
  isNs,
  isW,
  parseXml,
  serializeXml,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
} from "./xml";

const REL_OFFICE_DOCUMENT =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const REL_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
const REL_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
const REL_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
const REL_GLOSSARY = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument";

const CT_RELS = "application/vnd.openxmlformats-package.relationships+xml";
const CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
const CT_NUMBERING = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";

export interface Relationship {
  id: string;
  type: string;
  /** Package path without leading slash, e.g. "word/header1.xml". */
  path: string;
}

/** A header or footer part: its own story with its own DOM. */
export interface StoryPart {
  kind: "header" | "footer";
  relId: string;
  path: string;
  doc: XmlDocument;
  /** The w:hdr or w:ftr element. */
  root: XmlElement;
}

function resolveTarget(sourcePath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = sourcePath.includes("/") ? sourcePath.slice(0, sourcePath.lastIndexOf("/") + 1) : "";
  const parts = (base + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/**
 * A relationship type in Transitional spelling: Word opens a Strict Open XML document and works
 * on it as Transitional, so the double reads Strict packages' relationship types as their
 * Transitional equivalents.
 */
const transitionalType = (type: string): string =>
  type.replace(
    /^http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships\//,
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
  );

/** Strict Open XML namespaces and their Transitional equivalents (ECMA-376 Part 1, Annex A). */
const STRICT_NAMESPACES: readonly [string, string][] = [
  [
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  ],
  [
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  ],
  ["http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main"],
  [
    "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
  ],
  [
    "http://purl.oclc.org/ooxml/drawingml/picture",
    "http://schemas.openxmlformats.org/drawingml/2006/picture",
  ],
  [
    "http://purl.oclc.org/ooxml/officeDocument/math",
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
  ],
];

/** A part as Word holds it once a Strict document is open: in Transitional namespaces. */
const transitional = (xml: string): string =>
  xml.includes("purl.oclc.org/ooxml/")
    ? STRICT_NAMESPACES.reduce((s, [strict, trans]) => s.split(strict).join(trans), xml)
    : xml;

function parseRels(xml: string, sourcePath: string): Relationship[] {
  const doc = parseXml(xml, relsPathOf(sourcePath));
  return Array.from(doc.getElementsByTagNameNS(NS.rels, "Relationship"))
    .filter((r) => r.getAttribute("TargetMode") !== "External")
    .map((r) => ({
      id: r.getAttribute("Id") ?? "",
      type: transitionalType(r.getAttribute("Type") ?? ""),
      path: resolveTarget(sourcePath, r.getAttribute("Target") ?? ""),
    }));
}

export class DocxParts {
  readonly zip: JSZip;
  readonly mainPath: string;
  readonly main: XmlDocument;
  readonly body: XmlElement;
  readonly relationships: Relationship[];
  readonly stories: StoryPart[];
  readonly styles: XmlDocument | null;
  readonly stylesXml: string | null;
  readonly numberingXml: string | null;
  readonly glossary: XmlDocument | null;
  /** Parsed parts whose DOM the double has changed; only these are re-serialised. */
  readonly dirty = new Set<XmlDocument>();
  /** Extra parts for getOoxml's package (the comments part, see comments.ts). */
  flatOpcExtra: ((blocks: readonly XmlElement[]) => { rel: string; part: string } | null) | null = null;

  private constructor(init: {
    zip: JSZip;
    mainPath: string;
    main: XmlDocument;
    body: XmlElement;
    relationships: Relationship[];
    stories: StoryPart[];
    styles: XmlDocument | null;
    stylesXml: string | null;
    numberingXml: string | null;
    glossary: XmlDocument | null;
  }) {
    this.zip = init.zip;
    this.mainPath = init.mainPath;
    this.main = init.main;
    this.body = init.body;
    this.relationships = init.relationships;
    this.stories = init.stories;
    this.styles = init.styles;
    this.stylesXml = init.stylesXml;
    this.numberingXml = init.numberingXml;
    this.glossary = init.glossary;
  }

  static async open(bytes: Uint8Array): Promise<DocxParts> {
    const zip = await JSZip.loadAsync(bytes);
    const read = async (path: string): Promise<string | null> => {
      const f = zip.file(path);
      return f ? transitional(await f.async("string")) : null;
    };
    const rootRels = await read("_rels/.rels");
    if (rootRels === null) throw new Error("word double: package has no _rels/.rels");
    const mainRel = parseRels(rootRels, "").find((r) => r.type === REL_OFFICE_DOCUMENT);
    if (!mainRel) throw new Error("word double: package has no officeDocument relationship");
    const mainXml = await read(mainRel.path);
    if (mainXml === null) throw new Error(`word double: missing main part ${mainRel.path}`);
    const main = parseXml(mainXml, mainRel.path);
    const body = main.documentElement ? childW(main.documentElement, "body") : null;
    if (!body) throw new Error("word double: main part has no w:body");

    const relsXml = await read(relsPathOf(mainRel.path));
    const relationships = relsXml === null ? [] : parseRels(relsXml, mainRel.path);
    const stories: StoryPart[] = [];
    for (const rel of relationships) {
      const kind = rel.type === REL_HEADER ? "header" : rel.type === REL_FOOTER ? "footer" : null;
      if (!kind) continue;
      const xml = await read(rel.path);
      if (xml === null) continue;
      const doc = parseXml(xml, rel.path);
      if (!doc.documentElement) continue;
      stories.push({ kind, relId: rel.id, path: rel.path, doc, root: doc.documentElement });
    }
    const stylesRel = relationships.find((r) => r.type === REL_STYLES);
    const stylesXml = stylesRel ? await read(stylesRel.path) : null;
    const numberingRel = relationships.find((r) => r.type === REL_NUMBERING);
    const numberingXml = numberingRel ? await read(numberingRel.path) : null;
    const glossaryRel = relationships.find((r) => r.type === REL_GLOSSARY);
    const glossaryXml = glossaryRel ? await read(glossaryRel.path) : null;
    return new DocxParts({
      zip,
      mainPath: mainRel.path,
      main,
      body,
      relationships,
      stories,
      styles: stylesXml === null ? null : parseXml(stylesXml, stylesRel?.path ?? "styles"),
      stylesXml,
      numberingXml,
      glossary: glossaryXml === null ? null : parseXml(glossaryXml, glossaryRel?.path ?? "glossary"),
    });
  }

  /** The part path that owns `doc` (main document or a header/footer). */
  pathOf(doc: XmlDocument): string {
    if (doc === this.main) return this.mainPath;
    const story = this.stories.find((s) => s.doc === doc);
    if (!story) throw new Error("word double: unknown part");
    return story.path;
  }

  /** Serialises the changed parts back into the original package; other parts are untouched. */
  async toDocx(): Promise<Uint8Array> {
    for (const doc of this.dirty) this.zip.file(this.pathOf(doc), serializeXml(doc));
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  /**
   * A flat-OPC package like the one Word returns from getOoxml(): /_rels/.rels,
   * /word/document.xml with `blocks` and a w:sectPr in its body, /word/styles.xml
   * (and /word/numbering.xml when the document has one).
   */
  flatOpc(blocks: readonly XmlNode[]): string {
    const extra = this.flatOpcExtra?.(blocks.filter((b): b is XmlElement => b.nodeType === 1)) ?? null;
    const rootEl = this.main.documentElement;
    const decls: string[] = [];
    if (rootEl) {
      for (let i = 0; i < rootEl.attributes.length; i++) {
        const a = rootEl.attributes.item(i);
        if (a && (a.name.startsWith("xmlns") || a.name === "mc:Ignorable")) {
          decls.push(`${a.name}="${escapeAttr(a.value)}"`);
        }
      }
    }
    if (!decls.some((d) => d.startsWith("xmlns:w="))) decls.push(`xmlns:w="${NS.w}"`);
    const docRels = [
      this.stylesXml !== null ? `<Relationship Id="rId1" Type="${REL_STYLES}" Target="styles.xml"/>` : "",
      this.numberingXml !== null
        ? `<Relationship Id="rId2" Type="${REL_NUMBERING}" Target="numbering.xml"/>`
        : "",
      extra?.rel ?? "",
    ].join("");
    const part = (name: string, type: string, inner: string): string =>
      `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${inner}</pkg:xmlData></pkg:part>`;
    const skeleton =
      `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>` +
      `<pkg:package xmlns:pkg="${NS.pkg}">` +
      part(
        "/_rels/.rels",
        CT_RELS,
        `<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${REL_OFFICE_DOCUMENT}" Target="word/document.xml"/></Relationships>`,
      ) +
      part("/word/document.xml", CT_MAIN, `<w:document ${decls.join(" ")}><w:body/></w:document>`) +
      part(
        "/word/_rels/document.xml.rels",
        CT_RELS,
        `<Relationships xmlns="${NS.rels}">${docRels}</Relationships>`,
      ) +
      (this.stylesXml !== null ? part("/word/styles.xml", CT_STYLES, stripDecl(this.stylesXml)) : "") +
      (this.numberingXml !== null
        ? part("/word/numbering.xml", CT_NUMBERING, stripDecl(this.numberingXml))
        : "") +
      (extra?.part ?? "") +
      `</pkg:package>`;
    const pkg = parseXml(skeleton, "flat OPC");
    const body = pkg.getElementsByTagNameNS(NS.w, "body").item(0);
    if (!body) throw new Error("word double: flat OPC skeleton has no body");
    for (const b of blocks) body.appendChild(pkg.importNode(b, true));
    body.appendChild(pkg.importNode(this.sectPrForExport(), true));
    return serializeXml(pkg);
  }

  /** The document's final w:sectPr without header/footer references (they point to parts not exported). */
  private sectPrForExport(): XmlElement {
    const last = children(this.body)
      .filter((c) => isW(c, "sectPr"))
      .pop();
    const sectPr = last ? (last.cloneNode(true) as XmlElement) : this.main.createElementNS(NS.w, "w:sectPr");
    for (const c of children(sectPr)) {
      if (isW(c, "headerReference") || isW(c, "footerReference")) sectPr.removeChild(c);
    }
    return sectPr;
  }
}

function stripDecl(xml: string): string {
  return xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, "");
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/**
 * The block-level content (w:p, w:tbl, w:sdt ...) of the main document part of a flat-OPC
 * package, as Word's insertOoxml() accepts it. Returns a string describing the problem when
 * the text is not such a package (Word answers those with InvalidArgument).
 */
export function blocksOfFlatOpc(ooxml: string): XmlElement[] | string {
  let pkg: XmlDocument;
  try {
    pkg = parseXml(ooxml, "insertOoxml");
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const root = pkg.documentElement;
  if (!isNs(root, NS.pkg, "package")) return "not a flat-OPC pkg:package";
  const parts = children(root).filter((p) => isNs(p, NS.pkg, "part"));
  const partXml = (name: string): XmlElement | null => {
    const p = parts.find((x) => x.getAttributeNS(NS.pkg, "name") === name);
    const data = p ? childNs(p, NS.pkg, "xmlData") : null;
    return data ? (children(data)[0] ?? null) : null;
  };
  const rels = partXml("/_rels/.rels");
  if (!rels) return "the package has no /_rels/.rels part";
  const mainRel = children(rels).find((r) => r.getAttribute("Type") === REL_OFFICE_DOCUMENT);
  if (!mainRel) return "the package's /_rels/.rels has no officeDocument relationship";
  const mainName = `/${resolveTarget("", mainRel.getAttribute("Target") ?? "")}`;
  const document = partXml(mainName);
  if (!isW(document, "document")) return `the package has no w:document part at ${mainName}`;
  const body = childW(document, "body");
  if (!body) return "the main part has no w:body";
  return children(body).filter((c) => !isW(c, "sectPr"));
}
