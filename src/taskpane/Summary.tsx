import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  makeStyles,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import type { Report } from "../core/types";
import { TEXT } from "./text";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  top: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  heading: {
    margin: 0,
  },
  summary: {
    margin: 0,
  },
  warnings: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

export interface SummaryProps {
  templateName: string;
  report: Report;
  busy: boolean;
  canRead: boolean;
  onRefresh: () => void;
}

/** The template's name, how much is filled in, the warnings and the "Uppdatera" button. */
export function Summary({ templateName, report, busy, canRead, onRefresh }: SummaryProps) {
  const styles = useStyles();
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
          title={TEXT.refreshLabel}
        >
          {TEXT.refresh}
        </Button>
      </div>
      <Body1 as="p" className={styles.summary} data-testid="summary">
        {TEXT.summary(report.requiredFilled, report.requiredTotal)}.{" "}
        {report.complete ? TEXT.complete : TEXT.incomplete}
      </Body1>
      {report.warnings.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="warnings">
            <AccordionHeader as="h3" size="small">
              {TEXT.warnings(report.warnings.length)}
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.warnings}>
                {report.warnings.map((w, i) => (
                  <li key={`${w.code}-${i}`}>{w.message}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </section>
  );
}
