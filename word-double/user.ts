/**
 * The person at the keyboard, and their co-authors: edits made in Word's UI rather than through
 * the API. Each edit changes the document at once, moves the cursor and raises what Word raises:
 * Office's DocumentSelectionChanged (local edits only), the WordApi 1.6 paragraph events and the
 * WordApi 1.5 ContentControl.onDataChanged (events.ts), with the faults switched on.
 *
 * - type(text): keystrokes at the cursor. In a control showing its placeholder, the first one
 *   replaces the placeholder (w:showingPlcHdr goes) in the same paragraph, as Word does.
 *   ParagraphChanged for the cursor's paragraph.
 * - pressEnter(): splits the cursor's paragraph after the cursor (content after the cursor, when
 *   the cursor sits directly in the paragraph or at its start, moves to the new one; pPr is
 *   copied); the cursor goes to the start of the new paragraph. ParagraphAdded for the new paragraph,
 *   ParagraphChanged for the old one.
 * - paste(text): the first line at the cursor, each further line a new paragraph after the
 *   cursor's paragraph (pasted at the end of a paragraph).
 * - deleteParagraph(): selects the cursor's paragraph and presses Delete. The only paragraph of a
 *   cell, control or body is emptied instead (ParagraphChanged). While Track Changes is on, the
 *   paragraph stays, marked deleted (w:del), and still listed by body.paragraphs.
 * - undo(): reverts the last local edit (typing, Enter, paste, delete) and raises the events of
 *   the change it makes.
 * - moveTo(...): a click: moves the cursor (DocumentSelectionChanged).
 * - co-author edits (coauthor.*): the same edits on a body paragraph by index, events with
 *   source "Remote", no selection event and no change of the local cursor.
 *
 * Events are found by comparing the paragraphs (and their text) before and after an edit, so
 * they say what changed, whatever the edit.
 */

import type { Clock } from "./clock";
import type { EventHub, EventSourceString } from "./events";
import type { DocModel, RangeTarget } from "./model";
import { trackDeletion } from "./tracking";
import { childW, children, createW, isW, type XmlElement } from "./xml";

/** Characters on a page, for the page estimate of office-js #5400 (a "normalsida"). */
export const CHARACTERS_PER_PAGE = 1800;

export interface UserDouble {
  /** Types `text` at the cursor, as keystrokes. */
  type(text: string): void;
  pressEnter(): void;
  paste(text: string): void;
  deleteParagraph(): void;
  undo(): void;
  /** Clicks a check box content control (by Word API id): ticks or clears it, as Word does. */
  toggleCheckbox(contentControlId: number): void;
  /** Clicks into a content control (by Word API id) or a body paragraph (by index). */
  moveTo(target: { contentControl: number } | { paragraph: number }, mode?: "start" | "end"): void;
  /** Resolves when every event and selection handler raised so far has run. */
  settled(): Promise<void>;
}

export interface CoauthorDouble {
  /** A co-author types `text` at the end of body paragraph `paragraphIndex`. */
  type(paragraphIndex: number, text: string): void;
  /** A co-author adds a paragraph after body paragraph `paragraphIndex`. */
  insertParagraphAfter(paragraphIndex: number, text: string): void;
  /** A co-author deletes body paragraph `paragraphIndex`. */
  deleteParagraph(paragraphIndex: number): void;
}

interface Environment {
  model: DocModel;
  hub: EventHub;
  clock: Clock;
  /** Calls Office's DocumentSelectionChanged handlers. */
  fireSelectionChanged(): Promise<void>;
}

/** Each body paragraph's text, and whether it was marked deleted (tracked), before an edit. */
type Snapshot = Map<XmlElement, { text: string; deleted: boolean }>;

interface UndoEntry {
  revert(): void;
}

/** The add-in's own edits (API calls in a sync): the paragraphs before, and the events after. */
export interface ApiEdits {
  snapshot(): unknown;
  raise(before: unknown): void;
}

