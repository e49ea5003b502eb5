import type { FieldKey } from "./outline";
import type { BlockRef, MissingField, Report, TemplateDef, Warning } from "./types";
import { outlineKey } from "./keys";

/**
 * The review ("Granska"): every missing required field and every warning of a report, grouped
 * by section in document order, each with where to go, a reason and a fix. Pure: the pane
 * renders it, and the Word adapter and the command line turn it into comments, so that a
 * review says the same thing wherever it is read.
 */

/** Where a review item points in the document; hosts resolve it to a paragraph. */
export type ReviewTarget =
  /** A field's answer (or its label when the answer cannot be reached). */
  | { kind: "field"; field: FieldKey }
  /** The n-th (from 0) leftover instruction still in the document, in document order. */
  | { kind: "instruction"; ordinal: number };

/** What the user can do about a warning, besides going to it. */
export type ReviewAction =
  | { kind: "remove-block"; block: BlockRef }
  /** Add an instance: offered only when no instance of the type is left to fill. */
  | { kind: "add-block"; type: string }
  /** Go to an instance that is still empty and fill it ("Gå till Uppföljning 1"). */
  | { kind: "go-to-block"; block: BlockRef; target: ReviewTarget }
  /** Remove a leftover instruction's text, and nothing else. */
  | { kind: "remove-instruction"; target: ReviewTarget };

export interface ReviewItem {
  /** Unique and stable within one review ("missing:mal@utvecklingsomrade#2", "warning:2"). */
  key: string;
  /**
   * "missing": a required field not filled, the plan is not complete (*Måste åtgärdas*);
   * "warning": something to look at that never makes a plan incomplete (*Bör åtgärdas*).
   */
  kind: "missing" | "warning";
  /** Document order of the item among all items (what Nästa/Föregående walk). */
  order: number;
  /** Where the item is; null when the document has nothing to point at. */
  target: ReviewTarget | null;
  /** The field's label, or a short title for a warning. */
  title: string;
  /** Why this is listed. */
  reason: string;
  /** What to do about it. */
  fix: string;
  /** For a missing field: the field. */
  missing?: MissingField;
  /** For a warning: the warning as the report gives it. */
  warning?: Warning;
  action?: ReviewAction;
}

export interface ReviewGroup {
  /** The outline entry the items belong to (section id, plus "#n" for a block instance). */
  key: string;
  title: string;
  items: ReviewItem[];
}

export interface Review {
  groups: ReviewGroup[];
  missingCount: number;
  warningCount: number;
  requiredFilled: number;
  requiredTotal: number;
  complete: boolean;
}

/** Texts of the review, per language of the template. */
interface ReviewTexts {
  missingReason: string;
  missingFix: string;
  rowMissingReason: (row: number) => string;
  warningTitle: Record<string, string>;
  warningFix: Record<string, string>;
  otherGroup: string;
  blockLabel: (name: string, index: number) => string;
  row: (index: number) => string;
  commentMissing: (label: string, where: string) => string;
}

const SV: ReviewTexts = {
  missingReason: "Obligatoriskt fält som inte är ifyllt.",
  missingFix: "Skriv svaret i fältet.",
  rowMissingReason: (row) => `Rad ${row} är påbörjad men inte fullständigt ifylld.`,
  warningTitle: {
    "unused-block": "Används inte",
    "leftover-instruction": "Instruktion kvar i dokumentet",
    "uppfoljning-count": "För få uppföljningar",
  },
  warningFix: {
    "unused-block": "Fyll i det eller ta bort det.",
    "leftover-instruction": "Radera instruktionen när du är klar med den.",
    "uppfoljning-count": "Fyll i en uppföljning för varje utvecklingsområde som används, eller lägg till en.",
  },
  otherGroup: "Hela dokumentet",
  blockLabel: (name, index) => `${name} ${index}`,
  row: (index) => `rad ${index}`,
  commentMissing: (label, where) => `Fältet ”${label}”${where} är obligatoriskt och inte ifyllt.`,
};

const DA: ReviewTexts = {
  missingReason: "Obligatorisk felt, der ikke er udfyldt.",
  missingFix: "Skriv svaret i feltet.",
  rowMissingReason: (row) => `Række ${row} er påbegyndt, men ikke helt udfyldt.`,
  warningTitle: {
    "unused-block": "Bruges ikke",
    "leftover-instruction": "Instruktion tilbage i dokumentet",
  },
  warningFix: {
    "unused-block": "Udfyld den, eller slet den.",
    "leftover-instruction": "Slet instruktionen, når du er færdig med den.",
  },
  otherGroup: "Hele dokumentet",
  blockLabel: (name, index) => `${name} ${index}`,
  row: (index) => `række ${index}`,
  commentMissing: (label, where) => `Feltet »${label}«${where} er obligatorisk og ikke udfyldt.`,
};

