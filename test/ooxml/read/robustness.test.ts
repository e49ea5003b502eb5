/**
 * Documents real users make that the fixtures do not cover on their own: each test edits a
 * generated fixture (with JSZip and @xmldom/xmldom, the way a word processor would leave it) and
 * checks the report, or the block operations, on the result.
 */
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { checkDocx, editDocx } from "../../../src/ooxml/docx";
import { run, type Io } from "../../../src/cli/main";
import type { Report } from "../../../src/core/types";
import { bytesOf, editedDocx } from "../../support/fixtures";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const paragraphs = (doc: Document) => Array.from(doc.getElementsByTagNameNS(W, "p"));
const textOf = (p: Element) =>
  Array.from(p.getElementsByTagNameNS(W, "t"))
    .map((t) => t.textContent)
    .join("");
const find = (doc: Document, test: (text: string) => boolean) => {
  const p = paragraphs(doc).find((x) => test(textOf(x)));
  if (!p) throw new Error("paragraph not found");
  return p;
};
function para(doc: Document, text: string): Element {
  const p = doc.createElementNS(W, "w:p");
  const r = doc.createElementNS(W, "w:r");
  const t = doc.createElementNS(W, "w:t");
  t.appendChild(doc.createTextNode(text));
  r.appendChild(t);
  p.appendChild(r);
  return p;
}
/** The table an element stands in, and that table's own rows. */
function tableOf(el: Element): Element {
  let table: Element | null = el;
  while (table && table.localName !== "tbl") table = table.parentNode as Element | null;
  if (!table) throw new Error("not in a table");
  return table;
}
const rowsOf = (table: Element) =>
  Array.from(table.childNodes).filter((n): n is Element => (n as Element).localName === "tr");
const after = (ref: Element, el: Element) => ref.parentNode!.insertBefore(el, ref.nextSibling);
const filled = (report: Report, id: string, index?: number) =>
  report.fields.find(
    (f) => f.id === id && (index === undefined ? f.block === null : f.block?.index === index),
  )?.filled;

