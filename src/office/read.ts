/**
 * Reading the document: one round trip for the body's OOXML, its paragraph texts and the page
 * headers (Session.queueRead). When Word cannot hand over the OOXML, the paragraph texts (one
 * more round trip) still give the template's outline, without statuses (degraded.ts).
 */
import type { Snapshot } from "../taskpane/host";
import { templateFromTexts } from "./degraded";
import type { Session } from "./session";

export async function readDocument(session: Session): Promise<Snapshot> {
  try {
    return session.snapshot(await session.load());
  } catch (error) {
    // Word could not hand over the OOXML: fall back to the paragraph texts for the template's
    // outline; if even they do not load, the first error stands.
    session.state = null;
    const texts = await session
      .run(async (context) => {
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load("items/text");
        await context.sync();
        return paragraphs.items.map((p) => p.text);
      })
      .catch(() => null);
    if (!texts) throw error;
    return { template: templateFromTexts(texts), report: null, degraded: { code: "degraded" } };
  }
}
