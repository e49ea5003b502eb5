/**
 * @jest-environment jsdom
 */
import { act } from "react";
import { SELECTION_DEBOUNCE_MS } from "../../src/taskpane/App";
import { FakeHost } from "../support/pane-host";
import { sv } from "../../src/taskpane/i18n";
import {
  dialog,
  dialogButton,
  header,
  item,
  itemKeys,
  messageBars,
  open,
  renderPane,
  screen,
  status,
  waitFor,
  waitIdle,
  within,
} from "../support/pane-render";

const UO = "utvecklingsomrade";

describe("task pane over an Åtgärdsplan (sv-partial)", () => {
  test("shows the template name, the summary, the warnings and every section with its status", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);

    expect(screen.getByRole("heading", { level: 2, name: "Skolverkets åtgärdsplan" })).toBeTruthy();
    expect(screen.getByText(/8 av 22 obligatoriska fält ifyllda/).textContent).toBe(
      "8 av 22 obligatoriska fält ifyllda. Dokumentet är inte komplett.",
    );
    expect(itemKeys()).toEqual([
      "inledning",
      "bakgrund",
      `${UO}#1`,
      `${UO}#2`,
      `${UO}#3`,
      "plan",
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
    expect(status("inledning")).toBe("Ifyllt");
    expect(status("bakgrund")).toBe("Ifyllt");
    expect(status(`${UO}#1`)).toBe("Delvis ifyllt");
    expect(status(`${UO}#2`)).toBe("Används inte");
    expect(status(`${UO}#3`)).toBe("Används inte");
    expect(status("plan")).toBe("Ifyllt");
    expect(status("deltagare")).toBe("Inte ifyllt");
    expect(status("uppfoljning#1")).toBe("Delvis ifyllt");
    // The number stays on the title's line (a no-break space).
    expect(header(`${UO}#1`).textContent).toContain("Utvecklingsområde\u00a01");
    // The uppföljning names the utvecklingsområde whose insats it follows up.
    expect(header("uppfoljning#1").textContent).toContain("Följer upp insatsen i utvecklingsområde\u00a01");
    expect(header(`${UO}#1`).textContent).not.toContain("Följer upp");

    // The warnings and the missing fields are counted on the Granska tab.
    expect(screen.getByRole("button", { name: "Granska (18)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Avsnitt" }).getAttribute("aria-pressed")).toBe("true");
    await user.click(screen.getByRole("button", { name: "Granska (18)" }));
    // The review says what its total counts, when asked (it folds away in a small pane).
    await user.click(screen.getByRole("button", { name: "Vad räknas?" }));
    expect(screen.getByText(/^Räknar alla obligatoriska fält/)).toBeTruthy();
    expect(
      screen.getByText(
        "Utvecklingsområde 2 används inte: inget av dess fält är ifyllt. Fyll i det eller ta bort det.",
      ),
    ).toBeTruthy();
    expect(messageBars()).toEqual([]);
  });

  test("a section shows the template's guidance, its fields with their status and their own guidance", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    const uo1 = await open(user, `${UO}#1`);
    // The template's "copy and paste below" is not guidance: "Lägg till utvecklingsområde" does it.
    expect(within(uo1).queryByText(/kopieras nedan och klistras in/)).toBeNull();
    const links = within(uo1)
      .getAllByRole("button")
      .map((b) => b.getAttribute("aria-label"))
      .filter((name) => name?.startsWith("Gå till fältet"));
    expect(links).toEqual([
      "Gå till fältet ”Välj utvecklingsområde” (ifyllt)",
      "Gå till fältet ”Namn på insats/insatser” (ifyllt)",
      "Gå till fältet ”Problem kopplade till förskolans/elevernas/enheternas resultat och måluppfyllelse” (ifyllt)",
      "Gå till fältet ”Orsaker till identifierade problem” (saknas)",
      "Gå till fältet ”Mål med insatsen” (saknas)",
      "Gå till fältet ”Synliga förbättringar” (saknas)",
      "Gå till fältet ”Förväntad effekt kopplat till problem” (saknas)",
    ]);
    // A field's own guidance stands under it.
    const mal = within(uo1)
      .getByRole("button", { name: /Mål med insatsen/ })
      .closest("li") as HTMLElement;
    expect(within(mal).getByText(/^Vad insatsen konkret ska leda till/)).toBeTruthy();
    expect(within(mal).getByText("saknas")).toBeTruthy();

    // A single-field section shows its guidance once, at the section.
    const ansvar = await open(user, "ansvar");
    expect(within(ansvar).getByText(/Ange vilka som ansvarar för att insatsen planeras/)).toBeTruthy();

    // A guidance line that only repeats the label is not shown.
    const bakgrund = await open(user, "bakgrund");
    expect(within(bakgrund).queryByText(/^Kort bakgrund och beskrivning/, { selector: "p" })).toBeNull();
  });

  test("clicking a field selects it in the document", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    const uo1 = await open(user, `${UO}#1`);
    await user.click(within(uo1).getByRole("button", { name: "Gå till fältet ”Mål med insatsen” (saknas)" }));
    const bakgrund = await open(user, "bakgrund");
    await user.click(within(bakgrund).getByRole("button", { name: /^Gå till fältet ”Kort bakgrund/ }));
    expect(host.selected).toEqual([
      { id: "mal", block: { type: UO, index: 1 } },
      { id: "bakgrund", block: null },
    ]);
    // The clicked field is marked as where the cursor now is.
    expect(header("bakgrund").getAttribute("aria-current")).toBe("location");
  });

  describe("following the cursor", () => {
    const nativeScroll = Object.getOwnPropertyDescriptor(Element.prototype, "scrollIntoView");
    afterEach(() => {
      jest.useRealTimers();
      if (nativeScroll) Object.defineProperty(Element.prototype, "scrollIntoView", nativeScroll);
      else delete (Element.prototype as Partial<Element>).scrollIntoView;
    });

    test("opens and marks the section the cursor is in, after the cursor rests", async () => {
      const host = FakeHost.fromFixture("sv-partial.docx");
      const pane = await renderPane(host);
      expect(host.listenerCount).toBe(1);
      expect(header(`${UO}#1`).getAttribute("aria-expanded")).toBe("false");

      const scrolled: Element[] = [];
      // jsdom has no scrollIntoView; record which element the pane scrolls to.
      Element.prototype.scrollIntoView = function (this: Element) {
        scrolled.push(this);
      };
      jest.useFakeTimers();
      host.cursor = { id: "mal", block: { type: UO, index: 1 } };
      // A burst of cursor moves asks the host once, after the last one.
      act(() => host.fireSelectionChanged());
      act(() => jest.advanceTimersByTime(SELECTION_DEBOUNCE_MS - 50));
      act(() => host.fireSelectionChanged());
      act(() => jest.advanceTimersByTime(SELECTION_DEBOUNCE_MS - 50));
      expect(host.calls.fieldAtCursor).toBe(0);
      await act(async () => {
        jest.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
      });
      expect(host.calls.fieldAtCursor).toBe(1);

      expect(item(`${UO}#1`).getAttribute("data-current")).toBe("true");
      expect(header(`${UO}#1`).getAttribute("aria-current")).toBe("location");
      expect(header(`${UO}#1`).getAttribute("aria-expanded")).toBe("true");
      const mal = within(item(`${UO}#1`)).getByRole("button", { name: /Mål med insatsen/ });
      expect(mal.getAttribute("aria-current")).toBe("location");
      expect(item("bakgrund").getAttribute("data-current")).toBeNull();
      expect(scrolled).toEqual([item(`${UO}#1`)]);

      // The cursor leaves every field: nothing is marked, the section stays open.
      host.cursor = null;
      act(() => host.fireSelectionChanged());
      await act(async () => {
        jest.advanceTimersByTime(SELECTION_DEBOUNCE_MS);
      });
      expect(item(`${UO}#1`).getAttribute("data-current")).toBeNull();
      expect(header(`${UO}#1`).getAttribute("aria-expanded")).toBe("true");

      pane.unmount();
      expect(host.listenerCount).toBe(0);
    });

    test("does not listen when the host cannot follow the cursor", async () => {
      const host = FakeHost.fromFixture("sv-partial.docx", { followCursor: false });
      await renderPane(host);
      expect(host.listenerCount).toBe(0);
    });
  });

  test("adds an utvecklingsområde, and removes an unused one only after confirmation", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);

    await user.click(screen.getByRole("button", { name: "Lägg till utvecklingsområde" }));
    await waitIdle();
    expect(messageBars()).toEqual([
      { intent: "success", text: "Utvecklingsområde 4 har lagts till.Gå till första fältet" },
    ]);
    expect(itemKeys().filter((k) => k.startsWith(UO))).toEqual([`${UO}#1`, `${UO}#2`, `${UO}#3`, `${UO}#4`]);
    // The new block is open and marked new, not unused.
    expect(status(`${UO}#4`)).toBe("Nytt");
    expect(header(`${UO}#4`).getAttribute("aria-expanded")).toBe("true");
    expect((await host.read()).report?.blocks[UO]).toBe(4);

    // "Avbryt" closes the dialog and changes nothing.
    const uo4 = await open(user, `${UO}#4`);
    await user.click(within(uo4).getByRole("button", { name: "Ta bort utvecklingsområde 4" }));
    let confirm = await dialog();
    expect(confirm.getAttribute("aria-modal")).toBe("true");
    expect(within(confirm).getByRole("heading", { hidden: true }).textContent).toBe(
      "Ta bort utvecklingsområde 4?",
    );
    expect(confirm.textContent).toContain(
      "Utvecklingsområde 4 tas bort ur dokumentet med alla sina 7 fält. Inget av fälten är ifyllt.",
    );
    expect(confirm.textContent).toContain("Du kan ångra borttagningen i Word med Ctrl+Z.");
    // The focus starts on "Avbryt".
    await waitFor(() => expect(document.activeElement).toBe(dialogButton(confirm, "Avbryt")));
    await user.click(dialogButton(confirm, "Avbryt"));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(host.calls.removeBlock).toBe(0);
    expect(itemKeys()).toContain(`${UO}#4`);

    // "Ta bort" removes it.
    await user.click(
      await within(item(`${UO}#4`)).findByRole("button", { name: "Ta bort utvecklingsområde 4" }),
    );
    confirm = await dialog();
    await user.click(dialogButton(confirm, "Ta bort"));
    await waitIdle();
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(host.calls.removeBlock).toBe(1);
    expect(messageBars()).toEqual([{ intent: "success", text: "Utvecklingsområde 4 har tagits bort." }]);
    expect(itemKeys().filter((k) => k.startsWith(UO))).toEqual([`${UO}#1`, `${UO}#2`, `${UO}#3`]);
    expect((await host.read()).report?.blocks[UO]).toBe(3);
  });

  test("adds an uppföljning block", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    await user.click(screen.getByRole("button", { name: "Lägg till uppföljning" }));
    await waitIdle();
    expect(messageBars()).toEqual([
      { intent: "success", text: "Uppföljning 2 har lagts till.Gå till första fältet" },
    ]);
    expect(itemKeys()).toContain("uppfoljning#2");
    // Utvecklingsområde 2 is unused: there is no insats for Uppföljning 2 to follow up (yet).
    expect(header("uppfoljning#2").textContent).not.toContain("Följer upp");
  });

  test("offers removal only for unused later instances", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    for (const key of [`${UO}#1`, "uppfoljning#1", "bakgrund"]) {
      const el = await open(user, key);
      expect(within(el).queryByRole("button", { name: /^Ta bort/ })).toBeNull();
    }
    for (const key of [`${UO}#2`, `${UO}#3`]) {
      const el = await open(user, key);
      expect(within(el).getByRole("button", { name: /^Ta bort utvecklingsområde/ })).toBeTruthy();
    }
  });

  test("shows the host's refusal when the block got text since the pane read the document", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    const uo3 = await open(user, `${UO}#3`);
    // The user typed into Utvecklingsområde 3 in Word; the pane has not read the document again.
    host.bytes = FakeHost.fromFixture("sv-complete.docx").bytes;
    await user.click(within(uo3).getByRole("button", { name: "Ta bort utvecklingsområde 3" }));
    await user.click(dialogButton(await dialog(), "Ta bort"));
    await waitIdle();
    expect(messageBars()).toEqual([
      {
        intent: "error",
        text: "Utvecklingsområde 3 innehåller text som du har skrivit och tas därför inte bort. Töm det först om du vill ta bort det.",
      },
    ]);
    // The pane shows the document as it is now.
    expect(status(`${UO}#3`)).toBe("Ifyllt");
    expect(host.bytes).toEqual(FakeHost.fromFixture("sv-complete.docx").bytes);

    // The message bar can be closed.
    await user.click(screen.getByRole("button", { name: "Stäng meddelandet" }));
    expect(messageBars()).toEqual([]);
  });

  test("Uppdatera reads the document again", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    expect(host.calls.read).toBe(1);
    host.bytes = FakeHost.fromFixture("sv-complete.docx").bytes;
    await user.click(screen.getByRole("button", { name: "Uppdatera" }));
    await waitIdle();
    expect(host.calls.read).toBe(2);
    expect(screen.getByText(/42 av 42 obligatoriska fält ifyllda/).textContent).toBe(
      "42 av 42 obligatoriska fält ifyllda. Dokumentet är komplett.",
    );
  });

  test("shows a spinner while reading", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const read = host.read.bind(host);
    host.read = async () => {
      await gate;
      return read();
    };
    const pending = renderPane(host);
    expect(await screen.findByText("Läser dokumentet…")).toBeTruthy();
    release();
    await pending;
    expect(screen.queryByText("Läser dokumentet…")).toBeNull();
  });
});

