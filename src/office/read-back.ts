/**
 * Verifying a block edit by Word's texts instead of its whole OOXML (replay-edit.ts).
 *
 * After the edit, Word hands back the text of every body paragraph and, for a block inserted as
 * OOXML, the OOXML of the inserted range only. The edit is verified when Word's paragraphs are,
 * in number and text, the paragraphs of the engine's own result (the DOM the operation edited,
 * which the command line would write), and the inserted range holds the paragraphs and content
 * controls the engine built. The engine's result then becomes the session's state: it is what
 * Word holds, and no full read is needed. Anything else answers null and the caller reads the
 * document again (the full read-back, verified field by field as before).
 *
 * Only where Word tracks no changes: a tracked edit leaves revisions that Word's text does not
 * show the way the engine's DOM does. Where the client cannot say whether Word tracks (no
 * WordApi 1.4), an insertion is verified this way when the inserted range holds no revision; a
 * removal is always read back whole.
 */
import type { AppliedEdit } from "../ooxml/edit/apply";
import { FlatOpc } from "../ooxml/package/flat-opc";
import { modelOf } from "../ooxml/read/document";
import { evaluate } from "../core/evaluate";
import type { Analysis } from "../ooxml/read/recognise";
import { paragraphsOfBlocks, sameParagraphs } from "../ooxml/read/same-paragraphs";
import { firstW } from "../ooxml/xml/dom";
import type { State } from "./session";
import { matchesParagraph } from "./text-match";
import { countRevisions } from "./tracking";

/** What Word handed back after the edit. */
export interface ReadBack {
  /** Word's text of every body paragraph. */
  texts: string[];
  /** Their uniqueLocalIds (WordApi 1.6), else null. */
  ids: string[] | null;
  /** The OOXML of the range inserted, when the edit inserted OOXML (edit.inserted, in one piece). */
  inserted: string | null;
}

/** The state after the edit as the engine made it, when Word's read-back agrees; else null. */
export function stateByText(before: State, edit: AppliedEdit, back: ReadBack): State | null {
  const model = edit.afterModel;
  const body = model.paragraphs.filter((p) => p.part === "body");
  if (body.length !== back.texts.length) return null;
  if (!body.every((p, i) => matchesParagraph(back.texts[i], p))) return null;
  if (back.inserted !== null) {
    let root;
    try {
      const pkg = new FlatOpc(back.inserted);
      const doc = pkg.root(pkg.mainPart);
      root = doc ? firstW(doc, "body") : null;
    } catch {
      return null;
    }
    if (!root || !sameParagraphs(paragraphsOfBlocks(edit.inserted), modelOf(root, []).paragraphs))
      return null;
    // Word tracked the insertion (a client that cannot say whether it tracks): read it all.
    if (countRevisions(root) > 0) return null;
  } else if (before.trackChanges !== false) return null;
  const read = { ...before.read, model };
  // The engine's own fields after the edit (applyEdit extracted them from this model).
  const analysis: Analysis = {
    template: edit.template,
    extracted: edit.afterExtracted,
    report: evaluate(edit.template, edit.afterExtracted),
  };
  const toWord = new Map<number, number>(body.map((_, i) => [i, i]));
  return {
    ...before,
    read,
    analysis,
    wordTexts: back.texts,
    toWord,
    headerStarts: before.headerStarts.map((s) => s - before.bodyCount + body.length),
    bodyCount: body.length,
    ids: back.ids,
  };
}
