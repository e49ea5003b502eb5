import { CONTENT_TYPES_NS, escapeXml, MC, R, RELS_NS, W, W14 } from "../xml/namespaces";

/** Small string builders for WordprocessingML, as Word itself writes it. */

export { escapeXml };

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const NS = {
  w: W,
  r: R,
  w14: W14,
  mc: MC,
  rels: RELS_NS,
  ct: CONTENT_TYPES_NS,
} as const;

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  core: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  app: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  settings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
  fontTable: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable",
  glossary: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument",
} as const;

/** A run of text; `rPr` is the run properties' inner XML. */
export function run(text: string, rPr = ""): string {
  const props = rPr ? `<w:rPr>${rPr}</w:rPr>` : "";
  return `<w:r>${props}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A paragraph; `pPr` is the paragraph properties' inner XML. */
export function para(runs: string, pPr = ""): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${runs}</w:p>`;
}

export const styled = (style: string, text: string): string =>
  para(text === "" ? "" : run(text), `<w:pStyle w:val="${style}"/>`);
