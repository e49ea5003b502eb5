/**
 * Word's events in the double (word-double/events.ts, user.ts): WordApi 1.6 paragraph events
 * with uniqueLocalId and getParagraphByUniqueLocalId, WordApi 1.5 content-control onDataChanged,
 * raised by the simulated user and co-authors, each known fault of real Word switchable.
 */

import { createWordDouble, type Clock, type WordDouble, type WordDoubleOptions } from "../../word-double";
import type { ParagraphEventArgsDouble } from "../../word-double/events";
import { buildTestDocx, para, run, sdt } from "../../word-double/build-docx";

const BODY = [
  /* 0 */ para(run("Rubrik"), "Heading1"),
  /* 1 */ para(run("Första stycket.")),
  /* 2 */ sdt({
    wId: 7,
    tag: "bakgrund",
    placeholder: "PH",
    showingPlaceholder: true,
    content: para(run("Skriv här.", "PlaceholderText")),
  }),
  /* 3 */ para(run("Sista stycket.")),
].join("");

/** A clock the test moves by hand. */
function manualClock(): Clock & { advance(ms: number): void } {
  let t = 0;
  return {
    now: () => t,
    sleep: async () => undefined,
    advance(ms) {
      t += ms;
    },
  };
}

async function open(options: WordDoubleOptions = {}, body = BODY): Promise<WordDouble> {
  const bytes = await buildTestDocx({ body, placeholders: { PH: "Skriv här." } });
  return createWordDouble(bytes, { requirementSets: { WordApi: "1.6" }, ...options });
}

type Seen = ParagraphEventArgsDouble[];

/** Registers handlers for the three paragraph events; returns what they receive. */
async function listen(double: WordDouble): Promise<Seen> {
  const seen: Seen = [];
  await double.Word.run(async (context) => {
    const handler = async (args: ParagraphEventArgsDouble) => {
      seen.push(args);
    };
    context.document.onParagraphAdded.add(handler);
    context.document.onParagraphChanged.add(handler);
    context.document.onParagraphDeleted.add(handler);
    await context.sync();
  });
  return seen;
}

async function idsOf(double: WordDouble): Promise<string[]> {
  return double.Word.run(async (context) => {
    const ps = context.document.body.paragraphs;
    ps.load("items/uniqueLocalId");
    await context.sync();
    return ps.items.map((p) => p.uniqueLocalId);
  });
}

async function textById(double: WordDouble, id: string): Promise<string> {
  return double.Word.run(async (context) => {
    const p = context.document.getParagraphByUniqueLocalId(id);
    p.load("text");
    await context.sync();
    return p.text;
  });
}

const kinds = (seen: Seen) => seen.map((e) => `${e.type}:${e.uniqueLocalIds.length}:${e.source}`);

