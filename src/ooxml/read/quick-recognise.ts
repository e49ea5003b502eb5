import { key } from "../../core/text";
import { TEMPLATES } from "../../core/templates";
import type { TemplateDef } from "../../core/types";
import { RECOGNITION_THRESHOLD } from "./recognise";
import { recognitionKeys } from "./extract";

/**
 * A quick look before the DOM is built: whether a document's rough paragraph texts (from the
 * scanner) could be a known template at all. It is generous by construction (a fixed text
 * counts when it occurs anywhere in a paragraph), so it only ever refuses documents that full
 * recognition would refuse too; an unrelated large document is answered without parsing it.
 */
const keysByTemplate = new Map<TemplateDef, string[]>();

export function couldBeTemplate(paragraphs: readonly string[]): boolean {
  const joined = paragraphs.map(key).join("\u0000");
  for (const template of TEMPLATES) {
    let keys = keysByTemplate.get(template);
    if (!keys) {
      keys = [...recognitionKeys(template)];
      keysByTemplate.set(template, keys);
    }
    if (keys.length === 0) return true;
    const found = keys.filter((k) => joined.includes(k)).length;
    if (found / keys.length >= RECOGNITION_THRESHOLD) return true;
  }
  return false;
}
