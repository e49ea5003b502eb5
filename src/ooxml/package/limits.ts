import { PlanstodError } from "../../core/messages";

/**
 * The caps that keep every input within 10 s and 1 GB on a small machine (README, "Limits"),
 * and the one-pass scanner that enforces the XML ones before a DOM is built.
 */
export const LIMITS = {
  /** Bytes all parts of a package may inflate to together (declared sizes, then streamed). */
  maxInflated: 200 * 1024 * 1024,
  /** Bytes one XML part that Planstöd reads may inflate to (enough for the quick look). */
  maxPart: 32 * 1024 * 1024,
  /** Characters of one part of a .docx that is parsed into a DOM (after the quick look). */
  maxParsed: 8 * 1024 * 1024,
  /** Entries in the zip's central directory. */
  maxEntries: 5000,
  /** Elements in one XML part, and in all parts read for one document together. */
  maxElements: 100_000,
  maxElementsTotal: 150_000,
  /** Depth of element nesting in any XML part. */
  maxDepth: 400,
} as const;

export const MB = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

export interface XmlScan {
  elements: number;
  depth: number;
  /** Rough paragraph texts (w:t, tabs and breaks), when asked for: for a quick recognition. */
  paragraphs: string[];
  /** Whether a content control carries a tag (w:tag), when paragraphs were asked for. */
  tags: boolean;
  /** The local name of the root element ("" when there is none). */
  root: string;
  /** Whether paragraphs stopped being collected at the number asked for. */
  truncated: boolean;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; unknown ones are kept. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== "#") return ENTITIES[ref] ?? whole;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Whether a character code ends a tag name: white space, "/" or ">". */
const endsName = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;

/** The local name (prefix dropped) of the tag name that starts at `from`, read up to `to` at most. */
export function localNameAt(s: string, from: number, to: number): string {
  let start = from;
  let i = from;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (endsName(c)) break;
    if (c === 58) start = i + 1; // ":"
  }
  return s.slice(start, i);
}

/** The end of a start or end tag that begins at `from` (quote-aware), or -1. */
export function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

/**
 * One pass over an XML text, without recursion and without building anything: counts elements
 * and depth against the caps (throwing a PlanstodError naming the part), refuses a DTD (Word
 * does too; no entity tricks), and optionally collects the text of each w:p (of the first so
 * many, when `paragraphs` is a number; tags are then looked for only among them too).
 */
export function scanXml(
  s: string,
  part: string,
  options: { paragraphs?: boolean | number; maxElements?: number } = {},
): XmlScan {
  const maxElements = options.maxElements ?? LIMITS.maxElements;
  let collect = options.paragraphs === true || typeof options.paragraphs === "number";
  const most = typeof options.paragraphs === "number" ? options.paragraphs : Infinity;
  let truncated = false;
  const paragraphs: string[] = [];
  let current = "";
  let tags = false;
  let root = "";
  let inText = 0;
  let elements = 0;
  let depth = 0;
  let maxDepth = 0;
  const flush = () => {
    if (current !== "") paragraphs.push(current);
    current = "";
    if (paragraphs.length >= most) {
      // Enough for the caller; the rest is only counted.
      collect = false;
      truncated = true;
    }
  };
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf("<", i);
    const textEnd = lt < 0 ? s.length : lt;
    if (collect && inText > 0 && textEnd > i) current += decodeEntities(s.slice(i, textEnd));
    if (lt < 0) break;
    const next = s.charCodeAt(lt + 1);
    if (next === 33 || next === 63) {
      // "<!" or "<?": a comment, a CDATA section, a processing instruction or a DTD.
      if (s.startsWith("<!--", lt)) {
        const end = s.indexOf("-->", lt + 4);
        if (end < 0) throw new PlanstodError("bad-xml", part);
        i = end + 3;
        continue;
      }
      if (s.startsWith("<![CDATA[", lt)) {
        const end = s.indexOf("]]>", lt + 9);
        if (end < 0) throw new PlanstodError("bad-xml", part);
        if (collect && inText > 0) current += s.slice(lt + 9, end);
        i = end + 3;
        continue;
      }
      if (s.startsWith("<?", lt)) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) throw new PlanstodError("bad-xml", part);
        i = end + 2;
        continue;
      }
      if (s.startsWith("<!", lt)) throw new PlanstodError("dtd", part);
    }
    const end = tagEnd(s, lt + 1);
    if (end < 0) throw new PlanstodError("bad-xml", part);
    if (next === 47) {
      // An end tag.
      depth--;
      if (collect) {
        let from = lt + 2;
        while (from < end && endsName(s.charCodeAt(from))) from++;
        const name = localNameAt(s, from, end);
        if (name === "t" && inText > 0) inText--;
        else if (name === "p") flush();
      }
    } else {
      elements++;
      if (elements === 1) root = localNameAt(s, lt + 1, end);
      if (elements > maxElements) throw new PlanstodError("too-many-elements", `${part}|${maxElements}`);
      const selfClosing = s.charCodeAt(end - 1) === 47;
      if (!selfClosing) {
        depth++;
        if (depth > maxDepth) {
          maxDepth = depth;
          if (depth > LIMITS.maxDepth) throw new PlanstodError("too-deep", `${part}|${LIMITS.maxDepth}`);
        }
      }
      if (collect) {
        const name = localNameAt(s, lt + 1, end);
        if (name === "t") {
          if (!selfClosing) inText++;
        } else if (name === "p") flush();
        else if (name === "tab" || name === "ptab") current += "\t";
        else if (name === "br" || name === "cr") current += "\n";
        else if (name === "noBreakHyphen") current += "-";
        else if (name === "tag") tags = true;
      }
    }
    i = end + 1;
  }
  if (collect) flush();
  return { elements, depth: maxDepth, paragraphs, tags, root, truncated };
}
