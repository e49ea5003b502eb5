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

/** Characters XML 1.0 does not allow anywhere in a document, not even as a reference. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const ILLEGAL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Whether a code point is a character XML 1.0 allows (the production Char). */
export const isXmlChar = (c: number): boolean =>
  c === 9 ||
  c === 10 ||
  c === 13 ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

/**
 * The next "&" at or after a position, remembered: the scan moves forward, so each is searched
 * for once (a search per text would read to the next "&" again and again: quadratic).
 */
class AmpCursor {
  private at = -1;
  constructor(private readonly s: string) {}
  from(position: number): number {
    if (this.at < position) {
      const found = this.s.indexOf("&", position);
      this.at = found < 0 ? Infinity : found;
    }
    return this.at;
  }
}

const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|lt|gt|amp|quot|apos);/y;

/**
 * Whether every "&" in s[from, to) starts a reference XML allows: one of the five predefined
 * entities (a DTD, which could declare others, is refused) or a reference to an allowed character.
 */
function referencesWellFormed(s: string, from: number, to: number, amps: AmpCursor): boolean {
  for (let amp = amps.from(from); amp < to; amp = amps.from(amp + 1)) {
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(s);
    if (!m || REFERENCE.lastIndex > to) return false;
    if (m[1] !== undefined || m[2] !== undefined) {
      const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
      if (!isXmlChar(code)) return false;
    }
  }
  return true;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Whether a character code may start an XML name (ASCII letters, "_", ":" and non-ASCII). */
const startsName = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0xc0;

/**
 * Whether the attributes of a start tag, s[from, to) (after its name, before "/>" or ">"), are
 * well-formed: each separated by white space, a name, "=", and a quoted value without "<" whose
 * references are allowed. (The parser then checks that no attribute is given twice.)
 */
function attributesWellFormed(s: string, from: number, to: number, amps: AmpCursor): boolean {
  let i = from;
  for (;;) {
    const before = i;
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i >= to) return true;
    if (i === before || !startsName(s.charCodeAt(i))) return false;
    while (i < to && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== 61) i++;
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 61) return false; // "="
    i++;
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    const quote = s.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return false;
    const close = s.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0 || close >= to) return false;
    const lt = s.indexOf("<", i + 1);
    if (lt >= 0 && lt < close) return false;
    if (!referencesWellFormed(s, i + 1, close, amps)) return false;
    i = close + 1;
  }
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
 *
 * It also refuses a text that is not well-formed XML ("bad-xml"): a character XML does not allow,
 * an "&" that starts no allowed reference, a "<" that starts no tag, an attribute without quotes,
 * an end tag that does not match its start tag, an element left open, and anything but white
 * space, comments and processing instructions outside the one root element. Word, LibreOffice and
 * the browser's parser (the pane's) refuse all of these, and @xmldom/xmldom (the command line's)
 * accepts some silently, so the engine decides here, once, for both hosts.
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
  /** The qualified names of the open elements, outermost first. */
  const open: string[] = [];
  const bad = (): PlanstodError => new PlanstodError("bad-xml", part);
  const amps = new AmpCursor(s);
  if (ILLEGAL_CHARS.test(s)) throw bad();
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
    if (textEnd > i) {
      if (open.length === 0) {
        // Outside the root element: white space only (a byte-order mark is gone with the bytes).
        for (let j = i; j < textEnd; j++) if (!isSpace(s.charCodeAt(j))) throw bad();
      } else if (!referencesWellFormed(s, i, textEnd, amps)) throw bad();
      if (collect && inText > 0) current += decodeEntities(s.slice(i, textEnd));
    }
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
        // Character data belongs inside the root element.
        if (end < 0 || open.length === 0) throw bad();
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
    if (end < 0) throw bad();
    if (next === 47) {
      // An end tag: the name of the element last opened, then white space only.
      const name = open.pop();
      if (name === undefined || !s.startsWith(name, lt + 2)) throw bad();
      for (let j = lt + 2 + name.length; j < end; j++) if (!isSpace(s.charCodeAt(j))) throw bad();
      depth--;
      if (collect) {
        let from = lt + 2;
        while (from < end && endsName(s.charCodeAt(from))) from++;
        const name = localNameAt(s, from, end);
        if (name === "t" && inText > 0) inText--;
        else if (name === "p") flush();
      }
    } else {
      if (!startsName(next)) throw bad();
      // One root element: a second start tag outside it is not well-formed.
      if (open.length === 0 && elements > 0) throw bad();
      elements++;
      if (elements === 1) root = localNameAt(s, lt + 1, end);
      if (elements > maxElements) throw new PlanstodError("too-many-elements", `${part}|${maxElements}`);
      const selfClosing = s.charCodeAt(end - 1) === 47;
      let nameEnd = lt + 1;
      while (nameEnd < end && !endsName(s.charCodeAt(nameEnd))) nameEnd++;
      if (!attributesWellFormed(s, nameEnd, selfClosing ? end - 1 : end, amps)) throw bad();
      if (!selfClosing) {
        open.push(s.slice(lt + 1, nameEnd));
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
  if (open.length > 0 || elements === 0) throw bad();
  if (collect) flush();
  return { elements, depth: maxDepth, paragraphs, tags, root, truncated };
}
