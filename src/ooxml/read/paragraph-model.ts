import { descendantsW, elementChildren, firstW, isW, onOff, wAttr, type XmlElement } from "../xml/dom";

/**
 * A flat, read-only view of a WordprocessingML part: every paragraph in document order, with
 * its accepted text (tracked deletions left out, insertions kept), the content controls it
 * stands in, and its table position. Recognition and the completeness rules work on this.
 */

export type SdtKind =
  "richText" | "plainText" | "dropDownList" | "comboBox" | "date" | "checkbox" | "picture" | "other";
export type SdtLevel = "block" | "run" | "cell" | "row";

export interface SdtInfo {
  el: XmlElement;
  id: string | null;
  tag: string | null;
  alias: string | null;
  kind: SdtKind;
  level: SdtLevel;
  showingPlaceholder: boolean;
  placeholderDocPart: string | null;
  listItems: { displayText: string; value: string }[];
}

export interface Segment {
  text: string;
  /** The text is a content control's placeholder (w:showingPlcHdr). */
  placeholder: boolean;
  /** The innermost content control around the text, if any. */
  sdt: SdtInfo | null;
}

export interface CellPosition {
  /** Document-order number of the table, unique across the model's parts. */
  table: number;
  row: number;
  /** Index of the cell in its row, and the grid columns it covers. */
  cell: number;
  gridStart: number;
  gridSpan: number;
}

export interface Paragraph {
  /** Document-order index across the whole model (body first, then headers). */
  index: number;
  part: "body" | "header";
  el: XmlElement;
  segments: Segment[];
  /** All text, placeholders included. */
  text: string;
  /** Text outside placeholders: what the document holds besides empty controls. */
  liveText: string;
  /**
   * The cell of the outermost table holding the paragraph: a table nested in an answer cell is
   * part of that answer.
   */
  cell: CellPosition | null;
  /** Every cell holding the paragraph, outermost first (nested tables add one each). */
  cells: CellPosition[];
  /** Content controls around the whole paragraph (block, cell or row level), outermost first. */
  containers: SdtInfo[];
}

/** The text of the segments outside placeholders (Paragraph.liveText). */
export const liveTextOf = (segments: readonly Segment[]): string =>
  segments
    .filter((s) => !s.placeholder)
    .map((s) => s.text)
    .join("");

export interface DocModel {
  paragraphs: Paragraph[];
  /** Every content control met, in document order. */
  controls: SdtInfo[];
}

const SDT_KINDS: [string, SdtKind][] = [
  ["richText", "richText"],
  ["text", "plainText"],
  ["dropDownList", "dropDownList"],
  ["comboBox", "comboBox"],
  ["date", "date"],
  ["checkbox", "checkbox"],
  ["picture", "picture"],
  ["docPartObj", "other"],
  ["group", "other"],
  ["citation", "other"],
  ["bibliography", "other"],
  ["equation", "other"],
];

export function readSdt(sdt: XmlElement, level: SdtLevel): SdtInfo {
  const pr = firstW(sdt, "sdtPr");
  let kind: SdtKind = "richText";
  let listItems: SdtInfo["listItems"] = [];
  let id: string | null = null;
  let tag: string | null = null;
  let alias: string | null = null;
  let placeholderDocPart: string | null = null;
  if (pr) {
    for (const child of elementChildren(pr)) {
      const name = child.localName ?? "";
      const match = SDT_KINDS.find(([n]) => n === name);
      if (match) kind = match[1];
      if (name === "dropDownList" || name === "comboBox") {
        listItems = elementChildren(child)
          .filter((li) => isW(li, "listItem"))
          .map((li) => ({
            displayText: wAttr(li, "displayText") ?? wAttr(li, "value") ?? "",
            value: wAttr(li, "value") ?? "",
          }));
      }
      if (name === "id") id = wAttr(child, "val");
      if (name === "tag") tag = wAttr(child, "val");
      if (name === "alias") alias = wAttr(child, "val");
      if (name === "placeholder") {
        const docPart = firstW(child, "docPart");
        placeholderDocPart = docPart ? wAttr(docPart, "val") : null;
      }
    }
  }
  return {
    el: sdt,
    id,
    tag,
    alias,
    kind,
    level,
    showingPlaceholder: pr ? onOff(pr, "showingPlcHdr") : false,
    placeholderDocPart,
    listItems,
  };
}

/** Inline containers whose children are read as part of the paragraph's text. */
const INLINE_CONTAINERS = new Set([
  "ins",
  "moveTo",
  "hyperlink",
  "smartTag",
  "customXml",
  "fldSimple",
  "bdo",
  "dir",
]);
// Inline elements not listed (w:del, w:moveFrom, ...) are not part of the accepted text.

