/**
 * The published files as an organisation serves them: `npm run build:prod` into a temporary
 * folder for https://planstod.test/addin/, served over HTTPS by a static server on 127.0.0.1 with a
 * self-signed certificate made here (openssl), with the cache headers and the content-security
 * policy docs/driftsattning.md recommends. Headless Chromium resolves planstod.test to that server
 * and opens the manifest's SourceLocation outside Word: the pane starts and says it runs inside
 * Word, with a working link to the user guide; every icon the manifest names loads at its size;
 * every URL it names and every page in the folder loads; no request goes anywhere but the local
 * server except office.js from Microsoft's CDN, which is blocked, and the page survives that.
 *
 * Needs openssl and Debian's chromium (.ci/run installs it); CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium } from "../../scripts/chromium";
import * as publish from "../../scripts/publish.cjs";
import { ROOT } from "../support/paths";

const HOST = "planstod.test";
const BASE = `https://${HOST}/addin/`;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const SUPPORT = "it-support@kommun.example";
const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
};

/** What docs/driftsattning.md tells the administrator to send with every file. */
const CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline' https://appsforoffice.microsoft.com; " +
  "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

let work: string;
let site: string;
let server: Server;
let browser: Browser;
let context: BrowserContext;
/** Every request the static server answered: path and status. */
const served: { path: string; status: number }[] = [];
/** Requests for anywhere but the local server. */
const leaked: string[] = [];
const blockedOfficeJs: string[] = [];

/** Every file under `dir`, as paths relative to it with "/". */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split(sep).join("/"))
    .sort();
}

function startServer(root: string, key: Buffer, cert: Buffer): Promise<Server> {
  const srv = createServer({ key, cert }, (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", BASE).pathname);
    const file = path.startsWith("/addin/") ? resolve(root, path.slice("/addin/".length)) : "";
    const inside = file.startsWith(root + sep);
    const status = inside && existsSync(file) && statSync(file).isFile() ? 200 : 404;
    served.push({ path, status });
    if (status !== 200) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": extname(file) === ".png" ? "public, max-age=86400" : "no-cache",
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
    });
    response.end(readFileSync(file));
  });
  return new Promise((done) => srv.listen(0, "127.0.0.1", () => done(srv)));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "planstod-published-"));
  site = join(work, "site");
  const env: NodeJS.ProcessEnv = { ...process.env, PLANSTOD_URL: BASE, PLANSTOD_SUPPORT: SUPPORT };
  delete env.PLANSTOD_ID;
  const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build-prod.mjs"), "--out", site], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`build:prod failed:\n${build.stdout}\n${build.stderr}`);

  const cert = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      `/CN=${HOST}`,
      "-addext",
      `subjectAltName=DNS:${HOST}`,
      "-keyout",
      join(work, "key.pem"),
      "-out",
      join(work, "cert.pem"),
    ],
    { encoding: "utf8" },
  );
  if (cert.status !== 0) throw new Error(`openssl could not make a certificate: ${cert.stderr}`);
  server = await startServer(site, readFileSync(join(work, "key.pem")), readFileSync(join(work, "cert.pem")));
  const { port } = server.address() as AddressInfo;

  browser = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1:${port}`]);
  context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 320, height: 800 } });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).host === HOST) return route.continue();
    if (url === OFFICE_JS) blockedOfficeJs.push(url);
    else leaked.push(url);
    return route.abort("blockedbyclient");
  });
  // Collects the content-security-policy violations of every page.
  await context.addInitScript(() => {
    const store = window as unknown as { __csp: string[] };
    store.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      store.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`),
    );
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (work) rmSync(work, { recursive: true, force: true });
});

function manifest(): { text: string; doc: Element } {
  const text = readFileSync(join(site, "manifest.xml"), "utf8");
  return { text, doc: new DOMParser().parseFromString(text, "text/xml").documentElement as Element };
}

/** Opens `url`, checks it answered 200, and returns the page with its errors and CSP violations. */
async function open(url: string): Promise<{ page: Page; errors: string[]; csp: () => Promise<string[]> }> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(url, { waitUntil: "load" });
  expect([url, response?.status()]).toEqual([url, 200]);
  // taskpane.html's guard probes the engine's syntax with Function(); the policy refuses that probe
  // (reported as "script-src eval" from taskpane.html itself, harmless: the guard then decides by
  // a library feature). Any other refusal, or an eval in a script file, fails.
  const csp = async () =>
    (await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).filter(
      (violation) => violation !== `script-src eval ${BASE}taskpane.html`,
    );
  return { page, errors, csp };
}

/** axe-core on the whole page (colours and layout computed): the serious and critical violations. */
async function seriousA11yViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    type Axe = {
      run(
        el: unknown,
      ): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }>;
    };
    const result = await (window as unknown as { axe: Axe }).axe.run(document.documentElement);
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 160)) }));
  });
}

test("the folder holds exactly what is published: the pages, their scripts, styles and icons, the manifest", () => {
  const files = listFiles(site);
  for (const page of [
    "taskpane.html",
    "support.html",
    "privacy.html",
    "anvandarguide.html",
    "manifest.xml",
  ]) {
    expect(files).toContain(page);
  }
  expect(files.filter((f) => f.startsWith("assets/"))).toEqual(
    [128, 16, 32, 64, 80].map((size) => `assets/icon-${size}.png`),
  );
  // Every file webpack emits is published (a new entry's page and chunks too), but not the CLI
  // (dist/node), source maps or sources.
  expect(files.filter((f) => f.startsWith("node/") || /\.(map|ts|tsx|md|docx)$/.test(f))).toEqual([]);
  expect(files.filter((f) => f.endsWith(".html")).length).toBeGreaterThanOrEqual(4);
});

