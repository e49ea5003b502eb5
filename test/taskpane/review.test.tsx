/**
 * @jest-environment jsdom
 */
/** The Granska view: grouped review, one click to each item, stepping, actions, done state, comments. */
import { act } from "react";
import { buildReview, reviewItems } from "../../src/core/review";
import { FakeHost } from "../support/pane-host";
import {
  announced,
  dialog,
  dialogButton,
  messageBars,
  renderPane,
  screen,
  waitFor,
  waitIdle,
  within,
  type Pane,
} from "../support/pane-render";

const UO = "utvecklingsomrade";

async function openReview(pane: Pane): Promise<void> {
  await pane.user.click(screen.getByRole("button", { name: /^Granska/ }));
}

const groups = () =>
  Array.from(document.querySelectorAll<HTMLElement>("[data-group]")).map((g) => ({
    key: g.dataset.group,
    heading: g.querySelector("h3")?.textContent,
    items: g.querySelectorAll("[data-item]").length,
  }));

describe("Granska over sv-partial", () => {
  test("lists every missing field and warning grouped by section in document order, with counts", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const snapshot = await host.read();
    const review = buildReview(snapshot.template!, snapshot.report!);

    expect(screen.getByTestId("review-status").textContent).toBe(
      "14 obligatoriska fält saknas, 4 varningar" +
        "Räknar alla obligatoriska fält, även i de utvecklingsområden, uppföljningar och rader som används. Ett tillagt avsnitt som ännu inte är ifyllt räknas inte.",
    );
    // One group per section that has something, in the review's (document) order, each with its count.
    expect(groups()).toEqual(
      review.groups.map((g) => ({
        key: g.key,
        heading: `${g.title}${g.items.length}`,
        items: g.items.length,
      })),
    );
    expect(groups().map((g) => g.key)).toEqual([
      `${UO}#1`,
      `${UO}#2`,
      `${UO}#3`,
      "deltagare",
      "tidplan",
      "ansvar",
      "delaktighet",
      "uppfoljning#1",
      "styrkor",
      "risker",
      "forebyggande",
      "erfarenhetsspridning",
      // The leftover instructions belong to the document as a whole, after the sections.
      "",
    ]);
    expect(groups().at(-1)?.heading).toBe("Hela dokumentet2");
    const counts = groups().reduce((n, g) => n + g.items, 0);
    expect(counts).toBe(reviewItems(review).length);
    expect(counts).toBe(18);
    // The count badge is named for screen readers.
    expect(
      within(document.querySelector<HTMLElement>(`[data-group="${UO}#1"]`)!).getByLabelText("4 punkter"),
    ).toBeTruthy();
  });

  test("an item is one click (or Enter) from its field", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const group = document.querySelector<HTMLElement>(`[data-group="${UO}#1"]`)!;
    await pane.user.click(within(group).getByRole("button", { name: "Mål med insatsen, saknas" }));
    expect(host.targets).toEqual([{ kind: "field", field: { id: "mal", block: { type: UO, index: 1 } } }]);
    const deltagare = document.querySelector<HTMLElement>('[data-group="deltagare"]')!;
    within(deltagare).getByRole("button", { name: "Deltagare i insatsen, saknas" }).focus();
    await pane.user.keyboard("{Enter}");
    expect(host.targets[1]).toEqual({ kind: "field", field: { id: "deltagare", block: null } });
    // The item the pane went to is marked as where the cursor is.
    await waitFor(() =>
      expect(document.querySelector('[data-item][data-current="true"]')?.getAttribute("data-item")).toBe(
        "missing:deltagare",
      ),
    );
  });

  test("Nästa saknade fält steps through every missing field from the cursor, and Föregående back", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const report = (await host.read()).report!;
    const next = screen.getByRole("button", { name: "Nästa saknade fält" });
    for (let i = 0; i < report.missing.length; i++) await pane.user.click(next);
    expect(host.targets.map((t) => (t.kind === "field" ? t.field : null))).toEqual(
      report.missing.map((m) => ({ id: m.id, block: m.block })),
    );
    expect(announced).toContain(
      "Saknat fält 1 av 14: Orsaker till identifierade problem (utvecklingsområde 1)",
    );
    expect(announced).toContain("Saknat fält 14 av 14: Erfarenhetsspridning");
    // From the last one, Nästa wraps to the first, Föregående goes back to the last.
    await pane.user.click(next);
    expect(host.targets.at(-1)).toEqual({
      kind: "field",
      field: { id: "orsaker", block: { type: UO, index: 1 } },
    });
    await pane.user.click(screen.getByRole("button", { name: "Föregående saknade fält" }));
    expect(host.targets.at(-1)).toEqual({
      kind: "field",
      field: { id: "erfarenhetsspridning", block: null },
    });
  });

  test("stepping starts from where the cursor is in the document", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx", { followCursor: true });
    const pane = await renderPane(host);
    await openReview(pane);
    // The cursor is in Ansvar (missing): the next missing field after it is Delaktighet.
    host.cursor = { id: "ansvar", block: null };
    await act(async () => {
      host.fireSelectionChanged();
      await new Promise((r) => setTimeout(r, 300));
    });
    await pane.user.click(screen.getByRole("button", { name: "Nästa saknade fält" }));
    expect(host.targets.at(-1)).toEqual({ kind: "field", field: { id: "delaktighet", block: null } });
  });

  test("warnings carry their action: remove the unused block, go to the leftover instruction", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const uo3 = document.querySelector<HTMLElement>(`[data-group="${UO}#3"]`)!;
    expect(uo3.textContent).toContain(
      "Utvecklingsområde 3 används inte: inget av dess fält är ifyllt. Fyll i det eller ta bort det.",
    );
    await pane.user.click(within(uo3).getByRole("button", { name: "Ta bort utvecklingsområde 3" }));
    const confirm = await dialog();
    expect(confirm.textContent).toContain("Utvecklingsområde 3 tas bort ur dokumentet med alla sina 7 fält.");
    await pane.user.click(dialogButton(confirm, "Ta bort"));
    await waitIdle();
    // The result is shown in the review, where the user acted.
    const bar = document.querySelector('[data-feedback="review"]');
    expect(bar?.textContent).toContain("Utvecklingsområde 3 har tagits bort.");
    expect(announced).toContain("Utvecklingsområde 3 har tagits bort.");
    expect(groups().map((g) => g.key)).not.toContain(`${UO}#3`);
    expect((await host.read()).report?.blocks[UO]).toBe(2);
  });

  test("a leftover instruction is one click away", async () => {
    const host = FakeHost.fromFixture("sv-blank.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const leftover = within(document.querySelector<HTMLElement>('[data-group=""]')!).getAllByRole("button", {
      name: "Instruktion kvar i dokumentet, varning",
    });
    expect(leftover).toHaveLength(2);
    await pane.user.click(leftover[1]);
    expect(host.targets.at(-1)).toEqual({ kind: "instruction", ordinal: 1 });
  });

  test("too few uppföljningar: the warning offers to add one, which opens in the outline as new", async () => {
    const host = FakeHost.fromFixture("sv-pasted-table.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const warning = Array.from(document.querySelectorAll<HTMLElement>("[data-item^='warning']")).find((el) =>
      el.textContent?.includes("För få uppföljningar"),
    )!;
    expect(warning.textContent).toContain("1 uppföljning är ifylld men 2 utvecklingsområden.");
    await pane.user.click(within(warning).getByRole("button", { name: "Lägg till uppföljning" }));
    await waitIdle();
    expect((await host.read()).report?.blocks.uppfoljning).toBe(2);
    const bar = document.querySelector<HTMLElement>('[data-feedback="review"]')!;
    expect(bar.textContent).toContain("Uppföljning 2 har lagts till.");
    // The new block is not reported as unused while it is new; it offers to go to its first field.
    expect(document.body.textContent).not.toContain("Uppföljning 2 används inte");
    await pane.user.click(within(bar).getByRole("button", { name: "Gå till första fältet" }));
    expect(host.targets.at(-1)).toEqual({
      kind: "field",
      field: { id: "nar", block: { type: "uppfoljning", index: 2 } },
    });
  });
});

