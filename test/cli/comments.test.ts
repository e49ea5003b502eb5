/**
 * `planstod check FILE --comments`: the review written as Word comments. Checked on the written
 * package (parts, relationships, content types, anchors), in LibreOffice (each comment's text at
 * its field in the converted document), and over two runs on sv-commented (people's comments and
 * replies stay, an answered Planstöd thread stays once, Planstöd's other comments are replaced).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { DOMParser, type Document, type Element, type Node } from "@xmldom/xmldom";
import JSZip from "jszip";
import { SV_COMMENTED } from "../../scripts/fixtures/sv-commented";
import { fixturePath, variant } from "../../scripts/fixtures/variants";
import { cli } from "../support/cli";

const fixture = (name: string) => fixturePath(variant(name));
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W15 = "http://schemas.microsoft.com/office/word/2012/wordml";
const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
const PREFIX = "[Planstöd]";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "planstod-comments-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const temp = (name: string) => path.join(dir, name);

const fold = (s: string) => s.replace(/\s+/g, " ").trim();
const xml = (text: string) => new DOMParser().parseFromString(text, "text/xml");
const byTag = (root: Element | Document, ns: string, name: string): Element[] =>
  Array.from(root.getElementsByTagNameNS(ns, name));
const wText = (el: Element) =>
  byTag(el, W, "t")
    .map((t) => t.textContent ?? "")
    .join("");

interface Comment {
  id: string;
  author: string;
  initials: string;
  date: string;
  text: string;
  paraId: string;
  parentParaId: string | null;
}

interface Package {
  zip: JSZip;
  comments: Comment[];
  /** The text of the paragraph holding each comment's reference, by comment id. */
  anchors: Map<string, string>;
  /** How many times each comment id occurs as range start, range end and reference. */
  marks: Map<string, number[]>;
}

async function open(file: string): Promise<Package> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = async (p: string) => (await zip.file(p)?.async("string")) ?? null;
  const commentsXml = await part("word/comments.xml");
  const extended = xml((await part("word/commentsExtended.xml")) ?? "<x/>");
  const parents = new Map(
    byTag(extended, W15, "commentEx").map((e) => [
      e.getAttributeNS(W15, "paraId"),
      e.getAttributeNS(W15, "paraIdParent") || null,
    ]),
  );
  const comments = commentsXml
    ? byTag(xml(commentsXml), W, "comment").map((c) => {
        const p = byTag(c, W, "p").pop();
        const paraId = p?.getAttributeNS(W14, "paraId") ?? "";
        return {
          id: c.getAttributeNS(W, "id") ?? "",
          author: c.getAttributeNS(W, "author") ?? "",
          initials: c.getAttributeNS(W, "initials") ?? "",
          date: c.getAttributeNS(W, "date") ?? "",
          text: wText(c),
          paraId,
          parentParaId: parents.get(paraId) ?? null,
        };
      })
    : [];
  const doc = xml((await part("word/document.xml")) ?? "");
  const anchors = new Map<string, string>();
  const marks = new Map<string, number[]>();
  ["commentRangeStart", "commentRangeEnd", "commentReference"].forEach((name, k) => {
    for (const el of byTag(doc, W, name)) {
      const id = el.getAttributeNS(W, "id") ?? "";
      const counts = marks.get(id) ?? [0, 0, 0];
      counts[k]++;
      marks.set(id, counts);
      if (name !== "commentReference") continue;
      let p: Node | null = el;
      while (p && !(p.nodeType === 1 && (p as Element).localName === "p")) p = p.parentNode;
      anchors.set(id, fold(p ? wText(p as Element) : ""));
    }
  });
  return { zip, comments, anchors, marks };
}

const own = (pkg: Package) =>
  pkg.comments.filter((c) => c.text.startsWith(PREFIX) && c.parentParaId === null);

/** What a comment names: the quoted label or instruction, and the block number, if any. */
function named(text: string): { quoted: string; block: number } {
  const quoted = /”([^”]+)”/.exec(text)?.[1];
  const block = Number(
    /\([^)]*? (\d+)\)/.exec(text)?.[1] ?? /^\[Planstöd\] \S+ (\d+) används inte/.exec(text)?.[1] ?? 1,
  );
  if (quoted) return { quoted, block };
  // "Utvecklingsområde 2 används inte …" is anchored at that block's first field, the dropdown's line.
  return { quoted: "Välj utvecklingsområde", block };
}

