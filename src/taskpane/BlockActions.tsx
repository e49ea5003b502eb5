import { useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from "@fluentui/react-components";
import type { OutlineEntry } from "../core/outline";
import { TEXT } from "./text";

export type EntryBlock = NonNullable<OutlineEntry["block"]>;

export interface AddBlockButtonProps {
  block: EntryBlock;
  /** The host cannot edit blocks. */
  disabled: boolean;
  /** A host call is running: shown disabled, still focusable. */
  busy: boolean;
  onAdd: (block: EntryBlock) => void;
}

/** "Lägg till utvecklingsområde" for a repeated block, "Lägg till rad" for a row table. */
export function AddBlockButton({ block, disabled, busy, onAdd }: AddBlockButtonProps) {
  const rows = block.kind === "rows";
  return (
    <Button
      appearance="secondary"
      size="small"
      disabled={disabled}
      disabledFocusable={busy}
      aria-label={rows ? TEXT.addRowLabel(block) : undefined}
      onClick={() => onAdd(block)}
    >
      {rows ? TEXT.addRow : TEXT.addInstance(block)}
    </Button>
  );
}

export interface RemoveBlockButtonProps {
  /** The instance's title, e.g. "Utvecklingsområde 3". */
  name: string;
  disabled: boolean;
  busy: boolean;
  onRemove: () => void;
}

/** "Ta bort" for an unused instance; asks for confirmation in a dialog first. */
export function RemoveBlockButton({ name, disabled, busy, onRemove }: RemoveBlockButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button
          appearance="secondary"
          size="small"
          disabled={disabled}
          disabledFocusable={busy}
          aria-label={TEXT.removeLabel(name)}
        >
          {TEXT.remove}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{TEXT.removeQuestion(name)}</DialogTitle>
          <DialogContent>{TEXT.removeBody}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onRemove();
              }}
            >
              {TEXT.remove}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{TEXT.cancel}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
