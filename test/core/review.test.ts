/** The review (Granska) built from real reports: grouping, order, targets, stepping, comment texts. */
import { readFileSync } from "fs";
import { join } from "path";
import {
  buildReview,
  commentText,
  isPlanstodComment,
  mustGroups,
  requiredChange,
  reviewItems,
  reviewWithout,
  shouldGroups,
  stepMissing,
  stepOrder,
  stepReview,
  type Step,
} from "../../src/core/review";
import { templateById } from "../../src/core/templates";
import { checkDocx } from "../../src/ooxml/docx";
import { FIXTURES } from "../support/paths";

async function reviewOf(name: string) {
  const report = await checkDocx(readFileSync(join(FIXTURES, `${name}.docx`)));
  const template = templateById(report.template)!;
  return { report, template, review: buildReview(template, report) };
}

describe("buildReview", () => {
  test("lists every missing field and every warning once, grouped in document order", async () => {
    const { report, review } = await reviewOf("sv-partial");
    const items = reviewItems(review);
    expect(items.filter((i) => i.kind === "missing")).toHaveLength(report.missing.length);
    expect(items.filter((i) => i.kind === "warning")).toHaveLength(report.warnings.length);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    // Groups follow the report's sections; the whole-document group (instructions) comes last.
    const order = report.sections.map((s) => (s.block ? `${s.id}#${s.block.index}` : s.id));
    const ranks = review.groups.map((g) => (order.includes(g.key) ? order.indexOf(g.key) : order.length));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(review.missingCount).toBe(report.missing.length);
  });

  test("warnings carry their target and action", async () => {
    const { review } = await reviewOf("sv-blank");
    const warnings = reviewItems(review).filter((i) => i.kind === "warning");
    const leftovers = warnings.filter((w) => w.warning?.code === "leftover-instruction");
    expect(leftovers.length).toBeGreaterThan(0);
    leftovers.forEach((w, n) => {
      expect(w.target).toEqual({ kind: "instruction", ordinal: n });
      expect(w.action).toEqual({ kind: "remove-instruction", target: w.target });
    });
    for (const w of warnings.filter((x) => x.warning?.code === "unused-block")) {
      expect(w.action).toEqual({ kind: "remove-block", block: w.warning?.block });
      expect(w.target).toMatchObject({ kind: "field", field: { id: "omrade", block: w.warning?.block } });
    }
  });

  test("a complete document has an empty review", async () => {
    const { review } = await reviewOf("sv-complete");
    expect(review.complete).toBe(true);
    expect(reviewItems(review).filter((i) => i.kind === "missing")).toEqual([]);
  });

  test("rows of IKO's tables are named in titles and comments", async () => {
    const { review, template } = await reviewOf("iko-partial");
    const rowItems = reviewItems(review).filter((i) => i.missing?.block);
    expect(rowItems.length).toBeGreaterThan(0);
    for (const item of rowItems) {
      expect(item.title).toMatch(/\(rad \d+\)$/);
      expect(commentText(template, item)).toMatch(
        /^\[Planstöd\] Fältet ”.+” \(.+, rad \d+\) är obligatoriskt/,
      );
    }
  });
});

describe("stepMissing", () => {
  test("steps forward and back from the cursor in document order, wrapping around", async () => {
    const { report } = await reviewOf("sv-partial");
    const first = stepMissing(report, null, 1)!;
    expect(first).toEqual(report.missing[0]);
    const seen = [first];
    let at = first;
    for (let i = 1; i < report.missing.length; i++) {
      at = stepMissing(report, at, 1)!;
      seen.push(at);
    }
    expect(seen).toEqual(report.missing);
    expect(stepMissing(report, at, 1)).toEqual(report.missing[0]);
    expect(stepMissing(report, report.missing[0], -1)).toEqual(at);
  });

  test("from a filled field, the next missing field after it", async () => {
    const { report } = await reviewOf("sv-partial");
    const filled = report.fields.findIndex((f) => f.filled);
    const next = stepMissing(report, report.fields[filled], 1)!;
    const nextIndex = report.fields.findIndex(
      (f) => f.id === next.id && f.block?.index === next.block?.index && f.block?.type === next.block?.type,
    );
    expect(nextIndex).toBeGreaterThan(filled);
    expect(report.fields.slice(filled + 1, nextIndex).every((f) => f.filled || !f.required)).toBe(true);
  });
});

