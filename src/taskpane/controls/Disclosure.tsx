/**
 * A section that opens and closes: a heading whose button shows or hides the panel below it, as
 * Fluent's Accordion looks (its header and panel styles, the chevron that turns), with the WAI-ARIA
 * disclosure pattern: the button has aria-expanded and controls the panel, which is rendered only
 * while open. Enter and Space toggle it, as any button.
 *
 * The pane keeps its own instead of Fluent's Accordion, which brings Fluent's focus manager
 * (tabster) into the first load for arrow keys between headers that a list of ~20 sections does
 * not need (docs/design.md, "The pane's first load").
 */
import { useId, type ButtonHTMLAttributes, type ReactNode } from "react";
import {
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  heading: {
    margin: 0,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  button: {
    position: "relative",
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    width: "100%",
    minHeight: "44px",
    padding: `0 ${tokens.spacingHorizontalM} 0 ${tokens.spacingHorizontalMNudge}`,
    border: 0,
    backgroundColor: "inherit",
    color: "inherit",
    textAlign: "start",
    cursor: "pointer",
    ...typographyStyles.body1,
  },
  small: {
    minHeight: "32px",
    fontSize: tokens.fontSizeBase200,
  },
  focus: createFocusOutlineStyle(),
  icon: {
    display: "flex",
    alignItems: "center",
    flexShrink: 0,
    paddingRight: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
  },
  chevron: {
    transitionProperty: "transform",
    transitionDuration: tokens.durationNormal,
    "@media (prefers-reduced-motion: reduce)": { transitionDuration: "0.01ms" },
  },
  chevronOpen: {
    transform: "rotate(90deg)",
  },
  panel: {
    margin: `0 ${tokens.spacingHorizontalM}`,
  },
});

export interface DisclosureProps {
  open: boolean;
  onToggle: () => void;
  /** The header's content, inside its button. */
  header: ReactNode;
  /** The panel's content, rendered only while open. */
  children: ReactNode;
  size?: "small" | "medium";
  /** More attributes of the header's button (aria-current). */
  buttonProps?: ButtonHTMLAttributes<HTMLButtonElement>;
  panelClassName?: string;
}

/** A heading (h3) with its button, and the panel it opens. */
export function Disclosure({
  open,
  onToggle,
  header,
  children,
  size = "medium",
  buttonProps,
  panelClassName,
}: DisclosureProps) {
  const styles = useStyles();
  const panelId = useId();
  return (
    <>
      <h3 className={styles.heading}>
        <button
          type="button"
          {...buttonProps}
          className={mergeClasses(styles.button, styles.focus, size === "small" && styles.small)}
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={onToggle}
        >
          <span className={styles.icon} aria-hidden="true">
            <svg
              className={mergeClasses(styles.chevron, open && styles.chevronOpen)}
              width="1em"
              height="1em"
              viewBox="0 0 20 20"
              fill="currentColor"
            >
              {/* Fluent's ChevronRight20Regular */}
              <path d="M7.65 4.15c.2-.2.5-.2.7 0l5.49 5.46c.21.22.21.57 0 .78l-5.49 5.47a.5.5 0 0 1-.7-.71L12.8 10 7.65 4.85a.5.5 0 0 1 0-.7" />
            </svg>
          </span>
          {header}
        </button>
      </h3>
      {open && (
        <div id={panelId} className={mergeClasses(styles.panel, panelClassName)}>
          {children}
        </div>
      )}
    </>
  );
}
