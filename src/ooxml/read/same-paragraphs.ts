/**
 * Whether two runs of model paragraphs hold the same thing as the rules see it: the same texts,
 * the same content controls around and inside them (kind, tag, title, placeholder shown), at the
 * same table positions within their run. The Word adapter uses it to verify a block it inserted:
 * the paragraphs Word hands back for the inserted range must be the ones the engine built.
 */
import { W, type XmlElement } from "../xml/dom";
import { modelOf } from "./document";
import type { CellPosition, Paragraph, SdtInfo } from "./paragraph-model";

/** The paragraphs of `elements` (blocks of one part) read on their own, as a range's package holds them. */
export function paragraphsOfBlocks(elements: readonly XmlElement[]): Paragraph[] {
  const doc = elements[0]?.ownerDocument;
  if (!doc) return [];
  const body = doc.createElementNS(W, "w:body");
  for (const el of elements) body.appendChild(el.cloneNode(true));
  return modelOf(body, []).paragraphs;
}

const control = (sdt: SdtInfo | null) =>
  sdt ? `${sdt.kind}|${sdt.level}|${sdt.tag ?? ""}|${sdt.alias ?? ""}|${sdt.showingPlaceholder}` : "-";

/** Table positions relative to the run's first table: table numbers differ between two reads. */
function cellsOf(p: Paragraph, firstTable: number): string {
  return p.cells
    .map((c: CellPosition) => `${c.table - firstTable}:${c.row}:${c.cell}:${c.gridSpan}`)
    .join("/");
}

function shapeOf(paragraphs: readonly Paragraph[]): string[] {
  const tables = paragraphs.flatMap((p) => p.cells.map((c) => c.table));
  const first = tables.length > 0 ? Math.min(...tables) : 0;
  return paragraphs.map((p) =>
    JSON.stringify([
      p.text,
      p.containers.map(control),
      p.segments.map((s) => [s.text, s.placeholder, control(s.sdt)]),
      cellsOf(p, first),
    ]),
  );
}

/**
 * Whether `got` holds the paragraphs of `expected`, in order, and nothing else but empty
 * paragraphs outside any control and table after them (Word ends a range's package with one).
 */
export function sameParagraphs(expected: readonly Paragraph[], got: readonly Paragraph[]): boolean {
  if (got.length < expected.length) return false;
  const rest = got.slice(expected.length);
  if (rest.some((p) => p.text !== "" || p.containers.length > 0 || p.cells.length > 0)) return false;
  const a = shapeOf(expected);
  const b = shapeOf(got.slice(0, expected.length));
  return a.every((s, i) => s === b[i]);
}