/** What the builder still has to walk: the children of an element, from `next` on. */
type Frame =
  | { kind: "blocks"; next: XmlElement | null; cells: CellPosition[]; containers: SdtInfo[] }
  | { kind: "rows"; next: XmlElement | null; table: TableState; containers: SdtInfo[] }
  | { kind: "cells"; next: XmlElement | null; row: RowState; containers: SdtInfo[] };

interface TableState {
  table: number;
  outer: CellPosition[];
  rows: number;
}

interface RowState {
  table: TableState;
  row: number;
  grid: number;
  cellIndex: number;
}

const firstElement = (el: XmlElement): XmlElement | null => {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) return n as XmlElement;
  return null;
};
const nextElement = (el: XmlElement): XmlElement | null => {
  for (let n = el.nextSibling; n; n = n.nextSibling) if (n.nodeType === 1) return n as XmlElement;
  return null;
};

/**
 * Stands in the text for a picture, chart, embedded object or text box: content the user put
 * in an answer (the contract: it fills the field). Keys leave it out, so labels still match.
 */
export const OBJECT_MARK = "\ufffc";

/** Walks a part without recursion (an explicit stack), so document depth cannot overflow it. */
class Builder {
  readonly paragraphs: Paragraph[] = [];
  readonly controls: SdtInfo[] = [];
  constructor(
    private readonly part: "body" | "header",
    private tableCount: number,
  ) {}

  get tablesSeen(): number {
    return this.tableCount;
  }

  blocks(root: XmlElement): void {
    const stack: Frame[] = [{ kind: "blocks", next: firstElement(root), cells: [], containers: [] }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const el = frame.next;
      if (!el) {
        stack.pop();
        continue;
      }
      frame.next = nextElement(el);
      if (frame.kind === "blocks") {
        if (isW(el, "p")) this.paragraph(el, frame.cells, frame.containers);
        else if (isW(el, "tbl")) {
          const table: TableState = { table: this.tableCount++, outer: frame.cells, rows: 0 };
          stack.push({ kind: "rows", next: firstElement(el), table, containers: frame.containers });
        } else if (isW(el, "sdt")) {
          const content = this.sdt(el, "block");
          if (content.el)
            stack.push({
              kind: "blocks",
              next: firstElement(content.el),
              cells: frame.cells,
              containers: [...frame.containers, content.info],
            });
        } else if (isW(el, "customXml") || isW(el, "ins") || isW(el, "moveTo")) {
          stack.push({
            kind: "blocks",
            next: firstElement(el),
            cells: frame.cells,
            containers: frame.containers,
          });
        }
      } else if (frame.kind === "rows") {
        if (isW(el, "tr")) {
          const trPr = firstW(el, "trPr");
          // A row deleted as a tracked change is absent (the contract: changes count as accepted).
          if (trPr && firstW(trPr, "del")) continue;
          const before = trPr ? firstW(trPr, "gridBefore") : null;
          const grid = before ? Number(wAttr(before, "val") ?? 0) || 0 : 0;
          const row: RowState = { table: frame.table, row: frame.table.rows++, grid, cellIndex: 0 };
          stack.push({ kind: "cells", next: firstElement(el), row, containers: frame.containers });
        } else if (isW(el, "sdt")) {
          const content = this.sdt(el, "row");
          if (content.el)
            stack.push({
              kind: "rows",
              next: firstElement(content.el),
              table: frame.table,
              containers: [...frame.containers, content.info],
            });
        } else if (isW(el, "customXml")) {
          stack.push({
            kind: "rows",
            next: firstElement(el),
            table: frame.table,
            containers: frame.containers,
          });
        }
      } else {
        const row = frame.row;
        if (isW(el, "tc")) {
          const tcPr = firstW(el, "tcPr");
          const spanEl = tcPr ? firstW(tcPr, "gridSpan") : null;
          const span = spanEl ? Number(wAttr(spanEl, "val") ?? 1) || 1 : 1;
          const pos: CellPosition = {
            table: row.table.table,
            row: row.row,
            cell: row.cellIndex++,
            gridStart: row.grid,
            gridSpan: span,
          };
          row.grid += span;
          stack.push({
            kind: "blocks",
            next: firstElement(el),
            cells: [...row.table.outer, pos],
            containers: frame.containers,
          });
        } else if (isW(el, "sdt")) {
          const content = this.sdt(el, "cell");
          if (content.el)
            stack.push({
              kind: "cells",
              next: firstElement(content.el),
              row,
              containers: [...frame.containers, content.info],
            });
        } else if (isW(el, "customXml")) {
          stack.push({ kind: "cells", next: firstElement(el), row, containers: frame.containers });
        }
      }
    }
  }

  private sdt(el: XmlElement, level: SdtLevel): { info: SdtInfo; el: XmlElement | null } {
    const info = readSdt(el, level);
    this.controls.push(info);
    return { info, el: firstW(el, "sdtContent") };
  }

