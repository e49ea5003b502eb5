import { afterPrefix, key, textRules, userText, type TextRules } from "../../core/text";
import type {
  ExtractedDocument,
  ExtractedField,
  ExtractedInstance,
  FieldDef,
  FieldLocation,
  InstanceBlockDef,
  RowBlockDef,
  TemplateDef,
} from "../../core/types";
import type { CellPosition, DocModel, Paragraph, SdtInfo } from "./paragraph-model";
import { readTaggedFields } from "./tags";

/**
 * Maps a document's paragraphs to a template's fields by structure and text alone: labels,
 * headings, table positions and placeholder texts. Tags and titles of content controls are
 * never needed (the original templates have none).
 */

type AnchorRole =
  | { kind: "field"; field: FieldDef; block: InstanceBlockDef | null }
  | { kind: "heading" }
  | { kind: "instruction"; text: string }
  | { kind: "title" };

interface Anchor {
  paragraph: Paragraph;
  role: AnchorRole;
  /** For a prefix label: the text after the label in the same paragraph. */
  rest: string;
}

const matchMode = (anchor: string, explicit?: "exact" | "prefix") =>
  explicit ?? (anchor.trimEnd().endsWith(":") ? "prefix" : "exact");

function fieldAnchors(template: TemplateDef): { field: FieldDef; block: InstanceBlockDef | null }[] {
  const out: { field: FieldDef; block: InstanceBlockDef | null }[] = [];
  for (const field of template.fields) out.push({ field, block: null });
  for (const block of template.blocks) {
    if (block.kind === "instances") for (const field of block.fields) out.push({ field, block });
  }
  return out.filter(({ field }) => field.locate.kind !== "top");
}

interface AnchorPattern {
  key: string;
  mode: "exact" | "prefix";
  anchor: string;
  role: AnchorRole;
}

/** Every label, heading and instruction of a template, with its comparison key computed once. */
function anchorPatterns(template: TemplateDef): AnchorPattern[] {
  const out: AnchorPattern[] = [];
  for (const { field, block } of fieldAnchors(template)) {
    const loc = field.locate;
    if (loc.kind === "top") continue;
    const mode = loc.kind === "after" ? matchMode(loc.anchor, loc.match) : "exact";
    out.push({ key: key(loc.anchor), mode, anchor: loc.anchor, role: { kind: "field", field, block } });
  }
  if (template.title)
    out.push({ key: key(template.title), mode: "exact", anchor: template.title, role: { kind: "title" } });
  for (const h of template.headings)
    out.push({ key: key(h), mode: "exact", anchor: h, role: { kind: "heading" } });
  for (const i of template.instructions) {
    out.push({ key: key(i), mode: "exact", anchor: i, role: { kind: "instruction", text: i } });
  }
  return out;
}

/** A label is never inside a content control (the templates' labels never are; answers are). */
const inControl = (p: Paragraph) => p.containers.some((c) => c.kind !== "other");

function findAnchors(template: TemplateDef, paragraphs: readonly Paragraph[]): Anchor[] {
  const patterns = anchorPatterns(template);
  const found: Anchor[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.part !== "body" || inControl(paragraph)) continue;
    // Labels are matched on the live text, so an empty control after a label is not part of it.
    const text = paragraph.liveText;
    const k = key(text);
    if (k === "") continue;
    for (const pattern of patterns) {
      if (!k.startsWith(pattern.key)) continue;
      let rest: string | null;
      if (pattern.mode === "prefix") rest = afterPrefix(text, pattern.anchor);
      else if (k === pattern.key) rest = "";
      // "Risker: personalomsättning …": an answer typed on a field's heading line.
      else if (pattern.role.kind === "field" && k[pattern.key.length] === ":")
        rest = afterPrefix(text, `${pattern.anchor}:`);
      else rest = null;
      if (rest !== null) {
        found.push({ paragraph, role: pattern.role, rest });
        break;
      }
    }
  }
  const withColumns = withRenamedColumns(template, paragraphs, found);
  return withGuidanceAnchors(template, paragraphs, singleFieldsInOrder(template, withColumns));
}

