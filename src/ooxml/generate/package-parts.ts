import type { GeneratedTemplate } from "../../core/templates/layout";
import { documentXml } from "./body";
import { DEFAULT_PLACEHOLDER_DOCPART, STYLE, stylesXml } from "./styles";
import { escapeXml, NS, REL, XML_DECL } from "./markup";
import { CORE_PROPERTIES, DC, DCMITYPE, DCTERMS, EXTENDED_PROPERTIES, VT, XSI } from "../xml/namespaces";

/**
 * Every part of a generated template's package, as strings keyed by part name. Pure: the .docx
 * (JSZip) and the flat OPC Word's insertOoxml takes are both assembled from these.
 */

export interface GenerateOptions {
  /** Creation time written to the core properties (default: the Unix epoch, for repeatable bytes). */
  created?: Date;
}

const MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml";

export const CONTENT_TYPES: Record<string, string> = {
  "word/document.xml": `${MAIN}.document.main+xml`,
  "word/styles.xml": `${MAIN}.styles+xml`,
  "word/settings.xml": `${MAIN}.settings+xml`,
  "word/fontTable.xml": `${MAIN}.fontTable+xml`,
  "word/glossary/document.xml": `${MAIN}.document.glossary+xml`,
  "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
  "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
};

function relationships(rels: readonly [string, string][]): string {
  const items = rels.map(
    ([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`,
  );
  return `${XML_DECL}<Relationships xmlns="${NS.rels}">${items.join("")}</Relationships>`;
}

const isoSeconds = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

function coreXml(title: string, language: string, created: Date): string {
  return (
    XML_DECL +
    `<cp:coreProperties xmlns:cp="${CORE_PROPERTIES}" xmlns:dc="${DC}" xmlns:dcterms="${DCTERMS}" ` +
    `xmlns:dcmitype="${DCMITYPE}" xmlns:xsi="${XSI}">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Planstöd</dc:creator><dc:language>${language}</dc:language>` +
    `<cp:lastModifiedBy>Planstöd</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${isoSeconds(created)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${isoSeconds(created)}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

const APP_XML =
  XML_DECL +
  `<Properties xmlns="${EXTENDED_PROPERTIES}" xmlns:vt="${VT}">` +
  "<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>Planstöd</Application>" +
  "<DocSecurity>0</DocSecurity><SharedDoc>false</SharedDoc><AppVersion>16.0000</AppVersion></Properties>";

function settingsXml(locale: string): string {
  const decimal = ",";
  return (
    XML_DECL +
    `<w:settings xmlns:w="${NS.w}" xmlns:w14="${NS.w14}" xmlns:mc="${NS.mc}" mc:Ignorable="w14">` +
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="1304"/><w:hyphenationZone w:val="425"/>' +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>' +
    '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>' +
    '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>' +
    '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>' +
    '<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/></w:compat>' +
    `<w:themeFontLang w:val="${locale}"/>` +
    `<w:decimalSymbol w:val="${decimal}"/><w:listSeparator w:val=";"/></w:settings>`
  );
}

const FONT_TABLE =
  XML_DECL +
  `<w:fonts xmlns:w="${NS.w}">` +
  '<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>' +
  '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
  '<w:font w:name="Calibri Light"><w:panose1 w:val="020F0302020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>' +
  '<w:font w:name="MS Gothic"><w:altName w:val="ＭＳ ゴシック"/><w:panose1 w:val="020B0609070205080204"/><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>' +
  "</w:fonts>";

const CATEGORY = { "sv-SE": "Allmänt", "da-DK": "Generelt" } as const;

/** The glossary with Word's default placeholder building block, in the template's language. */
function glossaryXml(locale: "sv-SE" | "da-DK", placeholder: string): string {
  return (
    XML_DECL +
    `<w:glossaryDocument xmlns:w="${NS.w}"><w:docParts><w:docPart><w:docPartPr>` +
    `<w:name w:val="${DEFAULT_PLACEHOLDER_DOCPART}"/><w:category><w:name w:val="${CATEGORY[locale]}"/><w:gallery w:val="placeholder"/></w:category>` +
    '<w:types><w:type w:val="bbPlcHdr"/></w:types><w:behaviors><w:behavior w:val="content"/></w:behaviors>' +
    '<w:guid w:val="{6C1A52E4-3B0F-4C3A-9F1E-2D7B5A8C9E01}"/></w:docPartPr>' +
    `<w:docPartBody><w:p><w:r><w:rPr><w:rStyle w:val="${STYLE.placeholder}"/></w:rPr><w:t>${escapeXml(placeholder)}</w:t></w:r></w:p></w:docPartBody>` +
    "</w:docPart></w:docParts></w:glossaryDocument>"
  );
}

/** The parts of the package, in the order a .docx lists them. */
export function packageParts(
  generated: GeneratedTemplate,
  options: GenerateOptions = {},
): Map<string, string> {
  const { template, locale } = generated;
  const title = template.title ?? template.name;
  const placeholder = template.placeholders[0] ?? "";
  const parts = new Map<string, string>();
  const overrides = Object.entries(CONTENT_TYPES)
    .map(([name, type]) => `<Override PartName="/${name}" ContentType="${type}"/>`)
    .join("");
  parts.set(
    "[Content_Types].xml",
    `${XML_DECL}<Types xmlns="${NS.ct}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`,
  );
  parts.set(
    "_rels/.rels",
    relationships([
      [REL.officeDocument, "word/document.xml"],
      [REL.core, "docProps/core.xml"],
      [REL.app, "docProps/app.xml"],
    ]),
  );
  parts.set("docProps/core.xml", coreXml(title, locale, options.created ?? new Date(0)));
  parts.set("docProps/app.xml", APP_XML);
  parts.set("word/document.xml", documentXml(generated));
  parts.set(
    "word/_rels/document.xml.rels",
    relationships([
      [REL.styles, "styles.xml"],
      [REL.settings, "settings.xml"],
      [REL.fontTable, "fontTable.xml"],
      [REL.glossary, "glossary/document.xml"],
    ]),
  );
  parts.set("word/styles.xml", stylesXml(locale));
  parts.set("word/settings.xml", settingsXml(locale));
  parts.set("word/fontTable.xml", FONT_TABLE);
  parts.set("word/glossary/document.xml", glossaryXml(locale, placeholder));
  return parts;
}
