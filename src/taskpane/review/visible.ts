import { reviewWithout, type Review } from "../../core/review";
import type { Fresh } from "../state/reducer";

/**
 * The review as the pane shows it: a block the user has just added is not reported as unused
 * until the user has been in it and left it (it is empty because it is new, not forgotten).
 */
export function withoutFresh(review: Review, fresh: Fresh | null): Review {
  if (!fresh) return review;
  return reviewWithout(
    review,
    (i) =>
      i.warning?.code === "unused-block" &&
      i.warning.block?.type === fresh.type &&
      i.warning.block.index === fresh.index,
  );
}
