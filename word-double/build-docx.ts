/**
 * Builds small .docx packages for tests of the Word double and of code that uses it.
 * The result is a minimal but valid WordprocessingML package (content types, relationships,
 * styles, optional header and glossary placeholders).
 */

import JSZip from "jszip";

const W_NS_DECLS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'mc:Ignorable="w14 w15"',
].join(" ");

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** English built-in style definitions (lower-case names, as Word stores them). */
export const DEFAULT_STYLES = [
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="Min stil"/><w:basedOn w:val="Normal"/></w:style>',
  '<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>',
].join("");

export interface TestDocxSpec {
  /** Inner XML of w:body, without the final w:sectPr (added, with the header reference). */
  body: string;
  /** Inner XML of w:hdr for a default header. */
  header?: string;
  /** Glossary building blocks for placeholders: docPart name -> placeholder text. */
  placeholders?: Readonly<Record<string, string>>;
  /** Inner XML of w:styles; default DEFAULT_STYLES. */
  styles?: string;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export async function buildTestDocx(spec: TestDocxSpec): Promise<Uint8Array> {
  const zip = new JSZip();
  const overrides = [
    [
      "/word/document.xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ],
    ["/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"],
  ];
  const rels = [`<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>`];
  if (spec.header !== undefined) {
    overrides.push([
      "/word/header1.xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    ]);
    rels.push(`<Relationship Id="rId2" Type="${REL}/header" Target="header1.xml"/>`);
    zip.file(
      "word/header1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W_NS_DECLS}>${spec.header}</w:hdr>`,
    );
  }
  if (spec.placeholders) {
    overrides.push([
      "/word/glossary/document.xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml",
    ]);
    rels.push(`<Relationship Id="rId3" Type="${REL}/glossaryDocument" Target="glossary/document.xml"/>`);
    const parts = Object.entries(spec.placeholders)
      .map(
        ([name, text]) =>
          `<w:docPart><w:docPartPr><w:name w:val="${name}"/><w:category><w:name w:val="General"/><w:gallery w:val="placeholder"/></w:category></w:docPartPr>` +
          `<w:docPartBody><w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>${escapeText(text)}</w:t></w:r></w:p></w:docPartBody></w:docPart>`,
      )
      .join("");
    zip.file(
      "word/glossary/document.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:glossaryDocument ${W_NS_DECLS}><w:docParts>${parts}</w:docParts></w:glossaryDocument>`,
    );
  }
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
      `</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W_NS_DECLS}>${spec.styles ?? DEFAULT_STYLES}</w:styles>`,
  );
  const headerRef = spec.header !== undefined ? '<w:headerReference w:type="default" r:id="rId2"/>' : "";
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS_DECLS}><w:body>${spec.body}` +
      `<w:sectPr>${headerRef}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

// Small builders for body XML ------------------------------------------------------------

export function run(text: string, rStyle?: string): string {
  const rPr = rStyle ? `<w:rPr><w:rStyle w:val="${rStyle}"/></w:rPr>` : "";
  return `<w:r>${rPr}<w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`;
}

export function para(content: string, style?: string): string {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : "";
  return `<w:p>${pPr}${content}</w:p>`;
}

export interface SdtSpec {
  /** OOXML w:id. */
  wId: number;
  tag?: string;
  alias?: string;
  /** The type element, e.g. "<w:text/>", "<w:dropDownList/>"; omitted = rich text. */
  type?: string;
  /** Glossary docPart name used as placeholder. */
  placeholder?: string;
  showingPlaceholder?: boolean;
  lock?: string;
  /** Inner XML of w:sdtContent. */
  content: string;
}

export function sdt(spec: SdtSpec): string {
  const pr = [
    spec.alias !== undefined ? `<w:alias w:val="${spec.alias}"/>` : "",
    spec.tag !== undefined ? `<w:tag w:val="${spec.tag}"/>` : "",
    `<w:id w:val="${spec.wId}"/>`,
    spec.lock ? `<w:lock w:val="${spec.lock}"/>` : "",
    spec.placeholder ? `<w:placeholder><w:docPart w:val="${spec.placeholder}"/></w:placeholder>` : "",
    spec.showingPlaceholder ? "<w:showingPlcHdr/>" : "",
    spec.type ?? "",
  ].join("");
  return `<w:sdt><w:sdtPr>${pr}</w:sdtPr><w:sdtContent>${spec.content}</w:sdtContent></w:sdt>`;
}

/** A flat-OPC package holding `bodyXml`, as insertOoxml() accepts it. */
export function flatOpc(bodyXml: string): string {
  return (
    `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">` +
    `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>` +
    `</pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>` +
    `<w:document ${W_NS_DECLS}><w:body>${bodyXml}</w:body></w:document>` +
    `</pkg:xmlData></pkg:part></pkg:package>`
  );
}