describe("must and should", () => {
  test("missing fields are what must be fixed, warnings what should be, each by section in document order", async () => {
    const { report, review } = await reviewOf("sv-partial");
    const must = mustGroups(review).flatMap((g) => g.items);
    const should = shouldGroups(review).flatMap((g) => g.items);
    expect(must.map((i) => i.kind)).toEqual(report.missing.map(() => "missing"));
    expect(should.map((i) => i.kind)).toEqual(report.warnings.map(() => "warning"));
    expect(must.map((i) => i.order)).toEqual([...must.map((i) => i.order)].sort((a, b) => a - b));
    expect(should.map((i) => i.order)).toEqual([...should.map((i) => i.order)].sort((a, b) => a - b));
  });
});

describe("stepReview", () => {
  test("walks every item, missing fields and warnings, in document order and starts over, saying so", async () => {
    const { report, review } = await reviewOf("sv-partial");
    const order = stepOrder(review);
    expect(order).toHaveLength(report.missing.length + report.warnings.length);
    // Document order: a block's unused warning sits between the fields before and after the block.
    const keys = order.map((i) => i.key);
    expect(keys.indexOf("warning:0")).toBeGreaterThan(keys.indexOf("missing:effekt@utvecklingsomrade#1"));
    expect(keys.indexOf("warning:0")).toBeLessThan(keys.indexOf("missing:deltagare"));
    let at: string | null = null;
    const seen: string[] = [];
    for (let i = 0; i < order.length; i++) {
      const step: Step | null = stepReview(review, report, { currentKey: at, cursor: null }, 1);
      expect(step).toMatchObject({ position: i + 1, total: order.length, wrapped: false });
      const key = step?.item.key ?? "";
      seen.push(key);
      at = key;
    }
    expect(seen).toEqual(keys);
    const again = stepReview(review, report, { currentKey: at, cursor: null }, 1)!;
    expect(again).toMatchObject({ position: 1, wrapped: true });
    const back = stepReview(review, report, { currentKey: keys[0], cursor: null }, -1)!;
    expect(back).toMatchObject({ position: order.length, wrapped: true });
    expect(stepReview(review, report, { currentKey: keys[5], cursor: null }, -1)?.item.key).toBe(keys[4]);
  });

  test("from the cursor: the next item after its field, or the one before it", async () => {
    const { report, review } = await reviewOf("sv-partial");
    const ansvar = { id: "ansvar", block: null };
    expect(stepReview(review, report, { cursor: ansvar }, 1)?.item.key).toBe("missing:delaktighet");
    expect(stepReview(review, report, { cursor: ansvar }, -1)?.item.key).toBe("missing:tidplan");
    // Past the last field: forwards starts over.
    const last = report.fields[report.fields.length - 1];
    const step = stepReview(review, report, { cursor: { id: last.id, block: last.block } }, 1)!;
    expect(step.wrapped).toBe(stepOrder(review).every((i) => i.target?.kind === "field"));
  });

  test("an empty review has nothing to step to", async () => {
    const { report, review } = await reviewOf("sv-partial");
    const empty = reviewWithout(review, () => true);
    expect(empty).toMatchObject({ groups: [], missingCount: 0, warningCount: 0 });
    expect(stepReview(empty, report, { cursor: null }, 1)).toBeNull();
  });
});

describe("requiredChange", () => {
  test("says which blocks became used and which were added when the required count moves", async () => {
    const before = await reviewOf("sv-partial");
    const after = await reviewOf("sv-complete");
    const change = requiredChange(before.template, before.report, after.report)!;
    expect(change.before).toBe(before.report.requiredTotal);
    expect(change.after).toBe(after.report.requiredTotal);
    expect(change.used).toEqual(["Utvecklingsområde 2", "Utvecklingsområde 3"]);
    expect(change.added).toEqual(["Uppföljning"]);
    expect(change.unused).toEqual([]);
    expect(requiredChange(before.template, before.report, before.report)).toBeNull();
  });
});

test("Planstöd's comments are recognised by their prefix only", () => {
  expect(isPlanstodComment("[Planstöd] Fältet saknas.")).toBe(true);
  expect(isPlanstodComment("Jag håller inte med [Planstöd]")).toBe(false);
});
