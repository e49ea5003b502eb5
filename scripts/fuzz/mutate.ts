/**
 * The fuzzer's mutations of a .docx, at the zip level (bytes, entries, names) and at the XML
 * level (elements deleted, duplicated, reordered, nested deeply; huge runs; encodings; entity
 * tricks; characters that must survive an edit). Deterministic for a given random source.
 */
import JSZip from "jszip";
import { smallEntry, writeZip, type ZipEntry } from "../fixtures/bad";
import { MALFORMED, type Malformed } from "../fixtures/third-round";

/** A small, fast, seedable PRNG (mulberry32). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export interface Mutated {
  bytes: Buffer;
  label: string;
  /**
   * The main part is no longer well-formed XML: `check` must refuse the document as damaged
   * (exit 2, one line), whatever a lenient parser would make of it.
   */
  refused?: boolean;
  /**
   * The mutation only put characters into the user's text that an edit must keep: the document
   * must still be checked and `add` must succeed, keeping every character.
   */
  preserving?: boolean;
}

type Mutator = (rng: Rng, bytes: Buffer) => Promise<Mutated>;

// ---------------------------------------------------------------------------------------------
// Zip helpers

/** The entries of a zip; null when it is no zip or an entry is too large to be worth mutating (a bomb). */
async function entries(bytes: Buffer): Promise<{ name: string; data: Buffer }[] | null> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const out: { name: string; data: Buffer }[] = [];
    const size = (f: JSZip.JSZipObject) =>
      (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (Object.values(zip.files).some((f) => size(f) > 40 * 1024 * 1024)) return null;
    for (const file of Object.values(zip.files)) {
      if (!file.dir) out.push({ name: file.name, data: await file.async("nodebuffer") });
    }
    return out;
  } catch {
    return null;
  }
}

const zipOf = (list: readonly { name: string; data: Buffer }[]): Buffer =>
  writeZip(list.map((e): ZipEntry => smallEntry(e.name, e.data)));

/** Applies `change` to one XML part (default: the main document); unchanged when not a zip. */
async function onPart(
  bytes: Buffer,
  label: string,
  change: (xml: string) => string | Buffer,
  part = "word/document.xml",
): Promise<Mutated> {
  const list = await entries(bytes);
  const entry = list?.find((e) => e.name === part);
  if (!list || !entry) return { bytes, label: `${label} (skipped)` };
  const changed = change(entry.data.toString("utf8"));
  entry.data = typeof changed === "string" ? Buffer.from(changed, "utf8") : changed;
  return { bytes: zipOf(list), label };
}

// ---------------------------------------------------------------------------------------------
// XML helpers: element spans found in one pass, without recursion

interface Span {
  name: string;
  start: number;
  end: number;
  parent: number;
}

export function spans(xml: string): Span[] {
  const out: Span[] = [];
  const stack: number[] = [];
  const re = /<(\/?)([A-Za-z_][\w.:-]*)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] === "/") {
      const at = stack.pop();
      if (at !== undefined) out[at].end = m.index + m[0].length;
    } else {
      const span: Span = { name: m[2], start: m.index, end: -1, parent: stack[stack.length - 1] ?? -1 };
      out.push(span);
      if (m[3] === "/") span.end = m.index + m[0].length;
      else stack.push(out.length - 1);
    }
  }
  return out.filter((s) => s.end > 0);
}

/** Spans inside the body (or the document element when there is none). */
function bodySpans(xml: string, name?: string): Span[] {
  const all = spans(xml);
  const body = all.find((s) => s.name.endsWith(":body"));
  return all.filter(
    (s) => (!body || (s.start > body.start && s.end < body.end)) && (!name || s.name === name),
  );
}

const splice = (xml: string, at: number, remove: number, insert: string) =>
  xml.slice(0, at) + insert + xml.slice(at + remove);

// ---------------------------------------------------------------------------------------------
// Zip-level mutations

const flipBytes: Mutator = async (rng, bytes) => {
  const out = Buffer.from(bytes);
  const n = 1 + rng.int(8);
  for (let i = 0; i < n; i++) out[rng.int(out.length)] ^= 1 << rng.int(8);
  return { bytes: out, label: `flip ${n} bytes` };
};

const truncate: Mutator = async (rng, bytes) => {
  const at = rng.int(bytes.length);
  return { bytes: bytes.subarray(0, at), label: `truncate at ${at}/${bytes.length}` };
};

