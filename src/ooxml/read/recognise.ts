import { evaluate } from "../../core/evaluate";
import { PlanstodError } from "../../core/messages";
import { key } from "../../core/text";
import { TEMPLATES, templateById } from "../../core/templates";
import type { ExtractedDocument, Report, TemplateDef } from "../../core/types";
import type { ReadDocument } from "./document";
import { extract } from "./extract";
import { labelledFields } from "./labels";
import type { DocModel } from "./paragraph-model";

/**
 * Which template a document is — the one place that decides: by its controls' tags (Planstöd's
 * own templates), else by how much of each template's fixed text it holds; before any DOM is
 * built, a quick look at the scanned text refuses a document that cannot be any template; and
 * `--template ID` is resolved here, once, to the template it names. `analyse` then reads the
 * fields and applies the rules.
 */

// Reading a document is read/document.ts; hosts import it from here with the analysis.
export { modelOf, readParts, type ReadDocument } from "./document";

/** The template whose tags most of the document's controls carry, or null when none does. */
export function templateFromTags(model: DocModel): TemplateDef | null {
  let best: TemplateDef | null = null;
  let bestCount = 0;
  for (const template of TEMPLATES) {
    const prefix = `${template.id}/`;
    const count = model.controls.filter((c) => c.tag?.startsWith(prefix)).length;
    if (count > bestCount) {
      best = template;
      bestCount = count;
    }
  }
  return best;
}

/** The keys of a template's fixed texts that recognition looks for. */
export function recognitionKeys(template: TemplateDef): Set<string> {
  const wanted = new Set<string>();
  for (const { field } of labelledFields(template))
    if (field.locate.kind !== "top") wanted.add(key(field.locate.anchor));
  for (const h of template.headings) wanted.add(key(h));
  if (template.title) wanted.add(key(template.title));
  for (const block of template.blocks)
    if (block.kind === "rows") block.columns.forEach((c) => wanted.add(key(c.label)));
  return wanted;
}

/** How much of a template's fixed text a document holds: 0 (none) to 1 (all). */
export function recognitionScore(template: TemplateDef, model: DocModel): number {
  const wanted = recognitionKeys(template);
  const found = new Set<string>();
  for (const p of model.paragraphs) {
    const k = key(p.liveText);
    if (wanted.has(k)) found.add(k);
    // A label followed by its answer on the same line: the key up to one of its colons is wanted.
    else
      for (let c = k.indexOf(":"); c > 0; c = k.indexOf(":", c + 1))
        if (wanted.has(k.slice(0, c))) found.add(k.slice(0, c));
  }
  return wanted.size === 0 ? 0 : found.size / wanted.size;
}

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

/** Below this share of a template's fixed texts, a document is not taken for that template. */
export const RECOGNITION_THRESHOLD = 0.4;

/** Which known template a document is (by its controls' tags first, then by its texts), or null. */
export function recognise(model: DocModel): TemplateDef | null {
  // Planstöd's own templates carry their id in their controls' tags.
  const tagged = templateFromTags(model);
  if (tagged) return tagged;
  let best: TemplateDef | null = null;
  let bestScore = 0;
  for (const template of TEMPLATES) {
    const score = recognitionScore(template, model);
    if (score > bestScore) {
      best = template;
      bestScore = score;
    }
  }
  return bestScore >= RECOGNITION_THRESHOLD ? best : null;
}

/**
 * The template named by `--template`, or undefined; an unknown id is refused. The entry points
 * (docx.ts, comments/) call it once and hand the template to `readDocument`, which keeps it on the
 * read (`ReadDocument.forced`) for `analyse`.
 */
export function forcedTemplate(templateId: string | undefined): TemplateDef | undefined {
  if (templateId === undefined) return undefined;
  const forced = templateById(templateId);
  if (!forced) throw new PlanstodError("unknown-template-id", templateId);
  return forced;
}

export interface Analysis {
  template: TemplateDef;
  extracted: ExtractedDocument;
  report: Report;
}

/**
 * Recognises (or takes) the template, reads the fields and applies the rules. The template is
 * the read's forced one (`readDocument` with a template id), else the one `templateId` names,
 * else the one recognised.
 */
export function analyse(read: ReadDocument, templateId?: string): Analysis {
  const template = read.forced ?? forcedTemplate(templateId) ?? recognise(read.model);
  if (!template) throw new PlanstodError("unknown-template");
  const extracted = extract(template, read.model, read.placeholders);
  return { template, extracted, report: evaluate(template, extracted) };
}
