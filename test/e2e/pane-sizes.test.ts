/**
 * End to end: Granska at any pane size, in headless Chromium over the harness (dist-harness/, built
 * by `npm run build:harness`), on sv-partial, sv-blank and the Danish dk-partial (in a Danish
 * Word), with the pane column at 160 × 800 (Word at 200 % zoom), 320 × 480 and 320 × 900:
 *
 * - #pane never scrolls sideways, in the outline, the review, the Om Planstöd menu and a dialog;
 * - the sticky stepper takes at most a quarter of the pane's height;
 * - stepping with Nästa through every item and back with Föregående, the aria-current item is
 *   wholly inside the visible part of #pane below the stepper, and is what the browser finds at
 *   its centre; the position ("3 av 18") shows, and the wrap note when the walk starts over;
 * - axe finds no serious or critical violation in any state at any size.
 *
 * Screenshots of every state at every size go to test-results/pane-sizes/. One browser and one
 * page for everything (CI has 2 cores).
 */
import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "../../scripts/chromium";
import { HARNESS_DIR, startHarnessServer, type HarnessServer } from "../../scripts/harness-server";
import { VARIANTS, fixturePath } from "../../scripts/fixtures/variants";
import { RESULTS } from "../support/paths";

const SHOTS = path.join(RESULTS, "pane-sizes");

interface Doc {
  fixture: string;
  lang: string;
  heading: string;
  words: { review: RegExp; next: string; previous: string; of: string; wrapped: [string, string] };
}

const SV = {
  review: /^Granska/,
  next: "Nästa",
  previous: "Föregående",
  of: "av",
  wrapped: ["Började om från början.", "Började om från slutet."] as [string, string],
};
const DOCS: Doc[] = [
  { fixture: "sv-partial", lang: "sv-SE", heading: "Skolverkets åtgärdsplan", words: SV },
  { fixture: "sv-blank", lang: "sv-SE", heading: "Skolverkets åtgärdsplan", words: SV },
  {
    fixture: "dk-partial",
    lang: "da-DK",
    heading: "Implementeringsplan",
    words: {
      review: /^Gennemgå/,
      next: "Næste",
      previous: "Forrige",
      of: "af",
      wrapped: ["Startede forfra fra begyndelsen.", "Startede forfra fra slutningen."],
    },
  },
];
const SIZES = [
  { width: 160, height: 800 },
  { width: 320, height: 480 },
  { width: 320, height: 900 },
];

let browser: Browser;
let page: Page;
const servers = new Map<string, HarnessServer>();

beforeAll(async () => {
  if (!existsSync(path.join(HARNESS_DIR, "index.html")))
    throw new Error("dist-harness/ is not built: npm run build:harness");
  mkdirSync(SHOTS, { recursive: true });
  for (const doc of DOCS) {
    const variant = VARIANTS.find((v) => v.name === doc.fixture);
    if (!variant) throw new Error(`no fixture ${doc.fixture}`);
    servers.set(doc.fixture, await startHarnessServer(fixturePath(variant)));
  }
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(20000);
}, 60000);

afterAll(async () => {
  await browser?.close();
  for (const s of servers.values()) await s.close();
});

const pane = () => page.locator("#pane");

/** Polls until `read` gives something `ok` accepts. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const end = Date.now() + 15000;
  let last = await read();
  while (!ok(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  if (!ok(last)) throw new Error(`${what}: still ${JSON.stringify(last)}`);
  return last;
}

/** #pane's overflow to the side (0 when nothing scrolls sideways). */
const sideways = () =>
  page.evaluate(() => {
    const el = document.getElementById("pane");
    return el ? el.scrollWidth - el.clientWidth : -1;
  });

async function axe(state: string): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    type Axe = {
      run(
        el: Element,
      ): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }>;
    };
    const root = document.getElementById("pane");
    if (!root) return [{ id: "no-pane", impact: "critical", nodes: [] as string[] }];
    const result = await (window as unknown as { axe: Axe }).axe.run(root);
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.html.slice(0, 160)) }));
  });
  expect({ state, violations }).toEqual({ state, violations: [] });
}

/** The elements sticking out of #pane on the right (to say what scrolls sideways). */
const overflowing = () =>
  page.evaluate(() => {
    const root = document.getElementById("pane");
    if (!root) return [];
    const right = root.getBoundingClientRect().left + root.clientLeft + root.clientWidth;
    return Array.from(root.querySelectorAll<HTMLElement>("*"))
      .filter((el) => el.getBoundingClientRect().right > right + 0.5)
      .slice(0, 6)
      .map(
        (el) =>
          `${el.tagName} ${el.className.toString().slice(0, 40)} ${(el.textContent ?? "").slice(0, 40)}`,
      );
  });

async function state(name: string): Promise<void> {
  const over = await sideways();
  expect({ state: name, sideways: over, overflowing: over > 0 ? await overflowing() : [] }).toEqual({
    state: name,
    sideways: 0,
    overflowing: [],
  });
  await pane().screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await axe(name);
}

/** Where the current item is, against the visible part of #pane below the sticky stepper. */
const geometry = () =>
  page.evaluate(() => {
    const root = document.getElementById("pane");
    const item = root?.querySelector<HTMLElement>('[aria-current="true"]');
    const sticky = root?.querySelector<HTMLElement>('[data-testid="review-stepper"]');
    if (!root || !item || !sticky) return null;
    const box = root.getBoundingClientRect();
    const top = Math.max(box.top, sticky.getBoundingClientRect().bottom);
    const bottom = box.top + root.clientHeight;
    const r = item.getBoundingClientRect();
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    return {
      key: item.dataset.item ?? "",
      inside:
        r.top >= top - 0.5 &&
        r.bottom <= bottom + 0.5 &&
        r.left >= box.left &&
        r.right <= box.left + root.clientLeft + root.clientWidth + 0.5,
      hit: hit !== null && item.contains(hit),
      stickyShare: sticky.getBoundingClientRect().height / root.clientHeight,
      detail: { top, bottom, item: [r.top, r.bottom] },
    };
  });