describe("done state", () => {
  test("a complete plan says so plainly, with no step buttons", async () => {
    const host = FakeHost.fromFixture("sv-complete.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const status = screen.getByTestId("review-status").textContent ?? "";
    expect(status).toContain("✓ Alla obligatoriska fält är ifyllda.");
    expect(screen.queryByRole("button", { name: "Nästa saknade fält" })).toBeNull();
  });
});

describe("comments", () => {
  test("inserts the review as comments, replaces them when run again, removes only Planstöd's", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    host.comments.push({ text: "Bra skrivet! /Anna", target: null });
    const pane = await renderPane(host);
    await openReview(pane);

    await pane.user.click(screen.getByRole("button", { name: "Lägg granskningen som kommentarer" }));
    await waitIdle();
    expect(host.calls.insertComments).toBe(1);
    expect(host.comments).toHaveLength(19);
    const bar = () => document.querySelector('[data-feedback="comments"]')?.textContent ?? "";
    expect(bar()).toContain("18 kommentarer har lagts in i dokumentet.");
    expect(announced).toContain("18 kommentarer har lagts in i dokumentet.");

    // Again: no duplicates, the earlier ones are replaced.
    await pane.user.click(screen.getByRole("button", { name: "Lägg granskningen som kommentarer" }));
    await waitIdle();
    expect(host.comments).toHaveLength(19);
    expect(bar()).toContain(
      "18 kommentarer har lagts in i dokumentet. 18 tidigare kommentarer från Planstöd har ersatts.",
    );

    await pane.user.click(screen.getByRole("button", { name: "Ta bort Planstöds kommentarer" }));
    await waitIdle();
    expect(host.comments).toEqual([{ text: "Bra skrivet! /Anna", target: null }]);
    expect(bar()).toContain("18 kommentarer från Planstöd har tagits bort. Andras kommentarer finns kvar.");
  });

  test("a client without the comment API is told what to do instead", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx", { comments: false });
    const pane = await renderPane(host);
    await openReview(pane);
    expect(screen.queryByRole("button", { name: "Lägg granskningen som kommentarer" })).toBeNull();
    expect(screen.getByTestId("comments-unavailable").textContent).toContain("WordApi 1.4");
    expect(screen.getByText("planstod check FIL.docx --comments -o UT.docx")).toBeTruthy();
  });

  test("a failure is shown next to the comment buttons", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    host.failNext = Object.assign(new Error("Word kunde inte lägga in kommentaren."), {
      name: "PlanstodError",
    });
    await pane.user.click(screen.getByRole("button", { name: "Lägg granskningen som kommentarer" }));
    await waitIdle();
    expect(messageBars()).toEqual([{ intent: "error", text: "Word kunde inte lägga in kommentaren." }]);
    expect(document.querySelector('[data-feedback="comments"]')).toBeTruthy();
  });
});
