/**
 * The manifest an organisation publishes (scripts/publish.cjs, made by `npm run build:prod`): made
 * from manifest.xml for a base URL, valid against the offline schemas, with its own Id, the package
 * version and no localhost; and build:prod's refusals of a missing, http or localhost PLANSTOD_URL,
 * which stop before anything is built. The full build is tested in published.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import * as publish from "../../scripts/publish.cjs";
import { ROOT } from "../support/paths";

const VALIDATE = join(ROOT, "scripts", "validate-manifest.mjs");
const BUILD_PROD = join(ROOT, "scripts", "build-prod.mjs");
const BASE = "https://planstod.example.se/addin/";
const APP = "http://schemas.microsoft.com/office/appforoffice/1.1";

const devText = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;

function text(xml: string, name: string): string | null {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const found = doc.documentElement?.getElementsByTagNameNS(APP, name)[0] as Element | undefined;
  return found?.textContent ?? null;
}

function attribute(xml: string, name: string, attr = "DefaultValue"): string | null {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const found = doc.documentElement?.getElementsByTagNameNS(APP, name)[0] as Element | undefined;
  return found?.getAttribute(attr) ?? null;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "planstod-prod-manifest-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the production manifest", () => {
  const prod = publish.productionManifest(devText, { baseUrl: BASE, id: publish.PRODUCTION_ID, version });

  test("validates against the offline schemas", () => {
    const file = join(dir, "manifest.xml");
    writeFileSync(file, prod);
    const result = spawnSync(process.execPath, [VALIDATE, file], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  test("has every URL on the base URL and no localhost", () => {
    expect(prod).not.toMatch(/localhost/i);
    const urls = publish.manifestUrls(prod);
    // Icons (16, 32, 64, 80), the pane and the support page.
    expect(urls.length).toBeGreaterThanOrEqual(6);
    expect(urls.filter((url) => !url.startsWith(BASE))).toEqual([]);
    expect(attribute(prod, "SourceLocation")).toBe(`${BASE}taskpane.html`);
    expect(attribute(prod, "SupportUrl")).toBe(`${BASE}support.html`);
  });

  test("has its own Id, the package version, the name Planstöd and no AppDomain", () => {
    expect(text(prod, "Id")).toBe(publish.PRODUCTION_ID);
    expect(text(devText, "Id")).not.toBe(publish.PRODUCTION_ID);
    expect(text(prod, "Version")).toBe(version);
    expect(attribute(prod, "DisplayName")).toBe("Planstöd");
    expect(prod).not.toContain("(utveckling)");
    expect(prod).not.toContain("AppDomain");
  });

  test("takes an organisation's own Id", () => {
    const own = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const manifest = publish.productionManifest(devText, {
      baseUrl: BASE,
      id: publish.publishId(own.toUpperCase()),
      version,
    });
    expect(text(manifest, "Id")).toBe(own);
  });

  test("changes nothing else: the dev manifest with the same substitutions gives the same text", () => {
    // Every other line (ribbon, strings, permissions, requirements) stays as in manifest.xml.
    const strip = (xml: string) =>
      xml
        .replace(/<!--[\s\S]*?-->/, "")
        .replace(/<Id>[^<]*<\/Id>/, "")
        .replace(/<Version>[^<]*<\/Version>/, "")
        .replace(/<DisplayName[\s\S]*?<\/DisplayName>/, "")
        .replace(/\s*<AppDomains>[\s\S]*?<\/AppDomains>/, "");
    expect(strip(prod)).toBe(strip(devText).split(publish.DEV_URL).join(BASE));
  });
});

describe("the build settings", () => {
  test("PLANSTOD_URL gets a trailing slash and must be https and not this machine", () => {
    expect(publish.publishUrl("https://planstod.example.se")).toBe("https://planstod.example.se/");
    expect(publish.publishUrl(" https://example.se/a/b ")).toBe("https://example.se/a/b/");
    for (const bad of [
      undefined,
      "",
      "planstod.example.se",
      "http://planstod.example.se/",
      "https://localhost:3000/",
      "https://127.0.0.1/",
      "https://[::1]/",
      "https://app.localhost/",
      "https://example.se/?x=1",
    ]) {
      expect(() => publish.publishUrl(bad)).toThrow(publish.PublishError);
    }
  });

  test("PLANSTOD_ID must be a GUID; PLANSTOD_SUPPORT an e-mail address or a web address", () => {
    expect(publish.publishId(undefined)).toBe(publish.PRODUCTION_ID);
    expect(() => publish.publishId("planstod")).toThrow(/GUID/);
    expect(publish.supportContact(undefined)).toBeUndefined();
    expect(publish.supportContact("it@kommun.se")).toEqual({
      href: "mailto:it@kommun.se",
      text: "it@kommun.se",
    });
    expect(publish.supportContact("https://kommun.se/it")).toEqual({
      href: "https://kommun.se/it",
      text: "https://kommun.se/it",
    });
    expect(() => publish.supportContact("ring Eva")).toThrow(/e-postadress eller en webbadress/);
  });

  test("the pages get the version and the contact, escaped", () => {
    const page = publish.fillPage("<p>{{contact-sv}}</p><p>{{contact-da}}</p><p>{{version}}</p>", {
      version: "1.2.3",
      contact: publish.supportContact("https://kommun.se/it?a=1&b=<2>"),
    });
    expect(page).toBe(
      '<p>Frågor och fel: <a href="https://kommun.se/it?a=1&amp;b=%3C2%3E">https://kommun.se/it?a=1&amp;b=%3C2%3E</a>.</p>' +
        '<p>Spørgsmål og fejl: <a href="https://kommun.se/it?a=1&amp;b=%3C2%3E">https://kommun.se/it?a=1&amp;b=%3C2%3E</a>.</p>' +
        "<p>1.2.3</p>",
    );
    expect(publish.fillPage("{{contact-sv}}", { version, contact: undefined })).toMatch(/it-supporten/);
    expect(() => publish.fillPage("{{kontakt}}", { version, contact: undefined })).toThrow(/placeholder/);
  });
});

describe("npm run build:prod refuses a wrong PLANSTOD_URL before building", () => {
  const run = (url: string | undefined) => {
    const env = { ...process.env };
    delete env.PLANSTOD_URL;
    if (url !== undefined) env.PLANSTOD_URL = url;
    return spawnSync(process.execPath, [BUILD_PROD, "--out", join(dir, "never")], { encoding: "utf8", env });
  };

  test.each([
    ["missing", undefined, /PLANSTOD_URL saknas/],
    ["http", "http://planstod.example.se/", /måste börja med https/],
    ["localhost", "https://localhost:3000/", /pekar på den egna datorn/],
  ])("%s", (_name, url, message) => {
    const result = run(url);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });

  test("and an output folder that holds the project", () => {
    const result = spawnSync(process.execPath, [BUILD_PROD, "--out", join(ROOT, "..")], {
      encoding: "utf8",
      env: { ...process.env, PLANSTOD_URL: BASE },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/får inte innehålla projektet/);
  });
});