const position = () =>
  page
    .getByTestId("review-position")
    .textContent()
    .then((t) => t ?? "");

async function walk(doc: Doc, size: string): Promise<void> {
  const { words } = doc;
  const total = Number(/^(\d+)/.exec(await position())?.[1]);
  expect(total).toBeGreaterThan(0);
  const next = pane().getByRole("button", { name: words.next, exact: true });
  const previous = pane().getByRole("button", { name: words.previous, exact: true });
  const wrapNote = pane().getByTestId("review-wrapped");

  const check = async (at: number, dir: 1 | -1, wrapped: boolean) => {
    await until(position, (p) => p === `${at} ${words.of} ${total}`, `position after a step to ${at}`);
    // A frame for the scroll that follows the step.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const g = await geometry();
    expect({ at, dir, inside: g?.inside, hit: g?.hit, detail: g?.detail }).toEqual({
      at,
      dir,
      inside: true,
      hit: true,
      detail: g?.detail,
    });
    expect(g?.stickyShare).toBeLessThanOrEqual(0.25);
    if (wrapped) await expect(wrapNote.textContent()).resolves.toContain(words.wrapped[dir === 1 ? 0 : 1]);
    else await expect(wrapNote.count()).resolves.toBe(0);
  };

  for (let i = 1; i <= total; i++) {
    await next.click();
    await check(i, 1, false);
    if (i === Math.min(3, total)) await state(`${doc.fixture}-${size}-3-stepped`);
  }
  await next.click();
  await check(1, 1, true);
  await state(`${doc.fixture}-${size}-4-wrapped`);
  await previous.click();
  await check(total, -1, true);
  await state(`${doc.fixture}-${size}-5-wrapped-back`);
  for (let i = total - 1; i >= 1; i--) {
    await previous.click();
    await check(i, -1, false);
  }
}

describe.each(DOCS)("$fixture", (doc) => {
  test.each(SIZES)(
    "at $width × $height",
    async ({ width, height }) => {
      const size = `${width}x${height}`;
      const server = servers.get(doc.fixture)!;
      const errors: string[] = [];
      const onError = (e: Error) => errors.push(e.message);
      page.on("pageerror", onError);
      await page.setViewportSize({ width: 1280, height: Math.max(900, height) });
      await page.goto(`${server.url}?pane=${size}&lang=${doc.lang}&sets=WordApi:1.7,DocumentEvents:1.1`);
      await pane().getByRole("heading", { name: doc.heading }).waitFor();
      const box = await pane().boundingBox();
      expect([Math.round(box?.width ?? 0), Math.round(box?.height ?? 0)]).toEqual([width, height]);
      await state(`${doc.fixture}-${size}-1-outline`);

      await pane().getByRole("button", { name: "Om Planstöd" }).click();
      await pane().getByTestId("about").waitFor();
      await state(`${doc.fixture}-${size}-1b-about`);
      await pane().getByRole("button", { name: "Om Planstöd" }).click();

      // The Danish phases' activities: a checklist with its count, ticked in Word (WordApi 1.7).
      if (doc.fixture === "dk-partial") {
        await pane()
          .getByRole("button", { name: /^Iscenesættelse/ })
          .click();
        const list = pane().getByRole("group", { name: /^Tjekliste: / });
        const count = list.getByTestId("checklist-count");
        const before = Number(/^(\d+)/.exec((await count.textContent()) ?? "")?.[1]);
        await state(`${doc.fixture}-${size}-1c-checklist`);
        const unticked = list.getByRole("checkbox", { checked: false }).first();
        await unticked.check();
        await until(
          () => count.textContent(),
          (t) => (t ?? "").startsWith(`${before + 1} af`),
          "the count after a tick",
        );
        await state(`${doc.fixture}-${size}-1d-ticked`);
      }

      await pane().getByRole("button", { name: doc.words.review }).click();
      await pane().getByTestId("review-stepper").waitFor();
      await state(`${doc.fixture}-${size}-2-review`);
      await walk(doc, size);

      // A dialog in a pane this size: Word's pane is its own window, so the page is the pane.
      const remove = pane().getByRole("button", { name: /^Ta bort utvecklingsområde \d/ });
      if ((await remove.count()) > 0) {
        await page.setViewportSize({ width, height });
        await remove.first().click();
        const dialog = page.getByRole("dialog");
        await dialog.waitFor();
        for (const name of ["Avbryt", "Ta bort"]) {
          const b = await dialog.getByRole("button", { name, exact: true }).boundingBox();
          expect({
            name,
            inView: !!b && b.y >= 0 && b.y + b.height <= height && b.x + b.width <= width,
          }).toEqual({ name, inView: true });
        }
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(wide).toBeLessThanOrEqual(width);
        await page.screenshot({ path: path.join(SHOTS, `${doc.fixture}-${size}-6-dialog.png`) });
        await axe(`${doc.fixture}-${size}-6-dialog`);
        await dialog.getByRole("button", { name: "Avbryt", exact: true }).click();
        await dialog.waitFor({ state: "detached" });
      }
      page.off("pageerror", onError);
      expect(errors).toEqual([]);
    },
    240000,
  );
});
