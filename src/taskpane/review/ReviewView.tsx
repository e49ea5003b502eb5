import { useEffect, useRef } from "react";
import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  CounterBadge,
  Link,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { sameField, type FieldKey, type OutlineEntry } from "../../core/outline";
import type { Review, ReviewItem } from "../../core/review";
import { AddBlockButton, RemoveButton } from "../BlockActions";
import { FeedbackAt } from "../feedback/FeedbackAt";
import { useText } from "../i18n";
import { REVIEW } from "../state/reducer";
import { CommentsPanel, type CommentsPanelProps } from "./CommentsPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // The status and the step buttons stay in view while the list scrolls to the current item.
  sticky: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  status: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  done: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  para: { margin: 0 },
  steps: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  groupHeading: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  items: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    // Scrolled to below the sticky status, not under it.
    scrollMarginTop: "200px",
  },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  current: {
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorNeutralBackground1Selected,
  },
  link: { textAlign: "start" },
  detail: { color: tokens.colorNeutralForeground2 },
});

export interface ReviewViewProps {
  review: Review;
  /** The outline, to name a block instance and count its fields in a remove dialog. */
  outline: readonly OutlineEntry[];
  cursor: FieldKey | null;
  canNavigate: boolean;
  canEdit: boolean;
  busy: boolean;
  onGoTo: (item: ReviewItem) => void;
  onStep: (dir: 1 | -1) => void;
  onAddBlock: (entry: OutlineEntry) => void;
  onRemoveBlock: (entry: OutlineEntry) => void;
  comments: Omit<CommentsPanelProps, "busy">;
}

const isAt = (item: ReviewItem, cursor: FieldKey | null): boolean =>
  cursor !== null && item.target?.kind === "field" && sameField(item.target.field, cursor);

/**
 * Granska: what is missing and what is warned about, grouped by section in document order, each
 * one click from its place in the document, with a step to the next missing field from the cursor.
 */
export function ReviewView(props: ReviewViewProps) {
  const { review, outline, cursor, canNavigate, canEdit, busy, onGoTo, onStep, onAddBlock, onRemoveBlock } =
    props;
  const styles = useStyles();
  const text = useText();
  const t = text.review;
  const current = useRef<HTMLLIElement | null>(null);
  const currentKey = review.groups.flatMap((g) => g.items).find((i) => isAt(i, cursor))?.key;

  useEffect(() => {
    const el = current.current;
    if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
  }, [currentKey]);

  const entryOfBlock = (type: string, index: number) =>
    outline.find((e) => e.block?.type === type && e.block.index === index);
  const lastOfType = (type: string) => [...outline].reverse().find((e) => e.block?.type === type);

  const actionOf = (item: ReviewItem) => {
    const action = item.action;
    if (action?.kind === "remove-block") {
      const entry = entryOfBlock(action.block.type, action.block.index);
      if (!entry?.removable) return null;
      return (
        <RemoveButton
          label={t.removeBlock(entry.title)}
          ariaLabel={t.removeBlock(entry.title)}
          question={text.removeQuestion(entry.title)}
          body={text.removeBody(entry.title, entry.fields.length)}
          disabled={!canEdit}
          busy={busy}
          onRemove={() => onRemoveBlock(entry)}
        />
      );
    }
    if (action?.kind === "add-block") {
      const entry = lastOfType(action.type);
      if (!entry?.block) return null;
      return (
        <AddBlockButton
          block={entry.block}
          label={t.addBlock(entry.block)}
          disabled={!canEdit}
          busy={busy}
          onAdd={() => onAddBlock(entry)}
        />
      );
    }
    return null;
  };

  const done = review.missingCount === 0;
  return (
    <div className={styles.root}>
      <div className={styles.sticky}>
        <div className={mergeClasses(styles.status, done && styles.done)} data-testid="review-status">
          {done ? (
            <>
              <Body1Strong as="p" className={styles.para}>
                ✓ {t.done}
              </Body1Strong>
              {review.warningCount > 0 && (
                <Body1 as="p" className={styles.para}>
                  {t.doneWarnings(review.warningCount)}
                </Body1>
              )}
            </>
          ) : (
            <>
              <Body1Strong as="p" className={styles.para}>
                {t.missingCount(review.missingCount)}
                {review.warningCount > 0 ? `, ${text.warnings(review.warningCount)}` : ""}
              </Body1Strong>
            </>
          )}
          <Caption1 as="p" className={mergeClasses(styles.para, styles.detail)}>
            {text.summaryExplained}
          </Caption1>
        </div>
        {!done && (
          <div className={styles.steps}>
            <Button appearance="primary" disabled={!canNavigate} onClick={() => onStep(1)}>
              {t.next}
            </Button>
            <Button appearance="secondary" disabled={!canNavigate} onClick={() => onStep(-1)}>
              {t.previous}
            </Button>
          </div>
        )}
      </div>
      <FeedbackAt anchor={REVIEW} />
      {review.groups.map((group) => (
        <section
          key={group.key}
          className={styles.group}
          aria-labelledby={`review-group-${group.key}`}
          data-group={group.key}
        >
          <h3 className={styles.groupHeading} id={`review-group-${group.key}`}>
            <span>{group.title}</span>
            <CounterBadge
              count={group.items.length}
              size="small"
              appearance="ghost"
              color="informative"
              aria-label={t.groupCount(group.items.length)}
            />
          </h3>
          <ul className={styles.items}>
            {group.items.map((item) => {
              const at = item.key === currentKey;
              const warning = item.kind === "warning";
              const tag = warning ? t.warningTag : t.missingTag;
              const showFix = warning && item.fix !== "" && !item.reason.includes(item.fix);
              return (
                <li
                  key={item.key}
                  ref={at ? current : undefined}
                  className={mergeClasses(styles.item, warning && styles.warning, at && styles.current)}
                  data-item={item.key}
                  data-current={at || undefined}
                >
                  {item.target ? (
                    <Link
                      as="button"
                      className={styles.link}
                      disabled={!canNavigate}
                      aria-current={at ? "location" : undefined}
                      aria-label={`${item.title}, ${tag.toLocaleLowerCase("sv-SE")}`}
                      onClick={() => onGoTo(item)}
                    >
                      {warning ? "⚠ " : ""}
                      {item.title}
                    </Link>
                  ) : (
                    <Body1>
                      {warning ? "⚠ " : ""}
                      {item.title}
                    </Body1>
                  )}
                  {warning && <Caption1 className={styles.detail}>{item.reason}</Caption1>}
                  {showFix && <Caption1 className={styles.detail}>{item.fix}</Caption1>}
                  {actionOf(item)}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <CommentsPanel {...props.comments} busy={busy} />
    </div>
  );
}
