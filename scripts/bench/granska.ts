/**
 * granska.html in headless Chromium: a static server for dist/, the browser, and the steps a
 * reviewer takes (open the page, choose a folder, wait for the table, download a CSV). Used by the
 * end-to-end tests (test/e2e/granska*.test.ts) and by `npm run bench`, which checks 200 plans in
 * the page and prints its time per document beside the CLI's on the same files.
 *
 * Needs `npm run build:granska` (or `npm run build`) and Debian's chromium (CHROMIUM_PATH
 * overrides /usr/bin/chromium).
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "../chromium";

export const DIST = path.resolve(__dirname, "../../dist");
const CLI = path.resolve(__dirname, "../../bin/planstod.js");

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
};

export interface DistServer {
  /** The page's address. */
  url: string;
  close(): Promise<void>;
}

/** Serves dist/ on 127.0.0.1 (a random port). */
export function serveDist(): Promise<DistServer> {
  if (!existsSync(path.join(DIST, "granska.html")))
    throw new Error("dist/granska.html is not built: npm run build:granska");
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(DIST, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/granska.html`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export { launchChromium };

/** Opens the page and waits until its workers are ready (after that it makes no request). */
export async function openGranska(browser: Browser, url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(120000);
  await page.goto(url);
  await page.waitForSelector("body[data-ready='true']");
  return page;
}

/** Chooses a folder with the folder input and waits for the page to show its review. */
export async function chooseFolder(page: Page, folder: string): Promise<void> {
  const before = await page.evaluate(() => Number(document.body.dataset.batches ?? "0"));
  await page.locator("#folder").setInputFiles(folder);
  await page.waitForFunction((n) => Number(document.body.dataset.batches ?? "0") > n, before);
}

/** The text of a download the page offers behind `button` (a blob: URL). */
export async function downloadText(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  const file = await download.path();
  if (!file) throw new Error(`download failed: ${String(await download.failure())}`);
  return readFileSync(file, "utf8");
}

/** `planstod ARGS` as a user runs it (bin/planstod.js over dist/node), in `cwd`: its stdout. */
export function cliOut(cwd: string, ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The bench: `count` plans (the fixtures in turn) in the page, from choosing the folder to the
 * table, and with `planstod check --format csv` on the same folder (a process: start-up
 * included), median of `runs`; prints the time per document of each.
 */
export async function granskaBench(fixtures: readonly string[], count = 200, runs = 3): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "planstod-granska-bench-"));
  const folder = path.join(dir, "planer");
  mkdirSync(folder);
  for (let i = 0; i < count; i++) {
    const source = fixtures[i % fixtures.length];
    copyFileSync(source, path.join(folder, `${String(i).padStart(3, "0")}-${path.basename(source)}`));
  }
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    const page = await openGranska(browser, server.url);
    const workers = await page.evaluate(() => Math.min(Math.max(navigator.hardwareConcurrency || 2, 1), 4));
    const pageMs: number[] = [];
    const cliMs: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await chooseFolder(page, folder);
      pageMs.push(performance.now() - t0);
      const rows = await page.locator("#rows > tr").count();
      if (rows !== count) throw new Error(`the page showed ${rows} rows for ${count} plans`);
      const c0 = performance.now();
      const cli = cliOut(dir, "check", "--format", "csv", "planer");
      cliMs.push(performance.now() - c0);
      if (cli.code !== 0 && cli.code !== 1) throw new Error(`planstod check: ${cli.err}`);
    }
    const line = (name: string, ms: number, threads: string) =>
      `  ${name.padEnd(58)} ${`${(ms / 1000).toFixed(2)} s`.padStart(8)}  ${`${(ms / count).toFixed(1)} ms/doc`.padStart(12)}  ${threads}`;
    console.log(`
granska.html against the CLI, ${count} plans (${fixtures.length} fixtures in turn), median of ${runs}:`);
    console.log(
      line("granska.html, headless Chromium (choose folder → table)", median(pageMs), `${workers} workers`),
    );
    console.log(
      line("planstod check --format csv (one process, start-up included)", median(cliMs), "threads by load"),
    );
    console.log(`  first page run (workers cold): ${(pageMs[0] / count).toFixed(1)} ms/doc`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
