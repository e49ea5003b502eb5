/**
 * Track Changes for edits made through the API. With Document.changeTrackingMode "TrackAll" or
 * "TrackMineOnly" (WordApi 1.4), Word records what an add-in deletes and inserts as revisions,
 * just as it records typing: deleted content stays in the document inside w:del (its w:t become
 * w:delText, a deleted paragraph mark gets w:rPr/w:del, a deleted row w:trPr/w:del) until
 * someone accepts the change; inserted content is wrapped in w:ins. The double does the same.
 */
import { NS, childW, children, createW, descendantsW, isElement, isW, type XmlElement } from "./xml";

export type ChangeTrackingModeString = "Off" | "TrackAll" | "TrackMineOnly";

/** The author Word records for API edits; the double uses a fixed one. */
export const API_AUTHOR = "Planstöd";

let nextRevisionId = 90000;

function revision(near: XmlElement, name: "ins" | "del"): XmlElement {
  const el = createW(near, name);
  el.setAttributeNS(NS.w, "w:id", String(nextRevisionId++));
  el.setAttributeNS(NS.w, "w:author", API_AUTHOR);
  el.setAttributeNS(NS.w, "w:date", "2026-01-01T00:00:00Z");
  return el;
}

/** The child `name` of `parent`, created at the front when missing (pPr/rPr/trPr keep order loosely). */
function ensureChild(parent: XmlElement, name: string, first = true): XmlElement {
  const known = childW(parent, name);
  if (known) return known;
  const el = createW(parent, name);
  parent.insertBefore(el, first ? parent.firstChild : null);
  return el;
}

/** Marks a paragraph's mark as inserted or deleted (w:pPr/w:rPr/w:ins|w:del). */
function markParagraph(p: XmlElement, kind: "ins" | "del"): void {
  const pPr = ensureChild(p, "pPr");
  const rPr = ensureChild(pPr, "rPr", false);
  if (!childW(rPr, kind)) rPr.appendChild(revision(p, kind));
}

function markRow(tr: XmlElement, kind: "ins" | "del"): void {
  const trPr = childW(tr, "trPr") ?? ensureChild(tr, "trPr", !childW(tr, "tblPrEx"));
  if (!childW(trPr, kind)) trPr.appendChild(revision(tr, kind));
}

const inRevision = (r: XmlElement, kind: "ins" | "del") => {
  for (let n = r.parentNode; n && isElement(n); n = n.parentNode) {
    if (isW(n, kind) || (kind === "del" && isW(n, "moveFrom"))) return true;
    if (isW(n, "p")) return false;
  }
  return false;
};

/** Wraps every run of `nodes` (and the runs inside them) in a revision, and marks marks and rows. */
function track(nodes: readonly XmlElement[], kind: "ins" | "del"): void {
  for (const node of nodes) {
    const runs = isW(node, "r") ? [node] : descendantsW(node, "r");
    for (const r of runs) {
      if (inRevision(r, kind) || !r.parentNode) continue;
      if (kind === "del") {
        // A run this API inserted while tracking is simply removed, as Word does.
        if (inRevision(r, "ins")) {
          r.parentNode.removeChild(r);
          continue;
        }
        for (const t of children(r)) {
          if (isW(t, "t")) renameW(t, "delText");
          else if (isW(t, "instrText")) renameW(t, "delInstrText");
        }
      }
      const wrapper = revision(r, kind);
      r.parentNode.insertBefore(wrapper, r);
      wrapper.appendChild(r);
    }
    const paragraphs = isW(node, "p") ? [node] : descendantsW(node, "p");
    for (const p of paragraphs) markParagraph(p, kind);
    const rows = isW(node, "tr") ? [node] : descendantsW(node, "tr");
    for (const tr of rows) markRow(tr, kind);
  }
}

function renameW(el: XmlElement, name: string): void {
  const doc = el.ownerDocument;
  if (!doc || !el.parentNode) return;
  const renamed = doc.createElementNS(NS.w, `w:${name}`);
  for (const a of Array.from(el.attributes)) renamed.setAttributeNS(a.namespaceURI, a.name, a.value);
  while (el.firstChild) renamed.appendChild(el.firstChild);
  el.parentNode.replaceChild(renamed, el);
}

export function trackDeletion(nodes: readonly XmlElement[]): void {
  track(nodes, "del");
}

export function trackInsertion(nodes: readonly XmlElement[]): void {
  track(nodes, "ins");
}

export function isTracking(mode: ChangeTrackingModeString): boolean {
  return mode === "TrackAll" || mode === "TrackMineOnly";
}

/**
 * Accepts every revision in paragraph `p` (TrackedChangeCollection.acceptAll on the paragraph's
 * changes, WordApi 1.6): deleted runs go, inserted ones stay unwrapped; a deleted paragraph mark
 * joins the paragraph to the next one, and a paragraph left with nothing goes with it.
 */
export function acceptRevisions(p: XmlElement): void {
  for (const del of descendantsW(p, "del").filter((d) => !isW(d.parentNode as XmlElement, "rPr"))) {
    del.parentNode?.removeChild(del);
  }
  for (const ins of descendantsW(p, "ins").filter((i) => !isW(i.parentNode as XmlElement, "rPr"))) {
    while (ins.firstChild) ins.parentNode?.insertBefore(ins.firstChild, ins);
    ins.parentNode?.removeChild(ins);
  }
  const rPr = childW(childW(p, "pPr") ?? p, "rPr");
  const insMark = rPr ? childW(rPr, "ins") : null;
  if (rPr && insMark) rPr.removeChild(insMark);
  const delMark = rPr ? childW(rPr, "del") : null;
  if (!rPr || !delMark) return;
  rPr.removeChild(delMark);
  const content = children(p).filter((c) => !isW(c, "pPr"));
  let next = p.nextSibling;
  while (next && !isElement(next)) next = next.nextSibling;
  if (content.length > 0 && next && isW(next as XmlElement, "p")) {
    const target = next as XmlElement;
    const first = children(target).find((c) => !isW(c, "pPr")) ?? null;
    for (const c of content) target.insertBefore(c, first);
  }
  if (content.length === 0 || (next && isW(next as XmlElement, "p"))) p.parentNode?.removeChild(p);
}
