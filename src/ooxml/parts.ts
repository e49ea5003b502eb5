import type { XmlDocument } from "./xml";

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
