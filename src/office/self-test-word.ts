/**
 * The self-test's measurements of the user's Word (issue 17, item 8): what the adapter's choice
 * between paragraph events and the poll depends on, measured in the running client on the open
 * (scratch) document, every change undone before it returns.
 *
 * - paragraph-events: whether WordApi 1.6 paragraph events fire for typing (text inserted at the
 *   end of a paragraph), Enter (a paragraph inserted) and a tracked deletion (a paragraph of its
 *   own, deleted with tracking on, then accepted); undo cannot be made through Office.js, so it
 *   is checked by hand (docs/word-checklist.md) and reported as null.
 * - paragraph-ids: whether a paragraph's uniqueLocalId stays on it across a paragraph inserted
 *   after it (office-js #5784 moves it to the new paragraph after Enter).
 * - get-ooxml-time: the time of one body.getOoxml round trip and its size.
 * - not-allowed: whether Word answers NotAllowed to a comment (inserted and deleted at once,
 *   office-js #6746) or to an empty insert with "Replace" (#6865, beside a date picker).
 * - profile: the double's profile (web, windows or mac) the client behaves like, by platform,
 *   with the WordApi level it reports.
 */
import type { CheckStatus } from "../taskpane/diagnostics/types";
import type { OfficeApis } from "./apis";
import { REQUIREMENTS, supports } from "./capabilities";
import { isWeb, officeCode } from "./problems";

type Add = (id: string, status: CheckStatus, detail: string, data?: Record<string, unknown>) => void;

/** How long the self-test waits for events after an edit. */
const EVENT_WAIT_MS = 1500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The profile a client behaves like: its platform, and the WordApi level it reports. */
export function profileOf(office: typeof Office): {
  name: "web" | "windows" | "mac";
  wordApi: string | null;
} {
  let platform = "";
  try {
    platform = String(office.context.platform);
  } catch {
    // An unknown platform is taken for Windows.
  }
  const name = isWeb(office) ? "web" : platform === "Mac" || platform === "iOS" ? "mac" : "windows";
  const wordApi = ["1.7", "1.6", "1.4", "1.3"].find((v) => supports(office, "WordApi", v)) ?? null;
  return { name, wordApi };
}

async function paragraphEvents(apis: OfficeApis, add: Add): Promise<void> {
  if (!supports(apis.Office, REQUIREMENTS.paragraphEvents.set, REQUIREMENTS.paragraphEvents.version)) {
    add("paragraph-events", "skipped", "WordApi 1.6 is missing: the pane polls for changes.");
    add("paragraph-ids", "skipped", "WordApi 1.6 is missing: no paragraph ids.");
    return;
  }
  const seen: { type: string; ids: number }[] = [];
  const handler = (args: { type?: string; uniqueLocalIds?: string[] }) => {
    seen.push({ type: String(args.type), ids: args.uniqueLocalIds?.length ?? 0 });
    return Promise.resolve();
  };
  const waitFor = async (count: number) => {
    for (let waited = 0; seen.length < count && waited < EVENT_WAIT_MS; waited += 50) await sleep(50);
  };
  let results: OfficeExtension.EventHandlerResult<unknown>[] = [];
  try {
    results = await apis.Word.run(async (context) => {
      const d = context.document;
      const r = [
        d.onParagraphChanged.add(handler),
        d.onParagraphAdded.add(handler),
        d.onParagraphDeleted.add(handler),
      ];
      await context.sync();
      return r;
    });
  } catch (e) {
    add("paragraph-events", "fail", `Word refused the paragraph events: ${officeCode(e) || String(e)}`);
    return;
  }
  const fired: Record<string, boolean | null> = {
    typing: null,
    enter: null,
    undo: null,
    trackedDeletion: null,
  };
  let ids: { stable: boolean; before: string[]; after: string[] } | null = null;
  try {
    // Typing: a character at the end of the last paragraph, then removed.
    let count = seen.length;
    await apis.Word.run(async (context) => {
      const last = context.document.body.paragraphs.getLast();
      const typed = last.getRange("End").insertText("·", "After");
      await context.sync();
      typed.delete();
      await context.sync();
    });
    await waitFor(count + 1);
    fired.typing = seen.slice(count).some((e) => e.type === "ParagraphChanged");
    // Enter: a paragraph after the first one, its ids before and after, then removed.
    count = seen.length;
    ids = await apis.Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs;
      paragraphs.load("items/uniqueLocalId");
      await context.sync();
      const before = paragraphs.items.slice(0, 2).map((p) => p.uniqueLocalId);
      const added = paragraphs.getFirst().insertParagraph("", "After");
      const again = context.document.body.paragraphs;
      again.load("items/uniqueLocalId");
      await context.sync();
      const after = again.items.slice(0, 3).map((p) => p.uniqueLocalId);
      added.delete();
      await context.sync();
      return { stable: after[0] === before[0] && after[2] === before[1], before, after };
    });
    await waitFor(count + 1);
    fired.enter = seen.slice(count).some((e) => e.type === "ParagraphAdded");
    fired.trackedDeletion = await trackedDeletionFires(apis, seen, waitFor);
  } catch (e) {
    add("paragraph-events", "fail", `The event probe stopped: ${officeCode(e) || String(e)}`);
  } finally {
    for (const r of results) {
      try {
        r.remove();
        await r.context.sync();
      } catch {
        // Gone with its context.
      }
    }
  }
  if (fired.typing !== null) {
    const ok = fired.typing && fired.enter;
    add(
      "paragraph-events",
      ok ? "ok" : "warn",
      ok
        ? `Paragraph events fire on typing and Enter${fired.trackedDeletion === false ? ", not on a tracked deletion (office-js #3864: the safety check catches it)" : fired.trackedDeletion ? " and a tracked deletion" : ""} (undo: by hand, checklist).`
        : "Paragraph events did not fire on every edit: the pane keeps its safety check.",
      { fired, seen },
    );
  }
  if (ids) {
    add(
      "paragraph-ids",
      ids.stable ? "ok" : "warn",
      ids.stable
        ? "A paragraph keeps its uniqueLocalId across a paragraph inserted after it."
        : "A paragraph's uniqueLocalId moved across an insert (office-js #5784).",
      ids,
    );
  }
}

