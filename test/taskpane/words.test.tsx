/**
 * @jest-environment jsdom
 */
/** The pane's words (docs/design.md, "Words"): no "?.", no mid-sentence capitals in its own sentences, one vocabulary. */
import { sv } from "../../src/taskpane/i18n";
import { FakeHost } from "../support/pane-host";
import { itemKeys, open, renderPane, screen, userEvent } from "../support/pane-render";

/** Every text a user can see or hear: text content and accessible names. */
function spoken(): string[] {
  const names = Array.from(document.querySelectorAll<HTMLElement>("[aria-label]")).map(
    (el) => el.getAttribute("aria-label") ?? "",
  );
  return [document.body.textContent ?? "", ...names];
}

async function everything(name: string): Promise<string[]> {
  const host = FakeHost.fromFixture(name);
  const user = userEvent.setup();
  const pane = await renderPane(host, { user });
  for (const key of itemKeys()) await open(user, key);
  const outline = spoken();
  await user.click(screen.getByRole("button", { name: /^Granska/ }));
  const review = spoken();
  pane.unmount();
  return [...outline, ...review];
}

describe.each(["sv-partial.docx", "iko-partial.docx", "sv-blank.docx"])("%s", (name) => {
  test("no '?.' anywhere, and the pane's own sentences have no capital after a verb", async () => {
    const texts = await everything(name);
    for (const text of texts) {
      expect(text).not.toMatch(/\?\./);
      expect(text).not.toMatch(/\b(Ta bort|Lägg till|i|av|till) (Utvecklingsområde|Uppföljning)[ \u00a0]\d/);
    }
    // "block" and "tom/tomt" are not the pane's words.
    const own = texts.join("\n");
    expect(own).not.toMatch(/\bblock(et)?\b/i);
    expect(own).not.toMatch(/\btomt?\b/i);
  }, 60000);
});

test("the catalogue's sentences end once, with a table name ending in '?'", () => {
  const part = { name: "Vem tog fram handlingsplanen?", kind: "rows" as const };
  expect(sv.added(part, 2)).toBe("Rad 2 i tabellen ”Vem tog fram handlingsplanen?” har lagts till.");
  expect(sv.removedRow(part.name, 2)).toBe(
    "Rad 2 i tabellen ”Vem tog fram handlingsplanen?” har tagits bort.",
  );
  expect(sv.removeLabel("Utvecklingsområde 3")).toBe("Ta bort utvecklingsområde 3");
  expect(sv.goToField("Vem gör?", sv.field.notFilled, 2)).toBe(
    "Gå till fältet ”Vem gör?” på rad 2 (inte ifyllt)",
  );
});
