import JSZip from "jszip";
import type { GeneratedTemplate } from "../../core/templates/layout";
import { packageParts, type GenerateOptions } from "./package-parts";

export { packageParts, type GenerateOptions } from "./package-parts";
export { planFlatOpc } from "./flat";

/**
 * A new .docx of one of Planstöd's own templates, the way Word writes one. Pure (no file
 * system): the command line writes the bytes; the same parts feed the pane's insertOoxml.
 */
export async function generateDocx(
  generated: GeneratedTemplate,
  options: GenerateOptions = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  // A fixed date on every entry, so that the same template gives the same bytes.
  const date = new Date(Date.UTC(1980, 0, 1));
  for (const [name, xml] of packageParts(generated, options))
    zip.file(name, xml, { date, createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