/**
 * Column headings of a block's table that the user renamed ("Orsaker" for "Orsaker till
 * identifierade problem"): a row is the block's heading row when one of its cells is still a
 * heading, or when the row under it holds a heading's guidance. When such a row has one cell
 * per column field, its cells are the headings in the template's order.
 */
function withRenamedColumns(
  template: TemplateDef,
  paragraphs: readonly Paragraph[],
  anchors: Anchor[],
): Anchor[] {
  const extra: Anchor[] = [];
  const anchored = new Set(anchors.map((a) => a.paragraph.index));
  for (const block of template.blocks) {
    if (block.kind !== "instances") continue;
    const columns = block.fields.filter((f) => f.locate.kind === "below");
    if (columns.length < 2) continue;
    const headingKeys = new Set(columns.map((f) => (f.locate.kind === "below" ? key(f.locate.anchor) : "")));
    const guidanceKeys = new Set(columns.flatMap((f) => (f.guidance ?? []).map(key)));
    // The body's outermost tables, row by row, cell by cell (the first paragraph with text).
    const tables = new Map<number, Map<number, Map<number, Paragraph>>>();
    for (const p of paragraphs) {
      if (p.part !== "body" || !p.cell || inControl(p) || key(p.liveText) === "") continue;
      const rows = tables.get(p.cell.table) ?? new Map<number, Map<number, Paragraph>>();
      tables.set(p.cell.table, rows);
      const cells = rows.get(p.cell.row) ?? new Map<number, Paragraph>();
      rows.set(p.cell.row, cells);
      if (!cells.has(p.cell.cell)) cells.set(p.cell.cell, p);
    }
    for (const rows of tables.values()) {
      for (const [row, cells] of rows) {
        const ordered = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
        if (ordered.length !== columns.length) continue;
        const below = [...(rows.get(row + 1)?.values() ?? [])];
        const isHeadingRow =
          ordered.some((p) => headingKeys.has(key(p.liveText))) ||
          below.some((p) => guidanceKeys.has(key(p.liveText)));
        if (!isHeadingRow || ordered.every((p) => anchored.has(p.index))) continue;
        ordered.forEach((p, i) => {
          if (anchored.has(p.index)) return;
          extra.push({ paragraph: p, role: { kind: "field", field: columns[i], block }, rest: "" });
          anchored.add(p.index);
        });
      }
    }
  }
  return extra.length === 0
    ? anchors
    : [...anchors, ...extra].sort((a, b) => a.paragraph.index - b.paragraph.index);
}

/**
 * A single field's label may also stand in someone's answer ("Tidplan" as a sub-heading of the
 * plan, "Målgrupp:" inside the insatser answer). Single fields follow the template's order, so
 * each takes the first occurrence of its label after the previous field's; other occurrences are
 * answer text. (A field out of order still gets its last occurrence.)
 */
function singleFieldsInOrder(template: TemplateDef, anchors: Anchor[]): Anchor[] {
  const chosen = new Set<Anchor>();
  let last = -1;
  for (const field of template.fields) {
    const candidates = anchors.filter(
      (a) => a.role.kind === "field" && !a.role.block && a.role.field.id === field.id,
    );
    if (candidates.length === 0) continue;
    const pick = candidates.find((a) => a.paragraph.index > last) ?? candidates[candidates.length - 1];
    chosen.add(pick);
    last = Math.max(last, pick.paragraph.index);
  }
  return anchors.filter((a) => !(a.role.kind === "field" && !a.role.block) || chosen.has(a));
}

/**
 * A single field whose label was retyped or renamed is found by its guidance text instead: the
 * guidance paragraph becomes its anchor, and the paragraph just above it (the renamed heading)
 * no longer belongs to the previous field's answer.
 */
