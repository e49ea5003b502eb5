import { Caption1, Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { sameField, type FieldKey, type OutlineEntry, type OutlineField } from "../core/outline";
import { AddBlockButton, RemoveBlockButton, type EntryBlock } from "./BlockActions";
import { Guidance } from "./Guidance";
import { TEXT } from "./text";

const useStyles = makeStyles({
  fields: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  field: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXS,
    borderLeft: `${tokens.strokeWidthThick} solid transparent`,
  },
  currentField: {
    borderLeftColor: tokens.colorBrandStroke1,
  },
  link: {
    textAlign: "start",
  },
  icon: {
    marginRight: tokens.spacingHorizontalXS,
  },
  filled: {
    color: tokens.colorPaletteGreenForeground1,
  },
  missing: {
    color: tokens.colorPaletteRedForeground1,
  },
  rowHeading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS} 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalM,
  },
});

function fieldStatus(field: OutlineField): string {
  if (field.filled) return TEXT.fieldFilled;
  return field.required ? TEXT.fieldMissing : TEXT.fieldEmpty;
}

interface FieldItemProps {
  field: OutlineField;
  /** The field's guidance lines (buildOutline leaves out what the section already shows). */
  guidance: readonly string[];
  /** The row number, for a cell of a row table. */
  row: number | undefined;
  current: boolean;
  canNavigate: boolean;
  onSelect: (field: FieldKey) => void;
}

function FieldItem({ field, guidance, row, current, canNavigate, onSelect }: FieldItemProps) {
  const styles = useStyles();
  const status = fieldStatus(field);
  return (
    <li
      className={mergeClasses(styles.field, current && styles.currentField)}
      data-current={current || undefined}
    >
      <Link
        as="button"
        className={styles.link}
        disabled={!canNavigate}
        aria-label={TEXT.goToField(field.label, status, row)}
        aria-current={current ? "location" : undefined}
        onClick={() => onSelect({ id: field.id, block: field.block })}
      >
        {field.filled ? (
          <span aria-hidden="true" className={mergeClasses(styles.icon, styles.filled)}>
            ✓
          </span>
        ) : null}
        {field.label}
      </Link>
      {!field.filled && (
        <Caption1 aria-hidden="true" className={field.required ? styles.missing : undefined}>
          {status}
        </Caption1>
      )}
      <Guidance lines={guidance} />
    </li>
  );
}

/** Rows of a row table, in order, each with its cells. */
function byRow(fields: readonly OutlineField[]): [number, OutlineField[]][] {
  const rows = new Map<number, OutlineField[]>();
  for (const f of fields) {
    const index = f.block?.index ?? 1;
    rows.set(index, [...(rows.get(index) ?? []), f]);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]);
}

export interface SectionPanelProps {
  entry: OutlineEntry;
  /** The field the cursor is in, if any. */
  cursor: FieldKey | null;
  canNavigate: boolean;
  canEdit: boolean;
  /** A host call is running: actions are shown disabled but keep keyboard focus. */
  busy: boolean;
  onSelect: (field: FieldKey) => void;
  onAdd: (block: EntryBlock) => void;
  onRemove: (entry: OutlineEntry) => void;
}

/** The open part of an outline entry: guidance, its fields as links, and its block actions. */
export function SectionPanel(props: SectionPanelProps) {
  const { entry, cursor, canNavigate, canEdit, busy, onSelect, onAdd, onRemove } = props;
  const styles = useStyles();
  const list = (fields: readonly OutlineField[]) => (
    <ul className={styles.fields}>
      {fields.map((f) => (
        <FieldItem
          key={`${f.id}#${f.block?.index ?? 0}`}
          field={f}
          guidance={f.guidance}
          row={entry.block?.kind === "rows" ? (f.block?.index ?? undefined) : undefined}
          current={cursor !== null && sameField(f, cursor)}
          canNavigate={canNavigate}
          onSelect={onSelect}
        />
      ))}
    </ul>
  );

  return (
    <div>
      <Guidance lines={entry.guidance} />
      {entry.block?.kind === "rows"
        ? byRow(entry.fields).map(([index, fields]) => (
            <div key={index}>
              <h4 className={styles.rowHeading}>{TEXT.row(index)}</h4>
              {list(fields)}
            </div>
          ))
        : list(entry.fields)}
      {entry.block && (entry.block.kind === "rows" || entry.removable) && (
        <div className={styles.actions}>
          {entry.block.kind === "rows" && (
            <AddBlockButton block={entry.block} disabled={!canEdit} busy={busy} onAdd={onAdd} />
          )}
          {entry.removable && (
            <RemoveBlockButton
              name={entry.title}
              disabled={!canEdit}
              busy={busy}
              onRemove={() => onRemove(entry)}
            />
          )}
        </div>
      )}
    </div>
  );
}
