import type { GeneratedTemplate, LayoutItem } from "../../core/templates/layout";
import { cellTag, CHECKED, fieldTag, UNCHECKED } from "../../core/templates/layout";
import type { FieldDef, RowBlockDef } from "../../core/types";
import { IdSequence } from "../edit/control-ids";
import { escapeXml, NS, para, run, styled, XML_DECL } from "./markup";
import { DEFAULT_PLACEHOLDER_DOCPART, STYLE } from "./styles";

/**
 * The main document part of a generated template: title, headings, the seed's guidance in
 * italics, and every answer a content control tagged `<templateId>/<fieldId>` (row cells
 * `<templateId>/<blockType>/<fieldId>`), titled with its label and showing the placeholder in
 * the template's language. Checklists use Word's checkbox content control (w14:checkbox).
 */

/** A4 with Word's default margins, 2 cm left and right: the text width in twips. */
const TEXT_WIDTH = 9638;
const CHECK_WIDTH = 1701;

/** Word's content-control properties dialog takes titles and tags of at most 64 characters. */
export const MAX_TITLE = 64;
export const controlTitle = (label: string): string =>
  label.length <= MAX_TITLE ? label : `${label.slice(0, MAX_TITLE - 1).trimEnd()}…`;

function sdtPr(alias: string, tag: string, id: string, inner: string): string {
  return `<w:sdtPr><w:alias w:val="${escapeXml(controlTitle(alias))}"/><w:tag w:val="${escapeXml(tag)}"/><w:id w:val="${id}"/>${inner}</w:sdtPr>`;
}

const placeholderRun = (text: string) => run(text, `<w:rStyle w:val="${STYLE.placeholder}"/>`);

/** A block-level rich-text control showing its placeholder. */
function textControl(alias: string, tag: string, id: string, placeholder: string): string {
  const pr = sdtPr(
    alias,
    tag,
    id,
    `<w:placeholder><w:docPart w:val="${DEFAULT_PLACEHOLDER_DOCPART}"/></w:placeholder><w:showingPlcHdr/>`,
  );
  return `<w:sdt>${pr}<w:sdtContent>${para(placeholderRun(placeholder))}</w:sdtContent></w:sdt>`;
}

/** A run-level checkbox control, as Word 2010 and later insert it (MS Gothic ☐ / ☒). */
export function checkboxControl(alias: string, tag: string, id: string, checked = false): string {
  const font = '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/>';
  const box =
    `<w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/>` +
    '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>' +
    '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>';
  return `<w:sdt>${sdtPr(alias, tag, id, box)}<w:sdtContent>${run(checked ? CHECKED : UNCHECKED, font)}</w:sdtContent></w:sdt>`;
}

function cell(width: number, content: string, header = false): string {
  const shade = header ? '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' : "";
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade}</w:tcPr>${content}</w:tc>`;
}

function table(widths: readonly number[], rows: readonly string[]): string {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  const pr =
    `<w:tblPr><w:tblStyle w:val="${STYLE.table}"/><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/>` +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>';
  return `<w:tbl>${pr}<w:tblGrid>${grid}</w:tblGrid>${rows.join("")}</w:tbl>`;
}

const headerRow = (widths: readonly number[], labels: readonly string[]) =>
  `<w:tr><w:trPr><w:tblHeader/></w:trPr>${labels
    .map((l, i) => cell(widths[i], para(run(l, "<w:b/>")), true))
    .join("")}</w:tr>`;

function evenWidths(n: number): number[] {
  const base = Math.floor(TEXT_WIDTH / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? TEXT_WIDTH - base * (n - 1) : base));
}

export function rowBlockRow(
  templateId: string,
  block: RowBlockDef,
  ids: IdSequence,
  placeholder: string,
): string {
  const widths = evenWidths(block.columns.length);
  const cells = block.columns.map((c, i) =>
    cell(widths[i], textControl(c.label, cellTag(templateId, block.type, c.id), ids.next(), placeholder)),
  );
  return `<w:tr>${cells.join("")}</w:tr>`;
}

export function documentXml(generated: GeneratedTemplate): string {
  const { template, layout } = generated;
  const ids = IdSequence.fromText(template.id);
  const fieldById = new Map<string, FieldDef>(template.fields.map((f) => [f.id, f]));
  const field = (id: string): FieldDef => {
    const f = fieldById.get(id);
    if (!f) throw new Error(`layout of ${template.id} names unknown field ${id}`);
    return f;
  };
  const placeholderOf = (f: FieldDef) => f.control?.placeholder ?? template.placeholders[0] ?? "";

  const item = (it: LayoutItem): string => {
    switch (it.kind) {
      case "title":
        return styled(STYLE.title, template.title ?? template.name);
      case "heading":
        return styled(STYLE.heading[it.level], it.text);
      case "text":
        return para(run(it.text));
      case "guidance":
        return it.lines.map((line) => styled(STYLE.guidance, line)).join("");
      case "field": {
        const f = field(it.id);
        return (
          styled(STYLE.heading[it.level], f.label) +
          (f.guidance ?? []).map((line) => styled(STYLE.guidance, line)).join("") +
          textControl(f.label, fieldTag(template.id, f.id), ids.next(), placeholderOf(f))
        );
      }
      case "checklist": {
        const widths = [TEXT_WIDTH - CHECK_WIDTH, CHECK_WIDTH];
        const rows = it.fieldIds.map((id) => {
          const f = field(id);
          const box = para(
            checkboxControl(f.label, fieldTag(template.id, f.id), ids.next()),
            '<w:jc w:val="center"/>',
          );
          return `<w:tr>${cell(widths[0], para(run(f.label)))}${cell(widths[1], box)}</w:tr>`;
        });
        return table(widths, [headerRow(widths, it.columns), ...rows]) + para("");
      }
      case "rows": {
        const block = template.blocks.find((b) => b.type === it.blockType);
        if (!block || block.kind !== "rows")
          throw new Error(`layout of ${template.id}: no row block ${it.blockType}`);
        const widths = evenWidths(block.columns.length);
        const placeholder = block.control?.placeholder ?? template.placeholders[0] ?? "";
        const rows = Array.from({ length: it.rows }, () => rowBlockRow(template.id, block, ids, placeholder));
        return (
          table(widths, [
            headerRow(
              widths,
              block.columns.map((c) => c.label),
            ),
            ...rows,
          ]) + para("")
        );
      }
    }
  };

  const sectPr =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="1701" w:right="1134" w:bottom="1701" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/>' +
    '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>';
  return (
    XML_DECL +
    `<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:w14="${NS.w14}" xmlns:mc="${NS.mc}" mc:Ignorable="w14">` +
    `<w:body>${layout.map(item).join("")}${sectPr}</w:body></w:document>`
  );
}
