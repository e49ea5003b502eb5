import { Body1, Button, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { GENERATED_TEMPLATES, TEMPLATES } from "../core/templates";
import { useText } from "./i18n";
import { NewPlanList } from "./new-plan/NewPlan";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
  },
  heading: {
    margin: 0,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
  },
});

/** The friendly page for a document that is none of the supported templates. */
export function UnknownTemplate({ onRefresh, busy }: { onRefresh: () => void; busy: boolean }) {
  const styles = useStyles();
  const text = useText();
  return (
    <section className={styles.root} aria-labelledby="planstod-unknown-title">
      <Subtitle1 as="h2" id="planstod-unknown-title" className={styles.heading}>
        {text.unknownTitle}
      </Subtitle1>
      <Body1 as="p">{text.unknownSupported}</Body1>
      <ul className={styles.list}>
        {TEMPLATES.filter((t) => !GENERATED_TEMPLATES.some((g) => g.template.id === t.id)).map((t) => (
          <li key={t.id}>
            <Body1>{t.name}</Body1>
          </li>
        ))}
      </ul>
      <Body1 as="p">{text.unknownHint}</Body1>
      <Button appearance="primary" onClick={onRefresh} disabled={busy}>
        {text.refresh}
      </Button>
      <NewPlanList />
    </section>
  );
}