function withGuidanceAnchors(
  template: TemplateDef,
  paragraphs: readonly Paragraph[],
  anchors: Anchor[],
): Anchor[] {
  const present = new Set(
    anchors.flatMap((a) => (a.role.kind === "field" && !a.role.block ? [a.role.field.id] : [])),
  );
  const extra: Anchor[] = [];
  for (const field of template.fields) {
    if (present.has(field.id) || field.locate.kind !== "after" || !field.guidance?.length) continue;
    const want = key(field.guidance[0]);
    const at = paragraphs.find((p) => p.part === "body" && !inControl(p) && key(p.liveText) === want);
    if (!at) continue;
    extra.push({ paragraph: at, role: { kind: "field", field, block: null }, rest: "" });
    const above = paragraphs[at.index - 1];
    if (above && above.part === "body" && key(above.liveText) !== "" && !inControl(above)) {
      extra.push({ paragraph: above, role: { kind: "heading" }, rest: "" });
    }
  }
  return [...anchors, ...extra].sort((a, b) => a.paragraph.index - b.paragraph.index);
}

const sameTable = (a: Paragraph, b: Paragraph) =>
  a.cell !== null && b.cell !== null && a.part === b.part && a.cell.table === b.cell.table;

/** The paragraphs that make up the answer after an anchor, per the locator's kind. */
function region(
  anchor: Anchor,
  paragraphs: readonly Paragraph[],
  anchorAt: ReadonlySet<number>,
): Paragraph[] {
  const label = anchor.paragraph;
  const role = anchor.role;
  const below = role.kind === "field" && role.field.locate.kind === "below";
  const out: Paragraph[] = [];
  for (let i = label.index + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.part !== label.part) break;
    if (label.cell && !sameTable(label, p)) break;
    if (below && label.cell && p.cell) {
      // Anchors in the label's own row (the other column headings) do not end the region.
      if (p.cell.row === label.cell.row) continue;
      if (anchorAt.has(p.index)) break;
      const start = label.cell.gridStart;
      const end = start + label.cell.gridSpan;
      if (p.cell.gridStart < end && p.cell.gridStart + p.cell.gridSpan > start) out.push(p);
      continue;
    }
    if (anchorAt.has(p.index)) break;
    out.push(p);
  }
  return out;
}

function controlOf(paragraphs: readonly Paragraph[]): SdtInfo | null {
  for (const p of paragraphs) {
    const inner = p.segments.find((s) => s.sdt !== null)?.sdt ?? p.containers[p.containers.length - 1];
    if (inner) return inner;
  }
  return null;
}

function location(
  anchor: Paragraph | null,
  answer: readonly Paragraph[],
  control: SdtInfo | null,
): FieldLocation {
  return {
    anchor: anchor?.index ?? null,
    paragraphs: answer.map((p) => p.index),
    controlId: control?.id ?? null,
    part: (anchor ?? answer[0])?.part ?? "body",
  };
}

const notFound = (id: string): ExtractedField => ({ id, text: "", found: false, location: null });

function readAnchor(
  anchor: Anchor,
  paragraphs: readonly Paragraph[],
  anchorAt: ReadonlySet<number>,
  rules: TextRules,
) {
  const answer = region(anchor, paragraphs, anchorAt);
  const texts = [anchor.rest, ...answer.map((p) => p.liveText)];
  // The control that holds the answer: a run-level one after a prefix label, else the region's.
  const inLabel = anchor.paragraph.segments.find((s) => s.sdt !== null)?.sdt ?? null;
  const control = inLabel ?? controlOf(answer);
  // The template's own guidance in the region is not part of the answer's location.
  const own = answer.filter((p) => !rules.templateText.has(key(p.liveText)));
  return { text: userText(texts, rules), location: location(anchor.paragraph, own, control) };
}

const DATE_LIKE = /\d{1,4}\s*[-./]\s*\d{1,2}|\b\d{1,2}\s+(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)/i;

