import { useId, useLayoutEffect, useRef, useState } from "react";
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
import {
  mustGroups,
  shouldGroups,
  stepOrder,
  type RequiredChange,
  type Review,
  type ReviewGroup,
  type ReviewItem,
} from "../../core/review";
import { AddBlockButton, RemoveButton } from "../BlockActions";
import { FeedbackAt } from "../feedback/FeedbackAt";
import { useText } from "../i18n";
import { REVIEW, type ReviewStep } from "../state/reducer";
import { keepNumber } from "../text";
import { CommentsPanel, type CommentsPanelProps } from "./CommentsPanel";

/** Room left between the sticky stepper (or the pane's edge) and the current item. */
const MARGIN = 8;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  // Only the stepper stays in view while the list scrolls: at 200 % zoom the pane is 160 px wide
  // and every line counts (it takes at most a quarter of the pane's height).
  sticky: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  steps: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  position: { fontWeight: tokens.fontWeightSemibold, marginRight: "auto", whiteSpace: "nowrap" },
  wrapped: { color: tokens.colorNeutralForeground2 },
  status: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "break-word",
  },
  done: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  para: { margin: 0 },
  kind: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  kindHeading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "break-word",
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  groupHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    // "Utvecklingsområde 1" stays whole on one line in a 160-px pane.
    "@container (max-width: 240px)": { fontSize: tokens.fontSizeBase200 },
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "break-word",
    hyphens: "auto",
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
    minWidth: 0,
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalXS,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}`,
    overflowWrap: "break-word",
    hyphens: "auto",
    // A long label ("förskolans/elevernas/enheternas") wraps inside the item, never past it.
    "& > *": { maxWidth: "100%", boxSizing: "border-box" },
  },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  // The current item: a brand outline (≥ 3:1 against the pane's background) around a tinted box.
  current: {
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    borderRadius: tokens.borderRadiusMedium,
  },
  link: { textAlign: "start", whiteSpace: "normal" },
  detail: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, maxWidth: "100%" },
  wrapButton: { maxWidth: "100%", whiteSpace: "normal", height: "auto", minHeight: "24px" },
});

export interface ReviewViewProps {
  review: Review;
  /** The outline, to name a block instance and count its fields in a remove dialog. */
  outline: readonly OutlineEntry[];
  cursor: FieldKey | null;
  /** The item the user stepped or went to, and whether that step started over. */
  step: ReviewStep | null;
  /** Why the number of required fields changed lately, if it did. */
  requiredChange: RequiredChange | null;
  canNavigate: boolean;
  canEdit: boolean;
  /** Leftover instructions can be removed from the pane. */
  canRemoveInstruction: boolean;
  busy: boolean;
  onGoTo: (item: ReviewItem) => void;
  onStep: (dir: 1 | -1) => void;
  onAddBlock: (entry: OutlineEntry) => void;
  onRemoveBlock: (entry: OutlineEntry) => void;
  onRemoveInstruction: (item: ReviewItem) => void;
  comments: Omit<CommentsPanelProps, "busy" | "canInsert">;
}

const isAt = (item: ReviewItem, cursor: FieldKey | null): boolean =>
  cursor !== null && item.target?.kind === "field" && sameField(item.target.field, cursor);

/** The element that scrolls the pane: the nearest scrolling ancestor, else the page. */
function scrollerOf(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if ((overflow === "auto" || overflow === "scroll") && p.scrollHeight > p.clientHeight) return p;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/**
 * Scrolls so that the item is wholly visible below the sticky stepper: upwards when it is above
 * or under the stepper, downwards when it runs past the pane's bottom edge (then to a third of the
 * way down, never pushing its top under the stepper).
 */
function reveal(item: HTMLElement, sticky: HTMLElement | null): void {
  const scroller = scrollerOf(item);
  const page = scroller === document.scrollingElement || scroller === document.documentElement;
  const box = page ? { top: 0, bottom: window.innerHeight } : scroller.getBoundingClientRect();
  const own = item.getBoundingClientRect();
  // The first item of a group comes with its group's heading, when both fit.
  const group = item.previousElementSibling === null ? item.closest("section") : null;
  const withHeading = group?.getBoundingClientRect();
  const room = box.bottom - box.top - (sticky?.offsetHeight ?? 0) - 2 * MARGIN;
  const r =
    withHeading && own.bottom - withHeading.top <= room ? { top: withHeading.top, bottom: own.bottom } : own;
  if (box.bottom - box.top === 0 && r.bottom - r.top === 0) return; // not laid out (jsdom)
  const top = box.top + (sticky?.offsetHeight ?? 0) + MARGIN;
  const bottom = box.bottom - MARGIN;
  let by = 0;
  if (r.top < top) by = r.top - top;
  else if (r.bottom > bottom) {
    // Stepping forward: the item a third of the way down, so that what comes next shows too
    // (never its top under the stepper, never its bottom past the edge when it fits).
    const slack = Math.max(0, bottom - top - (r.bottom - r.top));
    by = r.top - (top + slack / 3);
  }
  if (by !== 0) scroller.scrollTop += by;
}

/**
 * Granska: is the plan ready to send? What must be fixed (missing required fields) and what should
 * be looked at (warnings, which never make a plan incomplete), each by section in document order,
 * one click from its place in the document; Nästa and Föregående walk every item from the cursor.
 */
export function ReviewView(props: ReviewViewProps) {
  const { review, outline, cursor, step, canNavigate, canEdit, busy, onGoTo, onStep } = props;
  const styles = useStyles();
  const text = useText();
  const t = text.review;
  const id = useId();
  const stickyRef = useRef<HTMLDivElement | null>(null);
  const currentRef = useRef<HTMLLIElement | null>(null);
  const [explained, setExplained] = useState(false);

  const order = stepOrder(review);
  const stepped = step ? order.find((i) => i.key === step.key) : undefined;
  const currentItem = stepped ?? order.find((i) => isAt(i, cursor));
  const currentKey = currentItem?.key;
  const position = currentItem ? order.indexOf(currentItem) + 1 : 0;

  useLayoutEffect(() => {
    const el = currentRef.current;
    if (el && typeof el.getBoundingClientRect === "function") reveal(el, stickyRef.current);
  }, [currentKey, step]);

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
          onRemove={() => props.onRemoveBlock(entry)}
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
          onAdd={() => props.onAddBlock(entry)}
        />
      );
    }
    if (action?.kind === "go-to-block") {
      const entry = entryOfBlock(action.block.type, action.block.index);
      return (
        <Button
          size="small"
          appearance="primary"
          className={styles.wrapButton}
          disabled={!canNavigate}
          onClick={() => onGoTo(item)}
        >
          {keepNumber(t.goToBlock(entry?.title ?? item.title))}
        </Button>
      );
    }
    if (action?.kind === "remove-instruction") {
      return (
        <>
          {props.canRemoveInstruction && (
            <Button
              size="small"
              appearance="primary"
              className={styles.wrapButton}
              disabledFocusable={!canEdit || busy}
              aria-label={t.removeInstructionLabel(item.warning?.message ?? item.title)}
              onClick={() => props.onRemoveInstruction(item)}
            >
              {t.removeInstruction}
            </Button>
          )}
          <Button
            size="small"
            appearance="secondary"
            className={styles.wrapButton}
            disabled={!canNavigate}
            onClick={() => onGoTo(item)}
          >
            {t.goTo}
          </Button>
        </>
      );
    }
    return null;
  };

  const renderItem = (group: ReviewGroup, item: ReviewItem) => {
    const at = item.key === currentKey;
    const warning = item.kind === "warning";
    const tag = warning ? t.warningTag : t.missingTag;
    // A fix the reason already says, or that the item's own button does, is not said again.
    const showFix =
      warning &&
      item.fix !== "" &&
      !item.reason.includes(item.fix) &&
      item.action?.kind !== "remove-instruction";
    // A field whose label is its section's title is not named twice ("Tidplan" under "Tidplan").
    const title = !warning && item.title === group.title ? t.fillField : keepNumber(item.title);
    const action = actionOf(item);
    return (
      <li
        key={item.key}
        ref={at ? currentRef : undefined}
        className={mergeClasses(styles.item, warning && styles.warning, at && styles.current)}
        data-item={item.key}
        data-current={at || undefined}
        aria-current={at ? "true" : undefined}
      >
        {item.target && item.action?.kind !== "remove-instruction" ? (
          <Link
            as="button"
            className={styles.link}
            disabled={!canNavigate}
            aria-label={
              !warning && item.title === group.title
                ? text.goToField(item.title, tag.toLocaleLowerCase(text.locale))
                : `${item.title}, ${tag.toLocaleLowerCase(text.locale)}`
            }
            onClick={() => onGoTo(item)}
          >
            {warning ? "⚠ " : ""}
            {title}
          </Link>
        ) : (
          <Body1Strong>
            {warning ? "⚠ " : ""}
            {title}
          </Body1Strong>
        )}
        {warning && <Caption1 className={styles.detail}>{item.reason}</Caption1>}
        {showFix && <Caption1 className={styles.detail}>{item.fix}</Caption1>}
        {action && <div className={styles.actions}>{action}</div>}
      </li>
    );
  };

  const renderGroups = (groups: ReviewGroup[], kind: string) =>
    groups.map((group) => (
      <section
        key={group.key}
        className={styles.group}
        aria-labelledby={`${id}-${kind}-${group.key}`}
        data-group={group.key}
      >
        <h4 className={styles.groupHeading} id={`${id}-${kind}-${group.key}`}>
          {keepNumber(group.title)}
        </h4>
        <ul className={styles.items}>{group.items.map((item) => renderItem(group, item))}</ul>
      </section>
    ));

  const must = mustGroups(review);
  const should = shouldGroups(review);
  const ready = review.missingCount === 0;
  const total = order.length;
  return (
    <div className={styles.root}>
      {total > 0 && (
        <div className={styles.sticky} ref={stickyRef} data-testid="review-stepper">
          <div className={styles.steps}>
            <span
              className={styles.position}
              data-testid="review-position"
              aria-label={position > 0 ? t.positionLabel(position, total) : undefined}
            >
              {position > 0 ? t.position(position, total) : t.itemCount(total)}
            </span>
            <Button size="small" appearance="secondary" disabled={!canNavigate} onClick={() => onStep(-1)}>
              {t.previous}
            </Button>
            <Button size="small" appearance="primary" disabled={!canNavigate} onClick={() => onStep(1)}>
              {t.next}
            </Button>
          </div>
          {step?.wrapped && stepped && (
            <Caption1
              as="p"
              className={mergeClasses(styles.para, styles.wrapped)}
              data-testid="review-wrapped"
            >
              ↻ {t.wrapped(step.wrapped)}
            </Caption1>
          )}
        </div>
      )}
      <div className={mergeClasses(styles.status, ready && styles.done)} data-testid="review-status">
        <Body1Strong as="p" className={styles.para}>
          {ready ? `✓ ${t.ready}` : t.notReady(review.missingCount)}
        </Body1Strong>
        {ready && review.warningCount > 0 && (
          <Body1 as="p" className={styles.para}>
            {t.readyShould(review.warningCount)}
          </Body1>
        )}
        {props.requiredChange && (
          <Body1 as="p" className={styles.para} data-testid="required-change">
            {text.requiredChanged(props.requiredChange)}
          </Body1>
        )}
        <Link
          as="button"
          className={styles.link}
          aria-expanded={explained}
          aria-controls={`${id}-explained`}
          onClick={() => setExplained((e) => !e)}
        >
          {text.summaryExplainedToggle}
        </Link>
        {explained && (
          <Caption1 as="p" id={`${id}-explained`} className={mergeClasses(styles.para, styles.detail)}>
            {text.summaryExplained}
          </Caption1>
        )}
      </div>
      <FeedbackAt anchor={REVIEW} />
      {must.length > 0 && (
        <section className={styles.kind} aria-labelledby={`${id}-must`} data-kind="must">
          <h3
            className={styles.kindHeading}
            id={`${id}-must`}
            aria-label={`${t.mustHeading}, ${t.groupCount(review.missingCount)}`}
          >
            <span>{t.mustHeading}</span>
            <CounterBadge count={review.missingCount} size="medium" color="danger" aria-hidden />
          </h3>
          {renderGroups(must, "must")}
        </section>
      )}
      {should.length > 0 && (
        <section className={styles.kind} aria-labelledby={`${id}-should`} data-kind="should">
          <h3
            className={styles.kindHeading}
            id={`${id}-should`}
            aria-label={`${t.shouldHeading}, ${t.groupCount(review.warningCount)}`}
          >
            <span>{t.shouldHeading}</span>
            <CounterBadge count={review.warningCount} size="medium" color="informative" aria-hidden />
          </h3>
          <Caption1 as="p" className={mergeClasses(styles.para, styles.detail)}>
            {t.shouldNote}
          </Caption1>
          {renderGroups(should, "should")}
        </section>
      )}
      <CommentsPanel {...props.comments} canInsert={total > 0} busy={busy} />
    </div>
  );
}
