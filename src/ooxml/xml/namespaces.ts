/**
 * Every XML namespace the engine reads or writes, in one place, and the one escape for XML text
 * and attribute values that string builders use (the DOM serializer escapes for itself:
 * xml/serialize.ts).
 */

/** WordprocessingML, ISO/IEC 29500 Transitional (what Word writes). */
export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/** WordprocessingML, ISO/IEC 29500 Strict ("Strict Open XML Document"). */
export const W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/** Both WordprocessingML namespaces: the engine reads either. */
export const W_NS: ReadonlySet<string> = new Set([W, W_STRICT]);
/** Office relationships (r:id). */
export const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Word 2010 (w14:paraId, w14:textId, w14:checkbox). */
export const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
/** Word 2012 (w15: comment threads). */
export const W15 = "http://schemas.microsoft.com/office/word/2012/wordml";
/** Word 2016 comment ids (w16cid:durableId). */
export const W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid";
/** Word 2018 comment dates (w16cex:dateUtc). */
export const W16CEX = "http://schemas.microsoft.com/office/word/2018/wordml/cex";
/** Markup compatibility (mc:Ignorable, mc:AlternateContent). */
export const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/** Package relationships (.rels parts). */
export const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** [Content_Types].xml. */
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
/** Core properties (docProps/core.xml) and the Dublin Core namespaces it uses. */
export const CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
export const DC = "http://purl.org/dc/elements/1.1/";
export const DCTERMS = "http://purl.org/dc/terms/";
export const DCMITYPE = "http://purl.org/dc/dcmitype/";
export const XSI = "http://www.w3.org/2001/XMLSchema-instance";
/** Extended properties (docProps/app.xml) and their variant types. */
export const EXTENDED_PROPERTIES =
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
export const VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
/** Word's flat OPC (pkg:package, what insertOoxml takes). */
export const PKG = "http://schemas.microsoft.com/office/2006/xmlPackage";
/** The namespace of the xml: prefix (xml:space): bound in every document, never declared. */
export const XML_NS = "http://www.w3.org/XML/1998/namespace";
/** The namespace of namespace declarations (xmlns, xmlns:w) as DOM attributes. */
export const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** Escapes text for XML character data and for an attribute value in double quotes. */
export const escapeXml = (text: string): string =>
  /[&<>"]/.test(text)
    ? text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
    : text;
