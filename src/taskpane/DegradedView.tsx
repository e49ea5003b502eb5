import { Body1, Button, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import type { TemplateDef } from "../core/types";
import { Notice } from "./Messages";
import { useText } from "./i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The titles of a template's outline entries, in order (block sections by their block's name). */
export function sectionTitles(template: TemplateDef): string[] {
  return template.sections.map((s) =>
    s.kind === "fields" ? s.title : (template.blocks.find((b) => b.type === s.blockType)?.name ?? s.id),
  );
}

/**
 * What the pane offers when Word could not hand over the document's OOXML: why, in Swedish, and
 * (when the template was recognised from the paragraph texts) its outline, without statuses.
 */
export function DegradedView(props: {
  message: string;
  template: TemplateDef | null;
  onRefresh: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const { message, template, onRefresh, busy } = props;
  const text = useText();
  return (
    <section className={styles.root} aria-labelledby="planstod-degraded-title">
      <Notice intent="warning" title={text.degraded.title}>
        {message}
      </Notice>
      {template && (
        <>
          <Subtitle1 as="h2" id="planstod-degraded-title" className={styles.heading}>
            {template.name}
          </Subtitle1>
          <Body1 as="p">{text.degraded.outline}</Body1>
          <ul className={styles.list} aria-label={text.outlineLabel}>
            {sectionTitles(template).map((title, i) => (
              <li key={`${i}:${title}`}>
                <Body1>{title}</Body1>
              </li>
            ))}
          </ul>
        </>
      )}
      {!template && (
        <Subtitle1 as="h2" id="planstod-degraded-title" className={styles.heading}>
          {text.degraded.title}
        </Subtitle1>
      )}
      <Button appearance="primary" onClick={onRefresh} disabled={busy}>
        {text.refresh}
      </Button>
    </section>
  );
}
