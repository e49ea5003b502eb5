/**
 * @jest-environment jsdom
 */
import axe from "axe-core";
import { FakeHost } from "../support/pane-host";
import {
  header,
  item,
  itemKeys,
  messageBars,
  open,
  renderPane,
  screen,
  userEvent,
  waitFor,
  waitIdle,
  within,
} from "../support/pane-render";

// jsdom has no canvas; axe then asks for one to detect icon fonts and jsdom logs "not implemented".
// Answering "no canvas" makes axe skip that check quietly.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

/** Elements a keyboard user can reach: enabled controls and positive tab stops. */
function interactive(root: HTMLElement): HTMLElement[] {
  return Array.from(
    root.querySelectorAll<HTMLElement>(
      'button:not([disabled]), a[href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])',
    ),
  ).filter((el) => !el.closest("[inert]"));
}

/** Presses Tab until focus comes round again; returns every element that had the focus. */
async function tabThrough(user: ReturnType<typeof userEvent.setup>, limit: number): Promise<HTMLElement[]> {
  (document.activeElement as HTMLElement | null)?.blur();
  const seen: HTMLElement[] = [];
  for (let i = 0; i < limit; i++) {
    await user.tab();
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) continue;
    if (seen.includes(el)) break;
    seen.push(el);
  }
  return seen;
}

/** Controls whose accessible name is empty. */
function unnamed(): HTMLElement[] {
  const empty = (name: string) => name.trim() === "";
  return [
    ...screen.queryAllByRole("button", { name: empty }),
    ...screen.queryAllByRole("link", { name: empty }),
    ...screen.queryAllByRole("textbox", { name: empty }),
  ];
}

/**
 * axe-core over the rendered pane; only violations of impact "serious" or "critical" count.
 * `color-contrast` is disabled: jsdom has no layout or rendering, so axe cannot compute colours
 * there (the Fluent themes are designed to meet WCAG AA contrast).
 */
async function seriousViolations(): Promise<{ id: string; nodes: string[] }[]> {
  const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) }));
}

async function openAll(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  for (const key of itemKeys()) await open(user, key);
  const warnings = screen.queryByRole("button", { name: /varning/ });
  if (warnings) await user.click(warnings);
}

describe("keyboard", () => {
  test("every control is reachable with Tab, shows keyboard focus and has an accessible name", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user, container } = await renderPane(host);
    await openAll(user);
    const controls = interactive(container);
    // Headers, field links, "Lägg till …", "Ta bort …", "Uppdatera", the warnings header.
    expect(controls.length).toBeGreaterThan(50);
    const reached = await tabThrough(user, controls.length + 20);
    expect(controls.filter((el) => !reached.includes(el)).map((el) => el.outerHTML.slice(0, 120))).toEqual(
      [],
    );
    // The views switch from the keyboard.
    screen.getByRole("button", { name: /^Granska/ }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: /^Granska/ }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: "Nästa" })).toBeTruthy();
    // Fluent marks keyboard focus for its focus outline.
    expect(document.activeElement?.hasAttribute("data-fui-focus-visible")).toBe(true);
    expect(unnamed().map((el) => el.outerHTML.slice(0, 120))).toEqual([]);
  });

  test("accordion headers open and close with Enter and Space", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    header("bakgrund").focus();
    expect(header("bakgrund").getAttribute("aria-expanded")).toBe("false");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(header("bakgrund").getAttribute("aria-expanded")).toBe("true"));
    expect(
      within(item("bakgrund")).getByRole("button", { name: /^Gå till fältet ”Kort bakgrund/ }),
    ).toBeTruthy();
    await user.keyboard(" ");
    await waitFor(() => expect(header("bakgrund").getAttribute("aria-expanded")).toBe("false"));
    await user.keyboard(" ");
    await waitFor(() => expect(header("bakgrund").getAttribute("aria-expanded")).toBe("true"));
  });

  test("a field is selected and a block added from the keyboard alone", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    header("deltagare").focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(header("deltagare").getAttribute("aria-expanded")).toBe("true"));
    await user.tab();
    expect(document.activeElement?.getAttribute("aria-label")).toBe(
      "Gå till fältet ”Deltagare i insatsen” (saknas)",
    );
    await user.keyboard("{Enter}");
    expect(host.selected).toEqual([{ id: "deltagare", block: null }]);

    screen.getByRole("button", { name: "Lägg till uppföljning" }).focus();
    await user.keyboard("{Enter}");
    await waitIdle();
    expect(messageBars()).toEqual([
      { intent: "success", text: "Uppföljning 2 har lagts till.Gå till första fältet" },
    ]);
    // The button keeps the focus through the edit.
    expect(document.activeElement?.textContent).toBe("Lägg till uppföljning");
  });

  test("an unused block is removed from the keyboard, and the focus goes to the block before it", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    header("utvecklingsomrade#3").focus();
    await user.keyboard("{Enter}");
    const remove = await within(item("utvecklingsomrade#3")).findByRole("button", {
      name: "Ta bort utvecklingsområde 3",
    });
    remove.focus();
    await user.keyboard("{Enter}");
    const confirm = await screen.findByRole("dialog");
    // Escape closes the dialog and gives the focus back.
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(document.activeElement).toBe(remove);
    expect(host.calls.removeBlock).toBe(0);

    await user.keyboard("{Enter}");
    expect(await screen.findByRole("dialog")).not.toBe(confirm);
    // The focus starts on "Avbryt"; Tab reaches "Ta bort".
    await waitFor(() =>
      expect(within(screen.getByRole("dialog")).getByRole("button", { name: "Avbryt" })).toBe(
        document.activeElement,
      ),
    );
    await user.tab();
    expect(within(screen.getByRole("dialog")).getByRole("button", { name: "Ta bort" })).toBe(
      document.activeElement,
    );
    // The focus stays inside the dialog: Tab from the last button comes round to the first, and back.
    await user.tab();
    expect(within(screen.getByRole("dialog")).getByRole("button", { name: "Avbryt" })).toBe(
      document.activeElement,
    );
    await user.tab({ shift: true });
    expect(within(screen.getByRole("dialog")).getByRole("button", { name: "Ta bort" })).toBe(
      document.activeElement,
    );
    await user.keyboard("{Enter}");
    await waitIdle();
    expect(messageBars()).toEqual([{ intent: "success", text: "Utvecklingsområde 3 har tagits bort." }]);
    expect(itemKeys()).not.toContain("utvecklingsomrade#3");
    await waitFor(() => expect(document.activeElement).toBe(header("utvecklingsomrade#2")));
  });
});

