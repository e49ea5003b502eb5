/** The generated fixtures (scripts/fixtures/variants.ts), as the Node-side tests read them. */
import { readFileSync } from "node:fs";
import { DOMParser, XMLSerializer, type Document } from "@xmldom/xmldom";
import JSZip from "jszip";
import { VARIANTS, fixturePath } from "../../scripts/fixtures/variants";

/** A generated fixture's bytes, by its variant name ("sv-partial"). */
export const bytesOf = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fixturePath(VARIANTS.find((v) => v.name === name)!)));

/** A fixture with its word/document.xml edited through the DOM (@xmldom), as a new .docx. */
export async function editedDocx(name: string, change: (doc: Document) => void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytesOf(name));
  const doc = new DOMParser().parseFromString(
    await zip.file("word/document.xml")!.async("string"),
    "text/xml",
  );
  change(doc);
  zip.file("word/document.xml", new XMLSerializer().serializeToString(doc), { createFolders: false });
  return zip.generateAsync({ type: "uint8array" });
}
