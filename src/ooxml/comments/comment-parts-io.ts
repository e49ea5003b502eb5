import { PlanstodError } from "../../core/messages";
import type { DocxPackage } from "../package/docx-package";
import { relsPathOf } from "../package/relationships";
import { elementChildren, parseXml, serializeXml, type XmlDocument } from "../xml/dom";
import { COMMENT_PARTS, CONTENT_TYPES_NS, MC, RELS_NS, W14, type CommentPartKind } from "./comment-parts";
import type { CommentParts } from "./read";

/**
 * The comment parts in a .docx package: finding them through the main part's relationships,
 * creating empty ones, serialising, and registering new ones (relationships and content-type
 * overrides). Every other part is left as it is.
 */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export function serialise(doc: XmlDocument): string {
  // serializeXml writes a carriage return from `&#13;` back as a reference (xml/dom.ts).
  const xml = serializeXml(doc);
  const withDeclaration = xml.startsWith("<?xml") ? xml : XML_DECLARATION + xml;
  // Parts are written as UTF-8 (JSZip encodes strings so), whatever the input declared.
  return withDeclaration.replace(/^(<\?xml[^>]*?encoding=)(["'])[^"']*\2/, "$1$2UTF-8$2");
}

/** A new, empty comment part of a kind, in the document's flavour of WordprocessingML. */
export function emptyPart(kind: CommentPartKind, w: string): XmlDocument {
  const ns = kind.root.ns || w;
  const prefix = kind.root.qname.split(":")[0];
  const ignorable = kind.key === "comments" ? "w14" : prefix;
  const extra = kind.key === "comments" ? ` xmlns:w14="${W14}"` : "";
  return parseXml(
    `${XML_DECLARATION}<${kind.root.qname} xmlns:mc="${MC}" xmlns:${prefix}="${ns}"${extra} mc:Ignorable="${ignorable}"/>`,
    kind.file,
  );
}

export interface LoadedPart {
  kind: CommentPartKind;
  path: string;
  doc: XmlDocument | null;
  /** Whether the main part already has a relationship to it. */
  related: boolean;
}

export async function loadParts(pkg: DocxPackage): Promise<LoadedPart[]> {
  const rels = await pkg.relationships(pkg.mainPart);
  const dir = relsPathOf(pkg.mainPart).dir;
  const out: LoadedPart[] = [];
  for (const kind of COMMENT_PARTS) {
    const rel = rels.find((r) => r.type === kind.relType || r.type === kind.strictRelType);
    const path = rel?.target ?? `${dir ? `${dir}/` : ""}${kind.file}`;
    out.push({
      kind,
      path,
      doc: rel && pkg.has(path) ? await pkg.readXml(path) : null,
      related: rel !== undefined,
    });
  }
  return out;
}

export const partsOf = (loaded: readonly LoadedPart[]): CommentParts => {
  const get = (key: CommentPartKind["key"]) => loaded.find((l) => l.kind.key === key)?.doc ?? null;
  return {
    comments: get("comments"),
    extended: get("extended"),
    ids: get("ids"),
    extensible: get("extensible"),
  };
};

/** Adds the relationships and content-type overrides of the parts that are new. */
export async function registerParts(
  pkg: DocxPackage,
  loaded: readonly LoadedPart[],
  strict: boolean,
): Promise<void> {
  const { dir, rels: relsPath } = relsPathOf(pkg.mainPart);
  const missing = loaded.filter((l) => !l.related);
  if (missing.length > 0) {
    const relsText = await pkg.readText(relsPath);
    const rels = parseXml(relsText ?? `${XML_DECLARATION}<Relationships xmlns="${RELS_NS}"/>`, relsPath);
    const root = rels.documentElement;
    if (!root) throw new PlanstodError("bad-xml", relsPath);
    const ids = new Set(elementChildren(root).map((r) => r.getAttribute("Id") ?? ""));
    let n = 1;
    for (const part of missing) {
      while (ids.has(`rId${n}`)) n++;
      ids.add(`rId${n}`);
      const rel = rels.createElementNS(root.namespaceURI ?? RELS_NS, "Relationship");
      rel.setAttribute("Id", `rId${n}`);
      rel.setAttribute(
        "Type",
        strict && part.kind.strictRelType ? part.kind.strictRelType : part.kind.relType,
      );
      rel.setAttribute(
        "Target",
        dir && part.path.startsWith(`${dir}/`) ? part.path.slice(dir.length + 1) : `/${part.path}`,
      );
      root.appendChild(rel);
    }
    pkg.zip.file(relsPath, serialise(rels), { createFolders: false });
  }
  const typesText = await pkg.readText("[Content_Types].xml");
  if (typesText === null) throw new PlanstodError("not-docx");
  const types = parseXml(typesText, "[Content_Types].xml");
  const root = types.documentElement;
  if (!root) throw new PlanstodError("bad-xml", "[Content_Types].xml");
  const overridden = new Set(
    elementChildren(root)
      .filter((el) => el.localName === "Override")
      .map((el) => (el.getAttribute("PartName") ?? "").toLowerCase()),
  );
  let changed = false;
  for (const part of loaded) {
    const name = `/${part.path}`;
    if (overridden.has(name.toLowerCase())) continue;
    const el = types.createElementNS(root.namespaceURI ?? CONTENT_TYPES_NS, "Override");
    el.setAttribute("PartName", name);
    el.setAttribute("ContentType", part.kind.contentType);
    root.appendChild(el);
    changed = true;
  }
  if (changed) pkg.zip.file("[Content_Types].xml", serialise(types), { createFolders: false });
}
