/**
 * @jest-environment jsdom
 */
/** The Granska view: grouped review, one click to each item, stepping, actions, done state, comments. */
import { act } from "react";
import { buildReview, mustGroups, reviewItems, shouldGroups, stepOrder } from "../../src/core/review";
import { keepNumber } from "../../src/taskpane/text";
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

/** The groups shown under *Måste åtgärdas* ("must") or *Bör åtgärdas* ("should"), or both. */
const groups = (kind?: "must" | "should") =>
  Array.from(
    document.querySelectorAll<HTMLElement>(kind ? `[data-kind="${kind}"] [data-group]` : "[data-group]"),
  ).map((g) => ({
    key: g.dataset.group,
    heading: g.querySelector("h4")?.textContent,
    items: g.querySelectorAll("[data-item]").length,
  }));

const position = () => screen.getByTestId("review-position").textContent;

describe("Granska over sv-partial", () => {
  test("lists every missing field and warning grouped by section in document order, with counts", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const snapshot = await host.read();
    const review = buildReview(snapshot.template!, snapshot.report!);

    // Not ready: what must be fixed is counted; the counting is explained on request.
    const status = screen.getByTestId("review-status");
    expect(status.textContent).toBe("Inte klar att skicka: 14 obligatoriska fält saknas.Vad räknas?");
    await pane.user.click(within(status).getByRole("button", { name: "Vad räknas?" }));
    expect(status.textContent).toContain("Räknar alla obligatoriska fält, även i de utvecklingsområden");
    // Måste åtgärdas: the missing fields by section; Bör åtgärdas: the warnings, which never block.
    expect(screen.getByRole("heading", { name: "Måste åtgärdas, 14 punkter" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Bör åtgärdas, 4 punkter" })).toBeTruthy();
    expect(document.querySelector('[data-kind="should"]')?.textContent).toContain(
      "Varningar gör aldrig planen ofullständig",
    );
    const shown = (groups: ReturnType<typeof mustGroups>) =>
      // "Utvecklingsområde 1" keeps its number on its line (a no-break space).
      groups.map((g) => ({ key: g.key, heading: keepNumber(g.title), items: g.items.length }));
    expect(groups("must")).toEqual(shown(mustGroups(review)));
    expect(groups("should")).toEqual(shown(shouldGroups(review)));
    expect(groups("must").map((g) => g.key)).toEqual([
      `${UO}#1`,
      "deltagare",
      "tidplan",
      "ansvar",
      "delaktighet",
      "uppfoljning#1",
      "styrkor",
      "risker",
      "forebyggande",
      "erfarenhetsspridning",
    ]);
    // The leftover instructions belong to the document as a whole, after the sections.
    expect(groups("should").map((g) => g.key)).toEqual([`${UO}#2`, `${UO}#3`, ""]);
    expect(groups("should")[0].heading).toBe("Utvecklingsområde\u00a02");
    expect(groups("should").at(-1)?.heading).toBe("Hela dokumentet");
    const counts = groups().reduce((n, g) => n + g.items, 0);
    expect(counts).toBe(reviewItems(review).length);
    expect(counts).toBe(18);
    // A field named as its section is not named twice: "Tidplan" under "Tidplan".
    const tidplan = document.querySelector<HTMLElement>('[data-group="tidplan"]')!;
    expect(
      within(tidplan).getByRole("button", { name: "Gå till fältet ”Tidplan” (saknas)" }).textContent,
    ).toBe("Gå till fältet");
    // Before any step, the stepper says how many items there are.
    expect(position()).toBe("18 punkter");
  });

  test("an item is one click (or Enter) from its field", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const group = document.querySelector<HTMLElement>(`[data-group="${UO}#1"]`)!;
    await pane.user.click(within(group).getByRole("button", { name: "Mål med insatsen, saknas" }));
    expect(host.targets).toEqual([{ kind: "field", field: { id: "mal", block: { type: UO, index: 1 } } }]);
    const deltagare = document.querySelector<HTMLElement>('[data-group="deltagare"]')!;
    within(deltagare).getByRole("button", { name: "Gå till fältet ”Deltagare i insatsen” (saknas)" }).focus();
    await pane.user.keyboard("{Enter}");
    expect(host.targets[1]).toEqual({ kind: "field", field: { id: "deltagare", block: null } });
    // The item the pane went to is marked as where the cursor is.
    await waitFor(() =>
      expect(document.querySelector('[data-item][data-current="true"]')?.getAttribute("data-item")).toBe(
        "missing:deltagare",
      ),
    );
  });

  test("Nästa steps through every item (missing fields and warnings) in document order, and Föregående back", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const snapshot = await host.read();
    const order = stepOrder(buildReview(snapshot.template!, snapshot.report!));
    expect(order).toHaveLength(18);
    const next = screen.getByRole("button", { name: "Nästa" });
    const current = () => document.querySelectorAll('[aria-current="true"]');
    for (let i = 0; i < order.length; i++) {
      await pane.user.click(next);
      // One current item, the one stepped to, with its position.
      expect(Array.from(current()).map((el) => el.getAttribute("data-item"))).toEqual([order[i].key]);
      expect(position()).toBe(`${i + 1} av 18`);
      expect(screen.queryByTestId("review-wrapped")).toBeNull();
    }
    expect(host.targets).toEqual(order.map((item) => item.target));
    expect(announced).toContain("1 av 18: Orsaker till identifierade problem (utvecklingsområde 1)");
    expect(announced).toContain("5 av 18: Används inte (utvecklingsområde 2)");
    expect(announced).toContain("18 av 18: Instruktion kvar i dokumentet");
    // From the last one, Nästa starts over at the first and says so, visibly and aloud.
    await pane.user.click(next);
    expect(host.targets.at(-1)).toEqual(order[0].target);
    expect(position()).toBe("1 av 18");
    expect(screen.getByTestId("review-wrapped").textContent).toContain("Började om från början.");
    expect(announced.at(-1)).toBe(
      "Började om från början. 1 av 18: Orsaker till identifierade problem (utvecklingsområde 1)",
    );
    // Föregående from the first goes to the last, from the end.
    await pane.user.click(screen.getByRole("button", { name: "Föregående" }));
    expect(host.targets.at(-1)).toEqual(order[17].target);
    expect(position()).toBe("18 av 18");
    expect(screen.getByTestId("review-wrapped").textContent).toContain("Började om från slutet.");
    await pane.user.click(screen.getByRole("button", { name: "Föregående" }));
    expect(position()).toBe("17 av 18");
    expect(screen.queryByTestId("review-wrapped")).toBeNull();
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
    await pane.user.click(screen.getByRole("button", { name: "Nästa" }));
    expect(host.targets.at(-1)).toEqual({ kind: "field", field: { id: "delaktighet", block: null } });
    expect(position()).toBe("10 av 18");
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

  test("a leftover instruction is one click away, and one click from gone", async () => {
    const host = FakeHost.fromFixture("sv-blank.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const whole = document.querySelector<HTMLElement>('[data-group=""]')!;
    const goTo = within(whole).getAllByRole("button", { name: "Gå till" });
    expect(goTo).toHaveLength(2);
    await pane.user.click(goTo[1]);
    expect(host.targets.at(-1)).toEqual({ kind: "instruction", ordinal: 1 });
    // The item gone to is the current one.
    expect(document.querySelector('[aria-current="true"]')?.getAttribute("data-item")).toBe("warning:3");
    expect(position()).toBe("26 av 26");
    // The host can remove it: one button, named for the instruction.
    await pane.user.click(
      within(whole).getByRole("button", {
        name: "Ta bort instruktionen ”Mallens instruktion ”Klistra in här.” står kvar i dokumentet och bör raderas.”",
      }),
    );
    await waitIdle();
    expect(host.removedInstructions).toEqual([1]);
    expect(document.querySelector('[data-feedback="review"]')?.textContent).toContain(
      "Instruktionen har tagits bort. Du kan ångra det i Word med Ctrl+Z.",
    );
  });

  test("too few uppföljningar: the warning offers to add one, which opens in the outline as new", async () => {
    const host = FakeHost.fromFixture("sv-pasted-table.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const warning = Array.from(document.querySelectorAll<HTMLElement>("[data-item^='warning']")).find((el) =>
      el.textContent?.includes("För få uppföljningar"),
    )!;
    expect(warning.textContent).toContain("1 uppföljning är ifylld, men 2 utvecklingsområden används.");
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
  test("a complete plan is ready to send, with no step buttons and nothing to comment on", async () => {
    const host = FakeHost.fromFixture("sv-complete.docx");
    const pane = await renderPane(host);
    await openReview(pane);
    const status = screen.getByTestId("review-status").textContent ?? "";
    expect(status).toContain("✓ Klar att skicka: alla obligatoriska fält är ifyllda.");
    expect(screen.queryByRole("button", { name: "Nästa" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Lägg granskningen som kommentarer" })).toBeNull();
    // Planstöd's earlier comments can still be removed.
    expect(screen.getByRole("button", { name: "Ta bort Planstöds kommentarer" })).toBeTruthy();
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