describe("paragraph events and ids (WordApi 1.6)", () => {
  test("need WordApi 1.6: registering, uniqueLocalId and getParagraphByUniqueLocalId fail with ApiNotFound on 1.5", async () => {
    const double = await open({ requirementSets: { WordApi: "1.5" } });
    const register = double.Word.run(async (context) => {
      context.document.onParagraphChanged.add(async () => undefined);
      await context.sync();
    });
    await expect(register).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(idsOf(double)).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(textById(double, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "ApiNotFound",
    });
    expect(double.eventHandlerCount).toBe(0);
  });

  test("ids are GUIDs, distinct and stable; an unknown id is ItemNotFound", async () => {
    const double = await open();
    const ids = await idsOf(double);
    expect(ids).toHaveLength(4);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(4);
    expect(await idsOf(double)).toEqual(ids);
    expect(await textById(double, ids[1])).toBe("Första stycket.");
    await expect(textById(double, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "ItemNotFound",
    });
  });

  test("typing raises ParagraphChanged for the cursor's paragraph and a selection event; the placeholder goes", async () => {
    const double = await open();
    const seen = await listen(double);
    let selections = 0;
    double.Office.context.document.addHandlerAsync("documentSelectionChanged", () => {
      selections++;
    });
    const ids = await idsOf(double);
    double.user.moveTo({ contentControl: double.contentControlIds()[0] });
    double.user.type("Vi");
    double.user.type(" skriver.");
    await double.user.settled();
    expect(kinds(seen)).toEqual(["ParagraphChanged:1:Local", "ParagraphChanged:1:Local"]);
    expect(seen[0].uniqueLocalIds).toEqual([ids[2]]);
    expect(await textById(double, ids[2])).toBe("Vi skriver.");
    expect(double.documentXml()).not.toContain("showingPlcHdr");
    expect(double.documentXml()).not.toContain("Skriv här.");
    expect(selections).toBe(3);
  });

  test("Enter raises ParagraphAdded for the new paragraph and ParagraphChanged for the old one", async () => {
    const double = await open();
    const seen = await listen(double);
    const ids = await idsOf(double);
    double.user.moveTo({ paragraph: 1 }, "end");
    double.user.pressEnter();
    double.user.type("Nytt.");
    await double.user.settled();
    expect(kinds(seen)).toEqual([
      "ParagraphAdded:1:Local",
      "ParagraphChanged:1:Local",
      "ParagraphChanged:1:Local",
    ]);
    const added = seen[0].uniqueLocalIds[0];
    expect(ids).not.toContain(added);
    expect(seen[1].uniqueLocalIds).toEqual([ids[1]]);
    expect(await textById(double, added)).toBe("Nytt.");
    expect(await textById(double, ids[1])).toBe("Första stycket.");
    expect(double.paragraphTexts()).toEqual([
      "Rubrik",
      "Första stycket.",
      "Nytt.",
      "Skriv här.",
      "Sista stycket.",
    ]);
  });

  test("fault #5784: after Enter the old paragraph's id belongs to the new paragraph", async () => {
    const double = await open({ eventFaults: { idMovesToNewParagraph: true } });
    const seen = await listen(double);
    const ids = await idsOf(double);
    double.user.moveTo({ paragraph: 1 }, "end");
    double.user.pressEnter();
    double.user.type("Nytt.");
    await double.user.settled();
    expect(await textById(double, ids[1])).toBe("Nytt.");
    const after = await idsOf(double);
    expect(after[1]).not.toBe(ids[1]);
    expect(after[2]).toBe(ids[1]);
    expect(seen[0]).toMatchObject({ type: "ParagraphAdded", uniqueLocalIds: [after[1]] });
  });

  test("deleting a paragraph raises ParagraphDeleted with its id; undo brings it back with ParagraphAdded", async () => {
    const double = await open();
    const seen = await listen(double);
    const ids = await idsOf(double);
    double.user.moveTo({ paragraph: 3 });
    double.user.deleteParagraph();
    await double.user.settled();
    expect(seen).toEqual([{ type: "ParagraphDeleted", uniqueLocalIds: [ids[3]], source: "Local" }]);
    expect(double.paragraphTexts()).not.toContain("Sista stycket.");
    double.user.undo();
    await double.user.settled();
    expect(double.paragraphTexts()).toContain("Sista stycket.");
    expect(seen[1]).toEqual({ type: "ParagraphAdded", uniqueLocalIds: [ids[3]], source: "Local" });
  });

  test("fault #5089: undo raises no paragraph event (Word on the web), though the text comes back", async () => {
    const double = await open({ eventFaults: { noUndoEvents: true } });
    const seen = await listen(double);
    double.user.moveTo({ paragraph: 1 }, "end");
    double.user.type(" Mer.");
    double.user.undo();
    await double.user.settled();
    expect(kinds(seen)).toEqual(["ParagraphChanged:1:Local"]);
    expect(double.paragraphTexts()[1]).toBe("Första stycket.");
  });

  test("Track Changes: a deletion keeps the paragraph and raises ParagraphDeleted; fault #3864 raises nothing", async () => {
    for (const fault of [false, true]) {
      const double = await open({
        changeTrackingMode: "TrackAll",
        eventFaults: { noDeleteEventWhileTracking: fault },
      });
      const seen = await listen(double);
      double.user.moveTo({ paragraph: 3 });
      double.user.deleteParagraph();
      await double.user.settled();
      expect(double.paragraphTexts()).toContain("Sista stycket.");
      expect(double.documentXml()).toContain("w:delText");
      expect(kinds(seen)).toEqual(fault ? [] : ["ParagraphDeleted:1:Local"]);
    }
  });

  test("the add-in's own edits raise the events too (Microsoft's onParagraphAdded sample); a batch that only reads raises none", async () => {
    const double = await open();
    const seen = await listen(double);
    await double.Word.run(async (context) => {
      const ps = context.document.body.paragraphs;
      ps.load("items/text");
      await context.sync();
    });
    await double.user.settled();
    expect(seen).toEqual([]);
    await double.Word.run(async (context) => {
      const first = context.document.body.paragraphs.getFirst().getNext();
      first.insertText(" Mer.", "End");
      first.insertParagraph("Nytt stycke.", "After");
      await context.sync();
    });
    await double.user.settled();
    expect(kinds(seen)).toEqual(["ParagraphAdded:1:Local", "ParagraphChanged:1:Local"]);
    expect(await textById(double, seen[0].uniqueLocalIds[0])).toBe("Nytt stycke.");
  });

  test("accepting a paragraph's tracked deletion (getTrackedChanges().acceptAll) removes it and leaves no revision", async () => {
    const double = await open({ changeTrackingMode: "TrackAll" });
    await double.Word.run(async (context) => {
      const last = context.document.body.paragraphs.getLast();
      last.delete();
      await context.sync();
      last.getTrackedChanges().acceptAll();
      await context.sync();
    });
    expect(double.paragraphTexts()).not.toContain("Sista stycket.");
    expect(double.documentXml()).not.toContain("w:delText");
    expect(double.documentXml()).not.toMatch(/<w:del\b/);
  });

  test("fault #4874: keystrokes in quick succession and pastes raise no event", async () => {
    const clock = manualClock();
    const double = await open({ clock, eventFaults: { missFastEditsWithinMs: 100 } });
    const seen = await listen(double);
    double.user.moveTo({ paragraph: 1 }, "end");
    double.user.type("a");
    clock.advance(40);
    double.user.type("b");
    clock.advance(40);
    double.user.type("c");
    clock.advance(500);
    double.user.paste("klistrat\nny rad");
    clock.advance(500);
    double.user.type("d");
    await double.user.settled();
    expect(kinds(seen)).toEqual(["ParagraphChanged:1:Local", "ParagraphChanged:1:Local"]);
    expect(double.paragraphTexts()).toContain("ny radd");
  });

  test("fault #5400: no deletion events past the page limit (Word on Mac)", async () => {
    const long = para(run("x".repeat(1800 * 260)));
    for (const fault of [false, true]) {
      const double = await open({ eventFaults: fault ? { noDeleteEventsPastPages: 250 } : {} }, BODY + long);
      const seen = await listen(double);
      double.user.moveTo({ paragraph: 1 });
      double.user.deleteParagraph();
      await double.user.settled();
      expect(kinds(seen)).toEqual(fault ? [] : ["ParagraphDeleted:1:Local"]);
    }
  });

  test("co-authors' edits raise events with source Remote and move no local cursor", async () => {
    const double = await open();
    const seen = await listen(double);
    let selections = 0;
    double.Office.context.document.addHandlerAsync("documentSelectionChanged", () => {
      selections++;
    });
    double.coauthor.type(1, " (ändrat)");
    double.coauthor.insertParagraphAfter(3, "Ny rad");
    double.coauthor.deleteParagraph(0);
    await double.user.settled();
    expect(kinds(seen)).toEqual([
      "ParagraphChanged:1:Remote",
      "ParagraphAdded:1:Remote",
      "ParagraphDeleted:1:Remote",
    ]);
    expect(selections).toBe(0);
    expect(double.paragraphTexts()).toEqual([
      "Första stycket. (ändrat)",
      "Skriv här.",
      "Sista stycket.",
      "Ny rad",
    ]);
  });

  test("removed handlers are not called", async () => {
    const double = await open();
    const seen: string[] = [];
    const result = await double.Word.run(async (context) => {
      const r = context.document.onParagraphChanged.add(async () => {
        seen.push("changed");
      });
      await context.sync();
      return r;
    });
    double.coauthor.type(1, "!");
    await double.user.settled();
    result.remove();
    double.coauthor.type(1, "!");
    await double.user.settled();
    expect(seen).toEqual(["changed"]);
    expect(double.eventHandlerCount).toBe(0);
  });

  test("events reach the add-in after the configured delay on the double's clock", async () => {
    const sleeps: number[] = [];
    const clock: Clock = { now: () => 0, sleep: async (ms) => void sleeps.push(ms) };
    const double = await open({ clock, eventDelayMs: 80 });
    await listen(double);
    double.coauthor.type(1, "!");
    await double.user.settled();
    expect(sleeps).toEqual([80]);
  });
});