export const reviewTexts = (template: TemplateDef): ReviewTexts => (template.language === "da" ? DA : SV);

/**
 * The prefix that marks a comment as Planstöd's. Word sets a comment's author itself (the
 * signed-in user), so Planstöd recognises its own comments by this prefix; a comment whose text
 * does not start with it is a person's and is never touched.
 */
export const COMMENT_PREFIX = "[Planstöd]";

export const isPlanstodComment = (text: string): boolean => text.trimStart().startsWith(COMMENT_PREFIX);

const blockKey = (b: BlockRef | null): string => (b ? `@${b.type}#${b.index}` : "");

/** The outline key of the section that holds a field (see buildOutline). */
function sectionKeyOf(template: TemplateDef, field: FieldKey): string | null {
  for (const s of template.sections) {
    if (s.kind === "fields" && !field.block && s.fieldIds.includes(field.id)) return s.id;
    if (s.kind === "block" && field.block && s.blockType === field.block.type) {
      const def = template.blocks.find((b) => b.type === s.blockType);
      return outlineKey({ sectionId: s.id, index: def?.kind === "rows" ? null : field.block.index });
    }
  }
  return null;
}

/** The first field of a block instance, as a target. */
function firstFieldOf(template: TemplateDef, block: BlockRef): ReviewTarget | null {
  const def = template.blocks.find((b) => b.type === block.type);
  const id = def?.kind === "instances" ? def.fields[0]?.id : def?.columns[0]?.id;
  return id ? { kind: "field", field: { id, block } } : null;
}

export function buildReview(template: TemplateDef, report: Report): Review {
  const t = reviewTexts(template);
  const groups = new Map<string, ReviewGroup>();
  // Groups in the outline's order (document order), created as items arrive.
  const keyOf = (s: Report["sections"][number]) =>
    outlineKey({ sectionId: s.id, index: s.block?.index ?? null });
  const order = report.sections.map(keyOf);
  const titles = new Map(report.sections.map((s) => [keyOf(s), s.title] as const));
  const groupOf = (key: string | null): ReviewGroup => {
    const k = key ?? "";
    let g = groups.get(k);
    if (!g) {
      g = { key: k, title: titles.get(k) ?? t.otherGroup, items: [] };
      groups.set(k, g);
    }
    return g;
  };

  // Document order: a field's place among the report's fields; the leftover instructions (not
  // tied to a field) after every field, in their own order.
  const fieldOrder = (field: FieldKey): number => {
    const i = report.fields.findIndex(
      (f) =>
        f.id === field.id && f.block?.type === field.block?.type && f.block?.index === field.block?.index,
    );
    return i < 0 ? report.fields.length : i;
  };
  const orderOf = (target: ReviewTarget | null, kind: "missing" | "warning"): number => {
    // Two items on one field: the missing field first, then the warning.
    const half = kind === "warning" ? 0.5 : 0;
    if (target?.kind === "field") return fieldOrder(target.field) + half;
    if (target?.kind === "instruction") return report.fields.length + 1 + target.ordinal;
    return Number.MAX_SAFE_INTEGER;
  };

  for (const m of report.missing) {
    const field: FieldKey = { id: m.id, block: m.block };
    const sectionKey = sectionKeyOf(template, field);
    const def = m.block ? template.blocks.find((b) => b.type === m.block?.type) : undefined;
    const isRow = def?.kind === "rows";
    groupOf(sectionKey).items.push({
      key: `missing:${m.id}${blockKey(m.block)}`,
      kind: "missing",
      order: orderOf({ kind: "field", field }, "missing"),
      target: { kind: "field", field },
      title: isRow && m.block ? `${m.label} (${t.row(m.block.index)})` : m.label,
      reason: t.missingReason,
      fix: t.missingFix,
      missing: m,
    });
  }

  let instruction = 0;
  const lastOf = (type: string): number => report.blocks[type] ?? 0;
  report.warnings.forEach((w, i) => {
    let target: ReviewTarget | null = null;
    let action: ReviewAction | undefined;
    let sectionKey: string | null = null;
    if (w.code === "unused-block" && w.block) {
      target = firstFieldOf(template, w.block);
      action = { kind: "remove-block", block: w.block };
      sectionKey = target?.kind === "field" ? sectionKeyOf(template, target.field) : null;
    } else if (w.code === "leftover-instruction") {
      target = { kind: "instruction", ordinal: instruction++ };
      action = { kind: "remove-instruction", target };
    } else {
      // A block-count rule: the first instance of the block there are too few of that is still
      // empty, to fill; only when every instance is used, adding one fixes the warning.
      const rule = template.blockCountRules?.find((r) => r.code === w.code);
      if (rule) {
        const empty = report.sections.find((s) => s.block?.type === rule.fewer && s.status === "tom");
        const last = lastOf(rule.fewer);
        if (empty?.block) {
          target = firstFieldOf(template, empty.block);
          action = target ? { kind: "go-to-block", block: empty.block, target } : undefined;
        } else {
          target = last > 0 ? firstFieldOf(template, { type: rule.fewer, index: last }) : null;
          action = { kind: "add-block", type: rule.fewer };
        }
        sectionKey = target?.kind === "field" ? sectionKeyOf(template, target.field) : null;
      }
    }
    groupOf(sectionKey).items.push({
      key: `warning:${i}`,
      kind: "warning",
      order: orderOf(target, "warning"),
      target,
      title: t.warningTitle[w.code] ?? w.code,
      reason: w.message,
      fix: t.warningFix[w.code] ?? "",
      warning: w,
      action,
    });
  });

  for (const g of groups.values()) g.items.sort((a, b) => a.order - b.order);
  const sorted = [...groups.values()].sort((a, b) => rank(order, a.key) - rank(order, b.key));
  return {
    groups: sorted,
    missingCount: report.missing.length,
    warningCount: report.warnings.length,
    requiredFilled: report.requiredFilled,
    requiredTotal: report.requiredTotal,
    complete: report.complete,
  };
}

