import { useState, type ReactNode } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import type { OutlineEntry } from "../core/outline";
import { ConfirmDialog } from "./controls/ConfirmDialog";
import { useText } from "./i18n";

export type EntryBlock = NonNullable<OutlineEntry["block"]>;

export interface AddBlockButtonProps {
  block: EntryBlock;
  /** The host cannot edit blocks. */
  disabled: boolean;
  /** A host call is running: shown disabled, still focusable. */
  busy: boolean;
  onAdd: (block: EntryBlock) => void;
  /** Overrides the button's text (e.g. in the review). */
  label?: string;
}

/** "Lägg till utvecklingsområde" for a repeated block, "Lägg till rad" for a row table. */
export function AddBlockButton({ block, disabled, busy, onAdd, label }: AddBlockButtonProps) {
  const text = useText();
  const rows = block.kind === "rows";
  return (
    <Button
      appearance="secondary"
      size="small"
      disabled={disabled}
      disabledFocusable={busy}
      aria-label={rows && !label ? text.addRowLabel(block) : undefined}
      onClick={() => onAdd(block)}
    >
      {label ?? (rows ? text.addRow : text.addInstance(block))}
    </Button>
  );
}

const useStyles = makeStyles({
  para: { margin: 0 },
});

export interface RemoveButtonProps {
  /** The button's visible text ("Ta bort"). */
  label: string;
  /** Its accessible name, naming what it removes ("Ta bort utvecklingsområde 3"). */
  ariaLabel: string;
  /** The dialog's question. */
  question: string;
  /** What exactly will be deleted. */
  body: ReactNode;
  disabled: boolean;
  busy: boolean;
  onRemove: () => void;
}

/**
 * "Ta bort" for an unused instance or an empty row; asks first in a dialog that says what is
 * deleted and that Ctrl+Z undoes it. The focus starts on "Avbryt", so Enter never deletes by accident.
 */
export function RemoveButton({
  label,
  ariaLabel,
  question,
  body,
  disabled,
  busy,
  onRemove,
}: RemoveButtonProps) {
  const text = useText();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        appearance="secondary"
        size="small"
        disabled={disabled}
        disabledFocusable={busy}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      {open && (
        <ConfirmDialog
          title={question}
          cancelLabel={text.cancel}
          confirmLabel={text.remove}
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            setOpen(false);
            onRemove();
          }}
        >
          <p className={styles.para}>{body}</p>
          <p className={styles.para}>{text.undoHint}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
