/**
 * End to end: the built task pane in headless Chromium, in the harness (dist-harness/, built by
 * `npm test`'s pretest) against the Word API double over a real fixture. Open, see the outline,
 * click a section and go to a field, move the cursor, add an utvecklingsområde and see the outline
 * grow, remove it again; then review: step with "Nästa" through every item (missing fields and warnings), type
 * and see the statuses follow, put the review into comments, again, and remove them while a
 * person's comment stays. Screenshots of the pane (320 px wide, as Word's task pane) go to
 * test-results/.
 *
 * Needs Debian's chromium (.ci/run installs it); CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "../../scripts/chromium";
import { HARNESS_DIR, startHarnessServer, type HarnessServer } from "../../scripts/harness-server";
import { VARIANTS, fixturePath } from "../../scripts/fixtures/variants";
import { RESULTS } from "../support/paths";

let browser: Browser;
let server: HarnessServer;
let page: Page;

beforeAll(async () => {
  if (!existsSync(path.join(HARNESS_DIR, "index.html")))
    throw new Error("dist-harness/ is not built: npm run build:harness");
  mkdirSync(RESULTS, { recursive: true });
  server = await startHarnessServer(fixturePath(VARIANTS.find((v) => v.name === "sv-partial")!));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(20000);
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The pane as the user sees it: its column is 320 px wide. */
const shot = (name: string) => pane().screenshot({ path: path.join(RESULTS, `${name}.png`) });

