import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { FeedbackAt } from "../feedback/FeedbackAt";
import { useText } from "../i18n";
import { COMMENTS } from "../state/reducer";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  para: { margin: 0 },
  buttons: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    padding: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

export interface CommentsPanelProps {
  /** The client can insert and remove Word comments. */
  available: boolean;
  busy: boolean;
  /** Something is left to comment on (the review has items); else only removing is offered. */
  canInsert: boolean;
  onInsert: () => void;
  onRemove: () => void;
}

/** The review as Word comments, for colleagues without Planstöd; or what to do without the API. */
export function CommentsPanel({ available, busy, canInsert, onInsert, onRemove }: CommentsPanelProps) {
  const styles = useStyles();
  const t = useText().comments;
  return (
    <section className={styles.root} aria-labelledby="planstod-comments-heading">
      <Subtitle2 as="h3" id="planstod-comments-heading" className={styles.heading}>
        {t.heading}
      </Subtitle2>
      <Caption1 as="p" className={styles.para}>
        {t.intro}
      </Caption1>
      {available ? (
        <div className={styles.buttons}>
          {canInsert && (
            <Button appearance="secondary" disabledFocusable={busy} onClick={onInsert}>
              {t.insert}
            </Button>
          )}
          <Button appearance="secondary" disabledFocusable={busy} onClick={onRemove}>
            {t.remove}
          </Button>
        </div>
      ) : (
        <>
          <Body1 as="p" className={styles.para} data-testid="comments-unavailable">
            {t.unavailable}
          </Body1>
          <Body1 as="p" className={styles.para}>
            {t.cliHint}
          </Body1>
          <code className={styles.code}>{t.cliCommand}</code>
        </>
      )}
      <FeedbackAt anchor={COMMENTS} />
    </section>
  );
}
