import { PKG } from "../xml/namespaces";
import type { GeneratedTemplate } from "../../core/templates/layout";
import { CONTENT_TYPES, packageParts } from "./package-parts";

/**
 * The flat OPC (`pkg:package`) of a generated template's body and styles, as Word's
 * `insertOoxml` takes it: the document with its styles, so headings and guidance keep their look.
 */
export function planFlatOpc(generated: GeneratedTemplate): string {
  const parts = packageParts(generated);
  // Inserted into another document, the styles' defaults do not come along: every run carries
  // the template's language itself, so that Word spell-checks it in Danish or Swedish.
  const lang = `<w:lang w:val="${generated.locale}"/>`;
  const document = (parts.get("word/document.xml") ?? "").replace(
    /<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?/g,
    (_m, inner: string | undefined) => `<w:r><w:rPr>${inner ?? ""}${lang}</w:rPr>`,
  );
  parts.set("word/document.xml", document);
  const wanted = ["_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml"];
  const rels = "application/vnd.openxmlformats-package.relationships+xml";
  const strip = (xml: string) => xml.replace(/^<\?xml[^>]*\?>\s*/, "");
  const body = wanted.map((name) => {
    let xml = strip(parts.get(name) ?? "");
    if (name === "_rels/.rels") xml = xml.replace(/<Relationship Id="rId[23]"[^>]*\/>/g, "");
    if (name === "word/_rels/document.xml.rels")
      xml = xml.replace(/<Relationship Id="rId[234]"[^>]*\/>/g, "");
    const type = name.endsWith(".rels") ? rels : CONTENT_TYPES[name];
    return `<pkg:part pkg:name="/${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
  });
  return (
    '<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>' +
    `<pkg:package xmlns:pkg="${PKG}">${body.join("")}</pkg:package>`
  );
}
