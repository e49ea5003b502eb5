/**
 * The page and the CLI agree: every generated fixture and every bad file (test/fixtures/generated,
 * bad/ included) checked in granska.html (headless Chromium, dist/) and by `planstod check
 * --format csv` / `planstod export` on the same folder; the two CSVs are compared row by row,
 * then byte for byte.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import {
  chooseFolder,
  cliOut,
  downloadText,
  launchChromium,
  openGranska,
  serveDist,
  type DistServer,
} from "../../scripts/bench/granska";
import { VARIANTS } from "../../scripts/fixtures/variants";
import { parseCsv } from "../support/csv";
import { FIXTURES } from "../support/paths";

let browser: Browser;
let server: DistServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "planstod-granska-agree-"));
  cpSync(FIXTURES, path.join(dir, "fixtures"), { recursive: true });
  server = await serveDist();
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("every fixture and bad file: the page's two CSVs are the CLI's, row by row", async () => {
  const page = await openGranska(browser, server.url);
  await chooseFolder(page, path.join(dir, "fixtures"));
  const pages = {
    check: await downloadText(page, "Ladda ner sammanställning (CSV)"),
    export: await downloadText(page, "Ladda ner alla svar (CSV)"),
  };
  const clis = {
    check: cliOut(dir, "check", "--format", "csv", "fixtures"),
    export: cliOut(dir, "export", "fixtures"),
  };
  for (const kind of ["check", "export"] as const) {
    expect({ kind, code: clis[kind].code }).toEqual({ kind, code: 2 }); // bad/ holds files that cannot be checked
    const mine = parseCsv(pages[kind].replace(/^\ufeff/, ""));
    const theirs = parseCsv(clis[kind].out.replace(/^\ufeff/, ""));
    expect(mine.length).toBe(theirs.length);
    theirs.forEach((row, i) => expect({ kind, row: mine[i] }).toEqual({ kind, row }));
    expect(pages[kind]).toBe(clis[kind].out);
  }
  // Every fixture is a row of the summary: the checkable ones with a template, the bad ones with a reason.
  const rows = parseCsv(pages.check.slice(1)).slice(1);
  expect(rows).toHaveLength(VARIANTS.length);
  expect(rows.filter((r) => r[7] !== "")).toHaveLength(VARIANTS.filter((v) => v.template === null).length);
  await page.close();
}, 180000);