const deleteEntry: Mutator = async (rng, bytes) => {
  const list = await entries(bytes);
  if (!list || list.length === 0) return { bytes, label: "delete entry (skipped)" };
  const i = rng.int(list.length);
  const name = list[i].name;
  list.splice(i, 1);
  return { bytes: zipOf(list), label: `delete entry ${name}` };
};

const duplicateEntry: Mutator = async (rng, bytes) => {
  const list = await entries(bytes);
  if (!list || list.length === 0) return { bytes, label: "duplicate entry (skipped)" };
  const e = rng.chance(0.5) ? (list.find((x) => x.name === "word/document.xml") ?? list[0]) : rng.pick(list);
  const copy = { name: rng.chance(0.3) ? e.name.toUpperCase() : e.name, data: Buffer.from(e.data) };
  list.splice(rng.int(list.length + 1), 0, copy);
  return { bytes: zipOf(list), label: `duplicate entry ${copy.name}` };
};

const HOSTILE_NAMES = [
  "../../../../tmp/planstod-fuzz-escape.xml",
  "/etc/passwd",
  "C:\\Windows\\evil.xml",
  "word/../../evil.xml",
  "word/\u0000nul.xml",
  "word/new\nline.xml",
  `word/${"x".repeat(300)}.xml`,
  "word/_rels/document.xml.rels/",
  "..",
];

const hostileNames: Mutator = async (rng, bytes) => {
  const list = await entries(bytes);
  if (!list) return { bytes, label: "hostile names (skipped)" };
  const name = rng.pick(HOSTILE_NAMES);
  list.push({ name, data: Buffer.from("<x/>") });
  // Sometimes a relationship points at it too.
  const rels = list.find((e) => e.name === "word/_rels/document.xml.rels");
  if (rels && rng.chance(0.5)) {
    const target = name.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    rels.data = Buffer.from(
      rels.data
        .toString("utf8")
        .replace(
          "</Relationships>",
          `<Relationship Id="rIdFuzz" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="${target}"/></Relationships>`,
        ),
    );
  }
  return { bytes: zipOf(list), label: `hostile entry name ${JSON.stringify(name.slice(0, 40))}` };
};

const manyEntries: Mutator = async (rng, bytes) => {
  const list = await entries(bytes);
  if (!list) return { bytes, label: "many entries (skipped)" };
  const n = rng.pick([200, 2000, 4990, 5001, 20000]);
  for (let i = 0; i < n; i++) list.push({ name: `customXml/fuzz${i}.xml`, data: Buffer.from("<a/>") });
  return { bytes: zipOf(list), label: `${n} extra entries` };
};

const junkAround: Mutator = async (rng, bytes) => {
  const junk = Buffer.from("JUNK".repeat(1 + rng.int(100)));
  return rng.chance(0.5)
    ? { bytes: Buffer.concat([bytes, junk]), label: "junk appended" }
    : { bytes: Buffer.concat([Buffer.from("PK"), junk, bytes]), label: "junk prepended" };
};

// ---------------------------------------------------------------------------------------------
// XML-level mutations

const deleteElement: Mutator = (rng, bytes) =>
  onPart(bytes, "delete element", (xml) => {
    const s = bodySpans(xml);
    if (s.length === 0) return xml;
    const e = rng.pick(s);
    return splice(xml, e.start, e.end - e.start, "");
  });

const duplicateElement: Mutator = (rng, bytes) =>
  onPart(bytes, "duplicate element", (xml) => {
    const s = bodySpans(xml);
    if (s.length === 0) return xml;
    const e = rng.pick(s);
    return splice(xml, e.end, 0, xml.slice(e.start, e.end));
  });

const reorderElements: Mutator = (rng, bytes) =>
  onPart(bytes, "reorder siblings", (xml) => {
    const s = bodySpans(xml);
    if (s.length < 2) return xml;
    const a = rng.pick(s);
    const siblings = s.filter((b) => b.parent === a.parent && b.start >= a.end);
    if (siblings.length === 0) return xml;
    const b = rng.pick(siblings);
    const A = xml.slice(a.start, a.end);
    const B = xml.slice(b.start, b.end);
    return xml.slice(0, a.start) + B + xml.slice(a.end, b.start) + A + xml.slice(b.end);
  });

