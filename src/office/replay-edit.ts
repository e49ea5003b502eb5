/**
 * Adding or removing a block in Word: the command line's operation (src/ooxml/edit/apply.ts)
 * run on the OOXML Word handed over, then replayed in Word by paragraph ordinal, and verified.
 *
 * Three round trips: read (1); run the shared operation on that OOXML, which refuses before Word
 * is touched; load the text of every paragraph the replay acts on and refuse, with nothing
 * changed, when one of them moved (2); replay it in Word and read back in the same batch (3),
 * then verify that no user text changed. The read-back is Word's paragraph texts and the
 * inserted range's OOXML where they can verify the edit (read-back.ts), else the whole document
 * (a fourth round trip when the texts disagree). On Word on the web an insert into a document
 * holding a date picker answers NotAllowed (office-js #6865): problem "not-supported-on-web".
 */
import { PlanstodError } from "../core/messages";
import type { BlockOperation } from "../ooxml/edit/apply";
import { flatOpcOf } from "../ooxml/package/flat-opc";
import { elementChildren, isW, isWithin, type XmlElement } from "../ooxml/xml/dom";
import type { Snapshot } from "../taskpane/host";
import { insertIsLocked, removeIsLocked } from "./locks";
import { problem } from "./problems";
import { readDocument } from "./read";
import type { Session, State } from "./session";
import { matchesParagraph, normalizeWordText, wordTextsOf } from "./text-match";
import { countRevisions } from "./tracking";
import { stateByText } from "./read-back";
import { wordText } from "./word-text";

export async function replayEdit(session: Session, operation: BlockOperation): Promise<Snapshot> {
  if (!session.capabilities.editBlocks) {
    throw problem(session.capabilities.readOnly ? "read-only" : "needs-wordapi-13");
  }
  // A read that Word could not serve leaves no state (a degraded snapshot): say why.
  await readDocument(session);
  const state = session.state;
  if (!state) throw problem("degraded");
  if (operation.op === "remove" && state.trackChanges) {
    throw problem("tracking-remove-refused");
  }
  const revisionsBefore = countRevisions(state.read.body);
  // Block operations are a chunk of their own in the pane: not needed before the first edit.
  const { applyEdit, verifyEdit, sameUserText } = await import(
    /* webpackChunkName: "block-edit" */ "../ooxml/edit/apply"
  );
  // The read just made already holds the analysis; the operation starts from it.
  const edit = await applyEdit(state.read, operation, state.analysis ?? undefined);
  // The operation edited the read's DOM in place: whatever happens now, the next call reads again.
  session.state = null;
  // Every element Word must act on, with the paragraph that reaches it, checked against Word's
  // text before anything is queued: a block is never half added or half removed.
  const elements = operation.op === "add" ? (edit.after ? [edit.after] : []) : edit.removed;
  // Locked content controls: Word would refuse with a generic error; say which lock instead.
  if (operation.op === "add" && elements.some(insertIsLocked)) throw problem("locked-add");
  const inside = (el: XmlElement) => state.read.model.paragraphs.find((p) => isWithin(p.el, el));
  if (operation.op === "remove" && elements.some((el) => removeIsLocked(el, inside(el)))) {
    throw problem("locked-remove");
  }
  const targets = elements.map((el) => {
    const index = reachingParagraph(state, el, operation.op === "add" ? "last" : "first");
    if (index === null) throw new PlanstodError("edit-unsafe");
    if (!sameText(state, index)) throw problem("document-changed");
    return { el, index };
  });

  const before = edit.extracted;
  session.state = await session.run(
    async (context) => {
      // Resolve every proxy first and load the text of every paragraph the edit touches (for a
      // remove, every paragraph of the removed elements): the document may have changed since
      // the read (the user, or a co-author on the web), and an edit by ordinal must not act on a
      // paragraph that moved. Nothing is deleted or inserted unless all of them still match.
      const proxies = targets.map((t) => ({ el: t.el, p: session.paragraphProxy(context, state, t.index) }));
      const checks = targets.flatMap((t) => {
        const own = operation.op === "remove" ? paragraphsWithin(state, t.el) : [t.index];
        if (own.length === 0) throw new PlanstodError("edit-unsafe");
        // Empty paragraphs all look alike: the check starts at the nearest paragraph with text.
        const indexes = [...textAbove(state, own[0]), ...own];
        const first = session.paragraphProxy(context, state, indexes[0]);
        if (!first) throw new PlanstodError("edit-unsafe");
        let p: Word.Paragraph = first;
        return indexes.map((index, k) => {
          if (k > 0) p = p.getNext();
          p.load("text");
          return { index, p };
        });
      });
      await context.sync();
      const moved = checks.some(({ index, p }) => {
        const model = state.read.model.paragraphs[index];
        return !model || !matchesParagraph(p.text, model);
      });
      if (moved) throw problem("document-changed");
      let insertedRange: Word.Range | null = null;
      let rows = false;
      for (const { el, p } of proxies) {
        if (!p) throw new PlanstodError("edit-unsafe");
        if (operation.op === "add") {
          if (isW(el, "tr")) {
            const cells = elementChildren(el).filter((c) => isW(c, "tc") || isW(c, "sdt")).length;
            p.parentTableCell.parentRow.insertRows("After", 1, [Array.from({ length: cells }, () => "")]);
            rows = true;
          } else {
            const range = isW(el, "tbl")
              ? p.parentTable.getRange("Whole")
              : isW(el, "sdt")
                ? p.parentContentControl.getRange("Whole")
                : p.getRange("Whole");
            insertedRange = range.insertOoxml(flatOpcOf(edit.inserted, state.read.doc), "After");
          }
        } else if (isW(el, "tr")) p.parentTableCell.parentRow.delete();
        else if (isW(el, "tbl")) p.parentTable.delete();
        else if (isW(el, "sdt")) p.parentContentControl.delete(false);
        else p.delete();
      }
      // The read-back rides in the same round trip as the edit: it sees the document after it.
      // Where Word tracks nothing (or cannot say, for an insertion: read-back.ts) and the edit is
      // no table row (insertRows writes Word's own cells), it is Word's paragraph texts and the
      // inserted range's OOXML, checked against the engine's result; only when they disagree is
      // the whole document read, in a fourth round trip.
      const byTextFits =
        state.trackChanges === false || (state.trackChanges === null && operation.op === "add");
      if (byTextFits && !rows) {
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load(session.paragraphIds ? "items/text,items/uniqueLocalId" : "items/text");
        const inserted = insertedRange ? insertedRange.getOoxml() : null;
        await context.sync();
        const byText = stateByText(state, edit, {
          texts: paragraphs.items.map((p) => wordText(p.text)),
          ids: session.paragraphIds ? paragraphs.items.map((p) => p.uniqueLocalId) : null,
          inserted: inserted ? inserted.value : null,
        });
        if (byText) return byText;
      }
      const build = session.queueRead(context);
      await context.sync();
      return build();
    },
    operation.op === "add" ? "add-block" : undefined,
  );

  const now = session.state.analysis;
  // The fields as expected, and the user's text unchanged (the command line's rule, one place).
  const keptText = now !== null && sameUserText(now.template, state.read, session.state.read);
  if (!now || !verifyEdit(before, now.extracted, operation, edit.index) || !keptText) {
    const kept =
      operation.op === "remove" &&
      now?.report.blocks[operation.type] === state.analysis?.report.blocks[operation.type];
    throw problem(kept ? "tracking-remove-unverified" : "edit-unexpected");
  }
  // A client that cannot report the mode: new revisions in the read-back show Word tracked it.
  if (session.state.trackChanges === null && countRevisions(session.state.read.body) > revisionsBefore) {
    session.state.trackChanges = true;
  }
  return session.snapshot(session.state);
}

