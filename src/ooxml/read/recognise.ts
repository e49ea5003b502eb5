import { evaluate } from "../../core/evaluate";
import { PlanstodError } from "../../core/messages";
import { TEMPLATES, templateById } from "../../core/templates";
import type { ExtractedDocument, Report, TemplateDef } from "../../core/types";
import { extract, recognitionScore } from "./extract";
import { buildModel, type DocModel } from "./paragraph-model";
import { templateFromTags } from "./tags";
import type { PartSource, Relationship } from "../package/relationships";
import { descendantsW, firstW, isW, wAttr, type XmlDocument, type XmlElement } from "../xml/dom";

const HEADER_REL = "/relationships/header";
const GLOSSARY_REL = "/relationships/glossaryDocument";

/** A document read for checking: its parts, its paragraph model and its placeholder texts. */
export interface ReadDocument {
  source: PartSource;
  /** The main document part; block operations edit it in place. */
  doc: XmlDocument;
  body: XmlElement;
  /** The root elements of the page headers, first-page header first. */
  headers: XmlElement[];
  model: DocModel;
  /** Texts of the glossary building blocks that the document's controls use as placeholders. */
  placeholders: string[];
}

/** The order Word shows headers on page one: first-page header before the default one. */
function headerOrder(body: XmlElement): Map<string, number> {
  const rank = new Map<string, number>();
  const types = ["first", "default", "even"];
  for (const ref of descendantsW(body, "headerReference")) {
    const id =
      ref.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id") ?? "";
    const r = types.indexOf(wAttr(ref, "type") ?? "default");
    if (!rank.has(id)) rank.set(id, r < 0 ? types.length : r);
  }
  return rank;
}

async function glossaryPlaceholders(
  pkg: PartSource,
  path: string,
  wanted: ReadonlySet<string>,
): Promise<string[]> {
  const doc = await pkg.readXml(path);
  if (!doc?.documentElement) return [];
  const out: string[] = [];
  for (const part of descendantsW(doc.documentElement, "docPart")) {
    const pr = firstW(part, "docPartPr");
    const nameEl = pr ? firstW(pr, "name") : null;
    const name = nameEl ? wAttr(nameEl, "val") : null;
    const body = firstW(part, "docPartBody");
    if (!name || !body || !wanted.has(name)) continue;
    const text = descendantsW(body, "t")
      .map((t) => t.textContent ?? "")
      .join("");
    if (text.trim() !== "") out.push(text);
  }
  return out;
}

/**
 * Builds the model of a package's main document. `headerRoots`, when given, are used as the page
 * headers instead of the package's own (Word hands its headers over as separate packages).
 */
export async function readParts(pkg: PartSource, headerRoots?: readonly XmlElement[]): Promise<ReadDocument> {
  const doc = await pkg.readXml(pkg.mainPart);
  const body = doc?.documentElement ? firstW(doc.documentElement, "body") : null;
  if (doc?.documentElement && !isW(doc.documentElement, "document")) {
    // A well-formed main part of another kind: a presentation, a workbook, a theme package.
    throw new PlanstodError("not-word", pkg.mainPart);
  }
  if (!doc?.documentElement || !body) throw new PlanstodError("bad-xml", pkg.mainPart);
  const rels = await pkg.relationships(pkg.mainPart);
  const headers = headerRoots ? [...headerRoots] : await packageHeaders(pkg, rels, body);
  const model = modelOf(body, headers);
  const wanted = new Set(
    model.controls.map((c) => c.placeholderDocPart).filter((n): n is string => n !== null),
  );
  const glossary = rels.find((r) => r.type.endsWith(GLOSSARY_REL));
  const placeholders =
    glossary && wanted.size > 0 ? await glossaryPlaceholders(pkg, glossary.target, wanted) : [];
  return { source: pkg, doc, body, headers, model, placeholders };
}

async function packageHeaders(
  pkg: PartSource,
  rels: Relationship[],
  body: XmlElement,
): Promise<XmlElement[]> {
  let headers = rels.filter((r) => r.type.endsWith(HEADER_REL));
  if (headers.length > 1) {
    // Only an order of several needs the references (a walk over the whole body).
    const order = headerOrder(body);
    headers = headers.sort((a, b) => (order.get(a.id) ?? 9) - (order.get(b.id) ?? 9));
  }
  const roots: XmlElement[] = [];
  for (const rel of headers) {
    const hdr = await pkg.readXml(rel.target);
    if (hdr?.documentElement) roots.push(hdr.documentElement);
  }
  return roots;
}

/** The paragraph model of a body and its headers (again, after an edit). */
export function modelOf(body: XmlElement, headers: readonly XmlElement[]): DocModel {
  return buildModel([
    { root: body, part: "body" },
    ...headers.map((root) => ({ root, part: "header" as const })),
  ]);
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

/** The template named by `--template`, or undefined; an unknown id is refused. */
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

/** Recognises (or takes) the template, reads the fields and applies the rules. */
export function analyse(read: ReadDocument, templateId?: string): Analysis {
  const template = forcedTemplate(templateId) ?? recognise(read.model);
  if (!template) throw new PlanstodError("unknown-template");
  const extracted = extract(template, read.model, read.placeholders);
  return { template, extracted, report: evaluate(template, extracted) };
}
