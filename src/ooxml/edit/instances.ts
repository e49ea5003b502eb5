import { PlanstodError } from "../../core/messages";
import { key, userParagraph, type TextRules } from "../../core/text";
import type { ExtractedField, ExtractedInstance, FieldDef, InstanceBlockDef } from "../../core/types";
import { extract } from "../read/extract";
import { buildModel, type DocModel, type Paragraph, type SdtInfo } from "../read/paragraph-model";
import { rulesFor } from "../read/text-rules";
import { descendantsW, elementChildren, firstW, isW, type XmlElement } from "../xml/dom";
import { paraIdsIn, renewParaIds } from "../xml/word-ids";
import { cleanCopy } from "./clean-copy";
import type { IdSequence } from "./control-ids";
import { renewId, resetSdt, sdt, sdtPrFor } from "./controls";
import { ancestor, paragraph, placeholderRun, remove, removeParagraph, textRun, topLevel } from "./dom-build";
import { blockText, holdsUserContent, locationParagraphs, type AddResult, type EditTarget } from "./target";

/**
 * Block instances (an utvecklingsområde table, an uppföljning block): a new one copies the
 * structure of the most template-like instance and makes every field fresh; an unused one is
 * removed with the spacer paragraph before its table.
 */

/** The top-level elements of the body that make up an instance, in order. */
function extent(instance: ExtractedInstance, model: DocModel, body: XmlElement): XmlElement[] {
  const paragraphs = Object.values(instance).flatMap((f) => locationParagraphs(f, model));
  const tops = new Set(paragraphs.map((p) => topLevel(p.el, body)));
  const children = elementChildren(body);
  const positions = [...tops].map((t) => children.indexOf(t)).filter((i) => i >= 0);
  if (positions.length === 0) return [];
  const first = positions.reduce((a, b) => Math.min(a, b));
  const last = positions.reduce((a, b) => Math.max(a, b));
  return children.slice(first, last + 1);
}

const isEmptyParagraph = (el: XmlElement | null): el is XmlElement =>
  el !== null &&
  isW(el, "p") &&
  (el.textContent ?? "").trim() === "" &&
  !elementChildren(el).some((c) => !isW(c, "pPr") && !isW(c, "r")) &&
  descendantsW(el, "sectPr").length === 0;

function previousElement(el: XmlElement): XmlElement | null {
  for (let n = el.previousSibling; n; n = n.previousSibling) if (n.nodeType === 1) return n as XmlElement;
  return null;
}

function isTemplateText(p: Paragraph, rules: TextRules): boolean {
  const k = key(p.liveText);
  return k !== "" && rules.templateText.has(k);
}

/** Controls an answer stands in (block, cell or run level), in order, without repeats. */
function controlsOf(paragraphs: readonly Paragraph[]): SdtInfo[] {
  const seen = new Set<XmlElement>();
  const out: SdtInfo[] = [];
  for (const p of paragraphs) {
    for (const info of [...p.containers, ...p.segments.map((s) => s.sdt)]) {
      if (info && !seen.has(info.el)) {
        seen.add(info.el);
        out.push(info);
      }
    }
  }
  return out;
}

interface FreshContext {
  target: EditTarget;
  rules: TextRules;
  donors: Map<string, SdtInfo>;
}