describe("the report stays right when", () => {
  test("a small table is pasted into an answer cell", async () => {
    const bytes = await editedDocx("sv-complete", (doc) => {
      const answer = find(doc, (t) => t.startsWith("Var fjärde elev i årskurs 3"));
      const tbl = doc.createElementNS(W, "w:tbl");
      const tr = doc.createElementNS(W, "w:tr");
      const tc = doc.createElementNS(W, "w:tc");
      tc.appendChild(para(doc, "Årskurs 3: 25 %"));
      tr.appendChild(tc);
      tbl.appendChild(tr);
      answer.parentNode!.insertBefore(tbl, answer);
    });
    const report = await checkDocx(bytes);
    expect(report.complete).toBe(true);
    expect(report.requiredFilled).toBe(42);
  });

  test("an answer has a line that starts like another field's label (IKO)", async () => {
    const bytes = await editedDocx("iko-complete", (doc) => {
      const insatser = find(doc, (t) => t.startsWith("Insatser och aktiviteter"));
      const table = insatser.parentNode!.parentNode!.parentNode as Element; // p → tc → tr → tbl
      // Right under the "Skriv här:" prompt, before the answer's own text.
      const prompt = Array.from(table.getElementsByTagNameNS(W, "p")).find((p) =>
        textOf(p).startsWith("Skriv här"),
      );
      after(prompt!, para(doc, "Målgrupp: all personal i hemtjänsten."));
    });
    const report = await checkDocx(bytes);
    expect(report.complete).toBe(true);
    expect(filled(report, "insatser")).toBe(true);
  });

  test("a plan has a sub-heading named like a later section", async () => {
    for (const name of ["sv-complete", "sv-typed-over"]) {
      const bytes = await editedDocx(name, (doc) => {
        const heading = find(doc, (t) => t === "Plan för insatser inom ramen för utvecklingsområdet");
        const guidance = heading.nextSibling as Element;
        after(guidance, para(doc, "Tidplan"));
      });
      const report = await checkDocx(bytes);
      expect(filled(report, "plan")).toBe(true);
      expect(filled(report, "tidplan")).toBe(true);
    }
  });

  test("an answer is typed on a heading's own line", async () => {
    const bytes = await editedDocx("sv-blank", (doc) => {
      const heading = find(doc, (t) => t === "Risker");
      const t = heading.getElementsByTagNameNS(W, "t")[0];
      t.textContent = "Risker: hög personalomsättning";
    });
    const report = await checkDocx(bytes);
    expect(filled(report, "risker")).toBe(true);
    expect(filled(report, "styrkor")).toBe(false);
  });

  test("a heading is renamed: the field is found by its guidance, the previous one stays empty", async () => {
    const bytes = await editedDocx("sv-blank", (doc) => {
      const heading = find(doc, (t) => t === "Risker");
      heading.getElementsByTagNameNS(W, "t")[0].textContent = "Risker och hinder";
    });
    const report = await checkDocx(bytes);
    expect(filled(report, "styrkor")).toBe(false);
    expect(report.missing.map((m) => m.id)).toContain("risker");
    expect(report.fields.find((f) => f.id === "risker")).toBeDefined();
  });

  test("a table's column headings are added to or reworded: its rows are still read", async () => {
    const original = await checkDocx(bytesOf("trs-partial"));
    const bytes = await editedDocx("trs-partial", (doc) => {
      const heading = (label: string) => find(doc, (t) => t === label).getElementsByTagNameNS(W, "t")[0];
      heading("Aktivitet").textContent = "Aktivitet (vad gör vi?)";
      heading("Ansvarig").textContent = "Vem";
    });
    const report = await checkDocx(bytes);
    const rows = (r: Report) => r.fields.filter((f) => f.block?.type === "handlingsplan");
    expect(report.blocks.handlingsplan).toBe(original.blocks.handlingsplan);
    expect(rows(report).map((f) => [f.id, f.block?.index, f.filled])).toEqual(
      rows(original).map((f) => [f.id, f.block?.index, f.filled]),
    );
    expect(rows(report).some((f) => f.filled)).toBe(true);
    const added = await editDocx(bytes, { op: "add", type: "handlingsplan", after: 2 });
    expect(added.after.blocks.handlingsplan).toBe(original.blocks.handlingsplan + 1);
    // Two headings reworded is another table.
    const other = await editedDocx("trs-partial", (doc) => {
      for (const [from, to] of [
        ["Aktivitet", "Vad"],
        ["Ansvarig", "Vem"],
      ])
        find(doc, (t) => t === from).getElementsByTagNameNS(W, "t")[0].textContent = to;
    });
    expect(rows(await checkDocx(other)).some((f) => f.filled)).toBe(false);
  });

  test("a column of the user's own is added to a table: its rows are read, copied and kept", async () => {
    const original = await checkDocx(bytesOf("trs-partial"));
    const texts = ["Status", "", "Pågår", "", ""];
    const bytes = await editedDocx("trs-partial", (doc) => {
      const rows = rowsOf(tableOf(find(doc, (t) => t === "Aktivitet")));
      expect(rows).toHaveLength(texts.length);
      rows.forEach((tr, i) => {
        const tc = doc.createElementNS(W, "w:tc");
        tc.appendChild(para(doc, texts[i]));
        tr.appendChild(tc);
      });
    });
    const rows = (r: Report) =>
      r.fields.filter((f) => f.block?.type === "handlingsplan").map((f) => [f.id, f.block?.index, f.filled]);
    const report = await checkDocx(bytes);
    expect(report.blocks.handlingsplan).toBe(original.blocks.handlingsplan);
    expect(rows(report)).toEqual(rows(original));
    expect(rows(report).some(([, , filled]) => filled)).toBe(true);
    // A new row is empty in every cell, the user's column too; its text stays where it was.
    const added = await editDocx(bytes, { op: "add", type: "handlingsplan", after: 2 });
    expect(added.after.blocks.handlingsplan).toBe(original.blocks.handlingsplan + 1);
    const xml = await (await JSZip.loadAsync(added.bytes)).file("word/document.xml")!.async("string");
    expect(xml.split(">Pågår<")).toHaveLength(2);
    // A row whose only text is in the user's column is not removed; an empty one is.
    await expect(editDocx(bytes, { op: "remove", type: "handlingsplan", index: 2 })).rejects.toThrow(
      "innehåller text",
    );
    const removed = await editDocx(bytes, { op: "remove", type: "handlingsplan", index: 3 });
    expect(removed.after.blocks.handlingsplan).toBe(original.blocks.handlingsplan - 1);
  });

  test("a column of a table is deleted: the others are still read, the deleted one is missing", async () => {
    const original = await checkDocx(bytesOf("iko-partial"));
    const bytes = await editedDocx("iko-partial", (doc) => {
      for (const tr of rowsOf(tableOf(find(doc, (t) => t === "Kontaktuppgifter")))) {
        const cells = Array.from(tr.childNodes).filter(
          (n): n is Element => (n as Element).localName === "tc",
        );
        tr.removeChild(cells[2]);
      }
    });
    const report = await checkDocx(bytes);
    const rows = (r: Report, id: string) =>
      r.fields.filter((f) => f.block?.type === "upprattad_av" && f.id === id).map((f) => f.filled);
    expect(report.blocks.upprattad_av).toBe(original.blocks.upprattad_av);
    expect(rows(report, "befattning")).toEqual(rows(original, "befattning"));
    expect(rows(report, "namn")).toEqual(rows(original, "namn"));
    expect(rows(original, "befattning")).toContain(true);
    expect(rows(report, "kontaktuppgifter").every((filled) => !filled)).toBe(true);
    expect(report.missing.some((m) => m.id === "kontaktuppgifter")).toBe(true);
    const added = await editDocx(bytes, { op: "add", type: "upprattad_av" });
    expect(added.after.blocks.upprattad_av).toBe(original.blocks.upprattad_av + 1);
  });

  test("a new utvecklingsområde is copied from one without the user's own column; with none, it is refused", async () => {
    const withColumn = (which: (i: number) => boolean) =>
      editedDocx("sv-partial", (doc) => {
        paragraphs(doc)
          .filter((p) => textOf(p).startsWith("Namn på insats/insatser:"))
          .forEach((label, i) => {
            if (!which(i)) return;
            for (const tr of rowsOf(tableOf(label))) {
              const tc = doc.createElementNS(W, "w:tc");
              tc.appendChild(para(doc, `Egen kolumn ${i + 1}`));
              tr.appendChild(tc);
            }
          });
      });
    const original = await checkDocx(bytesOf("sv-partial"));
    const count = original.blocks.utvecklingsomrade;
    const last = await withColumn((i) => i === count - 1);
    const added = await editDocx(last, { op: "add", type: "utvecklingsomrade" });
    expect(added.after.blocks.utvecklingsomrade).toBe(count + 1);
    const times = async (bytes: Uint8Array) =>
      (await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string")).split("Egen kolumn")
        .length - 1;
    // The user's column is where it was, and nowhere else.
    expect(await times(last)).toBeGreaterThan(0);
    expect(await times(added.bytes)).toBe(await times(last));
    const every = await withColumn(() => true);
    await expect(editDocx(every, { op: "add", type: "utvecklingsomrade" })).rejects.toThrow(
      "varje utvecklingsområde i dokumentet har text som du har skrivit utanför fälten",
    );
  });

  test("text in a text box counts, and keeps a block from being removed", async () => {
    const bytes = await editedDocx("sv-blank", (doc) => {
      const third = paragraphs(doc).filter((p) => textOf(p).startsWith("Namn på insats/insatser:"))[2];
      const drawing = new DOMParser().parseFromString(
        `<w:r xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Anteckning om läsning</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Anteckning om läsning</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
        "text/xml",
      ).documentElement!;
      third.appendChild(doc.importNode(drawing, true));
    });
    const report = await checkDocx(bytes);
    expect(filled(report, "insats", 3)).toBe(true);
    expect(report.warnings.some((w) => w.code === "unused-block" && w.block?.index === 3)).toBe(false);
    await expect(editDocx(bytes, { op: "remove", type: "utvecklingsomrade", index: 3 })).rejects.toThrow(
      "Utvecklingsområde 3 innehåller text",
    );
  });

  test("a picture in an empty block keeps it from being removed", async () => {
    const bytes = await editedDocx("sv-blank", (doc) => {
      const third = paragraphs(doc).filter((p) => textOf(p).startsWith("Namn på insats/insatser:"))[2];
      const r = doc.createElementNS(W, "w:r");
      r.appendChild(doc.createElementNS(W, "w:drawing"));
      after(third, doc.createElementNS(W, "w:p")).appendChild(r);
    });
    await expect(editDocx(bytes, { op: "remove", type: "utvecklingsomrade", index: 3 })).rejects.toThrow(
      "innehåller text",
    );
  });
});

describe("writing files", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "planstod-robust-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io: Io = { out: () => {}, err: () => {} };

  test("a UTF-16 document.xml is written back as valid UTF-8", async () => {
    const zip = await JSZip.loadAsync(bytesOf("sv-blank"));
    const xml = (await zip.file("word/document.xml")!.async("string")).replace(
      'encoding="UTF-8"',
      'encoding="UTF-16"',
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    zip.file("word/document.xml", utf16, { createFolders: false });
    const input = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    expect((await checkDocx(input)).blocks.utvecklingsomrade).toBe(3);
    const out = await editDocx(input, { op: "add", type: "uppfoljning" });
    const written = await (await JSZip.loadAsync(out.bytes)).file("word/document.xml")!.async("string");
    expect(written.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect((await checkDocx(out.bytes)).blocks.uppfoljning).toBe(2);
  });

  test("--in-place keeps the exact file mode, whatever the umask", async () => {
    const file = path.join(dir, "mode.docx");
    writeFileSync(file, bytesOf("sv-blank"));
    chmodSync(file, 0o664);
    const old = process.umask(0o022);
    try {
      expect(await run(["add", file, "uppfoljning", "--in-place"], io)).toBe(0);
    } finally {
      process.umask(old);
    }
    expect(statSync(file).mode & 0o777).toBe(0o664);
  });

  test("--in-place through a symbolic link edits the real file and keeps the link", async () => {
    const real = path.join(dir, "real.docx");
    const link = path.join(dir, "link.docx");
    writeFileSync(real, bytesOf("sv-blank"));
    symlinkSync(real, link);
    expect(await run(["add", link, "uppfoljning", "--in-place"], io)).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await checkDocx(new Uint8Array(readFileSync(real)))).blocks.uppfoljning).toBe(2);
  });
});
