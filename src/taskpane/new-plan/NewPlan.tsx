import type { ReactNode } from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  Subtitle1,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { GENERATED_TEMPLATES } from "../../core/templates";
import type { GeneratedTemplate } from "../../core/templates";
import { useText, type NewPlanText } from "../i18n";

/**
 * "Skapa en ny plan": Planstöd's own templates (name, what each is for, language), offered on an
 * empty document, and listed on the page for a document Planstöd does not recognise. A template's
 * name and purpose are in its own language (marked with `lang` for screen readers).
 */

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { margin: 0 },
  purpose: { margin: 0 },
  language: { color: tokens.colorNeutralForeground2 },
});

const htmlLang = (g: GeneratedTemplate) => (g.locale === "da-DK" ? "da" : "sv");

function PlanEntry({
  plan,
  text,
  action,
}: {
  plan: GeneratedTemplate;
  text: NewPlanText;
  action?: ReactNode;
}) {
  const styles = useStyles();
  const lang = htmlLang(plan);
  return (
    <li className={styles.item} aria-labelledby={`planstod-plan-${plan.template.id}`}>
      <Subtitle2 as="h3" id={`planstod-plan-${plan.template.id}`} className={styles.name} lang={lang}>
        {plan.template.name}
      </Subtitle2>
      <Body1 as="p" className={styles.purpose} lang={lang}>
        {plan.purpose}
      </Body1>
      <Caption1 className={styles.language}>{text.language(plan.locale)}</Caption1>
      {action}
    </li>
  );
}

export interface NewPlanProps {
  onCreate: (templateId: string) => void;
  busy: boolean;
  /** The client can insert a plan; otherwise the pane says how to make one without it. */
  canCreate: boolean;
}

/** The page for an empty document: choose a plan and Planstöd inserts it. */
export function NewPlan({ onCreate, busy, canCreate }: NewPlanProps) {
  const styles = useStyles();
  const text = useText().newPlan;
  return (
    <section className={styles.root} aria-labelledby="planstod-new-title">
      <Subtitle1 as="h2" id="planstod-new-title" className={styles.heading}>
        {text.heading}
      </Subtitle1>
      <Body1 as="p">{canCreate ? text.intro : text.unsupported}</Body1>
      <ul className={styles.list}>
        {GENERATED_TEMPLATES.map((plan) => (
          <PlanEntry
            key={plan.template.id}
            plan={plan}
            text={text}
            action={
              canCreate ? (
                <Button
                  appearance="primary"
                  disabled={busy}
                  aria-label={text.createLabel(plan.template.name)}
                  onClick={() => onCreate(plan.template.id)}
                >
                  {text.create}
                </Button>
              ) : undefined
            }
          />
        ))}
      </ul>
    </section>
  );
}

/** The same plans as a list, for the page of a document Planstöd does not recognise. */
export function NewPlanList() {
  const styles = useStyles();
  const text = useText().newPlan;
  return (
    <section className={styles.root} aria-labelledby="planstod-new-list-title">
      <Subtitle2 as="h3" id="planstod-new-list-title" className={styles.heading}>
        {text.listHeading}
      </Subtitle2>
      <Body1 as="p">{text.listIntro}</Body1>
      <ul className={styles.list}>
        {GENERATED_TEMPLATES.map((plan) => (
          <PlanEntry key={plan.template.id} plan={plan} text={text} />
        ))}
      </ul>
    </section>
  );
}
