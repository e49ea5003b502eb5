/**
 * The pane's live regions: results and steps are announced to screen readers through them
 * (docs/design.md, "Feedback"). Two visually hidden regions, polite and assertive, live at the root
 * of the page (outside the pane's landmarks, as Fluent's announcer puts them); `useAnnounce().announce(text)` writes into one of them. The latest message replaces
 * the one before (a screen reader reads what changed), and the same text twice in a row is still
 * read, because a no-break space is toggled at its end.
 *
 * Fluent's AriaLiveAnnouncer does the same but brings its focus manager (tabster) into the first
 * load, which this pane has no other use for (docs/design.md, "The pane's first load").
 */
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { makeStyles } from "@fluentui/react-components";

export interface AnnounceOptions {
  /** Polite waits until the screen reader is idle; otherwise the message interrupts (errors). */
  polite?: boolean;
}

export interface AnnounceContextValue {
  announce: (message: string, options?: AnnounceOptions) => void;
}

const AnnounceContext = createContext<AnnounceContextValue>({ announce: () => undefined });

/** Supplies an `announce` of one's own (tests record what the pane says). */
export const AnnounceProvider = AnnounceContext.Provider;

export function useAnnounce(): AnnounceContextValue {
  return useContext(AnnounceContext);
}

const useStyles = makeStyles({
  // Hidden from view, not from screen readers.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** Renders the two live regions and gives its children `announce`. */
export function Announcer({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const polite = useRef<HTMLDivElement>(null);
  const assertive = useRef<HTMLDivElement>(null);
  const announce = useCallback((message: string, options: AnnounceOptions = {}) => {
    const region = (options.polite === false ? assertive : polite).current;
    if (!region) return;
    region.textContent = region.textContent === message ? `${message}\u00a0` : message;
  }, []);
  const value = useMemo(() => ({ announce }), [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      {createPortal(
        <>
          <div ref={polite} className={styles.hidden} aria-live="polite" aria-atomic="true" />
          <div ref={assertive} className={styles.hidden} aria-live="assertive" aria-atomic="true" />
        </>,
        document.body,
      )}
    </AnnounceContext.Provider>
  );
}
