/**
 * End to end: granska.html as built (dist/, by `npm run build` or the tests' pretest `npm run
 * build:granska`) in headless Chromium. A reviewer chooses a folder of 40 plans, the bad files and
 * a PDF, and finds: one table row per Word document, incomplete plans first; the filter; a plan's
 * whole review; the files that could not be checked with the CLI's reasons; the skipped PDF; a
 * downloaded summary CSV equal to `planstod check --format csv` on the same folder; no network
 * request after load; axe clean at full width and at 320 px; every step by keyboard. Screenshots
 * go to test-results/.
 */
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  chooseFolder,
  cliOut,
  downloadText,
  launchChromium,
  openGranska,
  serveDist,
  type DistServer,
} from "../../scripts/bench/granska";
import { VARIANTS, fixturePath } from "../../scripts/fixtures/variants";
import { parseCsv } from "../support/csv";
import { FIXTURES, RESULTS } from "../support/paths";

let browser: Browser;
let server: DistServer;
let dir: string;
const FOLDER = "planer";

/** 40 plans: the checkable fixtures, round-robin, under names a school would give them. */
const PLANS = VARIANTS.filter((v) => v.template !== null);
const BAD = readdirSync(path.join(FIXTURES, "bad"));

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), "planstod-granska-e2e-"));
  const folder = path.join(dir, FOLDER);
  mkdirSync(folder);
  for (let i = 0; i < 40; i++) {
    const v = PLANS[i % PLANS.length];
    const ext = path.extname(fixturePath(v));
    copyFileSync(fixturePath(v), path.join(folder, `Plan ${String(i + 1).padStart(2, "0")} ${v.name}${ext}`));
  }
  cpSync(path.join(FIXTURES, "bad"), path.join(folder, "trasiga"), { recursive: true });
  writeFileSync(path.join(folder, "protokoll.pdf"), "%PDF-1.4 not a plan");
  copyFileSync(
    path.join(FIXTURES, "bad", "legacy.doc.docx"),
    path.join(folder, "Åtgärdsplan Vimmerby kommun.doc"),
  );
  server = await serveDist();
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Violation = { id: string; impact: string | null; nodes: string[] };

async function axe(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the page's CSP allows no script but its own.
  if (!(await page.evaluate(() => "axe" in window)))
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async () => {
    type Axe = {
      run(
        el: Document,
      ): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }>;
    };
    const result = await (window as unknown as { axe: Axe }).axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.html.slice(0, 160)),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(RESULTS, `granska-${name}.png`), fullPage });

