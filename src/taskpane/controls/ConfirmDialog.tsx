/**
 * A modal question with two answers, on the browser's own <dialog>: `showModal()` puts it in the
 * top layer, makes the rest of the pane inert and gives it a backdrop. Where a web view lacks
 * `showModal` (older Safari in Word on Mac, jsdom in the tests) the same element is opened in
 * place, drawn over the pane, and marked aria-modal. Either way: the focus starts on the cancel
 * button, Tab and Shift+Tab stay inside, Escape cancels, and closing gives the focus back to the
 * element that opened it. It looks as Fluent's Dialog does (its surface, title and actions).
 *
 * The pane keeps its own instead of Fluent's Dialog, whose focus trap (tabster) would be the
 * biggest single part of the first load (docs/design.md, "The pane's first load").
 */
import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { Button, makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";

const NARROW = "@media screen and (max-width: 480px)";
/** Word at 200 % zoom: a 160-px pane. */
const TINY = "@media screen and (max-width: 240px)";

const useStyles = makeStyles({
  surface: {
    position: "fixed",
    inset: 0,
    boxSizing: "border-box",
    height: "fit-content",
    maxWidth: "min(600px, 100vw)",
    maxHeight: "100vh",
    margin: "auto",
    padding: "24px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    overflowWrap: "break-word",
    "::backdrop": { backgroundColor: tokens.colorBackgroundOverlay },
    [TINY]: { padding: "12px" },
  },
  // Opened without showModal: no top layer and no ::backdrop, so the shadow is the backdrop.
  inPlace: {
    zIndex: 1000000,
    boxShadow: `${tokens.shadow64}, 0 0 0 100vmax ${tokens.colorBackgroundOverlay}`,
  },
  title: {
    ...typographyStyles.subtitle1,
    margin: `0 0 ${tokens.spacingVerticalS}`,
    [TINY]: { ...typographyStyles.subtitle2 },
  },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    ...typographyStyles.body1,
  },
  actions: {
    display: "flex",
    justifyContent: "flex-end",
    gap: "8px",
    marginTop: tokens.spacingVerticalXL,
    [NARROW]: { flexDirection: "column" },
  },
});

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Whether this web view opens a <dialog> as a modal (top layer, inert page, ::backdrop). */
const showsModal = (): boolean =>
  typeof HTMLDialogElement === "function" && typeof HTMLDialogElement.prototype.showModal === "function";

/** Rendered while the question is open; unmounting closes it and returns the focus. */
export function ConfirmDialog({
  title,
  children,
  cancelLabel,
  confirmLabel,
  onCancel,
  onConfirm,
}: ConfirmDialogProps) {
  const styles = useStyles();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const modal = showsModal();

  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (modal) el.showModal();
    else el.setAttribute("open", "");
    cancel.current?.focus();
    return () => {
      if (modal && el.open) el.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [modal]);

  // The browser's own close request (Escape, or Android's back) cancels as Escape does.
  useEffect(() => {
    const el = dialog.current;
    const onClose = (event: Event) => {
      event.preventDefault();
      onCancel();
    };
    el?.addEventListener("cancel", onClose);
    return () => el?.removeEventListener("cancel", onClose);
  }, [onCancel]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== "Tab" || !dialog.current) return;
    const stops = Array.from(dialog.current.querySelectorAll<HTMLElement>("button:not([disabled])"));
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.current.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.current.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className={mergeClasses(styles.surface, !modal && styles.inPlace)}
      aria-labelledby={titleId}
      aria-modal="true"
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId} className={styles.title}>
        {title}
      </h2>
      <div className={styles.body}>{children}</div>
      {/* "Avbryt" first, and focused: Enter never deletes by accident. */}
      <div className={styles.actions}>
        <Button ref={cancel} appearance="secondary" onClick={onCancel}>
          {cancelLabel}
        </Button>
        <Button appearance="primary" onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
