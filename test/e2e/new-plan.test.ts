/**
 * End to end, "Skapa en ny plan": the built pane in headless Chromium, in the harness over an empty
 * document (the Word API double). For each of Planstöd's own templates: the chooser, the plan
 * inserted into the document, the pane guiding it (the Danish plan in Danish). The pane column
 * is 320 px wide, as Word's task pane; screenshots go to test-results/new-plan-*.png.
 */
import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "../../scripts/chromium";
import { GENERATED_TEMPLATES } from "../../src/core/templates";
import { HARNESS_DIR, startHarnessServer, type HarnessServer } from "../../scripts/harness-server";
import { fixturePath, variant } from "../../scripts/fixtures/variants";
import { RESULTS } from "../support/paths";

const PANE_WIDTH = 320;

let browser: Browser;
let server: HarnessServer;
let page: Page;

beforeAll(async () => {
  if (!existsSync(path.join(HARNESS_DIR, "index.html")))
    throw new Error("dist-harness/ is not built: npm run build:harness");
  mkdirSync(RESULTS, { recursive: true });
  server = await startHarnessServer(fixturePath(variant("empty-document")));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1000, height: 1100 } });
  page.setDefaultTimeout(20000);
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pane = () => page.getByTestId("pane");

/** Opens the harness on a fresh empty document, with the pane column as wide as Word's. */
async function openEmpty(): Promise<void> {
  await page.goto(server.url);
  await pane().waitFor();
  await page.evaluate((width) => {
    const el = document.querySelector<HTMLElement>('[data-testid="pane"]');
    if (el?.parentElement) el.parentElement.style.gridTemplateColumns = `1fr ${width}px`;
  }, PANE_WIDTH);
}

const shot = (name: string) => pane().screenshot({ path: path.join(RESULTS, `new-plan-${name}.png`) });

test("an empty document offers the three plans", async () => {
  await openEmpty();
  await pane().getByRole("heading", { name: "Skapa en ny plan" }).waitFor();
  for (const g of GENERATED_TEMPLATES) {
    await pane()
      .getByRole("button", { name: `Skapa ${g.template.name}` })
      .waitFor();
    await pane().getByText(g.purpose).waitFor();
  }
  expect((await pane().boundingBox())?.width).toBe(PANE_WIDTH);
  await shot("chooser");
}, 60000);

describe.each(GENERATED_TEMPLATES.map((g) => [g.template.id, g] as const))("%s", (id, g) => {
  test("created in the document; the pane guides it", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openEmpty();
    await pane()
      .getByRole("button", { name: `Skapa ${g.template.name}` })
      .click();
    await pane().getByRole("heading", { level: 2, name: g.template.name }).waitFor();
    // The plan is in the document: its title and every label, each answer showing its placeholder.
    const doc = page.locator("[data-paragraph]");
    await expect(
      doc.filter({ hasText: g.template.title ?? g.template.name }).count(),
    ).resolves.toBeGreaterThan(0);
    const placeholder = g.template.placeholders[0];
    await expect(doc.filter({ hasText: placeholder }).count()).resolves.toBeGreaterThan(0);
    await shot(`${id}-created`);

    // Open the first section: its guidance (the seed's own questions) is shown.
    const first = g.template.sections[0];
    const title =
      first.kind === "fields" ? first.title : g.template.blocks.find((b) => b.type === first.blockType)!.name;
    await pane()
      .getByRole("button", { name: new RegExp(`^${title}`) })
      .first()
      .click();
    const guidance =
      first.guidance?.[0] ??
      g.template.fields.find((f) => f.id === (first.kind === "fields" ? first.fieldIds[0] : ""))
        ?.guidance?.[0];
    if (guidance) await pane().getByText(guidance).first().waitFor();
    await shot(`${id}-guidance`);

    const text = (await pane().textContent()) ?? "";
    if (g.template.language === "da") {
      expect(text).toContain(`${g.template.name} er oprettet.`);
      expect(text).toContain(
        "Beskriv en implementeringsproces (intervention) i grundskolen fra egen kommune.",
      );
      expect(text).toMatch(/0 af \d+ obligatoriske felter udfyldt/);
      // No Swedish left in the Danish pane.
      expect(text).not.toMatch(
        /\b(obligatoriska|ifyllda|ifyllt|Uppdatera|Lägg till|Ta bort|saknas|Granska|Avsnitt|har skapats|inte)\b/,
      );
    } else {
      expect(text).toContain(`${g.template.name} har skapats.`);
      expect(text).toMatch(/obligatoriska fält ifyllda/);
    }
    expect(errors).toEqual([]);
  }, 90000);
});
