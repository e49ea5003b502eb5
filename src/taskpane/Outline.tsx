import { useEffect, useRef } from "react";
import { Badge, makeStyles, mergeClasses, tokens, type BadgeProps } from "@fluentui/react-components";
import type { OutlineEntry } from "../core/outline";
import { AddBlockButton } from "./BlockActions";
import { Disclosure } from "./controls/Disclosure";
import { FeedbackAt } from "./feedback/FeedbackAt";
import { useText, type PaneText } from "./i18n";
import { keepNumber } from "./text";
import { SectionPanel, type SectionPanelProps } from "./SectionPanel";

const useStyles = makeStyles({
  item: {
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  current: {
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorNeutralBackground1Selected,
  },
  title: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    overflowWrap: "break-word",
    hyphens: "auto",
  },
  belongsTo: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  // In a narrow pane (160 px at 200 % zoom) the badge goes under the title instead of out of view.
  headerContent: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    minWidth: 0,
    textAlign: "start",
  },
  badge: {
    flexShrink: 1,
    maxWidth: "100%",
    height: "auto",
    minHeight: "20px",
    whiteSpace: "normal",
    textAlign: "start",
  },
  panel: {
    paddingBottom: tokens.spacingVerticalM,
  },
  blockActions: {
    display: "flex",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

function badgeOf(
  entry: OutlineEntry,
  fresh: boolean,
  text: PaneText,
): { text: string; color: BadgeProps["color"] } {
  if (fresh) return { text: text.status.fresh, color: "brand" };
  if (!entry.used) return { text: text.status.unused, color: "informative" };
  switch (entry.status) {
    case "ifylld":
      return { text: text.status.ifylld, color: "success" };
    case "delvis":
      return { text: text.status.delvis, color: "warning" };
    case "tom":
      return entry.fields.some((f) => f.required)
        ? { text: text.status.tom, color: "danger" }
        : { text: text.status.optional, color: "subtle" };
  }
}

/** Keys of the last instance of each repeated block: the add button follows them. */
function lastInstances(entries: readonly OutlineEntry[]): Map<string, OutlineEntry> {
  const last = new Map<string, OutlineEntry>();
  for (const e of entries) if (e.block?.kind === "instances") last.set(e.block.type, e);
  return new Map([...last.values()].map((e) => [e.key, e]));
}

/** The outline's own props, plus what it passes on to each section's panel. */
export interface OutlineProps extends Omit<SectionPanelProps, "entry"> {
  entries: readonly OutlineEntry[];
  openItems: readonly string[];
  onOpenItemsChange: (openItems: string[]) => void;
  /** The key of the entry the cursor is in. */
  currentKey: string | undefined;
  /** Moves keyboard focus to an entry's header (a new object each time it should move). */
  focusRequest: { key: string } | null;
  /** The key of a block just added: marked new instead of unused. */
  freshKey: string | undefined;
}

/** The template's sections, each opening on its own with its status; several may be open at once. */
export function Outline(props: OutlineProps) {
  const {
    entries,
    openItems,
    onOpenItemsChange,
    currentKey,
    focusRequest,
    freshKey,
    cursor,
    canNavigate,
    canEdit,
    busy,
    onSelect,
    onAdd,
    onRemove,
  } = props;
  const styles = useStyles();
  const text = useText();
  const items = useRef(new Map<string, HTMLElement>());
  const addAfter = lastInstances(entries);

  useEffect(() => {
    const el = currentKey === undefined ? undefined : items.current.get(currentKey);
    // jsdom and some old Word clients lack scrollIntoView.
    if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
  }, [currentKey]);

  useEffect(() => {
    if (focusRequest) items.current.get(focusRequest.key)?.querySelector("button")?.focus();
  }, [focusRequest]);

  const open = new Set(openItems);
  const toggle = (key: string) =>
    onOpenItemsChange(open.has(key) ? openItems.filter((k) => k !== key) : [...openItems, key]);

  return (
    <div>
      {entries.flatMap((entry) => {
        const current = entry.key === currentKey;
        const badge = badgeOf(entry, entry.key === freshKey, text);
        const add = addAfter.get(entry.key);
        const nodes = [
          <div
            key={entry.key}
            className={mergeClasses(styles.item, current && styles.current)}
            data-key={entry.key}
            data-current={current || undefined}
            ref={(el: HTMLDivElement | null) => {
              if (el) items.current.set(entry.key, el);
              else items.current.delete(entry.key);
            }}
          >
            <Disclosure
              open={open.has(entry.key)}
              onToggle={() => toggle(entry.key)}
              buttonProps={{ "aria-current": current ? "location" : undefined }}
              panelClassName={styles.panel}
              header={
                <span className={styles.headerContent}>
                  <span className={styles.title}>
                    <span>{keepNumber(entry.title)}</span>
                    {entry.belongsTo && (
                      <span className={styles.belongsTo}>
                        {keepNumber(text.followsUp(entry.belongsTo.title))}
                      </span>
                    )}
                  </span>
                  <Badge className={styles.badge} appearance="tint" color={badge.color}>
                    {badge.text}
                  </Badge>
                </span>
              }
            >
              <SectionPanel
                entry={entry}
                cursor={cursor}
                canNavigate={canNavigate}
                canEdit={canEdit}
                busy={busy}
                onSelect={onSelect}
                onAdd={onAdd}
                onRemove={onRemove}
                canTick={props.canTick}
                onTick={props.onTick}
              />
            </Disclosure>
          </div>,
          // Results of what the user did here, visible whether the entry is open or not.
          <FeedbackAt key={`feedback:${entry.key}`} anchor={entry.key} />,
        ];
        // The add button follows the last instance of its block; its key does not depend on which
        // instance that is, so it keeps the keyboard focus when an instance is added or removed.
        if (add) {
          nodes.push(
            <div key={`add:${add.block?.type ?? ""}`} className={styles.blockActions}>
              <AddBlockButton
                block={add.block as NonNullable<OutlineEntry["block"]>}
                disabled={!canEdit}
                busy={busy}
                onAdd={() => onAdd(add)}
              />
            </div>,
          );
        }
        return nodes;
      })}
    </div>
  );
}
