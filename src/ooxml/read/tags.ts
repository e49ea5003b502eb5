import { cellTag, CHECKED, fieldTag } from "../../core/templates/layout";
import { userText, type TextRules } from "../../core/text";
import type { ExtractedField, FieldDef, TemplateDef } from "../../core/types";
import type { DocModel, Paragraph, SdtInfo } from "./paragraph-model";
import { elementChildren, firstW } from "../xml/dom";
import { W14 } from "../xml/namespaces";

/**
 * Planstöd's own templates tag every answer control `<templateId>/<fieldId>`. Tags come first:
 * a document whose controls carry a template's tags is that template (read/recognise.ts,
 * `templateFromTags`), and a single field is
 * read from its tagged control when its label is gone or elsewhere. Where a user deleted or
 * retagged a control, the label and heading rules of read/extract.ts still find the answer (text typed
 * over a deleted control counts).
 */

const holds = (p: Paragraph, sdt: SdtInfo) =>
  p.containers.some((c) => c.el === sdt.el) || p.segments.some((s) => s.sdt?.el === sdt.el);

/** Whether a checkbox control is ticked (w14:checked w14:val="1" or "true"). */
export function isChecked(sdt: SdtInfo): boolean {
  const pr = firstW(sdt.el, "sdtPr");
  const box = pr ? elementChildren(pr).find((c) => c.localName === "checkbox") : undefined;
  const checked = box ? elementChildren(box).find((c) => c.localName === "checked") : undefined;
  if (!checked) return false;
  const val = checked.getAttributeNS(W14, "val") ?? checked.getAttribute("w14:val");
  return val === "1" || val === "true" || val === "on";
}

const TICKS = /[\u2612\u2611\u2713\u2714]/;

/** A checklist item is filled when its box is ticked, or when its cell holds a tick or the user's text. */
function readCheckbox(field: ExtractedField, model: DocModel, tagged: SdtInfo | undefined): ExtractedField {
  if (field.text !== "") return field;
  const paragraphs = (field.location?.paragraphs ?? []).map((i) => model.paragraphs[i]).filter(Boolean);
  const boxes = [
    ...(tagged ? [tagged] : []),
    ...paragraphs.flatMap((p) => p.segments.flatMap((s) => (s.sdt?.kind === "checkbox" ? [s.sdt] : []))),
  ];
  const ticked = boxes.some(isChecked) || paragraphs.some((p) => TICKS.test(p.liveText));
  return ticked ? { ...field, text: CHECKED } : field;
}

/**
 * Text the user typed inside an answer control is theirs even when it reads like template text
 * (a "Fase" cell saying "Initiering"): only placeholders and prompts are taken away.
 */
function insideControl(
  field: ExtractedField,
  model: DocModel,
  tag: string,
  rules: TextRules,
): ExtractedField {
  if (field.text !== "" || !field.location) return field;
  const paragraphs = field.location.paragraphs.map((i) => model.paragraphs[i]).filter(Boolean);
  const own = paragraphs.filter((p) =>
    [...p.containers, ...p.segments.map((s) => s.sdt)].some((c) => c?.tag === tag && c.kind !== "checkbox"),
  );
  if (own.length === 0) return field;
  const lenient = { ...rules, templateText: new Set<string>() };
  const text = userText(
    own.map((p) => p.liveText),
    lenient,
  );
  return text === "" ? field : { ...field, text };
}

/**
 * Reads single fields from their tagged controls and checklist items from their checkboxes; a
 * tagged control's own text counts in full.
 */
export function readTaggedFields(
  template: TemplateDef,
  model: DocModel,
  fields: Record<string, ExtractedField>,
  blocks: Record<string, Record<string, ExtractedField>[]>,
  rules: TextRules,
): void {
  const byTag = new Map<string, SdtInfo>();
  for (const c of model.controls) if (c.tag && !byTag.has(c.tag)) byTag.set(c.tag, c);
  if (byTag.size === 0 && !template.fields.some((f) => f.control?.kind === "checkbox")) return;
  // Paragraphs inside a control tagged for one of the template's single fields.
  const tagOf = new Map<number, string>();
  const fieldTags = new Set(template.fields.map((f) => fieldTag(template.id, f.id)));
  for (const p of model.paragraphs) {
    const c = [...p.containers, ...p.segments.map((x) => x.sdt)].find((x) => x?.tag && fieldTags.has(x.tag));
    if (c?.tag) tagOf.set(p.index, c.tag);
  }
  for (const def of template.fields) {
    const tag = fieldTag(template.id, def.id);
    const tagged = byTag.get(tag);
    let field = fields[def.id];
    if (!field) continue;
    field = withoutForeignControls(field, model, tag, tagOf, rules);
    if (tagged) field = insideControl(fromTag(def, field, tagged, model, rules), model, tag, rules);
    if (def.control?.kind === "checkbox") field = readCheckbox(field, model, tagged);
    fields[def.id] = field;
  }
  for (const block of template.blocks) {
    if (block.kind !== "rows") continue;
    for (const row of blocks[block.type] ?? []) {
      for (const column of block.columns) {
        const cell = row[column.id];
        if (cell)
          row[column.id] = insideControl(cell, model, cellTag(template.id, block.type, column.id), rules);
      }
    }
  }
}

/**
 * A label region that runs into another field's tagged control (its heading was deleted) ends
 * before it: that control's text is the other field's answer.
 */
function withoutForeignControls(
  field: ExtractedField,
  model: DocModel,
  tag: string,
  tagOf: ReadonlyMap<number, string>,
  rules: TextRules,
): ExtractedField {
  const location = field.location;
  if (!location) return field;
  const foreign = (i: number) => {
    const t = tagOf.get(i);
    return t !== undefined && t !== tag;
  };
  const first = location.paragraphs.findIndex(foreign);
  if (first < 0) return field;
  const own = location.paragraphs.slice(0, first);
  const text = userText(
    own.map((i) => model.paragraphs[i].liveText),
    rules,
  );
  return { ...field, text, location: { ...location, paragraphs: own } };
}

function fromTag(
  def: FieldDef,
  byLabel: ExtractedField,
  sdt: SdtInfo,
  model: DocModel,
  rules: TextRules,
): ExtractedField {
  const own = model.paragraphs.filter((p) => p.part === "body" && holds(p, sdt));
  if (own.length === 0) return byLabel ?? { id: def.id, text: "", found: false, location: null };
  const inRegion = new Set([...(byLabel?.location?.paragraphs ?? []), byLabel?.location?.anchor ?? -1]);
  // The label's region already holds the tagged control: it also holds what was typed beside it.
  if (byLabel?.found && own.every((p) => inRegion.has(p.index))) return byLabel;
  const text = userText(
    own.map((p) => p.liveText),
    rules,
  );
  const joined = [byLabel?.found ? byLabel.text : "", text].filter((t) => t !== "").join("\n");
  return {
    id: def.id,
    text: joined,
    found: true,
    location: {
      anchor: byLabel?.location?.anchor ?? null,
      paragraphs: own.map((p) => p.index),
      controlId: sdt.id,
      part: "body",
    },
  };
}
