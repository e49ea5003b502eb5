import { key, userText, type TextRules } from "../../core/text";
import type { ExtractedField, ExtractedInstance, RowBlockDef } from "../../core/types";
import type { CellPosition, DocModel, Paragraph } from "./paragraph-model";
import { controlOf, location } from "./regions";
import { answerCellRules } from "./text-rules";

/**
 * Row tables (IKO's two tables, the generated plans' ansvar, handlingsplan, kompetensplan): the
 * table is found by its header row, and every row below it is an instance.
 */

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
export function headerColumns(cells: readonly string[], wanted: readonly string[]): number[] | null {
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

export function readRowBlock(block: RowBlockDef, model: DocModel, rules: TextRules): ExtractedInstance[] {
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
