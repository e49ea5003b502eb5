import { engineTexts } from "../../core/i18n";
import { IdSequence } from "./control-ids";
import { paraIdsIn, renewParaIds } from "../xml/word-ids";
import { PlanstodError } from "../../core/messages";
import { key, userParagraph, type TextRules } from "../../core/text";
import type {
  BlockDef,
  ControlDef,
  ExtractedDocument,
  ExtractedField,
  ExtractedInstance,
  FieldDef,
  InstanceBlockDef,
  RowBlockDef,
  TemplateDef,
} from "../../core/types";
import { extract, rulesFor } from "../read/extract";
import { buildModel, type DocModel, type Paragraph, type SdtInfo } from "../read/paragraph-model";
import {
  descendantsW,
  elementChildren,
  firstW,
  isW,
  W_NS,
  wAttr,
  XML_NS,
  type XmlDocument,
  type XmlElement,
} from "../xml/dom";

/**
 * Block operations: add a fresh instance of a repeated block (an utvecklingsområde table, an
 * uppföljning block, a table row) and remove an unused one. They edit the main document part's
 * DOM in place and are pure otherwise, so the CLI (over a .docx) and the task pane (over the
 * OOXML Word gives it) share them.
 *
 * A new instance copies the *structure* of an instance already in the document (so it looks like
 * its neighbours: widths, borders, styles) and then makes every field fresh: the template's
 * content control showing its placeholder, never a copy of the user's text.
 */

export interface EditTarget {
  template: TemplateDef;
  doc: XmlDocument;
  body: XmlElement;
  model: DocModel;
  extracted: ExtractedDocument;
  /** Placeholder texts of the document's glossary building blocks. */
  placeholders: readonly string[];
  /** The style id of Word's "Placeholder Text" character style, if the document has one. */
  placeholderStyle: string | null;
}

export interface AddResult {
  /** 1-based index of the new instance among the block's instances. */
  index: number;
  /** The top-level elements (or the table row) inserted. */
  inserted: XmlElement[];
  /** The element they were inserted after: a top-level body element, or the row. */
  after: XmlElement;
}

export function blockDef(template: TemplateDef, type: string): BlockDef {
  const def = template.blocks.find((b) => b.type === type);
  if (!def) {
    const types = template.blocks.map((b) => b.type);
    const text = engineTexts(template.language).blocks;
    throw new PlanstodError("block-refused", text.unknownBlock(type, template.name, types));
  }
  return def;
}

/** Refusals in the template's language. */
const blockText = (target: EditTarget) => engineTexts(target.template.language).blocks;

// ---------------------------------------------------------------------------------------------
// DOM helpers

function ns(target: EditTarget): string {
  return target.body.namespaceURI ?? [...W_NS][0];
}