/** The date and organiser fields above the title, in the body or in a page header. */
function readTop(
  template: TemplateDef,
  model: DocModel,
  anchors: readonly Anchor[],
  rules: TextRules,
): Record<string, ExtractedField> {
  const out: Record<string, ExtractedField> = {};
  const tops = template.fields.filter((f) => f.locate.kind === "top");
  if (tops.length === 0) return out;
  const titleAt =
    anchors.find((a) => a.role.kind === "title")?.paragraph.index ?? anchors[0]?.paragraph.index ?? 0;
  const hasControl = (p: Paragraph) => p.containers.length > 0 || p.segments.some((s) => s.sdt !== null);
  const controlKinds = (p: Paragraph) =>
    [...p.containers, ...p.segments.map((s) => s.sdt)].filter((s) => s !== null);
  // Body paragraphs above the title, then header paragraphs that hold a content control
  // (typed-over text in a header cannot be told from the header's own text, such as a logo line).
  const candidates = [
    ...model.paragraphs.filter((p) => p.part === "body" && p.index < titleAt && key(p.text) !== ""),
    ...model.paragraphs.filter((p) => p.part === "header" && hasControl(p)),
  ];
  const taken = new Set<number>();
  const pick = (test: (p: Paragraph) => boolean) => candidates.find((p) => !taken.has(p.index) && test(p));
  const ordered = [...tops].sort(
    (a, b) =>
      Number(b.locate.kind === "top" && b.locate.date) - Number(a.locate.kind === "top" && a.locate.date),
  );
  for (const field of ordered) {
    const loc = field.locate;
    if (loc.kind !== "top") continue;
    const byPlaceholder = (p: Paragraph) => key(p.text).includes(key(loc.placeholder));
    const byControl = (p: Paragraph) => controlKinds(p).some((s) => (s.kind === "date") === loc.date);
    const byText = (p: Paragraph) => p.part === "body" && (!loc.date || DATE_LIKE.test(p.liveText));
    const found = pick(byControl) ?? pick(byPlaceholder) ?? pick(byText);
    if (!found) {
      out[field.id] = notFound(field.id);
      continue;
    }
    taken.add(found.index);
    const control = controlKinds(found)[0] ?? null;
    out[field.id] = {
      id: field.id,
      text: userText([found.liveText], rules),
      found: true,
      location: location(found, [found], control),
    };
  }
  return out;
}

/**
 * Which cells of a row hold a row block's columns, in column order, when the row is the block's
 * header (`wanted`: its column labels as keys); otherwise null. A user may add to a column's
 * heading ("Aktivitet (vad gör vi?)") or reword one: with one cell per column, a cell counts when
 * its text is the label or starts with it, and in a table of three columns or more one cell may
 * differ altogether. A user may also add columns of their own or delete one: with another number
 * of cells, every label must head a cell of its own, in order (the other cells are not read),
 * but for one label in a table of three columns or more, whose column (-1) is read as not found.
 * Otherwise the whole table, answers and all, would go unread.
 */
function headerColumns(cells: readonly string[], wanted: readonly string[]): number[] | null {
  const spare = wanted.length >= 3 ? 1 : 0;
  if (cells.length < wanted.length - spare) return null;
  const keys = cells.map(key);
  if (keys.length === wanted.length) {
    let differ = 0;
    for (let i = 0; i < wanted.length; i++)
      if (keys[i] !== wanted[i] && !keys[i].startsWith(wanted[i])) differ++;
    return differ <= spare ? wanted.map((_, i) => i) : null;
  }
  const at: number[] = [];
  let next = 0;
  let missing = 0;
  for (const label of wanted) {
    const found = keys.indexOf(label, next);
    if (found >= 0) {
      at.push(found);
      next = found + 1;
    } else if (++missing > spare) return null;
    else at.push(-1);
  }
  return at;
}

