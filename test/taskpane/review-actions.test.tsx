/**
 * @jest-environment jsdom
 */
/**
 * Warning actions that fix what they say, over the real adapter on the Word double: with
 * Utvecklingsområde 1 used and Uppföljning 1 still empty, the uppföljning warning offers *Gå till
 * uppföljning 1* (not another, empty uppföljning); filling it makes the warning go and the count of
 * what should be fixed drop. *Ta bort instruktionen* clears the instruction in the document.
 */
import { fixture, type FakeHost } from "../support/pane-host";
import { typeInControl } from "../support/word-host";
import { renderPane, screen, waitFor, waitIdle, within } from "../support/pane-render";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble } from "../../word-double";
import type { OfficeEnvironment } from "../../src/taskpane/office-env";

const ENV: OfficeEnvironment = { officeLoaded: true, inWord: true, wordApiSupported: true, darkTheme: false };

async function wordHost(name: string) {
  const double = await createWordDouble(fixture(name), {
    requirementSets: { WordApi: "1.5", DocumentEvents: "1.1" },
  });
  const host = new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis);
  return { double, host };
}

const should = () =>
  screen.getByRole("heading", { name: /^Bör åtgärdas, / }).getAttribute("aria-label") ?? "";

test("uppföljning: the warning goes to the empty Uppföljning 1, and goes away once it is filled", async () => {
  const { double, host } = await wordHost("sv-blank.docx");
  await host.read();
  await host.select({ id: "insats", block: { type: "utvecklingsomrade", index: 1 } });
  await typeInControl(double, "Läsfrämjande insats");
  const pane = await renderPane(host as unknown as FakeHost, { environment: ENV });
  await pane.user.click(screen.getByRole("button", { name: /^Granska/ }));
  expect(should()).toBe("Bör åtgärdas, 5 punkter");
  const warning = Array.from(document.querySelectorAll<HTMLElement>("[data-item^='warning']")).find((el) =>
    el.textContent?.includes("För få uppföljningar"),
  )!;
  expect(warning.textContent).toContain("Ingen uppföljning är ifylld, men 1 utvecklingsområde används.");
  // It does not offer another, empty uppföljning: it goes to the one there is.
  expect(within(warning).queryByRole("button", { name: "Lägg till uppföljning" })).toBeNull();
  await pane.user.click(within(warning).getByRole("button", { name: "Gå till uppföljning\u00a01" }));
  const texts = double.paragraphTexts();
  await waitFor(() => expect(double.selection.paragraphIndexes.length).toBeGreaterThan(0));
  const at = double.selection.paragraphIndexes[0];
  expect(texts.slice(Math.max(0, at - 2), at + 1).join("\n")).toMatch(/när insatsen ska följas upp/);

  await host.select({ id: "nar", block: { type: "uppfoljning", index: 1 } });
  await typeInControl(double, "Efter varje termin.");
  await pane.user.click(screen.getByRole("button", { name: "Uppdatera" }));
  await waitIdle();
  expect(document.body.textContent).not.toContain("För få uppföljningar");
  expect(should()).toBe("Bör åtgärdas, 4 punkter");
});

test("Ta bort instruktionen clears the instruction in the document and the warning goes", async () => {
  const { double, host } = await wordHost("sv-partial.docx");
  const pane = await renderPane(host as unknown as FakeHost, { environment: ENV });
  await pane.user.click(screen.getByRole("button", { name: /^Granska/ }));
  expect(should()).toBe("Bör åtgärdas, 4 punkter");
  const before = double.paragraphTexts();
  await pane.user.click(screen.getAllByRole("button", { name: /^Ta bort instruktionen ”/ })[1]);
  await waitIdle();
  expect(document.querySelector('[data-feedback="review"]')?.textContent).toContain(
    "Instruktionen har tagits bort.",
  );
  expect(should()).toBe("Bör åtgärdas, 3 punkter");
  const after = double.paragraphTexts();
  const changed = before.flatMap((t, i) => (t !== after[i] ? [i] : []));
  expect(changed.map((i) => [before[i].trim(), after[i].trim()])).toEqual([["Klistra in här.", ""]]);
});
