/**
 * Going to a field or a leftover instruction: the paragraph the engine locates
 * (src/ooxml/read/locate.ts), selected in one round trip that also loads its text; when the text
 * is not what the last read says (the user edited since), the document is read again and the
 * selection retried once (3 round trips).
 */
import type { FieldKey } from "../core/outline";
import type { ReviewTarget } from "../core/review";
import { answerParagraph, findField, instructionParagraph } from "../ooxml/read/locate";
import { problem } from "./problems";
import type { Session, State } from "./session";
import { matchesParagraph } from "./text-match";
import { wordText } from "./word-text";

/** One navigation attempt: selects and verifies the paragraph's text (1 round trip). */
async function trySelect(session: Session, state: State, index: number): Promise<boolean> {
  const expected = state.read.model.paragraphs[index];
  return session.run(async (context) => {
    const p = session.paragraphProxy(context, state, index);
    if (!p || !expected) return false;
    p.load("text");
    p.select("Start");
    await context.sync();
    return matchesParagraph(wordText(p.text), expected);
  });
}

async function selectWith(
  session: Session,
  locate: (state: State) => number | null,
  gone: "field-gone" | "instruction-gone",
  notFound: "field-not-found" | "instruction-not-found",
): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const state = session.state ?? (await session.load());
    const index = locate(state);
    if (index === null) throw problem(gone);
    if (await trySelect(session, state, index)) return;
    // The document changed since the last read: read again and retry once.
    await session.load();
  }
  throw problem(notFound);
}

/** Selects a field's answer paragraph (or its label). */
export function selectField(session: Session, key: FieldKey): Promise<void> {
  return selectWith(
    session,
    (state) => {
      const field = state.analysis ? findField(state.analysis.extracted, key) : null;
      return field ? (answerParagraph(field, state.read.model)?.index ?? null) : null;
    },
    "field-gone",
    "field-not-found",
  );
}

/** Selects what a review item points at. */
export function selectTarget(session: Session, target: ReviewTarget): Promise<void> {
  if (target.kind === "field") return selectField(session, target.field);
  return selectWith(
    session,
    (state) =>
      state.analysis
        ? (instructionParagraph(
            state.analysis.template,
            state.analysis.extracted,
            state.read.model,
            target.ordinal,
          )?.index ?? null)
        : null,
    "instruction-gone",
    "instruction-not-found",
  );
}