/** Rewrites one field of a copied instance so that it is empty and shows its placeholder. */
function freshField(
  ctx: FreshContext,
  field: FieldDef,
  value: ExtractedField | undefined,
  model: DocModel,
): void {
  const { target, rules } = ctx;
  const loc = value?.location;
  if (!loc) return;
  const control = field.control;
  const label = loc.anchor !== null ? model.paragraphs[loc.anchor] : undefined;
  const answer = loc.paragraphs.map((i) => model.paragraphs[i]).filter((p) => p && !isTemplateText(p, rules));
  const anchorText = field.locate.kind === "top" ? null : field.locate.anchor;

  // The label paragraph: the label alone, then (for an inline field) a fresh control.
  if (label && anchorText !== null) {
    const inlineControls = controlsOf([label]).filter((c) => c.level === "run");
    const rest = key(label.liveText) !== key(anchorText);
    if (control?.inline || rest || inlineControls.length > 0) {
      const pPr = firstW(label.el, "pPr");
      const firstRun = descendantsW(label.el, "r")[0] ?? null;
      const rPr = firstRun ? firstW(firstRun, "rPr") : null;
      const runs = [textRun(target, anchorText.endsWith(":") ? `${anchorText} ` : anchorText, rPr)];
      if (control?.inline) {
        const donor = inlineControls[0] ?? ctx.donors.get(field.id) ?? null;
        runs.push(
          sdt(target, sdtPrFor(target, donor, control), [placeholderRun(target, control.placeholder)]),
        );
      }
      const rebuilt = paragraph(target, pPr, runs);
      for (const c of elementChildren(label.el)) label.el.removeChild(c);
      for (const c of elementChildren(rebuilt)) label.el.appendChild(c);
    }
    if (control?.inline) {
      for (const p of answer) if (p.liveText.trim() !== "") removeParagraph(target, p.el);
      return;
    }
  }

  const controls = controlsOf(answer).filter((c) => c.level !== "row");
  if (controls.length > 0) {
    const kept = new Set(controls.map((c) => c.el));
    for (const c of controls) resetSdt(target, c, control?.placeholder ?? "");
    // Text typed beside the control (outside it) is the source instance's, not the template's.
    for (const p of answer) {
      const inside =
        p.containers.some((c) => kept.has(c.el)) || p.segments.some((s) => s.sdt && kept.has(s.sdt.el));
      if (!inside && p.liveText.trim() !== "") removeParagraph(target, p.el);
    }
    return;
  }

  // No control left (the user deleted it and typed): put the template's control back.
  const typed = answer.filter((p) => p.liveText.trim() !== "");
  const host = typed[typed.length - 1] ?? answer[answer.length - 1];
  if (!host) return;
  for (const p of typed) if (p !== host) removeParagraph(target, p.el);
  const pPr = firstW(host.el, "pPr");
  if (!control) {
    const empty = paragraph(target, pPr, []);
    host.el.parentNode?.replaceChild(empty, host.el);
    return;
  }
  const donor = ctx.donors.get(field.id) ?? null;
  const tc = control.cell ? ancestor(host.el, (e) => isW(e, "tc")) : null;
  if (tc) {
    const fresh = tc.cloneNode(false) as XmlElement;
    const tcPr = firstW(tc, "tcPr");
    if (tcPr) fresh.appendChild(tcPr.cloneNode(true));
    fresh.appendChild(paragraph(target, pPr, [placeholderRun(target, control.placeholder)]));
    const wrapper = sdt(target, sdtPrFor(target, donor?.level === "cell" ? donor : null, control), []);
    tc.parentNode?.replaceChild(wrapper, tc);
    firstW(wrapper, "sdtContent")?.appendChild(fresh);
    return;
  }
  const block = sdt(target, sdtPrFor(target, donor?.level === "block" ? donor : null, control), [
    paragraph(target, pPr, [placeholderRun(target, control.placeholder)]),
  ]);
  host.el.parentNode?.replaceChild(block, host.el);
}

/**
 * Picks the instance whose structure is copied: the most template-like one, and of those one
 * that holds no text of the user's outside its fields (a note, a column of the user's own): the
 * copy keeps everything but the fields, and the user's text must not be repeated. When every
 * instance holds such text, the add is refused, saying why.
 */
function sourceInstance(
  target: EditTarget,
  def: InstanceBlockDef,
  instances: readonly ExtractedInstance[],
  after: number,
): ExtractedInstance | null {
  const complete = (inst: ExtractedInstance) =>
    def.fields.every((f) => inst[f.id]?.found && (!f.control || inst[f.id]?.location?.controlId !== null));
  const found = (inst: ExtractedInstance) => def.fields.every((f) => inst[f.id]?.found);
  // In order of preference, each once.
  const ordered = [
    ...new Set([...instances.filter(complete), ...instances.filter(found), instances[after - 1]]),
  ].filter((inst): inst is ExtractedInstance => inst !== undefined);
  if (ordered.length === 0) return null;
  const rules = rulesFor(target.template, target.placeholders);
  const clean = ordered.find((inst) => !textBesideFields(target, rules, inst));
  if (!clean) throw new PlanstodError("block-refused", blockText(target).noCleanSource(def.name));
  return clean;
}