/** The element that has focus, as role-ish text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a
      ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ""}:${(a.textContent ?? "").trim().slice(0, 80)}`
      : "";
  });

test("40 plans, bad files and a PDF: table, filter, detail, skipped, CSV equal to the CLI's, no request, axe, keyboard", async () => {
  const page = await openGranska(browser, server.url);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // After load, nothing: not even the worker scripts (they were fetched while loading).
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await shot(page, "01-empty");
  expect(await axe(page)).toEqual([]);

  // Progress: the live region and the bar follow the batch (recorded as they change).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __status: string[] }).__status = seen;
    const status = document.getElementById("status");
    const bar = document.getElementById("progress") as HTMLProgressElement;
    new MutationObserver(() => seen.push(`${status?.textContent ?? ""} [${bar.value}/${bar.max}]`)).observe(
      status as Node,
      { childList: true, characterData: true, subtree: true },
    );
  });
  await chooseFolder(page, path.join(dir, FOLDER));
  await page.locator("#results").waitFor();
  const progress = await page.evaluate(() => (window as unknown as { __status: string[] }).__status);
  const documents = 40 + BAD.length;
  expect(progress[0]).toBe(`Kontrollerar ${documents} dokument … [0/${documents}]`);
  expect(progress).toContain(
    `Kontrollerar: ${documents} av ${documents} klara … [${documents}/${documents}]`,
  );
  expect(progress[progress.length - 1]).toMatch(`Klart: ${documents} Word-dokument kontrollerade.`);

  // One <tbody> row per Word document: 40 plans and the bad files (.docx), not the PDF or the .doc.
  const rows = page.locator("#rows > tr");
  await expect(rows.count()).resolves.toBe(40 + BAD.length);
  const statuses = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.status ?? ""));
  const rank = (s: string) => ["incomplete", "failed", "complete"].indexOf(s);
  expect(statuses.map(rank)).toEqual([...statuses.map(rank)].sort((a, b) => a - b));
  const incomplete = statuses.filter((s) => s === "incomplete").length;
  const complete = statuses.filter((s) => s === "complete").length;
  expect(incomplete).toBeGreaterThan(10);
  expect(complete).toBeGreaterThan(5);

  // The CLI on the same folder: the same files incomplete, the same figures and what is missing.
  const cli = cliOut(dir, "check", "--format", "csv", FOLDER);
  expect(cli.code).toBe(2);
  const [header, ...cliRows] = parseCsv(cli.out.slice(1));
  const col = (name: string) => header.indexOf(name);
  const first = rows.first();
  const firstFile = (await first.locator("th").textContent()) ?? "";
  const firstCli = cliRows.find((r) => r[col("file")] === firstFile);
  expect(firstCli?.[col("complete")]).toBe("false");
  expect(await first.locator("td").nth(1).textContent()).toBe(
    `${firstCli?.[col("required_filled")]} av ${firstCli?.[col("required_total")]} ifyllda`,
  );
  // What is missing: every label, the first five shown and the rest behind "N till".
  expect((await first.locator("td").nth(2).locator("li").allTextContents()).join("; ")).toBe(
    firstCli?.[col("missing_fields")],
  );

  // The downloaded summary is the CLI's CSV, byte for byte (BOM, ;, CRLF, missing_fields).
  const summary = await downloadText(page, "Ladda ner sammanställning (CSV)");
  expect(summary).toBe(cli.out);
  const answers = await downloadText(page, "Ladda ner alla svar (CSV)");
  expect(answers).toBe(cliOut(dir, "export", FOLDER).out);

  // Files that could not be checked, with the CLI's reasons (its stderr lines).
  const failed = await page.locator("#failed-list li").allTextContents();
  const cliLines = cli.err
    .trimEnd()
    .split("\n")
    .filter((l) => !l.includes("hoppade över"))
    .map((l) => l.replace(/^planstod: /, ""));
  expect(failed).toEqual(cliLines);
  expect(
    failed.some((l) =>
      l.startsWith(`${FOLDER}/Åtgärdsplan Vimmerby kommun.doc: filen är i Words äldre format`),
    ),
  ).toBe(true);
  // The PDF is listed as skipped, in the CLI's words.
  await expect(page.locator("#skipped-list li").allTextContents()).resolves.toEqual([
    `${FOLDER}/protokoll.pdf`,
  ]);
  await expect(page.locator("#skipped-line").textContent()).resolves.toBe(
    `Hoppade över 1 fil som inte är Word-dokument: ${FOLDER}/protokoll.pdf.`,
  );
  await page.locator("#results-title").scrollIntoViewIfNeeded();
  await shot(page, "02-table", false);
  expect(await axe(page)).toEqual([]);

  // By keyboard: Tab to the filter, Space hides the complete plans (incomplete ones and files that
  // could not be checked stay); again shows every row.
  await page.locator("#download-summary").focus();
  await page.keyboard.press("Shift+Tab");
  expect(await focused(page)).toBe("input#only-incomplete:");
  await page.keyboard.press("Space");
  const failedRows = statuses.filter((s) => s === "failed").length;
  await expect(page.locator("#rows > tr:visible").count()).resolves.toBe(incomplete + failedRows);
  await expect(
    page
      .locator("#rows > tr:visible")
      .evaluateAll((trs) => trs.every((tr) => (tr as HTMLElement).dataset.status !== "complete")),
  ).resolves.toBe(true);
  await shot(page, "03-filtered", false);
  await page.keyboard.press("Space");
  await expect(page.locator("#rows > tr:visible").count()).resolves.toBe(40 + BAD.length);

  // A plan's whole review: Tab on to the first row's file, Enter opens it, focus on its heading.
  await page.keyboard.press("Tab"); // sammanställning
  await page.keyboard.press("Tab"); // alla svar
  await page.keyboard.press("Tab"); // the first row's file
  expect(await focused(page)).toBe(`button:${firstFile}`);
  await page.keyboard.press("Enter");
  const detail = page.locator("#detail");
  await detail.waitFor();
  expect(await focused(page)).toBe(`h2#detail-title:Granskning: ${firstFile}`);
  const items = await detail.locator("li strong").allTextContents();
  // Every missing field of the row is there, grouped under the sections of the pane's Granska.
  expect(items.filter((t) => t.startsWith("Saknas: ")).length).toBe(Number(firstCli?.[col("missing")]));
  expect(await detail.locator("h3").count()).toBeGreaterThan(1);
  await shot(page, "04-detail", false);
  expect(await axe(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 900 });
  await shot(page, "04b-320px-detail", false);
  expect(await axe(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await detail.getByRole("button", { name: "Tillbaka till tabellen" }).press("Enter");
  expect(await focused(page)).toBe(`button:${firstFile}`);

  // 320 px wide: every row a card, nothing wider than the window; axe clean there too.
  await page.setViewportSize({ width: 320, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "05-320px-top", false);
  await page.locator("#rows > tr").first().scrollIntoViewIfNeeded();
  await shot(page, "06-320px-table", false);
  expect(await axe(page)).toEqual([]);

  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 240000);

test("files chosen one by one, and files dropped on the page, are checked by the same rules", async () => {
  const page = await openGranska(browser, server.url, 320);
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  // By keyboard, the first stop is the file input behind "Välj filer", its label marked as focused.
  await page.keyboard.press("Tab");
  expect(await focused(page)).toBe("input#files:");
  const outline = await page.locator("label[for='files']").evaluate((l) => getComputedStyle(l).outlineStyle);
  expect(outline).toBe("solid");
  await shot(page, "07-320px-keyboard-focus", false);

  const before = await page.evaluate(() => Number(document.body.dataset.batches ?? "0"));
  await page
    .locator("#files")
    .setInputFiles([
      path.join(FIXTURES, "sv-partial.docx"),
      path.join(FIXTURES, "iko-complete.docx"),
      path.join(FIXTURES, "bad", "empty.docx"),
    ]);
  await page.waitForFunction((n) => Number(document.body.dataset.batches ?? "0") > n, before);
  // Chosen one by one, a file is known by its name, as the CLI given the name in its folder.
  await expect(page.locator("#rows > tr > th").allTextContents()).resolves.toEqual([
    "sv-partial.docx",
    "empty.docx",
    "iko-complete.docx",
  ]);

  // A drop: the files of a DataTransfer made in the page (a synthetic drop has no folder entries).
  const dropped = await page.evaluate(async () => {
    const n = Number(document.body.dataset.batches ?? "0");
    const data = new DataTransfer();
    data.items.add(new File(["%PDF-1.4"], "bilaga.pdf", { type: "application/pdf" }));
    data.items.add(new File(["{\\rtf1}"], "plan.rtf"));
    document
      .getElementById("drop")
      ?.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    while (Number(document.body.dataset.batches ?? "0") === n) await new Promise((r) => setTimeout(r, 50));
    return {
      failed: Array.from(document.querySelectorAll("#failed-list li"), (li) => li.textContent),
      skipped: document.getElementById("skipped-line")?.textContent,
      rows: document.querySelectorAll("#rows > tr").length,
    };
  });
  expect(dropped).toEqual({
    failed: [
      "plan.rtf: filen är i RTF-format, inte ett Word-dokument. Spara den som .docx i Word och försök igen.",
    ],
    skipped: "Hoppade över 1 fil som inte är Word-dokument: bilaga.pdf.",
    rows: 0,
  });
  expect(requests).toEqual([]);
  await page.close();
}, 120000);
