/**
 * End to end: the built task pane in headless Chromium, in the harness (dist-harness/, built by
 * `npm test`'s pretest) against the Word API double over a real fixture. Open, see the outline,
 * click a section and go to a field, move the cursor, add an utvecklingsområde and see the outline
 * grow, remove it again. Screenshots go to test-results/.
 *
 * Needs Debian's chromium (.ci/run installs it); CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { HARNESS_DIR, startHarnessServer, type HarnessServer } from "../scripts/harness-server";
import { VARIANTS, fixturePath } from "../scripts/fixtures/variants";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const RESULTS = path.resolve(__dirname, "../test-results");

let browser: Browser;
let server: HarnessServer;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  if (!existsSync(path.join(HARNESS_DIR, "index.html")))
    throw new Error("dist-harness/ is not built: npm run build:harness");
  mkdirSync(RESULTS, { recursive: true });
  server = await startHarnessServer(fixturePath(VARIANTS.find((v) => v.name === "sv-partial")!));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(20000);
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(RESULTS, `${name}.png`) });

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

test("open, outline, go to a field, follow the cursor, add and remove an utvecklingsområde", async () => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await walkThrough();
  } catch (error) {
    // Keep what the page showed, and say what the pane reported, when a step fails.
    await shot("failure");
    const bars = await pane().locator("[data-intent]").allTextContents();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nmessage bars: ${JSON.stringify(bars)}`,
    );
  }
  expect(errors).toEqual([]);
}, 120000);

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
    .getByRole("button", { name: /^Gå till fältet Deltagare i insatsen/ })
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
      run(el: Element): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const root = document.querySelector('[data-testid="pane"]');
    if (!root) return [{ id: "no-pane", impact: "critical", nodes: 0 }];
    const result = await axe.run(root);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  // Moving the cursor into the first utvecklingsområde table highlights and opens that section.
  await page.locator("[data-paragraph]", { hasText: "Andelen elever i årskurs 9" }).click();
  await pane().locator('[data-key="utvecklingsomrade#1"][data-current="true"]').waitFor();
  await expect(pane().locator('[data-key][data-current="true"]').count()).resolves.toBe(1);
  await pane()
    .getByRole("button", { name: /^Gå till fältet Orsaker till identifierade problem/ })
    .waitFor();
  await shot("03-cursor");

  // Adding an utvecklingsområde grows the outline; the new one is empty and unused.
  await pane().getByRole("button", { name: "Lägg till utvecklingsområde" }).click();
  await pane().getByText("Utvecklingsområde 4 har lagts till.").waitFor();
  await eventually(() => instances().count(), 4);
  await expect(
    pane()
      .getByRole("button", { name: /^Utvecklingsområde 4/ })
      .textContent(),
  ).resolves.toContain("Används inte");
  await expect(
    page.locator("[data-paragraph]", { hasText: "Välj utvecklingsområde: Välj utvecklingsområde" }).count(),
  ).resolves.toBe(3);
  await shot("04-added");

  // Removing it asks first, then the outline shrinks back.
  await pane()
    .getByRole("button", { name: /^Utvecklingsområde 4/ })
    .click();
  await pane().getByRole("button", { name: "Ta bort Utvecklingsområde 4" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ta bort" }).click();
  await pane().getByText("Utvecklingsområde 4 har tagits bort.").waitFor();
  await eventually(() => instances().count(), 3);
  await shot("05-removed");
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
