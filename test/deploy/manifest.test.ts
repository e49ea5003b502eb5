import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";

const ROOT = resolve(__dirname, "../..");
const MANIFEST = join(ROOT, "manifest.xml");
const VALIDATE = join(ROOT, "scripts", "validate-manifest.mjs");
const DEV_URL = "https://localhost:3000/";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

const manifestText = readFileSync(MANIFEST, "utf8");
const doc = new DOMParser().parseFromString(manifestText, "text/xml");
const root = doc.documentElement as Element;

function validate(file: string) {
  return spawnSync(process.execPath, [VALIDATE, file], { encoding: "utf8" });
}

function all(parent: Element, ns: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name));
}

function one(parent: Element, ns: string, name: string): Element {
  const found = all(parent, ns, name);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Direct children of `parent` with the given namespace and local name. */
function children(parent: Element, ns: string, name: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element =>
      node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === name,
  );
}

function xsiType(element: Element): string | null {
  return element.getAttributeNS(NS.xsi, "type");
}

function overrides(element: Element, ns: string): Record<string, string> {
  return Object.fromEntries(
    children(element, ns, "Override").map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")]),
  );
}

/** Resource id -> element in VersionOverrides/Resources (bt:Image, bt:Url, bt:String). */
function resources(): Map<string, Element> {
  const map = new Map<string, Element>();
  const res = one(root, NS.ov, "Resources");
  for (const name of ["Image", "Url", "String"]) {
    for (const el of all(res, NS.bt, name)) map.set(el.getAttribute("id") ?? "", el);
  }
  return map;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml schema validation", () => {
  test("validates against the offline Office add-in schemas", () => {
    const result = validate(MANIFEST);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("manifest.xml validates");
  });

  describe("a broken copy fails", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "planstod-manifest-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test("without the required Permissions element", () => {
      const broken = manifestText.replace(/\s*<Permissions>[^<]*<\/Permissions>/, "");
      expect(broken).not.toEqual(manifestText);
      const file = join(dir, "manifest.xml");
      writeFileSync(file, broken);
      const result = validate(file);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/Permissions/);
      expect(result.stdout).not.toContain("validates");
    });

    test("with a malformed Id", () => {
      const file = join(dir, "bad-id.xml");
      writeFileSync(file, manifestText.replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"));
      const result = validate(file);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/Id/);
    });
  });
});

