/**
 * @jest-environment jsdom
 */
/**
 * Statuses that keep up: the pane checks the document by itself after the cursor rests and,
 * gently, while it is visible; and feedback where the user looks (fresh blocks, rows).
 */
import { act } from "react";
import { REFRESH_DELAY_MS, SELECTION_DEBOUNCE_MS } from "../../src/taskpane/App";
import { FakeHost, fixture } from "../support/pane-host";
import {
  announced,
  dialog,
  dialogButton,
  header,
  item,
  open,
  renderPane,
  screen,
  status,
  waitFor,
  waitIdle,
  within,
} from "../support/pane-render";

const UO = "utvecklingsomrade";
const summary = () => screen.getByTestId("summary").textContent;

describe("auto-refresh", () => {
  test("the background check picks up what the user typed, with no click", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    await renderPane(host, { refreshPollMs: 200 });
    expect(summary()).toBe("8 av 22 obligatoriska fält ifyllda. Dokumentet är inte komplett.");
    // Nothing changed: the checks find nothing, and nothing is re-rendered from a read.
    await waitFor(() => expect(host.calls.refresh).toBeGreaterThan(1));
    expect(host.calls.read).toBe(1);

    // The user fills in the rest in Word (the fake's document becomes the complete one).
    host.bytes = fixture("sv-complete.docx");
    await waitFor(() =>
      expect(summary()).toBe("42 av 42 obligatoriska fält ifyllda. Dokumentet är komplett."),
    );
    expect(status(`${UO}#3`)).toBe("Ifyllt");
    expect(screen.getByRole("button", { name: "Granska (0)" })).toBeTruthy();
    // The new count is announced politely.
    expect(announced).toContain("42 av 42 obligatoriska fält ifyllda");
    expect(document.querySelector(".fui-Spinner")).toBeNull();
  });

  test("after the cursor rests the pane checks once; a burst of cursor moves is one check", async () => {
    // The first read runs with real timers (the zip reader uses them); the timing with fake ones.
    const host = FakeHost.fromFixture("sv-partial.docx");
    await renderPane(host);
    jest.useFakeTimers();
    try {
      const before = host.calls.refresh;
      for (let i = 0; i < 5; i++) {
        act(() => host.fireSelectionChanged());
        // The cursor check runs through the pane's queue: let it finish.
        await act(async () => {
          jest.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
        });
      }
      expect(host.calls.refresh).toBe(before);
      await act(async () => {
        jest.advanceTimersByTime(REFRESH_DELAY_MS);
      });
      expect({ refresh: host.calls.refresh, cursor: host.calls.fieldAtCursor }).toEqual({
        refresh: before + 1,
        cursor: 5,
      });
    } finally {
      jest.useRealTimers();
    }
  });

  test("no background check runs while the user's edit does", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host, { refreshPollMs: 20 });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const add = host.addBlock.bind(host);
    host.addBlock = async (type, after) => {
      await gate;
      return add(type, after);
    };
    await user.click(screen.getByRole("button", { name: "Lägg till utvecklingsområde" }));
    const during = host.calls.refresh;
    await new Promise((r) => setTimeout(r, 200));
    expect(host.calls.refresh).toBe(during);
    release();
    await waitIdle();
    expect(status(`${UO}#4`)).toBe("Nytt");
  });

  test("a document that is no known template is not checked in the background", async () => {
    const host = FakeHost.fromFixture("bad/other.docx");
    await renderPane(host, { refreshPollMs: 20 });
    await new Promise((r) => setTimeout(r, 200));
    expect(host.calls.refresh).toBe(0);
  });

  test("a failing background check says nothing", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    await renderPane(host, { refreshPollMs: 50 });
    host.failNext = new Error("Word is busy");
    await waitFor(() => expect(host.failNext).toBeNull());
    expect(document.querySelector(".fui-MessageBar")).toBeNull();
  });
});

describe("a newly added block", () => {
  test("opens, is new rather than unused until the user has been in it and left, and offers its first field", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    await user.click(screen.getByRole("button", { name: "Lägg till utvecklingsområde" }));
    await waitIdle();
    expect(header(`${UO}#4`).getAttribute("aria-expanded")).toBe("true");
    expect(status(`${UO}#4`)).toBe("Nytt");
    // The message stands right after the new block (where the user is), and is announced.
    const feedback = document.querySelector<HTMLElement>(`[data-feedback="${UO}#4"]`)!;
    expect(feedback.previousElementSibling).toBe(item(`${UO}#4`));
    expect(announced).toContain("Utvecklingsområde 4 har lagts till.");
    await user.click(within(feedback).getByRole("button", { name: "Gå till första fältet" }));
    expect(host.targets.at(-1)).toEqual({
      kind: "field",
      field: { id: "omrade", block: { type: UO, index: 4 } },
    });

    // The review does not call it unused while it is new.
    await user.click(screen.getByRole("button", { name: /^Granska/ }));
    expect(document.body.textContent).not.toContain("Utvecklingsområde 4 används inte");
    await user.click(screen.getByRole("button", { name: "Avsnitt" }));

    // The user leaves it (the cursor goes to another field): now it is unused.
    host.cursor = { id: "bakgrund", block: null };
    act(() => host.fireSelectionChanged());
    await waitFor(() => expect(status(`${UO}#4`)).toBe("Används inte"));
  });
});

describe("rows of IKO's tables", () => {
  test("an empty row can be removed, after a dialog that names it; a filled row cannot", async () => {
    const host = FakeHost.fromFixture("iko-partial.docx");
    const { user } = await renderPane(host);
    const table = await open(user, "upprattad_av");
    const name = "Vem tog fram handlingsplanen?";
    // Row 1 is partly filled: no remove button; rows 2 to 5 are empty.
    expect(within(table).queryByRole("button", { name: `Ta bort rad 1 ur tabellen ”${name}”` })).toBeNull();
    await user.click(within(table).getByRole("button", { name: `Ta bort rad 3 ur tabellen ”${name}”` }));
    const confirm = await dialog();
    expect(within(confirm).getByRole("heading", { hidden: true }).textContent).toBe("Ta bort rad 3?");
    expect(confirm.textContent).toContain(
      `Rad 3 i tabellen ”${name}” tas bort ur dokumentet. Ingen av dess celler är ifylld.`,
    );
    expect(confirm.textContent).toContain("Ctrl+Z");
    await waitFor(() => expect(document.activeElement).toBe(dialogButton(confirm, "Avbryt")));
    await user.click(dialogButton(confirm, "Ta bort"));
    await waitIdle();
    expect((await host.read()).report?.blocks.upprattad_av).toBe(4);
    expect(document.querySelector('[data-feedback="upprattad_av"]')?.textContent).toContain(
      `Rad 3 i tabellen ”${name}” har tagits bort.`,
    );
    expect(within(item("upprattad_av")).getAllByRole("heading", { level: 4 })).toHaveLength(4);
  });
});
