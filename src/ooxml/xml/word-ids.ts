import { W14 } from "./namespaces";
import type { XmlElement } from "./dom";

/**
 * The ids Word requires to be unique and below 0x80000000 (MS-DOCX 2.6.2.3): w14:paraId and
 * w14:textId of paragraphs and table rows, w16cid:durableId of comments. New ones are derived from
 * a seed, so the same input gives the same file.
 */

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A new 8-digit hex id in 1..0x7FFFFFFE, derived from `seed` and different from every id in
 * `used` (upper case), to which it is added.
 */
export function freshId(seed: string, used: Set<string>): string {
  for (let n = 0; ; n++) {
    const value = hash(`${seed}#${n}`) & 0x7ffffffe;
    const id = value.toString(16).toUpperCase().padStart(8, "0");
    if (value !== 0 && !used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** Every w14:paraId and w14:textId under (and of) `root`, upper case. */
export function paraIdsIn(root: XmlElement): { paraIds: Set<string>; textIds: Set<string> } {
  const paraIds = new Set<string>();
  const textIds = new Set<string>();
  const work: XmlElement[] = [root];
  while (work.length > 0) {
    const el = work.pop()!;
    const para = el.getAttributeNS(W14, "paraId");
    if (para) paraIds.add(para.toUpperCase());
    const text = el.getAttributeNS(W14, "textId");
    if (text) textIds.add(text.toUpperCase());
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) work.push(n as XmlElement);
  }
  return { paraIds, textIds };
}

/**
 * Gives every element of a copy (`root` included) that carries a w14:paraId or w14:textId a fresh
 * one, unique in the part whose ids are `used` (a copy must not repeat its source's).
 */
export function renewParaIds(
  root: XmlElement,
  used: { paraIds: Set<string>; textIds: Set<string> },
  seed: string,
): void {
  let n = 0;
  const work: XmlElement[] = [root];
  while (work.length > 0) {
    const el = work.pop()!;
    for (const [name, ids] of [
      ["paraId", used.paraIds],
      ["textId", used.textIds],
    ] as const) {
      const attr = el.getAttributeNodeNS(W14, name);
      if (attr) el.setAttributeNS(W14, attr.name, freshId(`${seed}/${name}/${n++}`, ids));
    }
    for (let c = el.lastChild; c; c = c.previousSibling) if (c.nodeType === 1) work.push(c as XmlElement);
  }
}
