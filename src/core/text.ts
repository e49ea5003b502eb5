/**
 * Text rules: how the engine compares document text with template text, and what is left
 * of a field once placeholders, prompts and template text are taken away.
 */

/** Anything fold() would change: white space other than single inner spaces, quotes, dashes. */
const FOLDABLE =
  /[^\S ]| {2}|^ | $|[\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2013\u2014\u2212\u200b\u00ad]/;

/** Results for long texts, which are folded again and again (a few entries; strings hash once). */
const longCache = { fold: new Map<string, string>(), key: new Map<string, string>() };
const LONG = 4096;

/** What the caches may hold, in characters of keys (so at most some tens of MB each). */
const CACHE_CHARS = 16 * 1024 * 1024;
const cachedChars = new Map<Map<string, string>, number>();

function cached(map: Map<string, string>, text: string, compute: (t: string) => string): string {
  if (text.length < LONG) return compute(text);
  const hit = map.get(text);
  if (hit !== undefined) return hit;
  const value = compute(text);
  if (text.length > CACHE_CHARS) return value;
  let chars = cachedChars.get(map) ?? 0;
  while (map.size > 0 && (map.size >= 8 || chars + text.length > CACHE_CHARS)) {
    const oldest = map.keys().next().value as string;
    chars -= oldest.length;
    map.delete(oldest);
  }
  map.set(text, value);
  cachedChars.set(map, chars + text.length);
  return value;
}

/** Folds white space (including tabs, line breaks and no-break spaces), quotes and dashes. */
export function fold(text: string): string {
  // Most document text is already folded; the replacements below are the engine's hot spot.
  if (!FOLDABLE.test(text)) return text;
  return cached(longCache.fold, text, foldText);
}

function foldText(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019\u201a]/g, "'")
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/[\u200b\u00ad\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

// key() is asked for the same paragraph texts again and again (recognition for each template,
// anchors, regions); remembering the last few thousand answers saves most of that work.
const KEYS = new Map<string, string>();
const KEYS_KEPT = 20000;

/** The comparison key of a label or paragraph: folded, lower case, without a trailing colon. */
export function key(text: string): string {
  if (text.length >= LONG) return cached(longCache.key, text, keyOf);
  let k = KEYS.get(text);
  if (k === undefined) {
    if (KEYS.size >= KEYS_KEPT) KEYS.clear();
    k = keyOf(text);
    KEYS.set(text, k);
  }
  return k;
}

function keyOf(text: string): string {
  // A picture or object in a label's paragraph (U+FFFC in the model's text) is not part of it.
  const plain = text.includes("\ufffc") ? text.replace(/\ufffc/g, " ") : text;
  return fold(plain)
    .toLowerCase()
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s*:\s*$/, "");
}

/**
 * If `text` starts with `label` (compared as keys), returns what follows it, with the
 * label's colon and surrounding spaces removed; otherwise null.
 */
export function afterPrefix(text: string, label: string): string | null {
  const want = key(label);
  // A quick look at the start first: a long answer is folded whole only when the label is there.
  if (text.length > 4 * want.length + 64) {
    const head = fold(text.slice(0, 4 * want.length + 64)).replace(/\s*\/\s*/g, "/");
    if (head.length > want.length && !head.toLowerCase().startsWith(want)) return null;
  }
  const folded = fold(text).replace(/\s*\/\s*/g, "/");
  const lower = folded.toLowerCase();
  if (!lower.startsWith(want)) return null;
  const rest = folded.slice(want.length);
  // The label must end at a word boundary: "Mål 1:" is not a prefix of "Mål 10".
  if (rest.length > 0 && !/^[\s:.,;!?)-]/.test(rest)) return null;
  return rest.replace(/^\s*:?\s*/, "");
}

export interface TextRules {
  templateText: ReadonlySet<string>;
  placeholders: readonly string[];
  prompts: readonly string[];
}

export function textRules(parts: {
  templateText: Iterable<string>;
  placeholders: Iterable<string>;
  prompts: Iterable<string>;
}): TextRules {
  const placeholders = [...new Set([...parts.placeholders].map(fold).filter((p) => p.length > 0))];
  // Longest first, so that a placeholder containing another is removed whole.
  placeholders.sort((a, b) => b.length - a.length);
  const prompts = [...new Set([...parts.prompts].map(fold))].sort((a, b) => b.length - a.length);
  return { templateText: new Set([...parts.templateText].map(key)), placeholders, prompts };
}

const removers = new Map<string, RegExp>();

/** Replaces every occurrence of `needle` (any case) by a space, in one pass (linear in the text). */
function removeAll(haystack: string, needle: string): string {
  let re = removers.get(needle);
  if (!re) {
    if (removers.size > 500) removers.clear();
    re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu");
    removers.set(needle, re);
  }
  return haystack.replace(re, " ");
}

/**
 * What the user wrote in one answer paragraph: `paragraph` is its text with the content of
 * controls that show their placeholder already left out. Returns "" when nothing is left.
 */
export function userParagraph(paragraph: string, rules: TextRules): string {
  let text = fold(paragraph);
  if (text === "" || rules.templateText.has(key(text))) return "";
  for (const placeholder of rules.placeholders) text = removeAll(text, placeholder);
  text = fold(text);
  let stripped = true;
  while (stripped && text !== "") {
    stripped = false;
    for (const prompt of rules.prompts) {
      const rest = afterPrefix(text, prompt);
      if (rest !== null) {
        text = rest;
        stripped = true;
        break;
      }
    }
  }
  text = fold(text);
  if (text === "" || rules.templateText.has(key(text))) return "";
  // Punctuation alone (a stray colon or dash left by a deleted control) is not an answer; a
  // picture, chart, object or text box (U+FFFC) is.
  return /[\p{L}\p{N}\ufffc]/u.test(text) ? text : "";
}

/** The user's text of a whole answer: its paragraphs' user text, one per line. */
export function userText(paragraphs: readonly string[], rules: TextRules): string {
  return paragraphs
    .map((p) => userParagraph(p, rules))
    .filter((p) => p !== "")
    .join("\n");
}