const deepNesting: Mutator = async (rng, bytes) => {
  const depth = rng.pick([50, 390, 410, 1000, 3000, 10000]);
  const kind = rng.pick(["sdt", "tbl", "run-sdt", "styles"]);
  if (kind === "styles") {
    return onPart(
      bytes,
      `${depth} nested elements in styles.xml`,
      (xml) => splice(xml, xml.lastIndexOf("</"), 0, "<w:x>".repeat(depth) + "</w:x>".repeat(depth)),
      "word/styles.xml",
    );
  }
  return onPart(bytes, `${depth} nested ${kind}`, (xml) => {
    const paras = bodySpans(xml, "w:p");
    if (paras.length === 0) return xml;
    const p = rng.pick(paras);
    const inner = xml.slice(p.start, p.end);
    if (kind === "sdt")
      return splice(
        xml,
        p.start,
        p.end - p.start,
        "<w:sdt><w:sdtContent>".repeat(depth) + inner + "</w:sdtContent></w:sdt>".repeat(depth),
      );
    if (kind === "tbl")
      return splice(
        xml,
        p.start,
        p.end - p.start,
        "<w:tbl><w:tr><w:tc>".repeat(depth) + inner + "</w:tc></w:tr></w:tbl>".repeat(depth),
      );
    return splice(
      xml,
      p.start,
      p.end - p.start,
      "<w:p>" +
        "<w:sdt><w:sdtContent>".repeat(depth) +
        "<w:r><w:t>djup</w:t></w:r>" +
        "</w:sdtContent></w:sdt>".repeat(depth) +
        "</w:p>",
    );
  });
};

const hugeRun: Mutator = async (rng, bytes) => {
  const length = rng.pick([10_000, 1_000_000, 5_000_000, 20_000_000]);
  const unit = rng.pick(["a", "ö", "Klicka eller tryck här för att ange text. ", "😀"]);
  return onPart(bytes, `run of ${length} chars`, (xml) => {
    const ts = bodySpans(xml, "w:t");
    if (ts.length === 0) return xml;
    const t = rng.pick(ts);
    const close = xml.lastIndexOf("</w:t>", t.end);
    return splice(xml, close, 0, unit.repeat(Math.ceil(length / unit.length)));
  });
};

const manyParagraphs: Mutator = async (rng, bytes) => {
  const n = rng.pick([1000, 12_000, 30_000, 300_000]);
  return onPart(bytes, `${n} extra paragraphs`, (xml) => {
    const at = xml.lastIndexOf("<w:sectPr");
    if (at < 0) return xml;
    return splice(xml, at, 0, "<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(n));
  });
};

const latin1Bytes = (s: string): Buffer | null => {
  const out = Buffer.alloc(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return null;
    out[i] = c;
  }
  return out;
};

const badEncoding: Mutator = async (rng, bytes) => {
  const how = rng.pick(["latin1", "utf16", "invalid-utf8", "unknown", "lone-surrogate-ref"]);
  return onPart(bytes, `encoding: ${how}`, (xml) => {
    const declared = (enc: string) =>
      xml.replace(/^<\?xml[^>]*\?>/, `<?xml version="1.0" encoding="${enc}" standalone="yes"?>`);
    switch (how) {
      case "latin1": {
        // Characters beyond Latin-1 become references, so the text is the same.
        const text = declared(rng.pick(["ISO-8859-1", "windows-1252"])).replace(
          /[^\t\n\r -~]/gu,
          (c) => `&#${c.codePointAt(0)};`,
        );
        return latin1Bytes(text) ?? xml;
      }
      case "utf16": {
        const text = declared("UTF-16");
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      }
      case "invalid-utf8": {
        const ts = bodySpans(xml, "w:t");
        const raw = Buffer.from(xml, "utf8");
        if (ts.length === 0) return raw;
        const t = rng.pick(ts);
        const at = Buffer.byteLength(xml.slice(0, xml.lastIndexOf("</w:t>", t.end)), "utf8");
        return Buffer.concat([raw.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), raw.subarray(at)]);
      }
      case "unknown":
        return declared("x-klingon");
      default:
        return xml.replace("</w:t>", "&#xD800;</w:t>");
    }
  });
};

const ENTITY_TRICKS = [
  '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">',
];

const entityTricks: Mutator = async (rng, bytes) => {
  const how = rng.int(5);
  return onPart(bytes, `entity trick ${how}`, (xml) => {
    if (how < ENTITY_TRICKS.length) {
      const decl = /^<\?xml[^>]*\?>\s*/.exec(xml)?.[0] ?? "";
      const use = how === 0 ? "&c;" : how === 1 ? "&xxe;" : "";
      return decl + ENTITY_TRICKS[how] + xml.slice(decl.length).replace("</w:t>", `${use}</w:t>`);
    }
    if (how === 3) return xml.replace("</w:t>", "&undefined;</w:t>");
    return xml.replace("</w:t>", "&#0;</w:t>");
  });
};

