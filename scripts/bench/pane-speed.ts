/**
 * The pane's own speed (`npm run bench`): the built harness (dist-harness/, the pane over the
 * Word API double) in headless Chromium with the CPU slowed down 4× (CDP
 * Emulation.setCPUThrottlingRate, a school laptop), for a 3- and a 60-block plan:
 *
 * - load → outline: from navigation start to the outline showing every utvecklingsområde;
 * - of which the pane: from the double being ready (the harness marks it; in Word this part is
 *   Word's) to the outline;
 * - click → outline: from a click on "Lägg till utvecklingsområde" to the outline showing one more.
 *
 * Times are taken in the page (performance.now(), a MutationObserver), medians of several fresh
 * page loads. Needs Debian's chromium (CHROMIUM_PATH overrides /usr/bin/chromium).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type Browser } from "playwright-core";
import { CHROMIUM, launchChromium } from "../chromium";
import { HARNESS_DIR, startHarnessServer } from "../harness-server";

const THROTTLE = 4;

/**
 * Runs in the page before its scripts: records when the outline shows `window.__want` instances.
 * A string, not a function: tsx would wrap a function's inner helpers in its own naming calls.
 */
const OBSERVE_OUTLINE = `
  window.__want = Number(new URLSearchParams(location.hash.slice(1)).get("want") || "0");
  window.__outlineAt = null;
  new MutationObserver(function () {
    if (window.__outlineAt !== null || window.__want <= 0) return;
    var n = document.querySelectorAll('[data-testid="pane"] nav [data-key^="utvecklingsomrade#"]').length;
    if (n >= window.__want) window.__outlineAt = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Run {
  load: number;
  pane: number;
  add: number;
}

async function once(browser: Browser, url: string, blocks: number): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    await page.addInitScript(OBSERVE_OUTLINE);
    page.setDefaultTimeout(120000);
    await page.goto(`${url}#want=${blocks}`);
    await page.waitForFunction(
      () => (window as unknown as { __outlineAt: number | null }).__outlineAt !== null,
    );
    const { load, pane } = await page.evaluate(() => {
      const at = (window as unknown as { __outlineAt: number }).__outlineAt;
      const ready = performance.getEntriesByName("planstod:double-ready")[0]?.startTime ?? 0;
      return { load: at, pane: at - ready };
    });
    // The click is made in the page, so that no round trip of the driver is counted.
    await page.evaluate((n) => {
      const w = window as unknown as { __want: number; __outlineAt: number | null; __clickAt: number };
      const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="pane"] button')].find(
        (b) => b.textContent === "Lägg till utvecklingsområde",
      );
      if (!button) throw new Error("no add button");
      w.__want = n + 1;
      w.__outlineAt = null;
      w.__clickAt = performance.now();
      button.click();
    }, blocks);
    await page.waitForFunction(
      () => (window as unknown as { __outlineAt: number | null }).__outlineAt !== null,
    );
    const add = await page.evaluate(() => {
      const w = window as unknown as { __outlineAt: number; __clickAt: number };
      return w.__outlineAt - w.__clickAt;
    });
    return { load, pane, add };
  } finally {
    await page.close();
  }
}

/** Pane timings as table rows; `plans` maps block counts to .docx bytes. */
export async function paneSpeedBench(plans: Map<number, Uint8Array>, runs: number): Promise<string[][]> {
  if (!existsSync(CHROMIUM)) return [[`pane speed: skipped (no Chromium at ${CHROMIUM})`]];
  if (!existsSync(path.join(HARNESS_DIR, "index.html")))
    return [["pane speed: skipped (dist-harness/ not built: npm run build:harness)"]];
  const dir = mkdtempSync(path.join(tmpdir(), "planstod-pane-"));
  const browser = await launchChromium();
  const rows: string[][] = [
    [
      `pane in Chromium, CPU ${THROTTLE}× slower (median of ${runs})`,
      "load → outline",
      "of which the pane",
      "click add → outline",
    ],
  ];
  try {
    for (const [n, bytes] of plans) {
      const file = path.join(dir, `plan-${n}.docx`);
      writeFileSync(file, bytes);
      const server = await startHarnessServer(file);
      try {
        await once(browser, server.url, n); // warm-up: the browser's caches, the server
        const results: Run[] = [];
        for (let i = 0; i < runs; i++) results.push(await once(browser, server.url, n));
        const ms = (k: keyof Run) => `${median(results.map((r) => r[k])).toFixed(0)} ms`;
        rows.push([`${n} blocks`, ms("load"), ms("pane"), ms("add")]);
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
