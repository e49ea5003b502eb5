import { useEffect, useRef } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  mergeClasses,
  tokens,
  type AccordionToggleData,
  type BadgeProps,
} from "@fluentui/react-components";
import type { OutlineEntry } from "../core/outline";
import { AddBlockButton, type EntryBlock } from "./BlockActions";
import { SectionPanel, type SectionPanelProps } from "./SectionPanel";
import { TEXT } from "./text";

const useStyles = makeStyles({
  item: {
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  current: {
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorNeutralBackground1Selected,
  },
  heading: {
    margin: 0,
  },
  headerContent: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "start",
  },
  badge: {
    flexShrink: 0,
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

function badgeOf(entry: OutlineEntry): { text: string; color: BadgeProps["color"] } {
  if (!entry.used) return { text: TEXT.status.unused, color: "informative" };
  switch (entry.status) {
    case "ifylld":
      return { text: TEXT.status.ifylld, color: "success" };
    case "delvis":
      return { text: TEXT.status.delvis, color: "warning" };
    case "tom":
      return { text: TEXT.status.tom, color: entry.fields.some((f) => f.required) ? "danger" : "subtle" };
  }
}

/** Keys of the last instance of each repeated block: the add button follows them. */
function lastInstances(entries: readonly OutlineEntry[]): Map<string, EntryBlock> {
  const last = new Map<string, OutlineEntry>();
  for (const e of entries) if (e.block?.kind === "instances") last.set(e.block.type, e);
  return new Map([...last.values()].map((e) => [e.key, e.block as EntryBlock]));
}

/** The accordion's own props, plus what it passes on to each section's panel. */
export interface OutlineProps extends Omit<SectionPanelProps, "entry"> {
  entries: readonly OutlineEntry[];
  openItems: readonly string[];
  onOpenItemsChange: (openItems: string[]) => void;
  /** The key of the entry the cursor is in. */
  currentKey: string | undefined;
  /** Moves keyboard focus to an entry's header (a new object each time it should move). */
  focusRequest: { key: string } | null;
}

/** The template's sections as an accordion, each with its status; several may be open at once. */
export function Outline(props: OutlineProps) {
  const {
    entries,
    openItems,
    onOpenItemsChange,
    currentKey,
    focusRequest,
    cursor,
    canNavigate,
    canEdit,
    busy,
    onSelect,
    onAdd,
    onRemove,
  } = props;
  const styles = useStyles();
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

  return (
    <Accordion
      multiple
      collapsible
      openItems={[...openItems]}
      onToggle={(_event, data: AccordionToggleData<string>) => onOpenItemsChange(data.openItems)}
    >
      {entries.flatMap((entry) => {
        const current = entry.key === currentKey;
        const badge = badgeOf(entry);
        const add = addAfter.get(entry.key);
        const nodes = [
          <AccordionItem
            key={entry.key}
            value={entry.key}
            className={mergeClasses(styles.item, current && styles.current)}
            data-key={entry.key}
            data-current={current || undefined}
            ref={(el: HTMLDivElement | null) => {
              if (el) items.current.set(entry.key, el);
              else items.current.delete(entry.key);
            }}
          >
            <AccordionHeader
              as="h3"
              className={styles.heading}
              button={{ "aria-current": current ? "location" : undefined }}
            >
              <span className={styles.headerContent}>
                <span>{entry.title}</span>
                <Badge className={styles.badge} appearance="tint" color={badge.color}>
                  {badge.text}
                </Badge>
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <SectionPanel
                entry={entry}
                cursor={cursor}
                canNavigate={canNavigate}
                canEdit={canEdit}
                busy={busy}
                onSelect={onSelect}
                onAdd={onAdd}
                onRemove={onRemove}
              />
            </AccordionPanel>
          </AccordionItem>,
        ];
        // The add button follows the last instance of its block; its key does not depend on which
        // instance that is, so it keeps the keyboard focus when an instance is added or removed.
        if (add) {
          nodes.push(
            <div key={`add:${add.type}`} className={styles.blockActions}>
              <AddBlockButton block={add} disabled={!canEdit} busy={busy} onAdd={onAdd} />
            </div>,
          );
        }
        return nodes;
      })}
    </Accordion>
  );
}