/** Characters an edit must keep exactly, as written in the XML. */
const KEPT = [
  "\u2028",
  "\u0085",
  "&#13;",
  "&#x2028;",
  "😀",
  "\u{1F469}\u200D\u{1F3EB}",
  "𝔄",
  "  \t  ",
  // As escaped in the XML: a raw "<" (or "<>") in a text is not well-formed, and is refused.
  "&amp;&lt;&gt;",
];

const userCharacters: Mutator = async (rng, bytes) => {
  const inserted = rng.pick(KEPT);
  const text = inserted === "&amp;<>" ? "&amp;&lt;&gt;" : inserted;
  const m = await onPart(bytes, `user text gets ${JSON.stringify(inserted)}`, (xml) => {
    // A w:t with the user's text: not a placeholder, in the body.
    const ts = bodySpans(xml, "w:t").filter((t) => {
      const body = xml.slice(t.start, t.end);
      return body.length > 40 && !/Klicka eller tryck|Välj|Ange|Skriv/.test(body);
    });
    if (ts.length === 0) return xml;
    const t = rng.pick(ts);
    const open = xml.indexOf(">", t.start) + 1;
    const close = xml.lastIndexOf("</w:t>", t.end);
    const at = open + rng.int(close - open + 1);
    // Keep entity references whole.
    const safe = xml.lastIndexOf("&", at) > xml.lastIndexOf(";", at - 1) ? close : at;
    let out = splice(xml, safe, 0, text);
    if (!/xml:space="preserve"/.test(xml.slice(t.start, open)))
      out = splice(out, open - 1, 0, ' xml:space="preserve"');
    return out;
  });
  return { ...m, preserving: !m.label.endsWith("(skipped)") };
};

/** A column of the user's own, added at the end of one table (a cell in each of its rows). */
const userColumn: Mutator = async (rng, bytes) => {
  const m = await onPart(bytes, "a table gets a column of the user's own", (xml) => {
    const all = spans(xml);
    const tables = all.map((s, i) => ({ s, i })).filter(({ s }) => s.name === "w:tbl");
    if (tables.length === 0) return xml;
    const table = rng.pick(tables);
    const rows = all.filter((s) => s.name === "w:tr" && s.parent === table.i);
    let out = xml;
    // From the last row back, so that the earlier offsets stay where they were.
    for (const row of [...rows].reverse()) {
      const close = out.lastIndexOf("</w:tr>", row.end);
      out = splice(out, close, 0, "<w:tc><w:p><w:r><w:t>Egen kolumn</w:t></w:r></w:p></w:tc>");
    }
    return out;
  });
  return { ...m, preserving: !m.label.endsWith("(skipped)") };
};

const garbage: Mutator = async (rng, bytes) => {
  const bit = rng.pick(["<", "&", "</w:p>", "<w:p>", "]]>", "\u0000", '"', "<?pi x?>", "<!-- c -->"]);
  return onPart(bytes, `insert ${JSON.stringify(bit)}`, (xml) => splice(xml, rng.int(xml.length), 0, bit));
};

/**
 * The main part made not well-formed in one of the ways careless tools do (MALFORMED in
 * scripts/fixtures/third-round.ts), at a random place: a document Word, LibreOffice and the
 * browser refuse, which Planstöd must refuse too.
 */
const malformed: Mutator = async (rng, bytes) => {
  const kind = rng.pick(Object.keys(MALFORMED) as Malformed[]);
  let changed = false;
  const m = await onPart(bytes, `not well-formed: ${kind}`, (xml) => {
    const pickOf = (re: RegExp) => {
      const found = [...xml.matchAll(re)];
      return found.length > 0 ? rng.pick(found) : null;
    };
    let out = xml;
    if (kind === "ampersand" || kind === "less-than" || kind === "char-ref") {
      const bit =
        kind === "ampersand"
          ? rng.pick([" & ", "&", "&Jerry", "&#;"])
          : kind === "less-than"
            ? rng.pick([" < ", "<", "<>", "< 2"])
            : rng.pick(["&#1;", "&#x0;", "&#xFFFE;", "&#xD800;", "&#x110000;", "&#11;"]);
      const t = pickOf(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g);
      if (t?.index !== undefined) {
        const open = t.index + t[0].indexOf(">") + 1;
        // Not inside an entity reference that is there already.
        const text = t[1];
        const cuts = [0, text.length, ...[...text.matchAll(/[ ]/g)].map((c) => c.index ?? 0)];
        out = splice(xml, open + rng.pick(cuts), 0, bit);
      }
    } else if (kind === "mismatched") {
      const end = pickOf(/<\/w:(p|r|t|tc|tr|sdt)>/g);
      if (end?.index !== undefined)
        out = splice(xml, end.index, end[0].length, rng.pick(["</w:q>", "</w:body>", "</p>"]));
    } else if (kind === "unclosed") {
      const end = rng.chance(0.5) ? pickOf(/<\/w:p>/g) : pickOf(/<\/w:(body|document)>/g);
      if (end?.index !== undefined) out = splice(xml, end.index, end[0].length, "");
    } else if (kind === "unquoted") {
      const attr = pickOf(/ (w:val|w:w|w:type|xml:space)="([A-Za-z0-9]+)"/g);
      if (attr?.index !== undefined) out = splice(xml, attr.index, attr[0].length, ` ${attr[1]}=${attr[2]}`);
    } else {
      out = xml + rng.pick(["<w:document/>", "<extra>x</extra>", "<w:body></w:body>"]);
    }
    changed = out !== xml;
    return out;
  });
  return { ...m, refused: changed };
};

