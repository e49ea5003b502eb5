import { PlanstodError } from "../../core/messages";
import type { TemplateDef } from "../../core/types";
import { buildModel, type DocModel } from "./paragraph-model";
import type { PartSource, Relationship } from "../package/relationships";
import { R } from "../xml/namespaces";
import { descendantsW, firstW, isW, wAttr, type XmlDocument, type XmlElement } from "../xml/dom";

/**
 * Reading a package's main document for checking: the body, the page headers (first-page header
 * first), the paragraph model and the placeholder texts of the glossary's building blocks.
 */

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
  /** The template `--template` named, resolved once by the entry point (else recognised). */
  forced?: TemplateDef;
}

/** The order Word shows headers on page one: first-page header before the default one. */
function headerOrder(body: XmlElement): Map<string, number> {
  const rank = new Map<string, number>();
  const types = ["first", "default", "even"];
  for (const ref of descendantsW(body, "headerReference")) {
    const id = ref.getAttributeNS(R, "id") ?? "";
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
