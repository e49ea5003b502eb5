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
import type { ExtractedDocument, TemplateDef } from "../core/types";
import type { Analysis } from "../ooxml/read/recognise";
import type { DocModel } from "../ooxml/read/paragraph-model";
import { rulesFor } from "../ooxml/read/extract";
import { userParagraphs } from "../ooxml/edit/apply";
import type { ReadDocument } from "../ooxml/read/recognise";
import { instructionParagraph } from "./targets";
import { matchesParagraph } from "./text-match";

/** What the operation needs of the adapter's session. */
export interface InstructionSession {
  /** The read the pane's review came from (1 round trip when there is none). */
  load(): Promise<{ read: ReadDocument; analysis: Analysis | null }>;
  /** Word's paragraph for a model index of the read just loaded, reached without a round trip. */
  paragraph(context: Word.RequestContext, index: number): Word.Paragraph | null;
  /** Queues a read in `context`; the returned function builds it after the sync. */
  queueRead(context: Word.RequestContext): () => Promise<{ read: ReadDocument; analysis: Analysis | null }>;
  run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
}

const TEXT = {
  sv: {
    gone: "Instruktionen finns inte längre i dokumentet. Uppdatera Planstöd.",
    typedInto:
      "Stycket med instruktionen innehåller nu annan text än mallens instruktion, så Planstöd tar inte bort något. Radera instruktionen själv.",
    unexpected:
      "Borttagningen blev inte som väntat. Kontrollera dokumentet och ångra med Ctrl+Z om något har ändrats.",
  },
  da: {
    gone: "Instruktionen findes ikke længere i dokumentet. Opdater Planstöd.",
    typedInto:
      "Afsnittet med instruktionen indeholder nu anden tekst end skabelonens instruktion, så Planstöd sletter ikke noget. Slet instruktionen selv.",
    unexpected:
      "Sletningen blev ikke som ventet. Kontroller dokumentet, og fortryd med Ctrl+Z, hvis noget er ændret.",
  },
} as const;

const textOf = (template: TemplateDef) => TEXT[template.language === "da" ? "da" : "sv"];

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
export async function removeInstruction(session: InstructionSession, ordinal: number): Promise<void> {
  const before = await session.load();
  const analysis = before.analysis;
  if (!analysis) throw new PlanstodError("unknown-template");
  const t = textOf(analysis.template);
  const index = instructionParagraph(analysis, before.read.model, ordinal);
  const paragraph = index === null ? undefined : before.read.model.paragraphs[index];
  if (index === null || !paragraph) throw new PlanstodError("word", t.gone);
  // Only a paragraph of plain text: nothing of it is a control, a field or a picture.
  if (paragraph.containers.length > 0 || paragraph.segments.some((s) => s.sdt))
    throw new PlanstodError("word", t.typedInto);

  const after = await session.run(async (context) => {
    const p = session.paragraph(context, index);
    if (!p) throw new PlanstodError("word", t.gone);
    p.load("text");
    await context.sync();
    // Typed into since the read (or moved): not the instruction any more, nothing is touched.
    if (!matchesParagraph(p.text, paragraph)) throw new PlanstodError("word", t.typedInto);
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
  if (!ok) throw new PlanstodError("word", t.unexpected);
}