const otherPart: Mutator = async (rng, bytes) => {
  const part = rng.pick([
    "word/styles.xml",
    "word/_rels/document.xml.rels",
    "_rels/.rels",
    "[Content_Types].xml",
    "word/header1.xml",
    "word/glossary/document.xml",
  ]);
  const op = rng.pick(["empty", "garbage", "truncate"]);
  return onPart(
    bytes,
    `${part}: ${op}`,
    (xml) =>
      op === "empty" ? "" : op === "garbage" ? xml.replace(/>/, "><<") : xml.slice(0, xml.length >> 1),
    part,
  );
};

// ---------------------------------------------------------------------------------------------

/** Each mutation with its weight (how often it is drawn). */
export const MUTATORS: readonly { name: string; weight: number; run: Mutator }[] = [
  { name: "flip", weight: 10, run: flipBytes },
  { name: "truncate", weight: 5, run: truncate },
  { name: "delete-entry", weight: 4, run: deleteEntry },
  { name: "duplicate-entry", weight: 3, run: duplicateEntry },
  { name: "hostile-name", weight: 3, run: hostileNames },
  { name: "many-entries", weight: 0.5, run: manyEntries },
  { name: "junk", weight: 2, run: junkAround },
  { name: "delete-element", weight: 12, run: deleteElement },
  { name: "duplicate-element", weight: 10, run: duplicateElement },
  { name: "reorder", weight: 10, run: reorderElements },
  { name: "deep-nesting", weight: 2, run: deepNesting },
  { name: "huge-run", weight: 0.5, run: hugeRun },
  { name: "many-paragraphs", weight: 0.5, run: manyParagraphs },
  { name: "encoding", weight: 5, run: badEncoding },
  { name: "entities", weight: 4, run: entityTricks },
  { name: "user-characters", weight: 12, run: userCharacters },
  { name: "user-column", weight: 4, run: userColumn },
  { name: "garbage", weight: 6, run: garbage },
  { name: "other-part", weight: 5, run: otherPart },
  { name: "not-well-formed", weight: 6, run: malformed },
];

const TOTAL = MUTATORS.reduce((n, m) => n + m.weight, 0);

export function drawMutator(rng: Rng): (typeof MUTATORS)[number] {
  let x = rng.next() * TOTAL;
  for (const m of MUTATORS) {
    x -= m.weight;
    if (x < 0) return m;
  }
  return MUTATORS[MUTATORS.length - 1];
}

/**
 * One to three mutations of `bytes`; "preserving" only when every mutation was, "refused" when
 * the last one made the main part not well-formed (an earlier one's fault may be cut away later).
 */
export async function mutate(rng: Rng, bytes: Buffer): Promise<Mutated & { kinds: string[] }> {
  const count = rng.chance(0.7) ? 1 : 1 + rng.int(3);
  let current: Mutated = { bytes, label: "", preserving: true };
  const labels: string[] = [];
  const kinds: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = drawMutator(rng);
    const next = await m.run(rng, current.bytes);
    labels.push(next.label);
    kinds.push(m.name);
    current = {
      bytes: next.bytes,
      label: "",
      preserving: current.preserving && next.preserving === true,
      refused: next.refused === true,
    };
  }
  return {
    bytes: current.bytes,
    label: labels.join("; "),
    preserving: current.preserving,
    refused: current.refused,
    kinds,
  };
}