/** Polls until `read` gives `want` (the page updates after the host's round trips). */
async function eventually<T>(read: () => Promise<T>, want: T, timeout = 15000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T = await read();
  while (last !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toBe(want);
}
const pane = () => page.getByTestId("pane");
const instances = () => pane().getByRole("button", { name: /^Utvecklingsområde \d+/ });

test("open, outline, go to a field, follow the cursor, add and remove, review, type, comments", async () => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await walkThrough();
  } catch (error) {
    // Keep what the page showed, and say what the pane reported, when a step fails.
    await shot("failure");
    await page.screenshot({ path: path.join(RESULTS, "failure-page.png") });
    const bars = await pane().locator("[data-intent]").allTextContents();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nmessage bars: ${JSON.stringify(bars)}`,
    );
  }
  expect(errors).toEqual([]);
}, 240000);

async function walkThrough(): Promise<void> {
  await page.goto(server.url);

  // The template is recognised and the outline shows every section with its status.
  await pane().getByRole("heading", { name: "Skolverkets åtgärdsplan" }).waitFor();
  await expect(pane().getByTestId("summary").textContent()).resolves.toContain(
    "8 av 22 obligatoriska fält ifyllda",
  );
  await eventually(() => instances().count(), 3);
  await shot("01-outline");

  // A click on a section opens it with the template's guidance; a click on its field selects it in Word.
  await pane()
    .getByRole("button", { name: /^Deltagare i insatsen/ })
    .click();
  await pane().getByText("Ange målgrupp, funktion och antal.").waitFor();
  await pane()
    .getByRole("button", { name: /^Gå till fältet ”Deltagare i insatsen/ })
    .click();
  const selected = page.locator("[data-selected]", { hasText: "Klicka eller tryck här för att ange text." });
  await selected.waitFor();
  const selectedIndex = Number(await selected.getAttribute("data-paragraph"));
  const before = await page.locator(`[data-paragraph="${selectedIndex - 1}"]`).textContent();
  expect(before).toContain("Ange målgrupp, funktion och antal.");
  await shot("02-go-to-field");

  // Accessibility in a real browser (colours and layout computed): axe on the pane, one section open.
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    type Axe = {
      run(
        el: Element,
      ): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const root = document.querySelector('[data-testid="pane"]');
    if (!root) return [{ id: "no-pane", impact: "critical", nodes: [] }];
    const result = await axe.run(root);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.html.slice(0, 160)),
    }));
  });
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  // Moving the cursor into the first utvecklingsområde table highlights and opens that section.
  await page.locator("[data-paragraph]", { hasText: "Andelen elever i årskurs 9" }).click();
  await pane().locator('[data-key="utvecklingsomrade#1"][data-current="true"]').waitFor();
  await expect(pane().locator('[data-key][data-current="true"]').count()).resolves.toBe(1);
  await pane()
    .getByRole("button", { name: /^Gå till fältet ”Orsaker till identifierade problem/ })
    .waitFor();
  await shot("03-cursor");

  // Adding an utvecklingsområde grows the outline; the new one is empty and unused.
  await pane().getByRole("button", { name: "Lägg till utvecklingsområde" }).click();
  await pane().getByText("Utvecklingsområde 4 har lagts till.").waitFor();
  await eventually(() => instances().count(), 4);
  // It is new (not "unused"), open, and its message stands right by it with a way to its first field.
  await expect(
    pane()
      .getByRole("button", { name: /^Utvecklingsområde 4/ })
      .textContent(),
  ).resolves.toContain("Nytt");
  await pane().getByRole("button", { name: "Gå till första fältet" }).waitFor();
  await expect(
    page.locator("[data-paragraph]", { hasText: "Välj utvecklingsområde: Välj utvecklingsområde" }).count(),
  ).resolves.toBe(3);
  await shot("04-added");

  // Removing it asks first, then the outline shrinks back.
  await pane().getByRole("button", { name: "Ta bort utvecklingsområde 4" }).click();
  const confirm = page.getByRole("dialog");
  await confirm.getByText("Du kan ångra borttagningen i Word med Ctrl+Z.").waitFor();
  await eventually(() => page.evaluate(() => document.activeElement?.textContent ?? ""), "Avbryt");
  // Word's pane is its own window, so a dialog opens inside its 320 px: show it so.
  await page.setViewportSize({ width: 320, height: 900 });
  await page.screenshot({ path: path.join(RESULTS, "05-remove-dialog.png") });
  await page.setViewportSize({ width: 1280, height: 900 });
  await confirm.getByRole("button", { name: "Ta bort" }).click();
  await pane().getByText("Utvecklingsområde 4 har tagits bort.").waitFor();
  await eventually(() => instances().count(), 3);
  await shot("06-removed");

  await review();
}

/** The paragraph index the harness shows selected. */
const selectedParagraph = async (): Promise<number> =>
  Number(await page.locator("[data-selected]").first().getAttribute("data-paragraph"));

interface HarnessComment {
  id: string;
  text: string;
  replies: { text: string }[];
}
interface HarnessDouble {
  comments?: () => HarnessComment[];
  addPersonComment?: (paragraph: number, text: string) => string;
  addPersonReply?: (commentId: string, text: string) => string;
}
/** The document's comments as the Word double holds them (null when this double has none). */
const comments = () =>
  page.evaluate(() => {
    const h = (window as unknown as { planstodHarness?: { double: HarnessDouble } }).planstodHarness;
    return (
      h?.double
        .comments?.()
        .map((c) => ({ id: c.id, text: c.text, replies: c.replies.map((r) => r.text) })) ?? null
    );
  });
const ours = <T extends { text: string }>(list: T[] | null): T[] =>
  (list ?? []).filter((c) => c.text.startsWith("[Planstöd]"));

async function review(): Promise<void> {
  // The Granska tab: every missing field and warning, grouped, with counts.
  await pane()
    .getByRole("button", { name: /^Granska/ })
    .click();
  const status = pane().getByTestId("review-status");
  await expect(status.textContent()).resolves.toContain(
    "Inte klar att skicka: 14 obligatoriska fält saknas.",
  );
  await shot("07-review");

  // Nästa walks every item (14 missing fields and 4 warnings) once, in document order, with its
  // position, then starts over and says so.
  const next = pane().getByRole("button", { name: "Nästa", exact: true });
  const position = pane().getByTestId("review-position");
  const keys: string[] = [];
  const fields: number[] = [];
  for (let i = 1; i <= 18; i++) {
    await next.click();
    await eventually(() => position.textContent(), `${i} av 18`);
    const key = (await pane().locator('[aria-current="true"]').getAttribute("data-item")) ?? "";
    keys.push(key);
    // A missing field is selected in the document, one after the other in document order.
    if (key.startsWith("missing:")) {
      const last = fields.at(-1) ?? -1;
      await eventually(async () => ((await selectedParagraph()) > last ? "moved" : "same"), "moved");
      fields.push(await selectedParagraph());
    }
    if (i === 4) await shot("08-next");
    if (i === 12) await shot("08b-next-further");
  }
  expect(new Set(keys).size).toBe(18);
  expect(keys.filter((k) => k.startsWith("missing:"))).toHaveLength(14);
  expect(new Set(fields).size).toBe(14);
  await next.click();
  await eventually(() => position.textContent(), "1 av 18");
  await pane().getByText("Började om från början.").waitFor();
  expect(await pane().locator('[aria-current="true"]').getAttribute("data-item")).toBe(keys[0]);

  // axe on the review view.
  const violations = await page.evaluate(async () => {
    type Axe = {
      run(
        el: Element,
      ): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }>;
    };
    const root = document.querySelector('[data-testid="pane"]');
    if (!root) return [{ id: "no-pane", impact: "critical", nodes: [] }];
    const result = await (window as unknown as { axe: Axe }).axe.run(root);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.html.slice(0, 160)),
    }));
  });
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  // Typing in the document: the pane notices by itself, with no click on Uppdatera — by Word's
  // paragraph events (the harness's Word has WordApi 1.7), not by a poll.
  const harnessEvents = () =>
    page.evaluate(() => {
      const h = (
        window as unknown as {
          planstodHarness: { double: { eventHandlerCount: number; events: { type?: string }[] } };
        }
      ).planstodHarness;
      return {
        handlers: h.double.eventHandlerCount,
        paragraphEvents: h.double.events.filter((e) => e.type?.startsWith("Paragraph")).length,
      };
    });
  expect((await harnessEvents()).handlers).toBeGreaterThanOrEqual(3);
  const eventsBefore = (await harnessEvents()).paragraphEvents;
  await next.click(); // the second missing field: Mål med insatsen
  await page.getByTestId("type-text").fill("Fler elever ska nå målen i matematik.");
  await page.getByTestId("type-button").click();
  await eventually(
    () => status.textContent().then((t) => t?.includes("13 obligatoriska fält saknas") ?? false),
    true,
  );
  await expect(pane().getByTestId("summary").textContent()).resolves.toContain(
    "9 av 22 obligatoriska fält ifyllda",
  );
  expect((await harnessEvents()).paragraphEvents).toBeGreaterThan(eventsBefore);
  await shot("09-refreshed-after-typing");

  // Comments, when this Word (double and adapter) can make them.
  const insert = pane().getByRole("button", { name: "Lägg granskningen som kommentarer" });
  if ((await insert.count()) === 0) {
    await pane().getByTestId("comments-unavailable").waitFor();
    await pane().getByText("planstod check FIL.docx --comments -o UT.docx").scrollIntoViewIfNeeded();
    await shot("10-comments-unavailable");
    return;
  }
  // A person has commented before the review.
  await page.evaluate(() => {
    const h = (window as unknown as { planstodHarness?: { double: HarnessDouble } }).planstodHarness;
    h?.double.addPersonComment?.(0, "Bra början! /Anna");
  });
  await insert.click();
  await pane()
    .getByText(/kommentarer har lagts in i dokumentet/)
    .waitFor();
  // One comment per missing field (13 now) and per warning (4), each naming its field.
  const first = await comments();
  expect(ours(first)).toHaveLength(13 + 4);
  expect(ours(first).some((c) => c.text.includes("”Deltagare i insatsen”"))).toBe(true);
  await pane().locator('[data-feedback="comments"]').scrollIntoViewIfNeeded();
  await shot("10-comments-inserted");

  // A person replies under one of Planstöd's comments.
  const deltagare = ours(first).find((c) => c.text.includes("”Deltagare i insatsen”"));
  await page.evaluate((id) => {
    const h = (window as unknown as { planstodHarness?: { double: HarnessDouble } }).planstodHarness;
    h?.double.addPersonReply?.(id, "Vi fyller i det på fredag. /Anna");
  }, deltagare?.id ?? "");

  // Again: Planstöd's earlier comments are replaced, not doubled; the replied thread is kept as it is.
  await insert.click();
  await pane()
    .getByText(/tidigare kommentar(er)? från Planstöd har ersatts/)
    .waitFor();
  const second = await comments();
  expect(ours(second)).toHaveLength(ours(first).length);
  expect(second?.filter((c) => c.text === "Bra början! /Anna")).toHaveLength(1);
  expect(second?.find((c) => c.id === deltagare?.id)?.replies).toEqual(["Vi fyller i det på fredag. /Anna"]);

  // Removing takes only Planstöd's: the person's comment stays, and so does the thread with a reply.
  await pane().getByRole("button", { name: "Ta bort Planstöds kommentarer" }).click();
  await pane()
    .getByText(/från Planstöd har tagits bort|inga kommentarer från Planstöd/)
    .waitFor();
  const left = (await comments()) ?? [];
  expect(left.map((c) => c.text)).toContain("Bra början! /Anna");
  expect(left.filter((c) => c.replies.length === 0 && c.text.startsWith("[Planstöd]"))).toEqual([]);
  expect(left.find((c) => c.id === deltagare?.id)?.replies).toEqual(["Vi fyller i det på fredag. /Anna"]);
  await shot("11-comments-removed");
}

describe("taskpane.html's guard in a real browser", () => {
  const guard = () => new URL("/taskpane-guard.html", server.url).toString();

  test("a page simulating IE11 shows which Word is needed", async () => {
    const ie = await browser.newPage();
    try {
      // IE11's own markers: document.documentMode and its user agent.
      await ie.addInitScript(() => Object.defineProperty(document, "documentMode", { value: 11 }));
      await ie.goto(guard());
      const alert = ie.getByRole("alert");
      await expect(alert.textContent()).resolves.toContain(
        "Internet Explorer 11, som inte kan köra Planstöd",
      );
      await expect(alert.textContent()).resolves.toContain("Word för Microsoft 365 på Windows eller Mac");
      await ie.screenshot({ path: path.join(RESULTS, "06-ie11-guard.png") });
    } finally {
      await ie.close();
    }
  }, 60000);

  test("a current browser gets no message (the bundle takes the container)", async () => {
    const modern = await browser.newPage();
    try {
      await modern.goto(guard());
      await expect(modern.getByRole("alert").count()).resolves.toBe(0);
      await expect(modern.locator("html").getAttribute("data-planstod-unsupported")).resolves.toBeNull();
    } finally {
      await modern.close();
    }
  }, 60000);
});