/** Whether an instance holds text of the user's in a paragraph that is none of its fields' own. */
function textBesideFields(target: EditTarget, rules: TextRules, instance: ExtractedInstance): boolean {
  const own = new Set(Object.values(instance).flatMap((f) => locationParagraphs(f, target.model)));
  const inside = new Set<XmlElement>();
  for (const el of extent(instance, target.model, target.body)) {
    if (isW(el, "p")) inside.add(el);
    for (const p of descendantsW(el, "p")) inside.add(p);
  }
  return target.model.paragraphs.some(
    (p) => inside.has(p.el) && !own.has(p) && userParagraph(p.liveText, rules) !== "",
  );
}

/** The document's own control for each field of a block, to copy list items and formatting from. */
function donorsFor(
  def: InstanceBlockDef,
  instances: readonly ExtractedInstance[],
  model: DocModel,
): Map<string, SdtInfo> {
  const donors = new Map<string, SdtInfo>();
  for (const f of def.fields) {
    for (const inst of instances) {
      const controls = controlsOf(locationParagraphs(inst[f.id], model)).filter(
        (c) => c.kind === (f.control?.kind ?? c.kind),
      );
      if (controls[0]) {
        donors.set(f.id, controls[0]);
        break;
      }
    }
  }
  return donors;
}

export function addInstance(
  target: EditTarget,
  def: InstanceBlockDef,
  after: number | undefined,
  ids: IdSequence,
): AddResult {
  const instances = target.extracted.blocks[def.type] ?? [];
  if (instances.length === 0) throw new PlanstodError("block-refused", blockText(target).noSource(def.name));
  const at = after ?? instances.length;
  if (at < 1 || at > instances.length) {
    throw new PlanstodError(
      "block-refused",
      blockText(target).noSuchInstance(def.name, at, instances.length),
    );
  }
  const source = sourceInstance(target, def, instances, at);
  const sourceExtent = source ? extent(source, target.model, target.body) : [];
  if (!source || sourceExtent.length === 0)
    throw new PlanstodError("block-refused", blockText(target).noSource(def.name));
  const afterExtent = extent(instances[at - 1], target.model, target.body);
  const anchorEl = afterExtent[afterExtent.length - 1];

  // Copy the source's elements into a detached body, read them with the same rules, refresh every field.
  const scratch = target.body.cloneNode(false) as XmlElement;
  const copies = sourceExtent.map((el) => el.cloneNode(true) as XmlElement);
  for (const c of copies) scratch.appendChild(c);
  cleanCopy(scratch);
  renewParaIds(scratch, paraIdsIn(target.body), `${def.type}/${at}`);
  const model = buildModel([{ root: scratch, part: "body" }]);
  const read = extract(target.template, model, target.placeholders);
  const copy = read.blocks[def.type]?.[0];
  const ctx: FreshContext = {
    target,
    rules: rulesFor(target.template, target.placeholders),
    donors: donorsFor(def, instances, target.model),
  };
  for (const field of def.fields) freshField(ctx, field, copy?.[field.id], model);
  // Every control of the new instance gets a w:id unique in the document.
  for (const el of descendantsW(scratch, "sdt")) renewId(target, el, ids.next());

  const inserted = elementChildren(scratch);
  const hasTable = inserted.some((el) => isW(el, "tbl"));
  if (hasTable) inserted.unshift(paragraph(target, null, []));
  let ref: XmlElement = anchorEl;
  for (const el of inserted) {
    target.body.insertBefore(el, ref.nextSibling);
    ref = el;
  }
  return { index: at + 1, inserted, after: anchorEl };
}

export function removeInstance(target: EditTarget, def: InstanceBlockDef, index: number): XmlElement[] {
  const instances = target.extracted.blocks[def.type] ?? [];
  if (index < 1 || index > instances.length) {
    throw new PlanstodError(
      "block-refused",
      blockText(target).noSuchInstance(def.name, index, instances.length),
    );
  }
  const instance = instances[index - 1];
  if (Object.values(instance).some((f) => f.text !== "")) {
    throw new PlanstodError("block-refused", blockText(target).hasText(def.name, index));
  }
  if (instances.length === 1)
    throw new PlanstodError("block-refused", blockText(target).lastInstance(def.name));
  const elements = extent(instance, target.model, target.body);
  if (holdsUserContent(target, elements))
    throw new PlanstodError("block-refused", blockText(target).hasText(def.name, index));
  const before = elements[0] ? previousElement(elements[0]) : null;
  if (elements.some((el) => isW(el, "tbl")) && isEmptyParagraph(before)) elements.unshift(before);
  for (const el of elements) remove(el);
  return elements;
}