test("the manifest is the production one: valid, on the published address, its own Id, a SupportUrl", () => {
  const { text, doc } = manifest();
  const validated = spawnSync(
    process.execPath,
    [join(ROOT, "scripts", "validate-manifest.mjs"), join(site, "manifest.xml")],
    {
      encoding: "utf8",
    },
  );
  expect(validated.status).toBe(0);
  expect(text).not.toMatch(/localhost/i);
  expect(doc.getElementsByTagNameNS(NS.app, "Id")[0].textContent).toBe(publish.PRODUCTION_ID);
  expect(doc.getElementsByTagNameNS(NS.app, "SupportUrl")[0].getAttribute("DefaultValue")).toBe(
    `${BASE}support.html`,
  );
  expect(publish.manifestUrls(text).filter((url) => !url.startsWith(BASE))).toEqual([]);
});

test("the pane starts outside Word without office.js, says it runs inside Word and links the user guide", async () => {
  const { doc } = manifest();
  const source = doc.getElementsByTagNameNS(NS.app, "SourceLocation")[0].getAttribute("DefaultValue") ?? "";
  expect(source).toBe(`${BASE}taskpane.html`);
  const { page, errors, csp } = await open(source);

  const notice = page.locator("[data-intent='info']").filter({ hasText: "utanför Word" });
  await expect(notice.textContent()).resolves.toMatch(/Lägg till Planstöd i Word/);
  const guide = notice.getByRole("link", { name: "Läs användarguiden" });
  const href = await guide.evaluate((a) => (a as HTMLAnchorElement).href);
  expect(href).toBe(`${BASE}anvandarguide.html`);

  expect(blockedOfficeJs).toEqual([OFFICE_JS]);
  expect(errors).toEqual([]);
  expect(await csp()).toEqual([]);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.close();

  const guidePage = await open(href);
  expect(await guidePage.page.locator("h1").textContent()).toBe("Planstöd – användarguide");
  expect(await guidePage.csp()).toEqual([]);
  await guidePage.page.close();
});

test("every icon the manifest names loads, at the size it declares", async () => {
  const { doc } = manifest();
  const expected = new Map<string, number>();
  const iconUrl = doc.getElementsByTagNameNS(NS.app, "IconUrl")[0].getAttribute("DefaultValue") ?? "";
  const hiRes =
    doc.getElementsByTagNameNS(NS.app, "HighResolutionIconUrl")[0].getAttribute("DefaultValue") ?? "";
  expected.set(iconUrl, 32);
  expected.set(hiRes, 64);
  // Ribbon images: <bt:Image size="16" resid="…"/> refers to <bt:Image id="…" DefaultValue="URL"/>.
  const images = Array.from(doc.getElementsByTagNameNS(NS.bt, "Image"));
  const byId = new Map(images.filter((i) => i.hasAttribute("id")).map((i) => [i.getAttribute("id"), i]));
  for (const ref of images.filter((i) => i.hasAttribute("resid"))) {
    const url = byId.get(ref.getAttribute("resid"))?.getAttribute("DefaultValue") ?? "";
    expected.set(url, Number(ref.getAttribute("size")));
  }
  expect(expected.size).toBeGreaterThanOrEqual(4);

  const { page } = await open(`${BASE}support.html`);
  for (const [url, size] of expected) {
    const loaded = await page.evaluate(
      (src) =>
        new Promise<[number, number]>((done) => {
          const image = new Image();
          image.onload = () => done([image.naturalWidth, image.naturalHeight]);
          image.onerror = () => done([0, 0]);
          image.src = src;
        }),
      url,
    );
    expect([url, loaded]).toEqual([url, [size, size]]);
  }
  await page.close();
});

test("the support and privacy pages load, with the contact, the version and the guide", async () => {
  const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
  for (const name of ["support.html", "privacy.html"]) {
    const { page, csp } = await open(`${BASE}${name}`);
    const contact = page.locator("[data-planstod='contact'] a");
    expect(await contact.getAttribute("href")).toBe(`mailto:${SUPPORT}`);
    expect(await page.locator("[data-planstod='contact-da'] a").getAttribute("href")).toBe(
      `mailto:${SUPPORT}`,
    );
    expect(await page.locator(".version").textContent()).toBe(`Planstöd version ${version}`);
    expect(await page.locator("a[href='anvandarguide.html']").count()).toBeGreaterThan(0);
    expect(await page.locator("section[lang='da']").count()).toBe(1);
    expect(await csp()).toEqual([]);
    expect([name, await seriousA11yViolations(page)]).toEqual([name, []]);
    await page.close();
  }
});

test("every URL the manifest names and every page in the folder loads; nothing leaves the local server", async () => {
  const { text } = manifest();
  const pages = listFiles(site)
    .filter((f) => f.endsWith(".html"))
    .map((f) => `${BASE}${f}`);
  const urls = new Set([...publish.manifestUrls(text).filter((url) => !url.endsWith(".png")), ...pages]);
  for (const url of urls) {
    const { page, errors, csp } = await open(url);
    // Let late chunks and images load before looking.
    await page.waitForLoadState("networkidle");
    expect([url, errors, await csp()]).toEqual([url, [], []]);
    await page.close();
  }
  expect(leaked).toEqual([]);
  expect(served.filter((request) => request.status !== 200)).toEqual([]);
  expect(served.length).toBeGreaterThan(urls.size);
});