describe("task pane over a Handlingsplan (iko-partial)", () => {
  test("'Lägg till rad' in Tidplan adds a row", async () => {
    const host = FakeHost.fromFixture("iko-partial.docx");
    const { user } = await renderPane(host);
    expect(screen.getByRole("heading", { level: 2, name: "IKO:s handlingsplan" })).toBeTruthy();
    expect((await host.read()).report?.blocks.tidplan).toBe(3);

    const tidplan = await open(user, "tidplan");
    expect(
      within(tidplan)
        .getAllByRole("heading", { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(["Rad 1", "Rad 2", "Rad 3"]);
    expect(
      within(tidplan).getByRole("button", {
        name: "Gå till fältet ”Vem gör?” på rad 2 (inte ifyllt)",
      }),
    ).toBeTruthy();
    await user.click(within(tidplan).getByRole("button", { name: "Lägg till rad i tabellen ”Tidplan”" }));
    await waitIdle();
    expect(messageBars()).toEqual([
      { intent: "success", text: "Rad 4 i tabellen ”Tidplan” har lagts till.Gå till första fältet" },
    ]);
    expect((await host.read()).report?.blocks.tidplan).toBe(4);
    expect(within(item("tidplan")).getAllByRole("heading", { level: 4 })).toHaveLength(4);

    await user.click(
      within(item("tidplan")).getByRole("button", {
        name: "Gå till fältet ”Vem gör?” på rad 4 (inte ifyllt)",
      }),
    );
    expect(host.selected).toEqual([{ id: "vem", block: { type: "tidplan", index: 4 } }]);
  });

  test("an optional empty field says so in words, not only in colour", async () => {
    const host = FakeHost.fromFixture("iko-partial.docx");
    const { user } = await renderPane(host);
    expect(status("ovrigt")).toBe("Frivilligt");
    const ovrigt = await open(user, "ovrigt");
    expect(
      within(ovrigt).getByRole("button", { name: "Gå till fältet ”Övrigt” (frivilligt, inte ifyllt)" }),
    ).toBeTruthy();
    expect(within(ovrigt).getByText("frivilligt, inte ifyllt")).toBeTruthy();
    const malgrupp = await open(user, "malgrupp");
    expect(within(malgrupp).getByText("saknas")).toBeTruthy();
  });

  test("the template's guidance is shown one way: each line a paragraph, questions and notes alike", async () => {
    const host = FakeHost.fromFixture("iko-partial.docx");
    const { user } = await renderPane(host);
    const el = await open(user, "nulagesanalys");
    for (const line of [
      "1. Hur är lägesbilden när det gäller interkulturell kompetens?",
      "5. Hos vem?",
      /^\(Använd gärna aktiviteten/,
    ]) {
      const p = within(el).getByText(line);
      expect(p.tagName).toBe("P");
      expect(p.parentElement?.hasAttribute("data-guidance")).toBe(true);
    }
  });

  test("IKO's overall questions stand above the sections, not under 'Vem tog fram handlingsplanen?'", async () => {
    const host = FakeHost.fromFixture("iko-partial.docx");
    const { user } = await renderPane(host);
    const el = await open(user, "upprattad_av");
    expect(within(el).queryByText(/Vad behöver ni göra \(mer av\) internt/)).toBeNull();
    expect(
      within(el).getByRole("button", { name: "Lägg till rad i tabellen ”Vem tog fram handlingsplanen?”" }),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Mallens frågor för hela planen" }));
    expect(screen.getByText(/Vad behöver ni göra \(mer av\) internt/)).toBeTruthy();
  });
});

describe("documents and hosts the pane cannot work with", () => {
  test("a document that is no known template gets a friendly page listing the supported templates", async () => {
    const host = FakeHost.fromFixture("bad/other.docx");
    await renderPane(host);
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe(
      "Planstöd känner inte igen det här dokumentet.",
    );
    const names = screen
      .getAllByRole("listitem")
      .map((li) => li.querySelector("h3")?.textContent ?? li.textContent);
    expect(names).toEqual([
      "Skolverkets åtgärdsplan",
      "IKO:s handlingsplan",
      "Implementeringsplan",
      "Verksamhets- och kompetensplan",
      "Plan för utbildningsinsats",
    ]);
    expect(screen.getByText(/Öppna originalmallen/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Uppdatera" })).toBeTruthy();
    expect(messageBars()).toEqual([]);
  });

  test("a file the engine cannot read shows its Swedish reason and a way to try again", async () => {
    const host = FakeHost.fromFixture("bad/not-a-zip.docx");
    const { user } = await renderPane(host);
    expect(messageBars()).toEqual([{ intent: "error", text: "Filen är inte ett Word-dokument (.docx)." }]);
    host.bytes = FakeHost.fromFixture("sv-partial.docx").bytes;
    await user.click(screen.getByRole("button", { name: "Uppdatera" }));
    await waitIdle();
    expect(messageBars()).toEqual([{ intent: "info", text: "Dokumentet är läst igen." }]);
    expect(screen.getByRole("heading", { level: 2, name: "Skolverkets åtgärdsplan" })).toBeTruthy();
  });

  test("an unexpected host error shows 'Något gick fel' and never a stack", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const error = new TypeError("Cannot read properties of undefined (reading 'items')");
    host.failNext = error;
    await renderPane(host);
    expect(messageBars()).toEqual([
      { intent: "error", text: "Något gick fel: Cannot read properties of undefined (reading 'items')" },
    ]);
    const text = document.body.textContent ?? "";
    expect(text).not.toMatch(/\bat .*:\d+:\d+/);
    expect(text).not.toContain("TypeError");
    expect(error.stack?.split("\n")[1]?.trim()).toMatch(/^at /);
    expect(text).not.toContain(error.stack?.split("\n")[1]?.trim());
  });

  test("an error when selecting a field is shown, and the pane stays usable", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx");
    const { user } = await renderPane(host);
    const bakgrund = await open(user, "bakgrund");
    host.failNext = Object.assign(new Error("Fältet finns inte längre i dokumentet."), {
      name: "PlanstodError",
    });
    await user.click(within(bakgrund).getByRole("button", { name: /^Gå till fältet/ }));
    await waitFor(() =>
      expect(messageBars()).toEqual([{ intent: "error", text: "Fältet finns inte längre i dokumentet." }]),
    );
    expect(itemKeys()).toContain("bakgrund");
  });

  test("what the Word client lacks is shown as a warning and its controls are disabled", async () => {
    const lacks = sv.host["read-only"]({});
    const host = FakeHost.fromFixture("sv-partial.docx", {
      editBlocks: false,
      navigate: false,
      missing: [{ code: "read-only" }],
    });
    const { user } = await renderPane(host);
    const bars = messageBars();
    expect(bars).toHaveLength(1);
    expect(bars[0].intent).toBe("warning");
    expect(bars[0].text).toContain(lacks);
    expect(
      (screen.getByRole("button", { name: "Lägg till utvecklingsområde" }) as HTMLButtonElement).disabled,
    ).toBe(true);
    const uo2 = await open(user, `${UO}#2`);
    expect(
      (within(uo2).getByRole("button", { name: "Ta bort utvecklingsområde 2" }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
    const field = within(uo2).getByRole("button", {
      name: /^Gå till fältet ”Mål med insatsen/,
    }) as HTMLButtonElement;
    expect(field.disabled).toBe(true);
    await user.click(field);
    expect(host.selected).toEqual([]);
  });

  test("an old Word is explained once, by the host, not also by the pane's own check", async () => {
    const lacks = sv.host["needs-wordapi-13"]({});
    const host = FakeHost.fromFixture("sv-partial.docx", {
      navigate: false,
      editBlocks: false,
      missing: [{ code: "needs-wordapi-13" }],
    });
    await renderPane(host, {
      environment: { officeLoaded: true, inWord: true, wordApiSupported: false, darkTheme: undefined },
    });
    expect(messageBars()).toEqual([
      { intent: "warning", text: `Allt fungerar inte i den här versionen av Word${lacks}` },
    ]);
  });

  test("a host that cannot read shows why and does not try", async () => {
    const host = FakeHost.fromFixture("sv-partial.docx", {
      read: false,
      missing: [{ code: "needs-wordapi-13" }],
    });
    await renderPane(host);
    expect(host.calls.read).toBe(0);
    expect(messageBars().map((b) => b.intent)).toEqual(["warning"]);
    expect(screen.getByText(/Öppna Skolverkets åtgärdsplan eller IKO:s handlingsplan i Word/)).toBeTruthy();
  });
});