/**
 * A tracked deletion (office-js #3864: no event for it): a paragraph added at the end with
 * tracking off, deleted with tracking on, its events awaited, then the deletion accepted (the
 * paragraph is gone, no revision is left) and the user's tracking mode put back. Null when the
 * client cannot switch tracking (WordApi 1.4).
 */
async function trackedDeletionFires(
  apis: OfficeApis,
  seen: readonly { type: string }[],
  waitFor: (count: number) => Promise<void>,
): Promise<boolean | null> {
  if (!supports(apis.Office, REQUIREMENTS.tracking.set, REQUIREMENTS.tracking.version)) return null;
  return apis.Word.run(async (context) => {
    const document = context.document;
    document.load("changeTrackingMode");
    await context.sync();
    const mode = document.changeTrackingMode;
    let probe: Word.Paragraph | null = null;
    let removed = false;
    try {
      document.changeTrackingMode = "Off";
      probe = document.body.paragraphs.getLast().insertParagraph("Planstöd självtest", "After");
      await context.sync();
      await waitFor(seen.length + 1);
      const count = seen.length;
      document.changeTrackingMode = "TrackAll";
      probe.delete();
      await context.sync();
      await waitFor(count + 1);
      const fired = seen
        .slice(count)
        .some((e) => e.type === "ParagraphDeleted" || e.type === "ParagraphChanged");
      document.changeTrackingMode = "Off";
      probe.getTrackedChanges().acceptAll();
      await context.sync();
      removed = true;
      return fired;
    } finally {
      // A probe that stopped half-way takes its paragraph with it, whatever state it is in.
      if (probe && !removed) {
        const left = probe;
        const steps = [
          () => {
            document.changeTrackingMode = "Off";
          },
          () => left.getTrackedChanges().acceptAll(),
          () => left.delete(),
        ];
        for (const step of steps) {
          try {
            step();
            await context.sync();
          } catch {
            // The next step, or nothing is left to remove.
          }
        }
      }
      document.changeTrackingMode = mode;
      await context.sync();
    }
  });
}

async function getOoxmlTime(apis: OfficeApis, add: Add): Promise<number | null> {
  try {
    const started = Date.now();
    const size = await apis.Word.run(async (context) => {
      const ooxml = context.document.body.getOoxml();
      await context.sync();
      return ooxml.value.length;
    });
    const ms = Date.now() - started;
    add("get-ooxml-time", "ok", `body.getOoxml took ${ms} ms for ${Math.round(size / 1024)} KiB.`, {
      ms,
      kib: Math.round(size / 1024),
    });
    return ms;
  } catch (e) {
    add("get-ooxml-time", "fail", `body.getOoxml failed: ${officeCode(e) || String(e)}`);
    return null;
  }
}

async function notAllowed(apis: OfficeApis, add: Add): Promise<void> {
  const answers: Record<string, string> = {};
  if (supports(apis.Office, REQUIREMENTS.comments.set, REQUIREMENTS.comments.version)) {
    answers.comments = await apis.Word.run(async (context) => {
      const comment = context.document.body.paragraphs
        .getFirst()
        .getRange("Whole")
        .insertComment("Planstöd self-test");
      await context.sync();
      comment.delete();
      await context.sync();
      return "ok";
    }).catch((e: unknown) => officeCode(e) || "error");
  }
  answers.replace = await apis.Word.run(async (context) => {
    context.document.body.paragraphs.getLast().getRange("End").insertText("", "Replace");
    await context.sync();
    return "ok";
  }).catch((e: unknown) => officeCode(e) || "error");
  const refused = Object.entries(answers)
    .filter(([, a]) => a === "NotAllowed")
    .map(([k]) => k);
  add(
    "not-allowed",
    refused.length === 0 ? "ok" : "warn",
    refused.length === 0
      ? "Comments and inserts are allowed."
      : `Word answers NotAllowed to: ${refused.join(", ")} (not supported by this Word on the web).`,
    { answers },
  );
}

/** Runs the measurements; never throws. Returns the getOoxml time for the summary. */
export async function measureWord(apis: OfficeApis, add: Add): Promise<{ getOoxmlMs: number | null }> {
  await paragraphEvents(apis, add);
  const getOoxmlMs = await getOoxmlTime(apis, add);
  await notAllowed(apis, add).catch((e: unknown) => add("not-allowed", "fail", String(e)));
  return { getOoxmlMs };
}