function readRowBlock(block: RowBlockDef, model: DocModel, rules: TextRules): ExtractedInstance[] {
  const rows: ExtractedInstance[] = [];
  // An answer cell never holds template text: all but placeholders, prompts and white space is
  // the user's, even a heading of the template (a Fase cell saying "Initiering").
  const cellRules = answerCellRules(rules);
  // Every table at every nesting level, with each paragraph's cell in that table.
  const byTable = new Map<number, { p: Paragraph; at: CellPosition }[]>();
  for (const p of model.paragraphs) {
    if (p.part !== "body") continue;
    for (const at of p.cells) {
      const list = byTable.get(at.table) ?? [];
      list.push({ p, at });
      byTable.set(at.table, list);
    }
  }
  const wanted = block.columns.map((c) => key(c.label));
  for (const entries of byTable.values()) {
    const rowNumbers = [...new Set(entries.map((e) => e.at.row))].sort((a, b) => a - b);
    const cellsOf = (row: number) => {
      const cells = new Map<number, Paragraph[]>();
      for (const e of entries.filter((x) => x.at.row === row)) {
        const list = cells.get(e.at.cell) ?? [];
        list.push(e.p);
        cells.set(e.at.cell, list);
      }
      return [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, ps]) => ps);
    };
    let header = -1;
    let columns: number[] | null = null;
    for (const row of rowNumbers) {
      columns = headerColumns(
        cellsOf(row).map((ps) => ps.map((p) => p.text).join(" ")),
        wanted,
      );
      if (columns) {
        header = row;
        break;
      }
    }
    if (!columns) continue;
    const at = columns;
    for (const row of rowNumbers.filter((r) => r > header)) {
      const cells = cellsOf(row);
      const instance: Record<string, ExtractedField> = {};
      block.columns.forEach((column, i) => {
        const ps = cells[at[i]] ?? [];
        instance[column.id] = {
          id: column.id,
          text: userText(
            ps.map((p) => p.liveText),
            cellRules,
          ),
          found: ps.length > 0,
          location: ps.length > 0 ? location(null, ps, controlOf(ps)) : null,
        };
      });
      rows.push(instance);
    }
  }
  return rows;
}

/** The rules for a row table's answer cell: placeholders and prompts are not the user's; the rest is. */
export const answerCellRules = (rules: TextRules): TextRules => ({ ...rules, templateText: new Set() });

/** The text rules of a template, with the document's own placeholder texts added. */
export function rulesFor(template: TemplateDef, extraPlaceholders: Iterable<string> = []): TextRules {
  const labels: string[] = [];
  for (const { field } of fieldAnchors(template)) {
    if (field.locate.kind !== "top") labels.push(field.locate.anchor);
  }
  for (const block of template.blocks)
    if (block.kind === "rows") labels.push(...block.columns.map((c) => c.label));
  return textRules({
    templateText: [...template.templateText, ...template.headings, ...template.instructions, ...labels],
    placeholders: [...template.placeholders, ...extraPlaceholders],
    prompts: template.prompts,
  });
}

/** The keys of a template's fixed texts that recognition looks for. */
export function recognitionKeys(template: TemplateDef): Set<string> {
  const wanted = new Set<string>();
  for (const { field } of fieldAnchors(template))
    if (field.locate.kind !== "top") wanted.add(key(field.locate.anchor));
  for (const h of template.headings) wanted.add(key(h));
  if (template.title) wanted.add(key(template.title));
  for (const block of template.blocks)
    if (block.kind === "rows") block.columns.forEach((c) => wanted.add(key(c.label)));
  return wanted;
}

/** How much of a template's fixed text a document holds: 0 (none) to 1 (all). */
export function recognitionScore(template: TemplateDef, model: DocModel): number {
  const wanted = recognitionKeys(template);
  const found = new Set<string>();
  for (const p of model.paragraphs) {
    const k = key(p.liveText);
    if (wanted.has(k)) found.add(k);
    // A label followed by its answer on the same line: the key up to one of its colons is wanted.
    else
      for (let c = k.indexOf(":"); c > 0; c = k.indexOf(":", c + 1))
        if (wanted.has(k.slice(0, c))) found.add(k.slice(0, c));
  }
  return wanted.size === 0 ? 0 : found.size / wanted.size;
}