/** The paragraphs of the docx body in order, as folded text. */
async function bodyParagraphs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const doc = xml((await zip.file("word/document.xml")?.async("string")) ?? "");
  return byTag(doc, W, "p").map((p) => fold(wText(p)));
}

/** The n-th paragraph (from 1) that starts with `label`. */
const nth = (paragraphs: string[], label: string, n: number) =>
  paragraphs.filter((p) => p.toLowerCase().startsWith(fold(label).toLowerCase().replace(/:$/, "")))[n - 1];

async function jsonOf(file: string) {
  const { out } = await cli("check", "--json", file);
  const report = JSON.parse(out) as Record<string, unknown>;
  delete report.file;
  return report;
}

describe("check FILE --comments -o OUT", () => {
  let out: string;
  beforeAll(async () => {
    out = temp("sv-partial-granskad.docx");
    const result = await cli("check", fixture("sv-partial"), "--comments", "-o", out);
    expect(result.err).toBe("");
    expect(result.code).toBe(1); // the check's status: incomplete
    expect(result.out).toMatch(
      /^Lade in 18 kommentarer i .*sv-partial-granskad\.docx \(från .*sv-partial\.docx\)\. 8 av 22 obligatoriska fält ifyllda\.\n$/,
    );
  });

  test("one comment per missing field and per warning, by Planstöd, each anchored once", async () => {
    const pkg = await open(out);
    const report = (await jsonOf(fixture("sv-partial"))) as { missing: unknown[]; warnings: unknown[] };
    expect(pkg.comments).toHaveLength(report.missing.length + report.warnings.length);
    for (const c of pkg.comments) {
      expect(c.text.startsWith(`${PREFIX} `)).toBe(true);
      expect(c).toMatchObject({ author: "Planstöd", initials: "PS", parentParaId: null });
      expect(c.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(c.paraId).toMatch(/^[0-7][0-9A-F]{7}$/);
      expect(pkg.marks.get(c.id)).toEqual([1, 1, 1]);
    }
    expect(new Set(pkg.comments.map((c) => c.id)).size).toBe(pkg.comments.length);
    // Every missing field is named by its label.
    for (const m of report.missing as { label: string }[])
      expect(pkg.comments.some((c) => c.text.includes(`”${m.label}”`))).toBe(true);
  });

  test("each comment is at its field: the label (answers in controls), the block's first field, the instruction", async () => {
    const pkg = await open(out);
    const paragraphs = await bodyParagraphs(out);
    for (const c of pkg.comments) {
      const { quoted, block } = named(c.text);
      const expected = nth(paragraphs, quoted, block);
      expect({ text: c.text, at: pkg.anchors.get(c.id) }).toEqual({ text: c.text, at: expected });
    }
  });

  test("the package: comment parts, relationships and content types added; other parts byte for byte", async () => {
    const before = await JSZip.loadAsync(readFileSync(fixture("sv-partial")));
    const after = (await open(out)).zip;
    const rels = (await after.file("word/_rels/document.xml.rels")?.async("string")) ?? "";
    const types = (await after.file("[Content_Types].xml")?.async("string")) ?? "";
    for (const [file, type] of [
      ["comments.xml", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"],
      ["commentsExtended.xml", "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"],
      ["commentsIds.xml", "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"],
      [
        "commentsExtensible.xml",
        "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
      ],
    ]) {
      expect(after.file(`word/${file}`)).not.toBeNull();
      expect(rels).toContain(`Type="${type}" Target="${file}"`);
      expect(types).toContain(
        `<Override PartName="/word/${file}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${file.replace(".xml", "")}+xml"/>`,
      );
    }
    const changed = new Set(["word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"]);
    for (const name of Object.keys(before.files)) {
      if (changed.has(name)) continue;
      expect({
        name,
        same: Buffer.compare(
          await before.file(name)!.async("nodebuffer"),
          await after.file(name)!.async("nodebuffer"),
        ),
      }).toEqual({ name, same: 0 });
    }
  });

  test("no user text changes: the report and every exported answer are the input's", async () => {
    expect(await jsonOf(out)).toEqual(await jsonOf(fixture("sv-partial")));
    const rows = async (file: string) =>
      (await cli("export", "--format", "json", file)).out.split(JSON.stringify(file).slice(1, -1)).join("F");
    expect(await rows(out)).toBe(await rows(fixture("sv-partial")));
  });

  test("LibreOffice shows every comment, with its text, at its field", () => {
    const odtDir = mkdtempSync(path.join(dir, "odt-"));
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${odtDir}/profile`,
        "--convert-to",
        "odt",
        "--outdir",
        odtDir,
        out,
      ],
      { stdio: "ignore", timeout: 150000 },
    );
    const odt = readFileSync(path.join(odtDir, "sv-partial-granskad.odt"));
    return JSZip.loadAsync(odt).then(async (zip) => {
      const content = xml((await zip.file("content.xml")?.async("string")) ?? "");
      const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
      const TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
      const DC = "http://purl.org/dc/elements/1.1/";
      const annotations = byTag(content, OFFICE, "annotation");
      const paragraphText = (p: Element): string => {
        let s = "";
        const walk = (n: Node) => {
          for (let c = n.firstChild; c; c = c.nextSibling) {
            if (c.nodeType === 3) s += c.nodeValue ?? "";
            else if (c.nodeType === 1 && (c as Element).localName !== "annotation") walk(c);
          }
        };
        walk(p);
        return fold(s);
      };
      const allParagraphs = [...byTag(content, TEXT, "p"), ...byTag(content, TEXT, "h")]
        .filter((p) => !(p.parentNode as Element | null)?.localName?.startsWith("annotation"))
        .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1))
        .map(paragraphText);
      const expected = (await open(out)).comments;
      expect(annotations).toHaveLength(expected.length);
      const seen: string[] = [];
      for (const a of annotations) {
        const text = fold(
          byTag(a, TEXT, "p")
            .map((p) => p.textContent ?? "")
            .join("\n"),
        );
        expect(byTag(a, DC, "creator")[0]?.textContent).toBe("Planstöd");
        let p: Node | null = a.parentNode;
        while (p && !["p", "h"].includes((p as Element).localName ?? "")) p = p.parentNode;
        const { quoted, block } = named(text);
        expect({ text, at: p ? paragraphText(p as Element) : null }).toEqual({
          text,
          at: nth(allParagraphs, quoted, block),
        });
        seen.push(text);
      }
      expect(seen.sort()).toEqual(expected.map((c) => fold(c.text)).sort());
    });
  }, 180000);
});

describe("two runs on sv-commented: people's comments stay, Planstöd's are replaced, an answered one is kept once", () => {
  let first: Package;
  let second: Package;
  let input: Package;
  beforeAll(async () => {
    const one = temp("commented-1.docx");
    const two = temp("commented-2.docx");
    const r1 = await cli("check", fixture("sv-commented"), "--comments", "-o", one);
    expect(r1.out).toContain("Lade in 17 kommentarer");
    expect(r1.out).toContain("1 tidigare kommentar från Planstöd togs bort.");
    expect(r1.out).toContain(
      "1 kommentar från Planstöd som någon har svarat på eller markerat som klar fick stå kvar.",
    );
    const r2 = await cli("check", one, "--comments", "-o", two);
    expect(r2.out).toContain("Lade in 17 kommentarer");
    expect(r2.out).toContain("17 tidigare kommentarer från Planstöd togs bort.");
    input = await open(fixture("sv-commented"));
    first = await open(one);
    second = await open(two);
  });

  const people = (pkg: Package) => pkg.comments.filter((c) => !c.text.startsWith(PREFIX));
  const view = (pkg: Package, c: Comment) => ({
    ...c,
    anchor: pkg.anchors.get(c.id),
    parent: pkg.comments.find((p) => p.paraId === c.parentParaId)?.text ?? null,
  });

  test("every person's comment and reply survives both runs: author, date, text, anchor, thread", () => {
    const expected = people(input).map((c) => view(input, c));
    expect(expected.map((c) => c.text)).toEqual([
      SV_COMMENTED.annaOnBakgrund,
      SV_COMMENTED.eriksReply,
      SV_COMMENTED.annaOnDeltagare,
      SV_COMMENTED.eriksReplyToPlanstod,
    ]);
    expect(expected[1].parent).toBe(SV_COMMENTED.annaOnBakgrund);
    for (const pkg of [first, second]) {
      expect(people(pkg).map((c) => view(pkg, c))).toEqual(expected);
      for (const c of people(pkg)) expect(pkg.marks.get(c.id)).toEqual([1, 1, 1]);
    }
  });

  test("the answered Planstöd comment is kept with its reply and not repeated; the stale one is gone", () => {
    const answered = input.comments.find((c) => c.text.includes("”Risker”"))!;
    for (const pkg of [first, second]) {
      const risker = pkg.comments.filter((c) => c.text.includes("”Risker”"));
      expect(risker).toEqual([answered]);
      const reply = pkg.comments.find((c) => c.text === SV_COMMENTED.eriksReplyToPlanstod);
      expect(reply?.parentParaId).toBe(answered.paraId);
      expect(pkg.comments.some((c) => c.text === SV_COMMENTED.stalePlanstod)).toBe(false);
      expect(pkg.marks.has("5")).toBe(pkg.comments.some((c) => c.id === "5"));
    }
  });

  test("the second run gives the same comments as the first: no duplicates", () => {
    const texts = (pkg: Package) => own(pkg).map((c) => c.text);
    expect(texts(second)).toEqual(texts(first));
    expect(new Set(texts(second)).size).toBe(texts(second).length);
    expect(own(second)).toHaveLength(18); // 17 new and the answered one
    expect(second.comments).toHaveLength(18 + people(input).length);
  });
});

test("a Planstöd comment a person marked done is kept, not repeated", async () => {
  const one = temp("done-1.docx");
  await cli("check", fixture("sv-partial"), "--comments", "-o", one);
  const zip = await JSZip.loadAsync(readFileSync(one));
  const first = (await open(one)).comments.find((c) => c.text.includes("”Tidplan”"))!;
  const ex = (await zip.file("word/commentsExtended.xml")!.async("string")).replace(
    `w15:paraId="${first.paraId}" w15:done="0"`,
    `w15:paraId="${first.paraId}" w15:done="1"`,
  );
  expect(ex).toContain('w15:done="1"');
  zip.file("word/commentsExtended.xml", ex);
  const marked = temp("done-marked.docx");
  writeFileSync(marked, await zip.generateAsync({ type: "nodebuffer" }));
  const two = temp("done-2.docx");
  const r = await cli("check", marked, "--comments", "-o", two);
  expect(r.out).toContain("Lade in 17 kommentarer");
  const after = await open(two);
  expect(after.comments.filter((c) => c.text.includes("”Tidplan”"))).toEqual([first]);
  expect(own(after)).toHaveLength(18);
});

describe("output rules, as for add and remove", () => {
  test("an existing OUT only with --force; never the input; -o or --in-place required; one file", async () => {
    const out = temp("exists.docx");
    writeFileSync(out, "old");
    const refused = await cli("check", fixture("sv-partial"), "--comments", "-o", out);
    expect(refused).toMatchObject({ code: 2, out: "" });
    expect(refused.err).toContain("finns redan. Använd --force");
    expect(readFileSync(out, "utf8")).toBe("old");
    expect((await cli("check", fixture("sv-partial"), "--comments", "-o", out, "--force")).code).toBe(1);
    expect((await open(out)).comments).toHaveLength(18);

    const input = fixture("sv-partial");
    const mtime = statSync(input).mtimeMs;
    const self = await cli("check", input, "--comments", "-o", input, "--force");
    expect(self.code).toBe(2);
    expect(self.err).toContain("-o pekar på indatafilen");
    expect(statSync(input).mtimeMs).toBe(mtime);
    expect((await cli("check", input, "--comments")).err).toContain("ange var resultatet ska skrivas");
    expect(
      (await cli("check", input, fixture("sv-blank"), "--comments", "-o", temp("two.docx"))).err,
    ).toContain("en enda fil");
    expect(await cli("check", fixture("encrypted"), "--comments", "-o", temp("enc.docx"))).toMatchObject({
      code: 2,
      err: `planstod: ${fixture("encrypted")}: filen är lösenordsskyddad (krypterad). Ta bort lösenordet i Word och försök igen.\n`,
    });
  });

  test("--in-place replaces the file atomically and keeps its mode; a complete document gets no comments", async () => {
    const file = temp("inplace.docx");
    copyFileSync(fixture("iko-partial"), file);
    chmodSync(file, 0o640);
    const r = await cli("check", file, "--comments", "--in-place");
    expect(r.code).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    const pkg = await open(file);
    const report = (await jsonOf(file)) as { missing: unknown[]; warnings: unknown[] };
    expect(own(pkg)).toHaveLength(report.missing.length + report.warnings.length);
    const complete = temp("complete.docx");
    const done = await cli("check", fixture("sv-complete"), "--comments", "-o", complete);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/^Inga nya kommentarer behövdes; skrev /);
    const pkg2 = await open(complete);
    expect(pkg2.comments).toEqual([]);
    expect(pkg2.zip.file("word/comments.xml")).toBeNull();
  });
});