/** Whether Word's paragraph at a model index has the text the model expects. */
function sameText(state: State, index: number): boolean {
  const ordinal = state.toWord.get(index);
  const model = state.read.model.paragraphs[index];
  return (
    ordinal !== undefined && model !== undefined && matchesParagraph(state.wordTexts[ordinal] ?? "", model)
  );
}

/**
 * The model indexes of the body paragraphs inside `el`, which are consecutive in Word's order;
 * empty when some of them has no Word ordinal or the ordinals are not consecutive.
 */
function paragraphsWithin(state: State, el: XmlElement): number[] {
  const inside = state.read.model.paragraphs.filter((p) => p.part === "body" && isWithin(p.el, el));
  const ordinals = inside.map((p) => state.toWord.get(p.index));
  const consecutive = ordinals.every(
    (o, i) => o !== undefined && (i === 0 || o === (ordinals[i - 1] ?? -2) + 1),
  );
  return consecutive ? inside.map((p) => p.index) : [];
}

/**
 * The body paragraphs from the nearest one above `index` that has text up to (not including)
 * `index`, when their Word ordinals run consecutively up to it; else none.
 */
function textAbove(state: State, index: number): number[] {
  const ordinal = state.toWord.get(index);
  if (ordinal === undefined) return [];
  const out: number[] = [];
  for (let i = index - 1, o = ordinal - 1; i >= 0 && index - i <= 40; i--, o--) {
    const p = state.read.model.paragraphs[i];
    if (!p || p.part !== "body" || state.toWord.get(i) !== o) return [];
    out.unshift(i);
    if (normalizeWordText(wordTextsOf(p).shown) !== "") return out;
  }
  return [];
}

/**
 * The model index of a body paragraph that reaches `el` through Word's parent navigation: one
 * directly in it (the table's own cell, the row's own cell, the control's own paragraph), not in
 * a table or control nested inside. `which` picks the first or the last such paragraph.
 */
function reachingParagraph(state: State, el: XmlElement, which: "first" | "last"): number | null {
  const kind = isW(el, "tbl") ? "tbl" : isW(el, "tr") ? "tr" : isW(el, "sdt") ? "sdt" : null;
  const direct = state.read.model.paragraphs.filter(
    (p) => p.part === "body" && (kind ? nearest(p.el, kind) === el : p.el === el),
  );
  const pick = which === "first" ? direct[0] : direct[direct.length - 1];
  return pick?.index ?? null;
}

/** The nearest ancestor WordprocessingML element named `name`. */
function nearest(el: XmlElement, name: string): XmlElement | null {
  for (
    let n = el.parentNode as XmlElement | null;
    n && n.nodeType === 1;
    n = n.parentNode as XmlElement | null
  ) {
    if (isW(n, name)) return n;
  }
  return null;
}