  private paragraph(p: XmlElement, cells: CellPosition[], containers: SdtInfo[]): void {
    const segments: Segment[] = [];
    const push = (text: string, sdt: SdtInfo | null) => {
      const placeholder = sdt?.showingPlaceholder ?? false;
      const last = segments[segments.length - 1];
      if (last && last.sdt === sdt && last.placeholder === placeholder) last.text += text;
      else segments.push({ text, placeholder, sdt });
    };
    const outer = containers.length > 0 ? containers[containers.length - 1] : null;
    // Inline content, walked with an explicit stack: run-level controls may nest deeply.
    const stack: { next: XmlElement | null; sdt: SdtInfo | null }[] = [{ next: firstElement(p), sdt: outer }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const el = frame.next;
      if (!el) {
        stack.pop();
        continue;
      }
      frame.next = nextElement(el);
      const name = el.localName ?? "";
      const sdt = frame.sdt;
      if (isW(el, "r")) this.run(el, (text) => push(text, sdt));
      else if (isW(el, "sdt")) {
        const content = this.sdt(el, "run");
        if (content.el) stack.push({ next: firstElement(content.el), sdt: content.info });
      } else if (INLINE_CONTAINERS.has(name) && isW(el, name)) stack.push({ next: firstElement(el), sdt });
      else if (isW(el, "object") || el.localName === "oMath" || el.localName === "oMathPara")
        push(OBJECT_MARK, sdt);
    }
    const text = segments.map((s) => s.text).join("");
    this.paragraphs.push({
      index: -1,
      part: this.part,
      el: p,
      segments,
      text,
      liveText: liveTextOf(segments),
      cell: cells[0] ?? null,
      cells,
      containers,
    });
  }

  private run(r: XmlElement, emit: (text: string) => void): void {
    for (let n = r.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const el = n as XmlElement;
      if (el.localName === "AlternateContent") {
        // Word writes a text box twice: DrawingML in mc:Choice, VML in mc:Fallback. Read one.
        const choice = elementChildren(el).find((c) => c.localName === "Choice");
        const fallback = elementChildren(el).find((c) => c.localName === "Fallback");
        const branch = choice ?? fallback;
        let any = false;
        if (branch)
          for (const c of elementChildren(branch))
            if (isW(c, "drawing") || isW(c, "pict") || isW(c, "object")) {
              if (!any) emit(OBJECT_MARK);
              any = true;
              textBoxText(c, emit);
            }
        continue;
      }
      if (!isW(el, el.localName ?? "")) continue;
      switch (el.localName) {
        case "t":
          emit(textOf(el));
          break;
        case "tab":
        case "ptab":
          emit("\t");
          break;
        case "br":
        case "cr":
          emit("\n");
          break;
        case "noBreakHyphen":
          emit("-");
          break;
        case "drawing":
        case "pict":
        case "object":
          emit(OBJECT_MARK);
          textBoxText(el, emit);
          break;
        // w:delText, w:instrText, footnote references and the like are not text.
      }
    }
  }
}

/** An element's text; most w:t hold one text node, read without a walk. */
function textOf(el: XmlElement): string {
  const only = el.firstChild;
  if (only && only === el.lastChild && (only.nodeType === 3 || only.nodeType === 4))
    return (only as unknown as { data: string }).data;
  return el.textContent ?? "";
}

/**
 * The text of the text boxes in a drawing, one line per paragraph: it is the user's text and
 * counts for the paragraph that anchors the drawing. Tracked deletions are left out.
 */
function textBoxText(drawing: XmlElement, emit: (text: string) => void): void {
  for (const box of descendantsW(drawing, "txbxContent")) {
    for (const p of descendantsW(box, "p")) {
      const texts = descendantsW(p, "t").filter((t) => !hasAncestor(t, box, ["del", "moveFrom"]));
      const line = texts.map(textOf).join("");
      if (line !== "") emit(`\n${line}`);
    }
  }
}

function hasAncestor(el: XmlElement, stop: XmlElement, names: readonly string[]): boolean {
  for (let n = el.parentNode as XmlElement | null; n && n !== stop; n = n.parentNode as XmlElement | null) {
    if (names.some((name) => isW(n as XmlElement, name))) return true;
  }
  return false;
}

/** Reads the paragraphs of a body or header element (w:body, w:hdr). */
export function buildModel(parts: { root: XmlElement; part: "body" | "header" }[]): DocModel {
  const paragraphs: Paragraph[] = [];
  const controls: SdtInfo[] = [];
  let tables = 0;
  for (const { root, part } of parts) {
    const builder = new Builder(part, tables);
    builder.blocks(root);
    tables = builder.tablesSeen;
    for (const p of builder.paragraphs) {
      p.index = paragraphs.length;
      paragraphs.push(p);
    }
    for (const c of builder.controls) controls.push(c);
  }
  return { paragraphs, controls };
}
