import { Body1, Button, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import type { Report } from "../core/types";
import { useText } from "./i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  top: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    // A long template name ("Implementeringsplan") and the button do not fit one 320 px line:
    // the button then goes to the next line instead of being cut off.
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  refresh: {
    flexShrink: 0,
  },
  heading: {
    margin: 0,
    minWidth: 0,
    maxWidth: "100%",
    // A name longer than a 160-px pane ("Implementeringsplan") breaks rather than scrolls.
    overflowWrap: "anywhere",
    "@container (max-width: 240px)": {
      fontSize: tokens.fontSizeBase300,
      lineHeight: tokens.lineHeightBase300,
    },
  },
  summary: {
    margin: 0,
  },
});

export interface SummaryProps {
  templateName: string;
  report: Report;
  busy: boolean;
  canRead: boolean;
  onRefresh: () => void;
}

/** The template's name, how much is filled in, and "Uppdatera" (the review says what the total counts). */
export function Summary({ templateName, report, busy, canRead, onRefresh }: SummaryProps) {
  const styles = useStyles();
  const text = useText();
  return (
    <section className={styles.root} aria-labelledby="planstod-template-name">
      <div className={styles.top}>
        <Subtitle1 as="h2" id="planstod-template-name" className={styles.heading}>
          {templateName}
        </Subtitle1>
        <Button
          appearance="secondary"
          size="small"
          onClick={onRefresh}
          disabled={busy || !canRead}
          title={text.refreshLabel}
          className={styles.refresh}
        >
          {text.refresh}
        </Button>
      </div>
      <Body1 as="p" className={styles.summary} data-testid="summary">
        {text.summary(report.requiredFilled, report.requiredTotal)}.{" "}
        {report.complete ? text.complete : text.incomplete}
      </Body1>
    </section>
  );
}
