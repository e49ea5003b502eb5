/**
 * Profiles and costs of the double (word-double/profiles.ts): the requirement sets and platform
 * each client reports, the simulated time of round trips and loaded KiB on an injected clock,
 * the counters, and the NotAllowed refusals of Word on the web (office-js #6746, #6865).
 */

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { PROFILES, createWordDouble, type Clock, type WordDoubleOptions } from "../../word-double";
import { buildTestDocx, para, run } from "../../word-double/build-docx";
import { FIXTURES } from "../support/paths";

const SV_BLANK = new Uint8Array(readFileSync(path.join(FIXTURES, "sv-blank.docx")));

/** A virtual clock: sleeping moves it, nothing waits. */
function virtualClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

const sv = (options: WordDoubleOptions) => createWordDouble(SV_BLANK, options);

describe("profiles", () => {
  test.each([
    ["web", "OfficeOnline"],
    ["windows", "PC"],
    ["mac", "Mac"],
  ] as const)("%s reports its platform and exactly the chosen WordApi level", async (profile, platform) => {
    for (const level of ["1.3", "1.4", "1.6", "1.7"] as const) {
      const double = await sv({ profile, wordApi: level });
      const req = double.Office.context.requirements;
      expect(double.Office.context.platform).toBe(platform);
      expect(req.isSetSupported("WordApi", level)).toBe(true);
      expect(req.isSetSupported("WordApi", "1.8")).toBe(false);
      expect(req.isSetSupported("WordApi", "1.6")).toBe(level >= "1.6");
      expect(req.isSetSupported("DocumentEvents", "1.1")).toBe(true);
    }
  });

  test("with WordApi 1.3 the 1.6 events are refused, as on Office 2021 LTSC", async () => {
    const double = await sv({ profile: "windows", wordApi: "1.3" });
    const register = double.Word.run(async (context) => {
      context.document.onParagraphChanged.add(async () => undefined);
      await context.sync();
    });
    await expect(register).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("costs", () => {
  test("a round trip costs the profile's latency plus its price per KiB loaded, on the injected clock", async () => {
    const clock = virtualClock();
    const double = await sv({ profile: "web", wordApi: "1.6", clock });
    const started = performance.now();
    const ooxml = await double.Word.run(async (context) => {
      const result = context.document.body.getOoxml();
      await context.sync();
      return result.value;
    });
    const costs = double.costs;
    const kib = Buffer.byteLength(ooxml, "utf8") / 1024;
    expect(costs.roundTrips).toBe(1);
    expect(costs.getOoxml).toBe(1);
    expect(costs.kib.ooxml).toBeCloseTo(kib, 6);
    expect(costs.kib.text).toBe(0);
    const web = PROFILES.web.costs;
    expect(costs.wordMs).toBeCloseTo(web.syncMs + kib * web.msPerKiB, 6);
    expect(clock.slept).toEqual([costs.wordMs]);
    expect(clock.now()).toBeCloseTo(costs.wordMs, 6);
    // Simulated, not slept: far less real time than the simulated time.
    expect(costs.wordMs).toBeGreaterThan(web.syncMs);
    expect(performance.now() - started).toBeLessThan(costs.wordMs * 50);
  });

  test("paragraph texts count as text, other properties as other; resetCosts starts again", async () => {
    const clock = virtualClock();
    const double = await sv({ profile: "windows", wordApi: "1.3", clock });
    await double.Word.run(async (context) => {
      context.document.body.getOoxml();
      await context.sync();
    });
    double.resetCosts();
    const texts = await double.Word.run(async (context) => {
      const ps = context.document.body.paragraphs;
      ps.load("items/text,items/style");
      await context.sync();
      return ps.items.map((p) => p.text);
    });
    const costs = double.costs;
    expect(costs).toMatchObject({ roundTrips: 1, getOoxml: 0 });
    expect(costs.kib.ooxml).toBe(0);
    const textBytes = texts.reduce((n, t) => n + Buffer.byteLength(JSON.stringify(t), "utf8"), 0);
    expect(costs.kib.text * 1024).toBeGreaterThanOrEqual(textBytes);
    expect(costs.kib.other).toBeGreaterThan(0);
    const w = PROFILES.windows.costs;
    const total = costs.kib.text + costs.kib.other;
    expect(costs.wordMs).toBeCloseTo(w.syncMs + total * w.msPerKiB, 6);
  });

  test("without a profile Word is free", async () => {
    const clock = virtualClock();
    const double = await sv({ clock });
    await double.Word.run(async (context) => {
      context.document.body.getOoxml();
      await context.sync();
    });
    expect(double.costs.roundTrips).toBe(1);
    expect(double.costs.wordMs).toBe(0);
    expect(double.costs.kib.ooxml).toBeGreaterThan(0);
  });

  test("a failed round trip is charged too", async () => {
    const clock = virtualClock();
    const double = await sv({ profile: "mac", clock });
    const failing = double.Word.run(async (context) => {
      context.document.getParagraphByUniqueLocalId("00000000-0000-4000-8000-000000000000").load("text");
      await context.sync();
    });
    await expect(failing).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(double.costs.roundTrips).toBe(1);
    expect(double.costs.wordMs).toBe(PROFILES.mac.costs.syncMs);
  });
});

describe("NotAllowed on Word on the web", () => {
  const insertReplace = (options: WordDoubleOptions, bytes: Uint8Array = SV_BLANK) =>
    createWordDouble(bytes, options).then((double) =>
      double.Word.run(async (context) => {
        const p = context.document.body.paragraphs.getFirst();
        p.insertText("Ny text", "Replace");
        await context.sync();
        return double.paragraphTexts()[0];
      }),
    );

  test("#6865: inserting with Replace while the document holds a date picker is NotAllowed, as an OfficeExtension.Error", async () => {
    const double = await sv({ profile: "web" });
    const error: unknown = await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertText("Ny text", "Replace");
      await context.sync();
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(double.OfficeExtension.Error);
    expect(error).toMatchObject({
      code: "NotAllowed",
      message: expect.stringContaining("isn't supported by Word in a browser"),
      debugInfo: { errorLocation: "Paragraph.insertText" },
    });
    expect(double.paragraphTexts()[0]).not.toBe("Ny text");
  });

  test("#6865: other locations, the desktop profiles, and documents without a date picker are allowed", async () => {
    const double = await sv({ profile: "web" });
    await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertText(" slut", "End");
      await context.sync();
    });
    expect(double.paragraphTexts()[0]).toMatch(/ slut$/);
    await expect(insertReplace({ profile: "windows" })).resolves.toBe("Ny text");
    await expect(insertReplace({ profile: "mac" })).resolves.toBe("Ny text");
    const plain = await buildTestDocx({ body: para(run("Ett stycke.")) });
    await expect(insertReplace({ profile: "web" }, plain)).resolves.toBe("Ny text");
    await expect(insertReplace({ profile: "web", notAllowed: {} })).resolves.toBe("Ny text");
  });

  test("#6746: comments answer NotAllowed in a web session that refuses them, and work elsewhere", async () => {
    const refused = await sv({ profile: "web", notAllowed: { comments: true } });
    const insert = refused.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().getRange().insertComment("Granska");
      await context.sync();
    });
    await expect(insert).rejects.toMatchObject({
      code: "NotAllowed",
      debugInfo: { errorLocation: "Range.insertComment" },
    });
    const list = refused.Word.run(async (context) => {
      const comments = context.document.body.getComments();
      comments.load("items");
      await context.sync();
    });
    await expect(list).rejects.toMatchObject({ code: "NotAllowed" });
    expect(refused.comments()).toEqual([]);

    const allowed = await sv({ profile: "web" });
    await allowed.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().getRange().insertComment("Granska");
      await context.sync();
    });
    expect(allowed.comments().map((c) => c.text)).toEqual(["Granska"]);
  });
});
