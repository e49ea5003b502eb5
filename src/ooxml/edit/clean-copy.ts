import { descendantsW, elementChildren, isW, wAttr, type XmlElement } from "../xml/dom";
import { IdSequence } from "./control-ids";

/**
 * Clean copies: what a copied instance or row must not take along (tracked changes — deletions
 * dropped, insertions accepted —, bookmarks, comments, note references, permissions, section
 * breaks), and the w:id values its controls get instead of the source's. (Paragraph and row ids,
 * w14:paraId, are renewed by xml/word-ids.ts.)
 */

/** Fresh w:id values, none of them used anywhere in the document (all parts given). */
export function idsFor(roots: readonly XmlElement[]): IdSequence {
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
export function cleanCopy(root: XmlElement): void {
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