export function createUser(env: Environment): {
  user: UserDouble;
  coauthor: CoauthorDouble;
  apiEdits: ApiEdits;
} {
  const { model, hub, clock } = env;
  const undoStack: UndoEntry[] = [];
  let lastEditAt = Number.NEGATIVE_INFINITY;
  let selectionEvents: Promise<void> = Promise.resolve();
  /** Controls changed since the cursor entered them (onDataChanged "exit" mode). */
  const changedControls = new Set<XmlElement>();

  const paragraphs = () => model.paragraphsIn(model.body);
  const isMarkedDeleted = (p: XmlElement) =>
    childW(childW(childW(p, "pPr") ?? p, "rPr") ?? p, "del") !== null;
  const snapshot = (): Snapshot =>
    new Map(paragraphs().map((p) => [p, { text: model.paragraphText(p), deleted: isMarkedDeleted(p) }]));

  const pages = () => Math.ceil(model.blockText(model.body).length / CHARACTERS_PER_PAGE);

  /** Raises the paragraph events that take `before` to the document as it is now. */
  function raiseDiff(
    before: Snapshot,
    source: EventSourceString,
    kind: "edit" | "paste" | "undo" | "api",
  ): void {
    const f = hub.faults;
    const now = clock.now();
    // The user's fast edits lose events (#4874); the add-in's own batches are not typing.
    const fast =
      kind !== "api" && f.missFastEditsWithinMs !== undefined && now - lastEditAt < f.missFastEditsWithinMs;
    if (source === "Local" && kind !== "api") lastEditAt = now;
    if (kind === "undo" && f.noUndoEvents) return;
    if ((kind === "paste" && f.missFastEditsWithinMs !== undefined) || fast) return;
    const after = paragraphs();
    const afterSet = new Set(after);
    const added = after.filter((p) => !before.has(p));
    const changed = after.filter((p) => before.has(p) && before.get(p)?.text !== model.paragraphText(p));
    const deleted = [...before.keys()].filter((p) => !afterSet.has(p));
    const tracked = after.filter((p) => before.get(p)?.deleted === false && isMarkedDeleted(p));
    const allDeleted = [...deleted, ...tracked];
    const deleteEvents =
      !(f.noDeleteEventWhileTracking && tracked.length > 0) &&
      !(f.noDeleteEventsPastPages !== undefined && pages() > f.noDeleteEventsPastPages);
    if (deleteEvents) hub.raiseParagraph("ParagraphDeleted", allDeleted.map(idOfGone), source);
    hub.raiseParagraph(
      "ParagraphAdded",
      added.map((p) => hub.idOf(p)),
      source,
    );
    hub.raiseParagraph(
      "ParagraphChanged",
      changed.filter((p) => !tracked.includes(p)).map((p) => hub.idOf(p)),
      source,
    );
  }

  /** Ids of removed paragraphs: the id they had (assigned now when never asked for). */
  const idOfGone = (p: XmlElement) => hub.idOf(p);

  function noteControlChange(at: RangeTarget, source: EventSourceString): void {
    for (let sdt = model.rangeParentSdt(at); sdt; sdt = model.parentSdt(sdt)) {
      if (source === "Remote" || hub.faults.contentControlDataChanged !== "exit") {
        hub.raiseDataChanged(model.ccId(sdt), source);
      } else changedControls.add(sdt);
    }
  }

  function moved(): void {
    const previous = selectionEvents;
    selectionEvents = previous.then(() => env.fireSelectionChanged());
    if (changedControls.size === 0) return;
    const here = new Set<XmlElement>();
    for (let sdt = model.rangeParentSdt(model.currentSelection()); sdt; sdt = model.parentSdt(sdt))
      here.add(sdt);
    for (const sdt of [...changedControls]) {
      if (here.has(sdt)) continue;
      changedControls.delete(sdt);
      if (model.isAttached(sdt)) hub.raiseDataChanged(model.ccId(sdt), "Local");
    }
  }

  const cursorParagraph = (): XmlElement => {
    const sel = model.currentSelection();
    const p = model.rangeParagraphs(sel)[0];
    if (!p) throw new RangeError("word double: the cursor is not in a paragraph");
    return p;
  };

  /** Inserts `text` at `at`; returns the new run and how to take it out again. */
  function insertAt(target: RangeTarget, text: string): { run: XmlElement; undo: () => void } {
    let at = target;
    // A cursor just inside a control's edge types into the control (whatever its level).
    const inside = at.kind === "edge" && isW(at.el, "sdt") && (at.edge === "start" || at.edge === "end");
    const sdt = inside && at.kind === "edge" ? at.el : model.rangeParentSdt(at);
    if (sdt && model.ccShowingPlaceholder(sdt) && model.ccKind(sdt) !== "row") {
      // The first keystroke replaces the placeholder, in the paragraph that showed it.
      model.checkEditable(sdt, "typing");
      model.markDirty(sdt);
      const content = model.sdtContent(sdt);
      const holder = model.ccKind(sdt) === "inline" ? content : (model.paragraphsIn(content)[0] ?? content);
      const removed = children(holder).filter((c) => !isW(c, "pPr") && !isW(c, "tcPr"));
      for (const c of removed) holder.removeChild(c);
      const run = model.makeRun(holder, text, null);
      holder.appendChild(run);
      model.setCcShowingPlaceholder(sdt, false);
      return {
        run,
        undo: () => {
          run.parentNode?.removeChild(run);
          for (const c of removed) holder.appendChild(c);
          model.setCcShowingPlaceholder(sdt, true);
        },
      };
    }
    if (inside && at.kind === "edge") {
      const ps = model.paragraphsIn(model.sdtContent(at.el));
      const p = at.edge === "start" ? ps[0] : ps[ps.length - 1];
      if (p) at = { kind: "edge", el: p, edge: at.edge };
    }
    const range = model.insertText(at, "Start", text, "typing");
    if (range.kind !== "nodes") throw new Error("word double: typing made no run");
    const run = range.first;
    return { run, undo: () => run.parentNode?.removeChild(run) };
  }

  function typeLocal(text: string, kind: "edit" | "paste"): void {
    const lines = text.split(/\r\n|\r|\n/);
    const before = snapshot();
    const sel = model.currentSelection();
    const undos: (() => void)[] = [];
    const first = insertAt(sel, lines[0]);
    undos.push(first.undo);
    let cursor: RangeTarget = { kind: "edge", el: first.run, edge: "after" };
    let p = model.containingParagraph(first.run);
    for (const line of lines.slice(1)) {
      if (!p?.parentNode) break;
      const next = newParagraphAfter(p, line);
      undos.push(() => next.parentNode?.removeChild(next));
      p = next;
      cursor = { kind: "edge", el: next, edge: "end" };
    }
    model.selection = cursor;
    undoStack.push({ revert: () => [...undos].reverse().forEach((u) => u()) });
    noteControlChange(cursor, "Local");
    raiseDiff(before, "Local", kind);
    moved();
  }

  function newParagraphAfter(p: XmlElement, text: string): XmlElement {
    model.checkEditable(p.parentNode, "typing");
    model.markDirty(p);
    const next = createW(p, "p");
    const pPr = childW(p, "pPr");
    if (pPr) next.appendChild(pPr.cloneNode(true));
    if (text !== "") next.appendChild(model.makeRun(p, text, null));
    p.parentNode?.insertBefore(next, p.nextSibling);
    return next;
  }

  /** Splits `p` at `cursor`: what follows the cursor directly in `p` moves to the new paragraph. */
  function split(p: XmlElement, cursor: RangeTarget | null): XmlElement {
    const oldId = hub.idOf(p);
    const next = newParagraphAfter(p, "");
    const moving: XmlElement[] = [];
    if (cursor?.kind === "edge" && cursor.el.parentNode === p && cursor.el !== p) {
      const from = cursor.edge === "before" || cursor.edge === "start" ? cursor.el : cursor.el.nextSibling;
      for (let n = from; n; n = n.nextSibling) if (n.nodeType === 1) moving.push(n as XmlElement);
    } else if (
      cursor?.kind === "edge" &&
      cursor.el === p &&
      (cursor.edge === "start" || cursor.edge === "before")
    ) {
      // Enter at the start of a paragraph: all its content goes on in the new one.
      for (const c of children(p)) if (!isW(c, "pPr")) moving.push(c);
    }
    for (const n of moving) next.appendChild(n);
    if (hub.faults.idMovesToNewParagraph) {
      hub.reassign(p, null);
      hub.reassign(next, oldId);
    } else hub.idOf(next);
    return next;
  }

  function mergeBack(p: XmlElement, next: XmlElement): void {
    for (const c of children(next)) if (!isW(c, "pPr")) p.appendChild(c);
    next.parentNode?.removeChild(next);
  }

  /** Removes paragraph `p` as the Delete key does; returns how to put it back. */
  function removeParagraph(p: XmlElement): () => void {
    model.checkDeletable([p], "Delete");
    model.markDirty(p);
    const parent = p.parentNode;
    if (!parent) throw new RangeError("word double: the paragraph is not in the document");
    if (model.tracking) {
      const copy = p.cloneNode(true) as XmlElement;
      trackDeletion([p]);
      return () => {
        const fresh = copy.cloneNode(true) as XmlElement;
        p.parentNode?.replaceChild(fresh, p);
      };
    }
    const siblings = children(parent as XmlElement).filter(
      (c) => isW(c, "p") || isW(c, "tbl") || isW(c, "sdt"),
    );
    if (siblings.length === 1) {
      const removed = children(p).filter((c) => !isW(c, "pPr"));
      for (const c of removed) p.removeChild(c);
      return () => removed.forEach((c) => p.appendChild(c));
    }
    const ref = p.nextSibling;
    parent.removeChild(p);
    return () => parent.insertBefore(p, ref);
  }

  const bodyParagraph = (index: number): XmlElement => {
    const p = paragraphs()[index];
    if (!p) throw new RangeError(`word double: no paragraph ${index}`);
    return p;
  };

  const user: UserDouble = {
    type(text) {
      typeLocal(text, "edit");
    },
    paste(text) {
      typeLocal(text, "paste");
    },
    pressEnter() {
      const p = cursorParagraph();
      const next = split(p, model.currentSelection());
      model.selection = { kind: "edge", el: next, edge: "start" };
      undoStack.push({ revert: () => mergeBack(p, next) });
      // Word reports the new paragraph as added and the one it came from as changed.
      const f = hub.faults;
      const now = clock.now();
      const fast = f.missFastEditsWithinMs !== undefined && now - lastEditAt < f.missFastEditsWithinMs;
      lastEditAt = now;
      if (!fast) {
        hub.raiseParagraph("ParagraphAdded", [hub.idOf(f.idMovesToNewParagraph ? p : next)], "Local");
        hub.raiseParagraph("ParagraphChanged", [hub.idOf(f.idMovesToNewParagraph ? next : p)], "Local");
      }
      moved();
    },
    deleteParagraph() {
      const before = snapshot();
      const p = cursorParagraph();
      const next = model.nextParagraph(p, 1) ?? model.nextParagraph(p, -1);
      const restore = removeParagraph(p);
      undoStack.push({ revert: restore });
      if (!model.isAttached(p) && next) model.selection = { kind: "edge", el: next, edge: "start" };
      raiseDiff(before, "Local", "edit");
      moved();
    },
    undo() {
      const entry = undoStack.pop();
      if (!entry) return;
      const before = snapshot();
      entry.revert();
      model.markDirty(model.body);
      if (!model.rangeAlive(model.selection)) model.currentSelection();
      raiseDiff(before, "Local", "undo");
      moved();
    },
    toggleCheckbox(id) {
      const sdt = model.sdtById(id);
      if (!sdt) throw new RangeError(`word double: no content control ${id}`);
      const before = snapshot();
      const was = model.ccChecked(sdt);
      model.setCcChecked(sdt, !was, "click");
      model.selection = { kind: "edge", el: sdt, edge: "end" };
      undoStack.push({ revert: () => model.setCcChecked(sdt, was, "undo") });
      noteControlChange(model.selection, "Local");
      raiseDiff(before, "Local", "edit");
      moved();
    },
    moveTo(target, mode = "start") {
      if ("contentControl" in target) {
        const sdt = model.sdtById(target.contentControl);
        if (!sdt) throw new RangeError(`word double: no content control ${target.contentControl}`);
        model.selection = { kind: "edge", el: sdt, edge: mode };
      } else {
        model.selection = { kind: "edge", el: bodyParagraph(target.paragraph), edge: mode };
      }
      moved();
    },
    async settled() {
      let seen: Promise<void> | null = null;
      while (seen !== selectionEvents) {
        seen = selectionEvents;
        await Promise.all([seen, hub.settled()]);
      }
      await hub.settled();
    },
  };

  const coauthor: CoauthorDouble = {
    type(paragraphIndex, text) {
      const p = bodyParagraph(paragraphIndex);
      const before = snapshot();
      const { run } = insertAt({ kind: "edge", el: p, edge: "end" }, text);
      noteControlChange({ kind: "edge", el: run, edge: "after" }, "Remote");
      raiseDiff(before, "Remote", "edit");
    },
    insertParagraphAfter(paragraphIndex, text) {
      const p = bodyParagraph(paragraphIndex);
      const before = snapshot();
      newParagraphAfter(p, text);
      raiseDiff(before, "Remote", "edit");
    },
    deleteParagraph(paragraphIndex) {
      const p = bodyParagraph(paragraphIndex);
      const before = snapshot();
      removeParagraph(p);
      raiseDiff(before, "Remote", "edit");
    },
  };

  // Word raises the paragraph events for the add-in's own edits too (Microsoft's onParagraphAdded
  // sample inserts paragraphs through the API to show them).
  const apiEdits: ApiEdits = {
    snapshot,
    raise: (before) => raiseDiff(before as Snapshot, "Local", "api"),
  };
  return { user, coauthor, apiEdits };
}
