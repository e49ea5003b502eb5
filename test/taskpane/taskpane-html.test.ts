/**
 * taskpane.html's guard for engines the bundle cannot run on (issue 9, item 6): old perpetual
 * Office on Windows shows task panes in Internet Explorer 11. The page's inline ES5 lines run
 * before the deferred bundle; here they run in a page that simulates IE11 (document.documentMode
 * and IE11's user agent) and in one that simulates a modern engine.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { parse } from "acorn";
import { ROOT } from "../support/paths";

const HTML = readFileSync(join(ROOT, "src/taskpane/taskpane.html"), "utf8")
  // The office.js CDN script is not loaded in the test.
  .replace(/<script src="[^"]*"><\/script>/g, "");

const IE11_UA = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";

function page(simulate: "ie11" | "old-edge" | "modern"): JSDOM {
  return new JSDOM(HTML, {
    runScripts: "dangerously",
    userAgent: simulate === "ie11" ? IE11_UA : "Mozilla/5.0 (Windows NT 10.0) Chrome/120 Safari/537.36",
    beforeParse(window) {
      if (simulate === "ie11") Object.defineProperty(window.document, "documentMode", { value: 11 });
      if (simulate === "old-edge") {
        // EdgeHTML parses ES2017 but not optional chaining: Function() throws a SyntaxError.
        const original = window.Function;
        (window as unknown as { Function: unknown }).Function = function (...args: string[]) {
          if (args.some((a) => a.includes("?."))) throw new window.SyntaxError("Expected identifier");
          return original(...args);
        };
      }
    },
  });
}

describe("taskpane.html before the bundle", () => {
  test("in IE11 it shows which Word is needed, in Swedish, as an alert", () => {
    const { document } = page("ie11").window;
    const alert = document.querySelector("#container [role=alert]");
    expect(alert).not.toBeNull();
    const text = alert?.textContent ?? "";
    expect(text).toContain("Internet Explorer 11, som inte kan köra Planstöd");
    expect(text).toContain("Word på webben");
    expect(text).toContain("Word för Microsoft 365 på Windows eller Mac");
    expect(text).toContain("Word 2021 eller senare");
    expect(document.documentElement.getAttribute("data-planstod-unsupported")).toBe("ie11");
    expect(document.documentElement.lang).toBe("sv");
  });

  test("an engine without ES2020 syntax (EdgeHTML) gets the same advice", () => {
    const { document } = page("old-edge").window;
    expect(document.querySelector("#container [role=alert]")?.textContent).toContain("för gammal webbläsare");
    expect(document.documentElement.getAttribute("data-planstod-unsupported")).toBe("old-browser");
  });

  test("a modern engine leaves the container to the bundle", () => {
    const { document } = page("modern").window;
    expect(document.getElementById("container")?.innerHTML).toBe("");
    expect(document.documentElement.hasAttribute("data-planstod-unsupported")).toBe(false);
  });

  test("the guard parses as ES5 (IE11 runs it); only the probe string holds newer syntax", () => {
    const inline = [...HTML.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    expect(() => parse(inline[0], { ecmaVersion: 5 })).not.toThrow();
  });
});
