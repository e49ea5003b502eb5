/**
 * A minute of typing, run against one source tree: `tsx scripts/bench/typing-scenario.ts
 * <label> <source-root>` renders THAT tree's pane (src/taskpane/App over src/office's WordHost)
 * in jsdom over THIS tree's Word double, on a virtual clock, and prints one line per profile,
 * WordApi level and plan:
 *
 *   <label> profile=<web|windows|mac> sets=<1.3|1.6> blocks=<3|60> trips=N getOoxml=N
 *     text_getOoxml=N kib=N word_ms=N settle_ms=N
 *
 * The scenario (the same for every tree; scripts/bench/typing.ts runs it for the current tree
 * and for the baseline):
 * 1. The pane opens on the plan (3 or 60 utvecklingsområden, grown from sv-blank with the
 *    engine) and reads it; the counters start once it shows the outline.
 * 2. The user clicks into three fields in turn - "bakgrund" (the first rich-text control showing
 *    its placeholder), the first such control in the first utvecklingsområde and the first in
 *    the last (after their "Välj utvecklingsområde:" lines) - waits 1 s, and types 200 characters in all, in nine bursts (23/22/22
 *    characters per field, 110 ms between keystrokes, DocumentSelectionChanged after each),
 *    each followed by a 3 s pause.
 * 3. The user presses Enter twice (110 ms apart) and pauses 3 s.
 * 4. The user clicks "Lägg till utvecklingsområde" and waits until the outline shows it, then
 *    3 s more.
 *
 * Figures: trips, getOoxml, kib (all kinds) and word_ms are the double's counters (profiles.ts)
 * from step 2 to the end; text_getOoxml counts getOoxml calls during the bursts and pauses of
 * step 2 only (text-only typing). settle_ms: after each burst, the time from its last keystroke
 * until every outline item's status badge in the pane's DOM equals the status the engine gives
 * for the double's current document (checkDocx on toDocx(), this tree's engine; buildOutline;
 * "Nytt" on a just-added block counts as right), checked every 50 ms of virtual time; the
 * median over the bursts that changed a status (each field's first burst: 3 samples). When the
 * pane is not right by the end of a pause the user waits for it (at most 20 s; a pane still
 * wrong then counts 20000).
 *
 * Time is virtual (@sinonjs/fake-timers on the global timers, installed before React and the
 * pane load): the pane's debounces and poll, the double's latency per round trip and per KiB,
 * and its event delay all run on it, so a minute of typing takes seconds of CPU.
 */
import * as FakeTimers from "@sinonjs/fake-timers";
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

type Profile = "web" | "windows" | "mac";
type Sets = "1.3" | "1.6";

const PROFILES: readonly Profile[] = ["web", "windows", "mac"];
const SETS: readonly Sets[] = ["1.3", "1.6"];
const BLOCKS = [3, 60] as const;
const KEYSTROKE_MS = 110;
const PAUSE_MS = 3000;
const CHECK_MS = 50;
const WAIT_CAP_MS = 20000;
const BURSTS = [23, 22, 22, 22, 22, 22, 22, 22, 23];
const TEXT =
  "Vi arbetar vidare med läsförståelse i alla ämnen och följer upp elevernas resultat varje termin. " +
  "Lärarna planerar tillsammans och delar erfarenheter i ämneslag. Rektor avsätter tid för detta arbete. ";

interface Line {
  profile: Profile;
  sets: Sets;
  blocks: number;
  trips: number;
  getOoxml: number;
  textGetOoxml: number;
  kib: number;
  wordMs: number;
  settleMs: number;
}

const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function formatLine(label: string, l: Line): string {
  return (
    `${label} profile=${l.profile} sets=${l.sets} blocks=${l.blocks} trips=${l.trips} ` +
    `getOoxml=${l.getOoxml} text_getOoxml=${l.textGetOoxml} kib=${Math.round(l.kib)} ` +
    `word_ms=${Math.round(l.wordMs)} settle_ms=${Number.isFinite(l.settleMs) ? Math.round(l.settleMs) : "NaN"}`
  );
}