describe("manifest.xml content", () => {
  test("is a Word task pane add-in with a fixed GUID and version 1.0.0.0", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(one(root, NS.app, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(one(root, NS.app, "Version").textContent).toBe("1.0.0.0");
    expect(one(root, NS.app, "ProviderName").textContent).toBe("Planstöd");
    const hosts = children(children(root, NS.app, "Hosts")[0], NS.app, "Host");
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Document"]);
  });

  test("asks for ReadWriteDocument and requires WordApi 1.3", () => {
    expect(one(root, NS.app, "Permissions").textContent).toBe("ReadWriteDocument");
    const sets = all(one(root, NS.app, "Requirements"), NS.app, "Set");
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([
      ["WordApi", "1.3"],
    ]);
  });

  test("defaults to sv-SE with en-US and da-DK overrides; the name says it is the development add-in", () => {
    expect(one(root, NS.app, "DefaultLocale").textContent).toBe("sv-SE");
    const displayName = children(root, NS.app, "DisplayName")[0];
    expect(displayName.getAttribute("DefaultValue")).toBe("Planstöd (utveckling)");
    expect(overrides(displayName, NS.app)).toEqual({
      "en-US": "Planstöd (development)",
      "da-DK": "Planstöd (udvikling)",
    });
    const description = children(root, NS.app, "Description")[0];
    expect(description.getAttribute("DefaultValue")).toBe(
      "Fyll i och granska Skolverkets åtgärdsplan och IKO:s handlingsplan",
    );
    const descriptionOverrides = overrides(description, NS.app);
    expect(Object.keys(descriptionOverrides).sort()).toEqual(["da-DK", "en-US"]);
    expect(descriptionOverrides["en-US"]).toMatch(/Fill in and review/);
    expect(descriptionOverrides["da-DK"]).toMatch(/Udfyld og gennemgå/);
  });

  test("every ribbon string has en-US and da-DK overrides", () => {
    const strings = all(one(root, NS.ov, "Resources"), NS.bt, "String");
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) {
      expect([s.getAttribute("id"), Object.keys(overrides(s, NS.bt)).sort()]).toEqual([
        s.getAttribute("id"),
        ["da-DK", "en-US"],
      ]);
    }
  });

  test("points at the task pane and the support page on the dev server, with no AppDomain", () => {
    const source = one(one(root, NS.app, "DefaultSettings"), NS.app, "SourceLocation");
    expect(source.getAttribute("DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
    expect(one(root, NS.app, "SupportUrl").getAttribute("DefaultValue")).toBe(`${DEV_URL}support.html`);
    // An AppDomain equal to the SourceLocation's origin has no effect; the pane opens no other origin.
    expect(all(root, NS.app, "AppDomain")).toEqual([]);
  });

  test("has a Planstöd button on the Home tab that shows the task pane", () => {
    const res = resources();
    const text = (resid: string | null) => res.get(resid ?? "")?.getAttribute("DefaultValue");
    const overridesRoot = one(root, NS.ov, "VersionOverrides");
    const host = one(overridesRoot, NS.ov, "Host");
    expect(xsiType(host)).toBe("Document");
    const tab = one(host, NS.ov, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const group = one(tab, NS.ov, "Group");
    expect(text(children(group, NS.ov, "Label")[0].getAttribute("resid"))).toBe("Planstöd");
    const control = one(group, NS.ov, "Control");
    expect(xsiType(control)).toBe("Button");
    expect(text(children(control, NS.ov, "Label")[0].getAttribute("resid"))).toBe("Planstöd");
    const action = one(control, NS.ov, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(text(one(action, NS.ov, "SourceLocation").getAttribute("resid"))).toBe(`${DEV_URL}taskpane.html`);

    const getStarted = one(host, NS.ov, "GetStarted");
    expect(text(one(getStarted, NS.ov, "Title").getAttribute("resid"))).toBeTruthy();
    expect(text(one(getStarted, NS.ov, "Description").getAttribute("resid"))).toBeTruthy();
  });

  test("every resid refers to a defined resource", () => {
    const res = resources();
    const refs = Array.from(doc.getElementsByTagName("*"))
      .map((el) => el.getAttribute("resid"))
      .filter((id): id is string => id !== null);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((id) => !res.has(id))).toEqual([]);
  });

  test("ribbon icons are 16, 32 and 80 pixels and the sizes match the PNGs", () => {
    const res = resources();
    const icons = all(one(root, NS.ov, "Control"), NS.bt, "Image");
    expect(icons.map((i) => i.getAttribute("size"))).toEqual(["16", "32", "80"]);
    for (const icon of icons) {
      const url = res.get(icon.getAttribute("resid") ?? "")?.getAttribute("DefaultValue") ?? "";
      expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
      const size = Number(icon.getAttribute("size"));
      expect(pngSize(join(ROOT, url.slice(DEV_URL.length)))).toEqual({ width: size, height: size });
    }
  });

  test("every URL on the dev server refers to a file that exists in the repository", () => {
    const urls = Array.from(new Set(manifestText.match(/https:\/\/localhost:3000\/[^"<\s]*/g) ?? []));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      const rel = url.slice(DEV_URL.length);
      // assets/* are copied as they are; the HTML pages are built from src/taskpane/.
      const file = rel.startsWith("assets/") ? join(ROOT, rel) : join(ROOT, "src", "taskpane", rel);
      expect([url, existsSync(file)]).toEqual([url, true]);
    }
  });

  test("the add-in icons match their declared sizes", () => {
    const iconUrl = one(root, NS.app, "IconUrl").getAttribute("DefaultValue") ?? "";
    const hiRes = one(root, NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue") ?? "";
    expect(pngSize(join(ROOT, iconUrl.slice(DEV_URL.length)))).toEqual({ width: 32, height: 32 });
    expect(pngSize(join(ROOT, hiRes.slice(DEV_URL.length)))).toEqual({ width: 64, height: 64 });
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});