function make(
  target: EditTarget,
  name: string,
  attrs: Record<string, string> = {},
  children: XmlElement[] = [],
) {
  const el = target.doc.createElementNS(ns(target), `w:${name}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttributeNS(ns(target), `w:${k}`, v);
  for (const c of children) el.appendChild(c);
  return el;
}

function textRun(target: EditTarget, text: string, rPr: XmlElement | null): XmlElement {
  const t = make(target, "t");
  t.setAttributeNS(XML_NS, "xml:space", "preserve");
  t.appendChild(target.doc.createTextNode(text));
  const r = make(target, "r");
  if (rPr) r.appendChild(rPr.cloneNode(true) as XmlElement);
  r.appendChild(t);
  return r;
}

function placeholderRun(target: EditTarget, text: string): XmlElement {
  const rPr = target.placeholderStyle
    ? make(target, "rPr", {}, [make(target, "rStyle", { val: target.placeholderStyle })])
    : make(target, "rPr", {}, [make(target, "color", { val: "808080" })]);
  return textRun(target, text, rPr);
}

/** A paragraph with the given paragraph properties (copied) and runs. */
function paragraph(target: EditTarget, pPr: XmlElement | null, runs: XmlElement[]): XmlElement {
  const p = make(target, "p");
  if (pPr) {
    const copy = pPr.cloneNode(true) as XmlElement;
    for (const sect of elementChildren(copy).filter((c) => isW(c, "sectPr"))) copy.removeChild(sect);
    p.appendChild(copy);
  }
  for (const r of runs) p.appendChild(r);
  return p;
}

function remove(el: XmlElement): void {
  el.parentNode?.removeChild(el);
}

function ancestor(el: XmlElement, test: (e: XmlElement) => boolean): XmlElement | null {
  for (
    let n = el.parentNode as XmlElement | null;
    n && n.nodeType === 1;
    n = n.parentNode as XmlElement | null
  ) {
    if (test(n)) return n;
  }
  return null;
}

/** The child of `root` that holds `el` (the element itself when it is a child). */
function topLevel(el: XmlElement, root: XmlElement): XmlElement {
  let n: XmlElement = el;
  while (n.parentNode && n.parentNode !== root) n = n.parentNode as XmlElement;
  return n;
}

/** Removes a paragraph, leaving a table cell with at least one paragraph (OOXML requires it). */
function removeParagraph(target: EditTarget, p: XmlElement): void {
  const parent = p.parentNode as XmlElement | null;
  remove(p);
  if (parent && isW(parent, "tc") && !elementChildren(parent).some((c) => isW(c, "p") || isW(c, "tbl"))) {
    parent.appendChild(paragraph(target, null, []));
  }
}

// ---------------------------------------------------------------------------------------------
// Fresh content controls

const SDT_PR_ORDER_AFTER_PLACEHOLDER = new Set([
  "dataBinding",
  "label",
  "tabIndex",
  "docPartObj",
  "docPartList",
  "richText",
  "text",
  "dropDownList",
  "comboBox",
  "date",
  "picture",
  "citation",
  "group",
  "bibliography",
  "equation",
  "checkbox",
]);

/** Makes an sdtPr show its placeholder: w:showingPlcHdr in schema order, no date, no data binding. */
function resetSdtPr(target: EditTarget, sdtPr: XmlElement): void {
  for (const c of elementChildren(sdtPr)) {
    if (isW(c, "dataBinding") || isW(c, "showingPlcHdr")) sdtPr.removeChild(c);
    if (isW(c, "date")) {
      for (const n of W_NS) if (c.hasAttributeNS(n, "fullDate")) c.removeAttributeNS(n, "fullDate");
    }
  }
  sdtPr.insertBefore(make(target, "showingPlcHdr"), beforeType(sdtPr));
}

function beforeType(sdtPr: XmlElement): XmlElement | null {
  return elementChildren(sdtPr).find((c) => SDT_PR_ORDER_AFTER_PLACEHOLDER.has(c.localName ?? "")) ?? null;
}

/** Gives a control a fresh w:id (in schema order: after rPr, alias and tag). */
function renewId(target: EditTarget, sdtEl: XmlElement, id: string): void {
  const pr = firstW(sdtEl, "sdtPr");
  if (!pr) return;
  const existing = firstW(pr, "id");
  if (existing) {
    existing.setAttributeNS(ns(target), "w:val", id);
    return;
  }
  const after = elementChildren(pr).filter((c) => isW(c, "rPr") || isW(c, "alias") || isW(c, "tag"));
  const ref = after.length > 0 ? after[after.length - 1].nextSibling : pr.firstChild;
  pr.insertBefore(make(target, "id", { val: id }), ref);
}

function newSdtPr(target: EditTarget, control: ControlDef): XmlElement {
  const children = [make(target, "showingPlcHdr")];
  if (control.kind === "plainText") children.push(make(target, "text"));
  if (control.kind === "dropDownList") {
    const items = (control.items ?? []).map((i) => make(target, "listItem", { displayText: i, value: i }));
    children.push(make(target, "dropDownList", {}, items));
  }
  if (control.kind === "date") {
    children.push(
      make(target, "date", {}, [
        make(target, "dateFormat", { val: "yyyy-MM-dd" }),
        make(target, "lid", { val: "sv-SE" }),
        make(target, "storeMappedDataAs", { val: "dateTime" }),
        make(target, "calendar", { val: "gregorian" }),
      ]),
    );
  }
  return make(target, "sdtPr", {}, children);
}

/** An sdtPr for a field: a copy of the document's own control for it when there is one. */
function sdtPrFor(target: EditTarget, donor: SdtInfo | null, control: ControlDef): XmlElement {
  const pr = donor ? firstW(donor.el, "sdtPr") : null;
  if (!pr) return newSdtPr(target, control);
  const copy = pr.cloneNode(true) as XmlElement;
  resetSdtPr(target, copy);
  return copy;
}

function sdt(target: EditTarget, sdtPr: XmlElement, content: XmlElement[]): XmlElement {
  return make(target, "sdt", {}, [sdtPr, make(target, "sdtContent", {}, content)]);
}

/** Empties a content control so that it shows `placeholder`, keeping its level and formatting. */
function resetSdt(target: EditTarget, info: SdtInfo, placeholder: string): void {
  const pr = firstW(info.el, "sdtPr");
  if (pr) resetSdtPr(target, pr);
  const content = firstW(info.el, "sdtContent");
  if (!content) return;
  const fresh = (first: XmlElement | null) =>
    paragraph(target, first ? firstW(first, "pPr") : null, [placeholderRun(target, placeholder)]);
  if (info.level === "run") {
    for (const c of elementChildren(content)) content.removeChild(c);
    content.appendChild(placeholderRun(target, placeholder));
  } else if (info.level === "cell") {
    for (const tc of elementChildren(content).filter((c) => isW(c, "tc"))) {
      const first = firstW(tc, "p");
      const p = fresh(first);
      for (const c of elementChildren(tc)) if (!isW(c, "tcPr")) tc.removeChild(c);
      tc.appendChild(p);
    }
  } else if (info.level === "block") {
    const first = descendantsW(content, "p")[0] ?? null;
    const p = fresh(first);
    for (const c of elementChildren(content)) content.removeChild(c);
    content.appendChild(p);
  }
}

// ---------------------------------------------------------------------------------------------
// Ids

/** Fresh w:id values, none of them used anywhere in the document (all parts given). */
function idsFor(roots: readonly XmlElement[]): IdSequence {
  const used = new Set<string>();
  for (const root of roots) {
    for (const el of descendantsW(root, "id")) {
      const v = wAttr(el, "val");
      if (v !== null) used.add(v);
    }
  }
  return new IdSequence(used.size * 2654435761, used);
}

/**
 * Removes what must not be copied: revisions, bookmarks, comments, notes, section breaks. (Paragraph
 * and row ids are renewed afterwards: `renewParaIds`.)
 */
function cleanCopy(root: XmlElement): void {
  const drop = [
    "del",
    "moveFrom",
    "bookmarkStart",
    "bookmarkEnd",
    "commentRangeStart",
    "commentRangeEnd",
    "moveFromRangeStart",
    "moveFromRangeEnd",
    "moveToRangeStart",
    "moveToRangeEnd",
    "permStart",
    "permEnd",
    "proofErr",
    "sectPr",
    "pPrChange",
    "rPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "sectPrChange",
    "numberingChange",
  ];
  // A worklist instead of recursion: the copy may be deeply nested.
  const work: XmlElement[] = [root];
  while (work.length > 0) {
    const el = work.pop()!;
    const inProps = isW(el, "rPr") || isW(el, "trPr");
    let children = elementChildren(el);
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      const name = c.localName ?? "";
      if ((drop.includes(name) && isW(c, name)) || (inProps && (isW(c, "ins") || isW(c, "del")))) {
        el.removeChild(c);
        continue;
      }
      if (
        isW(c, "r") &&
        elementChildren(c).some(
          (g) => isW(g, "commentReference") || isW(g, "footnoteReference") || isW(g, "endnoteReference"),
        )
      ) {
        el.removeChild(c);
        continue;
      }
      if ((isW(c, "ins") || isW(c, "moveTo")) && !inProps) {
        // Unwrap: its children take its place and are cleaned as children of `el`.
        const inner = elementChildren(c);
        for (const g of inner) el.insertBefore(g, c);
        el.removeChild(c);
        children = [...children.slice(0, i + 1), ...inner, ...children.slice(i + 1)];
        continue;
      }
      work.push(c);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Instances

function locationParagraphs(field: ExtractedField | undefined, model: DocModel): Paragraph[] {
  const loc = field?.location;
  if (!loc) return [];
  const indexes = [...(loc.anchor !== null ? [loc.anchor] : []), ...loc.paragraphs];
  return indexes.map((i) => model.paragraphs[i]).filter((p): p is Paragraph => p !== undefined);
}

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

function addInstance(
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

function removeInstance(target: EditTarget, def: InstanceBlockDef, index: number): XmlElement[] {
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

/**
 * Whether elements about to be removed hold anything of the user's beyond the fields: a picture,
 * an object, a text box, or text in a paragraph that is neither template text nor a placeholder.
 */
function holdsUserContent(target: EditTarget, elements: readonly XmlElement[]): boolean {
  const rules = rulesFor(target.template, target.placeholders);
  const inside = (p: Paragraph) =>
    elements.some((el) => el === p.el || ancestor(p.el, (e) => e === el) !== null);
  return (
    elements.some((el) => ["drawing", "pict", "object"].some((n) => descendantsW(el, n).length > 0)) ||
    target.model.paragraphs.some(
      (p) => p.part === "body" && inside(p) && userParagraph(p.liveText, rules) !== "",
    )
  );
}

// ---------------------------------------------------------------------------------------------
// Rows

/** The row holding every cell of an instance (the deepest w:tr around all its paragraphs). */
function rowElement(instance: ExtractedInstance, model: DocModel): XmlElement | null {
  const paragraphs = Object.values(instance).flatMap((f) => locationParagraphs(f, model));
  const first = paragraphs[0];
  if (!first) return null;
  for (let tr = ancestor(first.el, (e) => isW(e, "tr")); tr; tr = ancestor(tr, (e) => isW(e, "tr"))) {
    const row = tr;
    if (paragraphs.every((p) => ancestor(p.el, (e) => e === row))) return row;
  }
  return null;
}

/**
 * A fresh answer cell: its first content control kept and reset to its placeholder with a fresh
 * id (Planstöd's own templates have one in every cell), else one empty paragraph.
 */
function freshCell(target: EditTarget, def: RowBlockDef, tc: XmlElement, ids: IdSequence): void {
  const first = firstW(tc, "p");
  const pPr = first ? firstW(first, "pPr") : null;
  const control = def.control ? elementChildren(tc).find((c) => isW(c, "sdt")) : undefined;
  const pr = control ? firstW(control, "sdtPr") : null;
  for (const c of elementChildren(tc)) if (!isW(c, "tcPr")) tc.removeChild(c);
  if (!def.control || !control || !pr) {
    tc.appendChild(paragraph(target, pPr, []));
    return;
  }
  resetSdtPr(target, pr);
  const inner = firstW(firstW(control, "sdtContent") ?? control, "p");
  const fresh = sdt(target, pr, [
    paragraph(target, inner ? firstW(inner, "pPr") : pPr, [placeholderRun(target, def.control.placeholder)]),
  ]);
  renewId(target, fresh, ids.next());
  tc.appendChild(fresh);
}

function addRow(target: EditTarget, def: RowBlockDef, after: number | undefined, ids: IdSequence): AddResult {
  const rows = target.extracted.blocks[def.type] ?? [];
  if (rows.length === 0) throw new PlanstodError("block-refused", blockText(target).noRows(def.name));
  const at = after ?? rows.length;
  if (at < 1 || at > rows.length)
    throw new PlanstodError("block-refused", blockText(target).noSuchInstance(def.name, at, rows.length));
  const tr = rowElement(rows[at - 1], target.model);
  if (!tr) throw new PlanstodError("block-refused", blockText(target).noSource(def.name));
  const copy = tr.cloneNode(true) as XmlElement;
  cleanCopy(copy);
  // The copy's w14:paraId/textId (the row's and its paragraphs') must not repeat the source's.
  renewParaIds(copy, paraIdsIn(target.body), `${def.type}/${at}`);
  for (const tc of descendantsW(copy, "tc")) freshCell(target, def, tc, ids);
  tr.parentNode?.insertBefore(copy, tr.nextSibling);
  return { index: at + 1, inserted: [copy], after: tr };
}

function removeRow(target: EditTarget, def: RowBlockDef, index: number): XmlElement[] {
  const rows = target.extracted.blocks[def.type] ?? [];
  if (index < 1 || index > rows.length)
    throw new PlanstodError("block-refused", blockText(target).noSuchInstance(def.name, index, rows.length));
  const row = rows[index - 1];
  if (Object.values(row).some((f) => f.text !== ""))
    throw new PlanstodError("block-refused", blockText(target).hasText(blockText(target).row, index));
  if (rows.length === 1)
    throw new PlanstodError(
      "block-refused",
      blockText(target).lastInstance(blockText(target).lastRow(def.name)),
    );
  const tr = rowElement(row, target.model);
  if (!tr) throw new PlanstodError("edit-unsafe");
  if (holdsUserContent(target, [tr]))
    throw new PlanstodError("block-refused", blockText(target).hasText(blockText(target).row, index));
  remove(tr);
  return [tr];
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Adds a fresh instance of `type` after instance `after` (default: after the last). */
export function addBlock(
  target: EditTarget,
  type: string,
  after?: number,
  roots: readonly XmlElement[] = [target.body],
): AddResult {
  const def = blockDef(target.template, type);
  const ids = idsFor(roots);
  return def.kind === "rows" ? addRow(target, def, after, ids) : addInstance(target, def, after, ids);
}

/**
 * Removes instance `index` of `type` and returns the elements removed (detached; with the empty
 * spacer paragraph before a table block). Refused when it holds any text the user wrote.
 */
export function removeBlock(target: EditTarget, type: string, index: number): XmlElement[] {
  const def = blockDef(target.template, type);
  return def.kind === "rows" ? removeRow(target, def, index) : removeInstance(target, def, index);
}
