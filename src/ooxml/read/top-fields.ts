import { key, userText, type TextRules } from "../../core/text";
import type { ExtractedField, TemplateDef } from "../../core/types";
import type { Landmark } from "./labels";
import type { DocModel, Paragraph } from "./paragraph-model";
import { location, notFound } from "./regions";

const DATE_LIKE = /\d{1,4}\s*[-./]\s*\d{1,2}|\b\d{1,2}\s+(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)/i;

/** The date and organiser fields above the title, in the body or in a page header. */
export function readTop(
  template: TemplateDef,
  model: DocModel,
  landmarks: readonly Landmark[],
  rules: TextRules,
): Record<string, ExtractedField> {
  const out: Record<string, ExtractedField> = {};
  const tops = template.fields.filter((f) => f.locate.kind === "top");
  if (tops.length === 0) return out;
  const titleAt =
    landmarks.find((a) => a.role.kind === "title")?.paragraph.index ?? landmarks[0]?.paragraph.index ?? 0;
  const hasControl = (p: Paragraph) => p.containers.length > 0 || p.segments.some((s) => s.sdt !== null);
  const controlKinds = (p: Paragraph) =>
    [...p.containers, ...p.segments.map((s) => s.sdt)].filter((s) => s !== null);
  // Body paragraphs above the title, then header paragraphs that hold a content control
  // (typed-over text in a header cannot be told from the header's own text, such as a logo line).
  const candidates = [
    ...model.paragraphs.filter((p) => p.part === "body" && p.index < titleAt && key(p.text) !== ""),
    ...model.paragraphs.filter((p) => p.part === "header" && hasControl(p)),
  ];
  const taken = new Set<number>();
  const pick = (test: (p: Paragraph) => boolean) => candidates.find((p) => !taken.has(p.index) && test(p));
  const ordered = [...tops].sort(
    (a, b) =>
      Number(b.locate.kind === "top" && b.locate.date) - Number(a.locate.kind === "top" && a.locate.date),
  );
  for (const field of ordered) {
    const loc = field.locate;
    if (loc.kind !== "top") continue;
    const byPlaceholder = (p: Paragraph) => key(p.text).includes(key(loc.placeholder));
    const byControl = (p: Paragraph) => controlKinds(p).some((s) => (s.kind === "date") === loc.date);
    const byText = (p: Paragraph) => p.part === "body" && (!loc.date || DATE_LIKE.test(p.liveText));
    const found = pick(byControl) ?? pick(byPlaceholder) ?? pick(byText);
    if (!found) {
      out[field.id] = notFound(field.id);
      continue;
    }
    taken.add(found.index);
    const control = controlKinds(found)[0] ?? null;
    out[field.id] = {
      id: field.id,
      text: userText([found.liveText], rules),
      found: true,
      location: location(found, [found], control),
    };
  }
  return out;
}
