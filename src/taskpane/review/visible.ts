import type { Review } from "../../core/review";
import type { Fresh } from "../state/reducer";

/**
 * The review as the pane shows it: a block the user has just added is not reported as unused
 * until the user has been in it and left it (it is empty because it is new, not forgotten).
 */
export function withoutFresh(review: Review, fresh: Fresh | null): Review {
  if (!fresh) return review;
  const isFresh = (w: { code: string; block?: { type: string; index: number } } | undefined) =>
    w?.code === "unused-block" && w.block?.type === fresh.type && w.block.index === fresh.index;
  let dropped = 0;
  const groups = review.groups
    .map((g) => {
      const items = g.items.filter((i) => !isFresh(i.warning));
      dropped += g.items.length - items.length;
      return { ...g, items };
    })
    .filter((g) => g.items.length > 0);
  return dropped === 0 ? review : { ...review, groups, warningCount: review.warningCount - dropped };
}
