import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ReviewTarget } from "../../core/review";
import { Notice } from "../Messages";
import type { Anchor, Feedback } from "../state/reducer";

/**
 * Feedback where the user looks: a result is shown next to what the user acted on (its anchor),
 * and scrolled into view. It is announced separately (usePane), so it is not also a live region.
 */

interface FeedbackContextValue {
  feedback: Feedback | null;
  dismiss: () => void;
  goTo: (target: ReviewTarget, anchor: Anchor) => void;
}

const FeedbackContext = createContext<FeedbackContextValue>({
  feedback: null,
  dismiss: () => undefined,
  goTo: () => undefined,
});

export function FeedbackProvider({ value, children }: { value: FeedbackContextValue; children: ReactNode }) {
  return <FeedbackContext.Provider value={value}>{children}</FeedbackContext.Provider>;
}

const useStyles = makeStyles({
  root: { margin: `${tokens.spacingVerticalS} 0` },
  action: { marginTop: tokens.spacingVerticalXS },
});

/** The current message when it belongs here. */
export function FeedbackAt({ anchor }: { anchor: Anchor }) {
  const { feedback, dismiss, goTo } = useContext(FeedbackContext);
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const mine = feedback !== null && feedback.anchor === anchor ? feedback : null;
  useEffect(() => {
    const el = ref.current;
    // jsdom and some old Word clients lack scrollIntoView.
    if (mine && el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
  }, [mine]);
  if (!mine) return null;
  return (
    <div ref={ref} className={styles.root} data-feedback={anchor}>
      <Notice intent={mine.intent} onDismiss={dismiss}>
        {mine.text}
        {mine.action && (
          <div className={styles.action}>
            <Button
              size="small"
              appearance="primary"
              onClick={() => mine.action && goTo(mine.action.target, anchor)}
            >
              {mine.action.label}
            </Button>
          </div>
        )}
      </Notice>
    </div>
  );
}
