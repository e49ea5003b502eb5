import { Caption1, Checkbox, Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { sameField, type FieldKey, type OutlineEntry, type OutlineField } from "../core/outline";
import { AddBlockButton, RemoveButton } from "./BlockActions";
import { Guidance } from "./Guidance";
import { useText, type PaneText } from "./i18n";

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
    minWidth: 0,
    "& > *": { maxWidth: "100%" },
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXS,
    borderLeft: `${tokens.strokeWidthThick} solid transparent`,
  },
  currentField: {
    borderLeftColor: tokens.colorBrandStroke1,
  },
  link: {
    textAlign: "start",
    whiteSpace: "normal",
    overflowWrap: "break-word",
  },
  choices: {
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  choicesIntro: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  checklist: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalS,
  },
  checklistHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "break-word",
  },
  checkItems: { listStyleType: "none", margin: 0, padding: 0 },
  // Fluent's checkbox is inline: in a 160-px pane it is made a block whose label wraps.
  check: {
    display: "flex",
    alignItems: "flex-start",
    width: "100%",
    boxSizing: "border-box",
    minWidth: 0,
    // At 160 px the label gets the room the box's own margins would take.
    "@container (max-width: 240px)": {
      "& .fui-Checkbox__indicator": { marginLeft: 0, marginRight: 0 },
      "& .fui-Checkbox__label": { paddingLeft: "6px", paddingRight: 0 },
    },
  },
  checkLabel: { flex: "1 1 auto", minWidth: 0, whiteSpace: "normal", overflowWrap: "break-word" },
  icon: {
    marginRight: tokens.spacingHorizontalXS,
  },
  filled: {
    color: tokens.colorPaletteGreenForeground1,
  },
  missing: {
    color: tokens.colorPaletteRedForeground1,
  },
  optional: {
    color: tokens.colorNeutralForeground3,
  },
  row: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS} 0`,
  },
  rowHeading: {
    margin: 0,
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

/**
 * A field's status in words. A field of an unused block instance or of an empty table row is not
 * required (yet), but it is not optional either: "inte ifyllt". Only a field the template leaves
 * optional (a single field outside any block) is "frivilligt, inte ifyllt".
 */
export function fieldStatus(field: OutlineField, text: PaneText): string {
  if (field.filled) return text.field.filled;
  if (field.required) return text.field.missing;
  return field.block === null ? text.field.optional : text.field.notFilled;
}

interface FieldItemProps {
  field: OutlineField;
  /** The row number, for a cell of a row table. */
  row: number | undefined;
  current: boolean;
  canNavigate: boolean;
  onSelect: (field: FieldKey) => void;
}

function FieldItem({ field, row, current, canNavigate, onSelect }: FieldItemProps) {
  const styles = useStyles();
  const text = useText();
  const status = fieldStatus(field, text);
  return (
    <li
      className={mergeClasses(styles.field, current && styles.currentField)}
      data-current={current || undefined}
    >
      <Link
        as="button"
        className={styles.link}
        disabled={!canNavigate}
        aria-label={text.goToField(field.label, status, row)}
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
        <Caption1 aria-hidden="true" className={field.required ? styles.missing : styles.optional}>
          {status}
        </Caption1>
      )}
      {/* buildOutline leaves out what the section already shows. */}
      <Guidance lines={field.guidance} />
      {field.choices && field.choices.length > 0 && (
        <>
          <p className={styles.choicesIntro}>{text.choices}</p>
          <ul className={styles.choices}>
            {field.choices.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
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
  onAdd: (entry: OutlineEntry) => void;
  /** Removes the entry (an unused instance), or one empty row of it (a row table). */
  onRemove: (entry: OutlineEntry, row?: number) => void;
  /** Checklist items can be ticked from the pane (WordApi 1.7); else each goes to its box. */
  canTick?: boolean;
  onTick?: (field: OutlineField, checked: boolean) => void;
}

/**
 * A checklist (the Danish phases' activities): a count ("2 af 9 gennemført") and the items; with
 * the checkbox API a tick here ticks the box in Word, else each item goes to its box.
 */
function Checklist(props: {
  title: string;
  items: readonly OutlineField[];
  canTick: boolean;
  canNavigate: boolean;
  busy: boolean;
  onTick: (field: OutlineField, checked: boolean) => void;
  onSelect: (field: FieldKey) => void;
}) {
  const { title, items, canTick, canNavigate, busy, onTick, onSelect } = props;
  const styles = useStyles();
  const text = useText();
  const done = items.filter((f) => f.filled).length;
  const count = text.checklist.count(done, items.length);
  return (
    <div className={styles.checklist} role="group" aria-label={`${text.checklist.label(title)}, ${count}`}>
      <p className={styles.checklistHeading} data-testid="checklist-count">
        {count}
      </p>
      <ul className={styles.checkItems}>
        {items.map((f) => (
          <li key={`${f.id}#${f.block?.index ?? 0}`} data-check={f.id}>
            {canTick ? (
              <Checkbox
                className={styles.check}
                checked={f.filled}
                disabled={busy}
                label={{ className: styles.checkLabel, children: f.label }}
                onChange={(_, data) => onTick(f, data.checked === true)}
              />
            ) : (
              <Link
                as="button"
                className={styles.link}
                disabled={!canNavigate}
                aria-label={`${text.checklist.goToBox(f.label)} (${f.filled ? text.checklist.checked : text.checklist.unchecked})`}
                onClick={() => onSelect({ id: f.id, block: f.block })}
              >
                <span aria-hidden="true" className={styles.icon}>
                  {f.filled ? "☒" : "☐"}
                </span>
                {f.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The open part of an outline entry: guidance, its fields as links, and its block actions. */
export function SectionPanel(props: SectionPanelProps) {
  const { entry, cursor, canNavigate, canEdit, busy, onSelect, onAdd, onRemove } = props;
  const styles = useStyles();
  const text = useText();
  const list = (fields: readonly OutlineField[]) => (
    <ul className={styles.fields}>
      {fields.map((f) => (
        <FieldItem
          key={`${f.id}#${f.block?.index ?? 0}`}
          field={f}
          row={entry.block?.kind === "rows" ? (f.block?.index ?? undefined) : undefined}
          current={cursor !== null && sameField(f, cursor)}
          canNavigate={canNavigate}
          onSelect={onSelect}
        />
      ))}
    </ul>
  );
  const checks = entry.fields.filter((f) => f.checkbox);
  const answers = entry.fields.filter((f) => !f.checkbox);
  const rows = entry.block?.kind === "rows" ? byRow(entry.fields) : [];
  const table = entry.block?.name ?? entry.title;

  return (
    <div>
      <Guidance lines={entry.guidance} />
      {entry.block?.kind === "rows"
        ? rows.map(([index, fields]) => (
            <div key={index}>
              <div className={styles.row}>
                <h4 className={styles.rowHeading}>{text.row(index)}</h4>
                {/* An empty row can go, as long as the table keeps one. */}
                {rows.length > 1 && fields.every((f) => !f.filled) && (
                  <RemoveButton
                    label={text.remove}
                    ariaLabel={text.removeRowLabel(table, index)}
                    question={text.removeRowQuestion(index)}
                    body={text.removeRowBody(table, index)}
                    disabled={!canEdit}
                    busy={busy}
                    onRemove={() => onRemove(entry, index)}
                  />
                )}
              </div>
              {list(fields)}
            </div>
          ))
        : list(answers)}
      {checks.length > 0 && (
        <Checklist
          title={entry.title}
          items={checks}
          canTick={props.canTick === true && canEdit && props.onTick !== undefined}
          canNavigate={canNavigate}
          busy={busy}
          onTick={(f, checked) => props.onTick?.(f, checked)}
          onSelect={onSelect}
        />
      )}
      {entry.block && (entry.block.kind === "rows" || entry.removable) && (
        <div className={styles.actions}>
          {entry.block.kind === "rows" && (
            <AddBlockButton block={entry.block} disabled={!canEdit} busy={busy} onAdd={() => onAdd(entry)} />
          )}
          {entry.removable && (
            <RemoveButton
              label={text.remove}
              ariaLabel={text.removeLabel(entry.title)}
              question={text.removeQuestion(entry.title)}
              body={text.removeBody(entry.title, entry.fields.length)}
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