describe("axe", () => {
  test("the outline of sv-partial, every section open", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    expect(await seriousViolations()).toEqual([]);
    await openAll(user);
    expect(await seriousViolations()).toEqual([]);
  });

  test("the outline of iko-partial, every section open", async () => {
    const host = FakeHost.fromFixture("iko-partial.docx");
    const { user } = await renderPane(host);
    await openAll(user);
    expect(await seriousViolations()).toEqual([]);
  });

  test("the confirmation dialog", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    const el = await open(user, "utvecklingsomrade#2");
    await user.click(within(el).getByRole("button", { name: "Ta bort utvecklingsområde 2" }));
    expect(await screen.findByRole("dialog", { name: "Ta bort utvecklingsområde 2?" })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  test("the Granska view of sv-partial and of iko-partial, with the comments buttons", async () => {
    for (const name of ["sv-partial.docx", "iko-partial.docx"]) {
      const host = FakeHost.fromFixture(name);
      const { user, unmount } = await renderPane(host);
      await user.click(screen.getByRole("button", { name: /^Granska/ }));
      expect(screen.getByRole("button", { name: "Nästa" })).toBeTruthy();
      expect(screen.getByRole("button", { name: "Lägg granskningen som kommentarer" })).toBeTruthy();
      expect(await seriousViolations()).toEqual([]);
      unmount();
    }
  });

  test("the Granska view without the comment API", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx", { comments: false });
    const { user } = await renderPane(host);
    await user.click(screen.getByRole("button", { name: /^Granska/ }));
    expect(screen.getByTestId("comments-unavailable")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  test("the page for an unknown document", async () => {
    await renderPane(FakeHost.fromFixture("bad/other.docx"));
    expect(screen.getByText("Planstöd känner inte igen det här dokumentet.")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  test("message bars: an error, a success, and what the client lacks", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx", {
      missing: [{ code: "no-selection-events" }],
      followCursor: false,
    });
    const { user } = await renderPane(host);
    await user.click(screen.getByRole("button", { name: "Lägg till utvecklingsområde" }));
    await waitIdle();
    expect(messageBars().map((b) => b.intent)).toEqual(["warning", "success"]);
    expect(await seriousViolations()).toEqual([]);

    host.failNext = new Error("Unexpected end of data");
    await user.click(screen.getByRole("button", { name: "Uppdatera" }));
    await waitIdle();
    expect(messageBars().map((b) => b.intent)).toEqual(["warning", "error"]);
    expect(await seriousViolations()).toEqual([]);
  });

  test("a document the engine cannot read", async () => {
    await renderPane(FakeHost.fromFixture("bad/encrypted.docx"));
    expect(messageBars().map((b) => b.intent)).toEqual(["error"]);
    expect(await seriousViolations()).toEqual([]);
  });

  test("the pane without a host (outside Word)", async () => {
    await renderPane(null);
    expect(await seriousViolations()).toEqual([]);
  });
});
