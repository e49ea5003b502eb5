/**
 * @jest-environment jsdom
 */
/**
 * The user's language from the first screen: before a template is known (empty document, unknown
 * document, an error, the chooser) the pane speaks Word's display language (Danish for da-*,
 * Swedish otherwise); once a template is known, the template's language. Every state is rendered
 * and every text a user can see or hear is searched for words only the other language has.
 */
import { NewPlanHost } from "../support/new-plan-host";
import { FakeHost } from "../support/pane-host";
import { announced, itemKeys, open, renderPane, screen, waitIdle, type Pane } from "../support/pane-render";
import type { OfficeEnvironment } from "../../src/taskpane/office-env";
import { TEMPLATES } from "../../src/core/templates";

const env = (displayLanguage: string): OfficeEnvironment => ({
  officeLoaded: true,
  inWord: true,
  wordApiSupported: true,
  darkTheme: false,
  displayLanguage,
});

/** Words of the pane's Swedish that Danish does not have, and the other way round. */
const ONLY: Record<"sv" | "da", RegExp> = {
  sv: /\b(och|inte|är|till|saknas|ifyllt|ifyllda|Skapa|Granska|Uppdatera|Nästa|Föregående|åtgärdas|används|Måste|punkter av|kommentarerna|Läser)\b/u,
  da: /\b(ikke|og|af|til|mangler|udfyldt|Opret|Gennemgå|Opdater|Næste|Forrige|rettes|bruges|felter|Skal|punkter af|Læser)\b/u,
};

/**
 * Every text a user can see or hear in the pane, leaving out what is marked as another language
 * (the chooser names each plan in its own language, with `lang`).
 */
function spoken(language: "sv" | "da"): string[] {
  const out: string[] = [];
  const other = (el: Element | null) => {
    const lang = el?.closest("[lang]")?.getAttribute("lang") ?? "";
    return lang !== "" && !lang.startsWith(language);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!other(n.parentElement) && (n.textContent ?? "").trim() !== "") out.push(n.textContent ?? "");
  }
  for (const el of Array.from(document.querySelectorAll("[aria-label]"))) {
    if (!other(el)) out.push(el.getAttribute("aria-label") ?? "");
  }
  return [...out, ...announced];
}

/** Plans' names are names in any language ("Opret Verksamhets- och kompetensplan"). */
const NAMES = TEMPLATES.map((t) => t.name);
const withoutNames = (text: string): string => NAMES.reduce((t, name) => t.split(name).join(""), text);

function expectOnly(language: "sv" | "da", state: string): void {
  const wrong = language === "sv" ? ONLY.da : ONLY.sv;
  const found = spoken(language).filter((t) => wrong.test(withoutNames(t)));
  expect({ state, found }).toEqual({ state, found: [] });
}

/** The outline with every section open, Granska, and the Om Planstöd menu: each checked. */
async function everyState(pane: Pane, language: "sv" | "da"): Promise<void> {
  expectOnly(language, "first screen");
  for (const key of itemKeys()) await open(pane.user, key);
  expectOnly(language, "outline, every section open");
  await pane.user.click(screen.getByRole("button", { name: /^(Granska|Gennemgå)/ }));
  expectOnly(language, "review");
  const next = screen.queryByRole("button", { name: /^(Nästa|Næste)$/ });
  if (next) {
    await pane.user.click(next);
    expectOnly(language, "review, one step");
  }
  await pane.user.click(screen.getByRole("button", { name: "Om Planstöd" }));
  expectOnly(language, "Om Planstöd");
}

describe("Word in Danish (da-DK)", () => {
  test("an empty document: the chooser is Danish", async () => {
    const pane = await renderPane(NewPlanHost.empty(), { environment: env("da-DK") });
    expect(screen.getByRole("heading", { level: 2, name: "Opret en ny plan" })).toBeTruthy();
    expect(document.querySelector("main")?.getAttribute("lang")).toBe("da-DK");
    expectOnly("da", "chooser");
    // Creating the Danish plan: the pane goes on in Danish.
    await pane.user.click(screen.getByRole("button", { name: "Opret Implementeringsplan" }));
    await waitIdle();
    expectOnly("da", "created");
    await everyState(pane, "da");
  });

  test("a Danish plan, every state", async () => {
    const pane = await renderPane(FakeHost.fromFixture("dk-partial.docx"), { environment: env("da-DK") });
    await everyState(pane, "da");
  });

  test("an unknown document and an error are Danish", async () => {
    await renderPane(FakeHost.fromFixture("bad/empty-document.docx"), { environment: env("da-DK") });
    expect(screen.getByText("Planstöd genkender ikke dette dokument.")).toBeTruthy();
    expectOnly("da", "unknown document");
    document.body.innerHTML = "";
    const failing = FakeHost.fromFixture("dk-partial.docx");
    failing.failNext = new Error("boom");
    await renderPane(failing, { environment: env("da-DK") });
    expect(screen.getByText("Noget gik galt: boom")).toBeTruthy();
    expectOnly("da", "error");
  });

  test("a Swedish plan is shown in Swedish (the template's language)", async () => {
    const pane = await renderPane(FakeHost.fromFixture("sv-partial.docx"), { environment: env("da-DK") });
    expect(document.querySelector("main")?.getAttribute("lang")).toBe("sv-SE");
    await everyState(pane, "sv");
  });
});

describe("Word in Swedish (sv-SE)", () => {
  test("an empty document: the chooser is Swedish", async () => {
    const pane = await renderPane(NewPlanHost.empty(), { environment: env("sv-SE") });
    expect(screen.getByRole("heading", { level: 2, name: "Skapa en ny plan" })).toBeTruthy();
    expectOnly("sv", "chooser");
    await pane.user.click(screen.getByRole("button", { name: "Om Planstöd" }));
    expectOnly("sv", "Om Planstöd");
  });

  test("a Swedish plan, every state", async () => {
    const pane = await renderPane(FakeHost.fromFixture("sv-blank.docx"), { environment: env("sv-SE") });
    await everyState(pane, "sv");
  });

  test("a Danish plan is shown in Danish (the template's language)", async () => {
    const pane = await renderPane(FakeHost.fromFixture("dk-partial.docx"), { environment: env("sv-SE") });
    await everyState(pane, "da");
  });
});