/** A global jsdom window, as jest-environment-jsdom provides it. */
function installDom(): JSDOM {
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    url: "http://localhost/",
    pretendToBeVisual: true,
  });
  const g = globalThis as Record<string, unknown>;
  const w = dom.window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(dom.window)) {
    if (key in g || key.startsWith("_")) continue;
    g[key] = w[key];
  }
  g.window = dom.window;
  g.document = dom.window.document;
  g.navigator = dom.window.navigator;
  g.IS_REACT_ACT_ENVIRONMENT = false;
  // jsdom lacks these; Fluent UI's positioning and tabster look for them.
  g.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  (dom.window as unknown as Record<string, unknown>).ResizeObserver = g.ResizeObserver;
  g.matchMedia ??= () => ({
    matches: false,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
  });
  return dom;
}

const debug = (...args: unknown[]) => {
  if (process.env.TYPING_DEBUG) process.stderr.write(`${args.map(String).join(" ")}\n`);
};

async function main(): Promise<void> {
  const [label = "typing-minute", rootArg = "."] = process.argv.slice(2);
  const root = path.resolve(rootArg);
  const here = path.resolve(__dirname, "../..");
  installDom();
  // Virtual time before React, the scheduler and the pane load (they keep the timers they see).
  const clock = FakeTimers.withGlobal(globalThis).install({
    now: 0,
    toFake: [
      "setTimeout",
      "clearTimeout",
      "setInterval",
      "clearInterval",
      "Date",
      "requestAnimationFrame",
      "cancelAnimationFrame",
    ],
    shouldClearNativeTimers: false,
  });
  const win = (globalThis as unknown as { window: Record<string, unknown> }).window;
  for (const k of [
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "requestAnimationFrame",
    "cancelAnimationFrame",
  ])
    win[k] = (globalThis as Record<string, unknown>)[k];

  const load = async <T>(rel: string): Promise<T> =>
    (await import(pathToFileURL(path.join(root, rel)).href)) as T;
  const mine = async <T>(rel: string): Promise<T> =>
    (await import(pathToFileURL(path.join(here, rel)).href)) as T;

  /**
   * Runs `p` to completion without moving the virtual clock. setImmediate stays real (JSZip and
   * React's scheduler use it), so work that needs no timer completes; zero-time ticks run any
   * fake timer due now.
   */
  const finish = async <T>(p: Promise<T>): Promise<T> => {
    let done = false;
    const out = p.finally(() => {
      done = true;
    });
    while (!done) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await clock.tickAsync(0);
    }
    return out;
  };
  /** Lets React's scheduler (real setImmediate) finish its work before the DOM is read. */
  const flush = async () => {
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };

  // The tree under test: its pane, adapter and XML DOM host.
  const React = await import("react");
  const { createRoot } = await import("react-dom/client");
  const { FluentProvider, webLightTheme } = await import("@fluentui/react-components");
  const { App } = await load<typeof import("../../src/taskpane/App")>("src/taskpane/App.tsx");
  const { WordHost } = await load<typeof import("../../src/office/word-host")>("src/office/word-host.ts");
  const domHost = await load<typeof import("../../src/ooxml/xml/dom")>("src/ooxml/xml/dom.ts");
  const xmldomHost = await load<typeof import("../../src/ooxml/xml/xmldom-host")>(
    "src/ooxml/xml/xmldom-host.ts",
  );
  domHost.setXmlDom(xmldomHost.xmldom);
  // This tree: the double, and the engine that says what is true.
  const { createWordDouble, globalClock } =
    await mine<typeof import("../../word-double")>("word-double/index.ts");
  const engine = await mine<typeof import("../../src/ooxml/docx")>("src/ooxml/docx.ts");
  const mineDom = await mine<typeof import("../../src/ooxml/xml/dom")>("src/ooxml/xml/dom.ts");
  const mineXmldom = await mine<typeof import("../../src/ooxml/xml/xmldom-host")>(
    "src/ooxml/xml/xmldom-host.ts",
  );
  mineDom.setXmlDom(mineXmldom.xmldom);
  const { buildOutline } = await mine<typeof import("../../src/core/outline")>("src/core/outline.ts");
  const { templateById } = await mine<typeof import("../../src/core/templates")>(
    "src/core/templates/index.ts",
  );
  const { catalogueFor } = await mine<typeof import("../../src/taskpane/i18n")>("src/taskpane/i18n/index.ts");

  debug("modules loaded");
  const blank = new Uint8Array(readFileSync(path.join(here, "test/fixtures/generated/sv-blank.docx")));
  const plans = new Map<number, Uint8Array>();
  let bytes: Uint8Array = blank;
  for (let n = 3; n <= Math.max(...BLOCKS); n++) {
    if ((BLOCKS as readonly number[]).includes(n)) plans.set(n, bytes);
    if (n === Math.max(...BLOCKS)) break;
    bytes = (await finish(engine.editDocx(bytes, { op: "add", type: "utvecklingsomrade" }))).bytes;
  }

  debug("plans ready");
  const tick = (ms: number) => clock.tickAsync(ms);

  /** Each outline item's badge, by key. */
  const paneStatuses = (): Map<string, string> =>
    new Map(
      Array.from(document.querySelectorAll<HTMLElement>("nav [data-key]")).map((el) => [
        el.dataset.key ?? "",
        el.querySelector(".fui-Badge")?.textContent ?? "",
      ]),
    );

  async function run(profile: Profile, sets: Sets, blocks: number): Promise<Line> {
    const double = await finish(
      createWordDouble(plans.get(blocks) as Uint8Array, { profile, wordApi: sets, clock: globalClock() }),
    );
    const restore = double.install();
    const container = document.createElement("div");
    document.body.appendChild(container);
    const reactRoot = createRoot(container);
    const host = new WordHost({ Word: double.Word, Office: double.Office } as never);
    reactRoot.render(
      React.createElement(FluentProvider, { theme: webLightTheme }, React.createElement(App, { host })),
    );

    /** The badges the engine implies for the document as it is now. */
    const expected = async (): Promise<Map<string, string>> => {
      const report = await finish(double.toDocx().then((b) => engine.checkDocx(b)));
      const template = templateById(report.template);
      if (!template) throw new Error(`no template ${report.template}`);
      const t = catalogueFor(template.language).status;
      return new Map(
        buildOutline(template, report).map((e) => [
          e.key,
          !e.used
            ? t.unused
            : e.status === "tom"
              ? e.fields.some((f) => f.required)
                ? t.tom
                : t.optional
              : t[e.status],
        ]),
      );
    };
    const fresh = catalogueFor("sv").status.fresh;
    const agrees = (want: Map<string, string>): boolean => {
      const have = paneStatuses();
      if (have.size !== want.size) return false;
      for (const [k, v] of want) {
        const shown = have.get(k);
        if (shown !== v && shown !== fresh) return false;
      }
      return true;
    };
    /** Ticks until `ok()` or `cap` ms; returns the ms it took (cap when never). */
    const until = async (ok: () => boolean, cap: number): Promise<number> => {
      let waited = 0;
      await flush();
      while (!ok() && waited < cap) {
        await tick(CHECK_MS);
        await flush();
        waited += CHECK_MS;
      }
      return ok() ? waited : cap;
    };

    // 1. Open: the outline shows every block.
    const blockKeys = () =>
      [...paneStatuses().keys()].filter((k) => k.startsWith("utvecklingsomrade#")).length;
    await until(() => blockKeys() === blocks && !document.querySelector(".fui-Spinner"), 120000);
    await tick(2000);
    double.resetCosts();
    debug("pane open", blockKeys(), clock.now);

    // The three fields: typable controls (not date, list, check box) showing their placeholder.
    const paragraphs = double.paragraphTexts();
    const typable = (id: number) => {
      const xml = double.contentControlElement(id)?.toString() ?? "";
      const pr = xml.slice(0, xml.indexOf("</w:sdtPr>"));
      return (
        !/<w:date|<w:dropDownList|<w:comboBox|w14:checkbox|<w:text\/>/.test(pr) &&
        pr.includes("showingPlcHdr")
      );
    };
    const order: { index: number; id: number }[] = [];
    double.paragraphs().forEach((p, index) => {
      for (let n = p.parentNode; n; n = n.parentNode) {
        if ((n as { localName?: string }).localName === "sdt") {
          const id = double.contentControlId(n as never);
          if (typable(id) && !order.some((o) => o.id === id)) order.push({ index, id });
          break;
        }
      }
    });
    // Each utvecklingsområde starts with its "Välj utvecklingsområde:" line.
    const headings = paragraphs.flatMap((t, i) => (t.startsWith("Välj utvecklingsområde:") ? [i] : []));
    const firstAfter = (i: number) => order.find((o) => o.index > i)?.id;
    const fields = [
      order[0]?.id,
      firstAfter(headings[0] ?? 0),
      firstAfter(headings[headings.length - 1] ?? 0),
    ];
    if (fields.some((f) => f === undefined) || new Set(fields).size !== 3)
      throw new Error(`typing-minute: three fields not found (${fields.join(", ")})`);

    const settles: number[] = [];
    let textOoxml = 0;
    let burst = 0;
    let typed = 0;
    let before = await expected();
    for (const id of fields as number[]) {
      double.user.moveTo({ contentControl: id });
      await tick(1000);
      for (let b = 0; b < 3; b++) {
        const count = BURSTS[burst++];
        const start = double.costs.getOoxml;
        let wrongAfterFirst = false;
        for (let k = 0; k < count; k++) {
          double.user.type(TEXT[typed++ % TEXT.length]);
          if (k === 0 && b === 0 && process.env.TYPING_DEBUG) {
            await flush();
            wrongAfterFirst = !agrees(await expected());
          }
          if (k < count - 1) await tick(KEYSTROKE_MS);
        }
        if (b === 0) debug(`field ${id}: pane wrong right after the first keystroke: ${wrongAfterFirst}`);
        const want = await expected();
        const waited = await until(() => agrees(want), WAIT_CAP_MS);
        if (waited < PAUSE_MS) await tick(PAUSE_MS - waited);
        const changed = [...want].some(([k, v]) => before.get(k) !== v) || want.size !== before.size;
        if (changed) settles.push(waited);
        before = want;
        textOoxml += double.costs.getOoxml - start;
      }
    }
    const phase = (name: string) => {
      const c = double.costs;
      debug(
        `${name}: trips=${c.roundTrips} getOoxml=${c.getOoxml} kib ooxml=${Math.round(c.kib.ooxml)} text=${Math.round(c.kib.text)} other=${Math.round(c.kib.other)}`,
      );
    };
    phase("after typing");
    // 3. Enter twice.
    double.user.pressEnter();
    await tick(KEYSTROKE_MS);
    double.user.pressEnter();
    await tick(PAUSE_MS);
    phase("after Enter");
    // 4. Add a block with the pane's button.
    const button = Array.from(document.querySelectorAll<HTMLButtonElement>("button")).find(
      (b) => b.textContent === "Lägg till utvecklingsområde",
    );
    if (!button) throw new Error("typing-minute: no add button");
    button.click();
    await until(() => blockKeys() === blocks + 1 && !document.querySelector(".fui-Spinner"), 60000);
    await tick(PAUSE_MS);

    phase("after add");
    const costs = double.costs;
    reactRoot.unmount();
    container.remove();
    restore();
    await tick(2000);
    return {
      profile,
      sets,
      blocks,
      trips: costs.roundTrips,
      getOoxml: costs.getOoxml,
      textGetOoxml: textOoxml,
      kib: costs.kib.ooxml + costs.kib.text + costs.kib.other,
      wordMs: costs.wordMs,
      settleMs: median(settles),
    };
  }

  const only = process.env.TYPING_ONLY; // e.g. "web:1.6:60", for a quick look
  for (const blocks of BLOCKS) {
    for (const profile of PROFILES) {
      for (const sets of SETS) {
        if (only && only !== `${profile}:${sets}:${blocks}`) continue;
        console.log(formatLine(label, await run(profile, sets, blocks)));
      }
    }
  }
  clock.uninstall();
}

if (require.main === module) {
  main()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    });
}
