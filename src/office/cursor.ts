/**
 * Where the cursor is, checked against the last read. The cursor's paragraph is found as the
 * last paragraph of the range from the start of the body to the cursor; the same load gives
 * Word's text of every paragraph up to the cursor, so one round trip both locates the cursor
 * and tells whether the paragraph map of the last read still holds for it: it does when those
 * texts are exactly the texts Word gave at the last read (an Enter typed above the cursor, or
 * any edit above it, shifts or changes them). Text after the cursor cannot move the cursor's
 * paragraph, so it is not needed here.
 */

import { wordText } from "./word-text";

export interface CursorProbe {
  /** Word's ordinal of the cursor's paragraph in body.paragraphs, or -1 (no paragraph). */
  ordinal: number;
  /** Word's texts of the paragraphs from the first one to the cursor's, in order. */
  texts: string[];
}

/** Queues the cursor query in `context`; the returned function reads it after the sync. */
export function queueCursor(context: Word.RequestContext): () => CursorProbe {
  const selection = context.document.getSelection();
  const upToCursor = context.document.body.getRange("Start").expandTo(selection.getRange("Start"));
  const paragraphs = upToCursor.paragraphs;
  paragraphs.load("items/text");
  return () => {
    const texts = paragraphs.items.map((p) => wordText(p.text));
    return { ordinal: texts.length - 1, texts };
  };
}

/** Whether Word's texts up to the cursor are those of the last read (`wordTexts`). */
export function cursorAgrees(probe: CursorProbe, wordTexts: readonly string[]): boolean {
  if (probe.ordinal < 0 || probe.ordinal >= wordTexts.length) return false;
  return probe.texts.every((text, i) => text === wordTexts[i]);
}
