import { elementChildren, type XmlDocument, type XmlElement } from "../xml/dom";

/** What every source of OOXML parts offers, and the package-path helpers they share. */

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Where parts come from: a .docx (DocxPackage) or Word's flat OPC OOXML (FlatOpc). */
export interface PartSource {
  readonly mainPart: string;
  readXml(path: string): Promise<XmlDocument | null>;
  relationships(partPath: string): Promise<Relationship[]>;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolvePath(dir: string, target: string): string {
  const parts = target.startsWith("/") ? [] : dir.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

/** The relationships file of a part: `word/document.xml` → `word/_rels/document.xml.rels`. */
export function relsPathOf(partPath: string): { dir: string; rels: string } {
  const slash = partPath.lastIndexOf("/");
  const dir = slash < 0 ? "" : partPath.slice(0, slash);
  return { dir, rels: `${dir ? `${dir}/` : ""}_rels/${partPath.slice(slash + 1)}.rels` };
}

/** The internal relationships listed in a relationships part, targets resolved against `dir`. */
export function parseRelationships(root: XmlElement, dir: string): Relationship[] {
  return elementChildren(root)
    .filter((el) => el.localName === "Relationship" && el.getAttribute("TargetMode") !== "External")
    .map((el) => ({
      id: el.getAttribute("Id") ?? "",
      type: el.getAttribute("Type") ?? "",
      target: resolvePath(dir, el.getAttribute("Target") ?? ""),
    }));
}