/** The first and last paragraph of each outermost table. */
function tableSpans(paragraphs: readonly Paragraph[]): Map<number, { first: number; last: number }> {
  const spans = new Map<number, { first: number; last: number }>();
  for (const p of paragraphs) {
    if (!p.cell) continue;
    const span = spans.get(p.cell.table);
    if (span) span.last = p.index;
    else spans.set(p.cell.table, { first: p.index, last: p.index });
  }
  return spans;
}

/** Whether `field` comes after every field already read in an instance, in the block's order. */
function laterThanAll(
  block: InstanceBlockDef,
  field: FieldDef,
  values: Record<string, ExtractedField>,
): boolean {
  const order = block.fields.findIndex((f) => f.id === field.id);
  return Object.keys(values).every((id) => block.fields.findIndex((f) => f.id === id) < order);
}

/** Reads every field of `template` from a document model. */
export function extract(
  template: TemplateDef,
  model: DocModel,
  extraPlaceholders: Iterable<string> = [],
): ExtractedDocument {
  const rules = rulesFor(template, extraPlaceholders);
  const anchors = findAnchors(template, model.paragraphs);
  const anchorAt = new Set(anchors.map((a) => a.paragraph.index));
  const fields: Record<string, ExtractedField> = readTop(template, model, anchors, rules);
  const blocks: Record<string, Record<string, ExtractedField>[]> = {};

  // Instances of repeated blocks are told apart by their labels: a label already seen in the
  // current instance, or a label in another table than the instance's, starts a new instance.
  interface Open {
    values: Record<string, ExtractedField>;
    table: number | null;
  }
  const open = new Map<string, Open>();
  const spans = tableSpans(model.paragraphs);
  // A table a page break split in two: nothing but empty paragraphs between the two parts.
  const continues = (from: number, to: number) => {
    const a = spans.get(from);
    const b = spans.get(to);
    if (!a || !b || a.last >= b.first) return false;
    for (let i = a.last + 1; i < b.first; i++) {
      const p = model.paragraphs[i];
      if (p.part !== "body" || p.cell !== null || key(p.liveText) !== "") return false;
    }
    return true;
  };

  for (const anchor of anchors) {
    if (anchor.role.kind !== "field") continue;
    const { field, block } = anchor.role;
    const read = readAnchor(anchor, model.paragraphs, anchorAt, rules);
    if (!block) {
      const prior = fields[field.id];
      // A section pasted twice: the answers of both copies count.
      const text = prior?.found ? [prior.text, read.text].filter((t) => t !== "").join("\n") : read.text;
      fields[field.id] = { id: field.id, text, found: true, location: prior?.location ?? read.location };
      continue;
    }
    const table = anchor.paragraph.cell?.table ?? null;
    let current = open.get(block.type);
    const seen = current && field.id in current.values;
    const otherTable =
      current &&
      table !== null &&
      current.table !== null &&
      current.table !== table &&
      !(continues(current.table, table) && laterThanAll(block, field, current.values));
    if (!current || seen || otherTable) {
      current = { values: {}, table: null };
      open.set(block.type, current);
      const list = blocks[block.type] ?? [];
      list.push(current.values);
      blocks[block.type] = list;
    }
    if (table !== null) current.table = table;
    current.values[field.id] = { id: field.id, text: read.text, found: true, location: read.location };
  }

  for (const field of template.fields) fields[field.id] ??= notFound(field.id);
  for (const block of template.blocks) {
    if (block.kind === "rows") blocks[block.type] = readRowBlock(block, model, rules);
    else {
      const list = blocks[block.type] ?? [];
      for (const instance of list) for (const f of block.fields) instance[f.id] ??= notFound(f.id);
      blocks[block.type] = list;
    }
  }

  // Planstöd's own templates: tagged controls first, checkboxes by their state.
  readTaggedFields(template, model, fields, blocks, rules);

  const instructions = anchors.flatMap((a) => (a.role.kind === "instruction" ? [a.role.text] : []));
  return { template: template.id, fields, blocks, instructions };
}