/** Position of a group in document order; the "whole document" group comes last. */
function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

/** Every item of a review, group by group (sections in document order). */
export const reviewItems = (review: Review): ReviewItem[] => review.groups.flatMap((g) => g.items);

/** Every item in document order: what Nästa and Föregående walk, missing fields and warnings alike. */
export const stepOrder = (review: Review): ReviewItem[] =>
  reviewItems(review).sort((a, b) => a.order - b.order);

/** The groups holding one kind of item only, in document order (empty groups left out). */
function groupsOf(review: Review, kind: ReviewItem["kind"]): ReviewGroup[] {
  return review.groups
    .map((g) => ({ ...g, items: g.items.filter((i) => i.kind === kind) }))
    .filter((g) => g.items.length > 0);
}

/** *Måste åtgärdas*: the missing required fields, by section. The plan is not complete while any is left. */
export const mustGroups = (review: Review): ReviewGroup[] => groupsOf(review, "missing");

/** *Bör åtgärdas*: the warnings, by section. They never make a plan incomplete. */
export const shouldGroups = (review: Review): ReviewGroup[] => groupsOf(review, "warning");

/** A review without some of its items (e.g. a block just added is not yet called unused). */
export function reviewWithout(review: Review, drop: (item: ReviewItem) => boolean): Review {
  let missing = 0;
  let warnings = 0;
  const groups = review.groups
    .map((g) => {
      const items = g.items.filter((i) => {
        const gone = drop(i);
        if (gone && i.kind === "missing") missing++;
        if (gone && i.kind === "warning") warnings++;
        return !gone;
      });
      return { ...g, items };
    })
    .filter((g) => g.items.length > 0);
  if (missing + warnings === 0) return review;
  return {
    ...review,
    groups,
    missingCount: review.missingCount - missing,
    warningCount: review.warningCount - warnings,
  };
}

export interface Step {
  item: ReviewItem;
  /** 1-based place of the item in the stepping order. */
  position: number;
  total: number;
  /** The walk went past the last item (forwards) or the first (backwards) and started over. */
  wrapped: boolean;
}

/**
 * The next (dir 1) or previous (dir -1) item of the review, walking every item in document order:
 * from the item the user is on (`currentKey`), else from the cursor's field, else from the start
 * (or the end). Wraps around, and says so.
 */
