import { PlanstodError } from "../../core/messages";
import { LIMITS } from "./limits";
import {
  parseRelationships,
  relsPathOf,
  resolvePath,
  type PartSource,
  type Relationship,
} from "./relationships";
import { elementChildren, parseXml, serializeXml, type XmlDocument, type XmlElement } from "../xml/dom";
import { escapeXml, PKG, RELS_NS as REL_NS } from "../xml/namespaces";

/**
 * The flat OPC form of a package (`pkg:package`), as Word's `getOoxml()` returns it and
 * `insertOoxml()` takes it: every part inline, XML parts as `pkg:xmlData`.
 */

export { PKG as PKG_NS } from "../xml/namespaces";
const PKG_NS = PKG;
const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

export class FlatOpc implements PartSource {
  readonly mainPart: string;
  private readonly parts = new Map<string, XmlElement>();

  constructor(xml: string) {
    // One XML text holds every part: it gets the budget of all parts together.
    const doc = parseXml(xml, "OOXML", { maxElements: LIMITS.maxElementsTotal });
    const root = doc.documentElement;
    if (!root || root.localName !== "package" || root.namespaceURI !== PKG_NS)
      throw new PlanstodError("bad-xml", "OOXML");
    for (const part of elementChildren(root)) {
      if (part.localName !== "part") continue;
      const name = (part.getAttributeNS(PKG_NS, "name") || part.getAttribute("pkg:name") || "").replace(
        /^\//,
        "",
      );
      const data = elementChildren(part).find((c) => c.localName === "xmlData");
      const content = data ? elementChildren(data)[0] : undefined;
      if (name && content) this.parts.set(name, content);
    }
    const rels = this.parts.get("_rels/.rels");
    const main = rels
      ? elementChildren(rels)
          .find((r) => r.getAttribute("Type") === OFFICE_DOCUMENT)
          ?.getAttribute("Target")
      : undefined;
    this.mainPart = main ? resolvePath("", main) : "word/document.xml";
    if (!this.parts.has(this.mainPart)) throw new PlanstodError("not-docx");
  }

  /** The root element of an XML part, or null. Parts share the package's DOM document. */
  root(path: string): XmlElement | null {
    return this.parts.get(path) ?? null;
  }

  async readXml(path: string): Promise<XmlDocument | null> {
    const root = this.parts.get(path);
    if (!root) return null;
    // A standalone document per part, so callers see an ordinary document element.
    const doc = parseXml("<x/>", path);
    doc.replaceChild(doc.importNode(root, true), doc.documentElement!);
    return doc;
  }

  async relationships(partPath: string): Promise<Relationship[]> {
    const { dir, rels } = relsPathOf(partPath);
    const root = this.parts.get(rels);
    return root && root.namespaceURI === REL_NS ? parseRelationships(root, dir) : [];
  }
}

/**
 * A minimal flat OPC package holding body elements (w:p, w:tbl, w:sdt) of `source`, for
 * `insertOoxml`; the source root's namespace declarations keep every prefix bound.
 */
export function flatOpcOf(elements: readonly XmlElement[], source: XmlDocument): string {
  const xml = elements.map((el) => serializeXml(el)).join("");
  return flatOpcFor(xml, namespaceDeclarations(source));
}

/** The namespace declarations (and mc:Ignorable) of a document's root element. */
function namespaceDeclarations(doc: XmlDocument): string {
  const root = doc.documentElement;
  if (!root) return "";
  const out: string[] = [];
  for (let i = 0; i < root.attributes.length; i++) {
    const a = root.attributes.item(i);
    if (a && (a.name === "xmlns" || a.name.startsWith("xmlns:") || a.name === "mc:Ignorable")) {
      out.push(`${a.name}="${escapeXml(a.value)}"`);
    }
  }
  return out.join(" ");
}

/**
 * A minimal flat OPC package holding `bodyXml` (serialised body elements) as the body of a
 * document. `namespaces` are root declarations binding every prefix the elements use.
 */
export function flatOpcFor(bodyXml: string, namespaces: string): string {
  return (
    `<pkg:package xmlns:pkg="${PKG_NS}">` +
    `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>` +
    `<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="word/document.xml"/></Relationships>` +
    `</pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>` +
    `<w:document ${namespaces}><w:body>${bodyXml}</w:body></w:document>` +
    `</pkg:xmlData></pkg:part></pkg:package>`
  );
}
