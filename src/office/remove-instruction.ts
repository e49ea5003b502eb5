/**
 * *Ta bort instruktionen*: clears the text of a leftover template instruction ("Radera denna
 * mening …", "Klistra in här.") and nothing else, in one undoable edit (Paragraph.clear: one
 * Ctrl+Z brings it back). The paragraph itself stays, so tables on either side never merge.
 *
 * Verified as every edit is: before, Word's paragraph must still hold exactly the instruction
 * the last read found there (refused, with the reason, when the user has typed into it since);
 * after, read back in the same round trip, every answer and every paragraph of the user's text
 * is unchanged and exactly one instruction fewer is left. One round trip (the edit
 * with its read-back), two when no read is at hand.
 */
import { PlanstodError } from "../core/messages";
import type { ExtractedDocument } from "../core/types";
import { userParagraphs } from "../ooxml/edit/user-text";
import type { DocModel } from "../ooxml/read/paragraph-model";
import { instructionParagraph } from "../ooxml/read/locate";
import { rulesFor } from "../ooxml/read/extract";
import type { Analysis, ReadDocument } from "../ooxml/read/recognise";
import { problem } from "./problems";
import type { Session, State } from "./session";
import { matchesParagraph } from "./text-match";

/** Every answer's text, fields and block instances alike. */
function answers(extracted: ExtractedDocument): string {
  const fields = Object.values(extracted.fields).map((f) => [f.id, f.text]);
  const blocks = Object.entries(extracted.blocks).map(([type, instances]) => [
    type,
    instances.map((i) => Object.values(i).map((f) => [f.id, f.text])),
  ]);
  return JSON.stringify([fields.sort(), blocks.sort()]);
}

/** The user's text, as the engine's edit verification counts it. */
const userText = (model: DocModel, analysis: Analysis, read: ReadDocument): string =>
  userParagraphs(model, rulesFor(analysis.template, read.placeholders));

/** Clears the `ordinal`-th (from 0) leftover instruction; see the file's comment. */
export async function removeInstruction(session: Session, ordinal: number): Promise<void> {
  const before: State = session.state ?? (await session.load());
  const analysis = before.analysis;
  if (!analysis) throw new PlanstodError("unknown-template");
  const paragraph = instructionParagraph(analysis.template, analysis.extracted, before.read.model, ordinal);
  const index = paragraph ? before.read.model.paragraphs.indexOf(paragraph) : -1;
  if (!paragraph || index < 0) throw problem("instruction-gone");
  // Only a paragraph of plain text: nothing of it is a control, a field or a picture.
  if (paragraph.containers.length > 0 || paragraph.segments.some((s) => s.sdt))
    throw problem("instruction-typed-into");

  const after = await session.run(async (context) => {
    const p = session.paragraphProxy(context, before, index);
    if (!p) throw problem("instruction-gone");
    p.load("text");
    await context.sync();
    // Typed into since the read (or moved): not the instruction any more, nothing is touched.
    if (!matchesParagraph(p.text, paragraph)) throw problem("instruction-typed-into");
    p.clear();
    const build = session.queueRead(context);
    await context.sync();
    return build();
  });

  const now = after.analysis;
  const ok =
    now !== null &&
    now.template.id === analysis.template.id &&
    answers(now.extracted) === answers(analysis.extracted) &&
    userText(after.read.model, now, after.read) === userText(before.read.model, analysis, before.read) &&
    now.extracted.instructions.length === analysis.extracted.instructions.length - 1;
  if (!ok) throw problem("edit-unexpected");
}