describe("content-control onDataChanged (WordApi 1.5)", () => {
  async function watch(double: WordDouble, id: number): Promise<number[][]> {
    const seen: number[][] = [];
    await double.Word.run(async (context) => {
      const cc = context.document.contentControls.getById(id);
      cc.onDataChanged.add(async (args) => {
        seen.push(args.ids);
      });
      await context.sync();
    });
    return seen;
  }

  test("fires at every edit while typing (Word on the web)", async () => {
    const double = await open({ requirementSets: { WordApi: "1.5" } });
    const id = double.contentControlIds()[0];
    const seen = await watch(double, id);
    double.user.moveTo({ contentControl: id });
    double.user.type("a");
    double.user.type("b");
    await double.user.settled();
    expect(seen).toEqual([[id], [id]]);
  });

  test("fault #5597: fires once, when the cursor leaves the changed control (Windows, Mac)", async () => {
    const double = await open({
      requirementSets: { WordApi: "1.5" },
      eventFaults: { contentControlDataChanged: "exit" },
    });
    const id = double.contentControlIds()[0];
    const seen = await watch(double, id);
    double.user.moveTo({ contentControl: id });
    double.user.type("a");
    double.user.type("b");
    await double.user.settled();
    expect(seen).toEqual([]);
    double.user.moveTo({ paragraph: 0 });
    await double.user.settled();
    expect(seen).toEqual([[id]]);
  });

  test("needs WordApi 1.5", async () => {
    const double = await open({ requirementSets: { WordApi: "1.4" } });
    await expect(watch(double, double.contentControlIds()[0])).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