export function stepReview(
  review: Review,
  report: Report,
  from: { currentKey?: string | null; cursor: FieldKey | null },
  dir: 1 | -1,
): Step | null {
  const items = stepOrder(review);
  const total = items.length;
  if (total === 0) return null;
  const at = (i: number, wrapped: boolean): Step => ({ item: items[i], position: i + 1, total, wrapped });
  const current = from.currentKey ? items.findIndex((i) => i.key === from.currentKey) : -1;
  if (current >= 0) {
    const next = current + dir;
    if (next >= total) return at(0, true);
    if (next < 0) return at(total - 1, true);
    return at(next, false);
  }
  const cursor = from.cursor;
  const place = cursor
    ? report.fields.findIndex(
        (f) =>
          f.id === cursor.id &&
          f.block?.type === cursor.block?.type &&
          f.block?.index === cursor.block?.index,
      )
    : -1;
  if (place < 0) return dir === 1 ? at(0, false) : at(total - 1, false);
  // On a field: forwards, the first item after it (a warning on the same field comes after its
  // missing field); backwards, the last item before it.
  if (dir === 1) {
    const i = items.findIndex((item) => item.order > place);
    return i < 0 ? at(0, true) : at(i, false);
  }
  let i = -1;
  items.forEach((item, n) => {
    if (item.order < place) i = n;
  });
  return i < 0 ? at(total - 1, true) : at(i, false);
}

/** Why the number of required fields changed between two reports: blocks used, emptied, added, removed. */
export interface RequiredChange {
  before: number;
  after: number;
  /** Block instances (their titles, "Utvecklingsområde 2") that became used, so now count in full. */
  used: string[];
  /** Block instances that are no longer used (emptied), so no longer count. */
  unused: string[];
  /** Instances added / removed, per block: the block's name with how many. */
  added: string[];
  removed: string[];
}

export function requiredChange(template: TemplateDef, before: Report, after: Report): RequiredChange | null {
  if (before.template !== after.template || before.requiredTotal === after.requiredTotal) return null;
  const key = (s: { id: string; block: BlockRef | null }) => `${s.id}${blockKey(s.block)}`;
  const was = new Map(before.sections.map((s) => [key(s), s] as const));
  const used: string[] = [];
  const unused: string[] = [];
  for (const s of after.sections) {
    if (!s.block) continue;
    const old = was.get(key(s));
    if (old && old.used !== s.used) (s.used ? used : unused).push(s.title);
  }
  const added: string[] = [];
  const removed: string[] = [];
  for (const def of template.blocks) {
    const a = after.blocks[def.type] ?? 0;
    const b = before.blocks[def.type] ?? 0;
    if (a > b) added.push(def.name);
    if (a < b) removed.push(def.name);
  }
  return { before: before.requiredTotal, after: after.requiredTotal, used, unused, added, removed };
}

/**
 * The missing field after (dir 1) or before (dir -1) the cursor's field, in the report's field
 * order (document order), wrapping around; from no cursor, the first (or last) one.
 */
export function stepMissing(report: Report, cursor: FieldKey | null, dir: 1 | -1): MissingField | null {
  const missing = report.missing;
  if (missing.length === 0) return null;
  const same = (a: FieldKey, b: FieldKey) =>
    a.id === b.id && a.block?.type === b.block?.type && a.block?.index === b.block?.index;
  const at = cursor ? report.fields.findIndex((f) => same(f, cursor)) : -1;
  const position = (m: MissingField) => report.fields.findIndex((f) => same(f, m));
  if (at < 0) return dir === 1 ? missing[0] : missing[missing.length - 1];
  const ordered = [...missing].sort((a, b) => position(a) - position(b));
  const next =
    dir === 1 ? ordered.find((m) => position(m) > at) : [...ordered].reverse().find((m) => position(m) < at);
  return next ?? (dir === 1 ? ordered[0] : ordered[ordered.length - 1]);
}

/** The comment text for a review item: prefixed, naming the field and what is missing. */
export function commentText(template: TemplateDef, item: ReviewItem): string {
  const t = reviewTexts(template);
  if (item.kind === "missing" && item.missing) {
    const m = item.missing;
    const def = m.block ? template.blocks.find((b) => b.type === m.block?.type) : undefined;
    const where = !m.block
      ? ""
      : def?.kind === "rows"
        ? ` (${def.name}, ${t.row(m.block.index)})`
        : ` (${t.blockLabel(def?.name ?? m.block.type, m.block.index)})`;
    return `${COMMENT_PREFIX} ${t.commentMissing(m.label, where)} ${item.fix}`;
  }
  return `${COMMENT_PREFIX} ${item.reason}${item.fix && !item.reason.includes(item.fix) ? ` ${item.fix}` : ""}`;
}
