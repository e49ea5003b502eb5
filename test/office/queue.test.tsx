/**
 * @jest-environment jsdom
 */
/**
 * One queue: every call from the pane to Word — the first read, cursor checks, the checks after
 * paragraph events, adding a block, going to a field — runs one at a time, so no two Word
 * batches interleave. The pane runs over the real adapter and the double; Word.run is wrapped
 * to record how many batches are open at once.
 */
import { act } from "react";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, type RequestContextDouble } from "../../word-double";
import type { FakeHost } from "../support/pane-host";
import { renderPane, screen, waitFor, waitIdle } from "../support/pane-render";
import { SETS, bytesOf } from "../support/word-host";

jest.setTimeout(120000);

test("cursor checks, event checks, an add and a go-to never run two Word batches at once", async () => {
  // Each round trip takes 200 ms, as on the web: a cursor check 150 ms after a selection event
  // falls inside an add's batches unless it waits its turn.
  const double = await createWordDouble(bytesOf("sv-partial"), {
    requirementSets: SETS,
    costs: { syncMs: 200, msPerKiB: 0, eventDelayMs: 0 },
  });
  let open = 0;
  let most = 0;
  let batches = 0;
  const Word = new Proxy(double.Word, {
    get(target, name) {
      if (name !== "run") return Reflect.get(target, name, target) as unknown;
      return async (batch: (context: RequestContextDouble) => Promise<unknown>) => {
        open++;
        batches++;
        most = Math.max(most, open);
        try {
          return await target.run(batch);
        } finally {
          open--;
        }
      };
    },
  });
  const host = new WordHost({ Word, Office: double.Office } as unknown as OfficeApis);
  const { user } = await renderPane(host as unknown as FakeHost, {
    environment: { officeLoaded: true, inWord: true, wordApiSupported: true, darkTheme: false },
  });
  const start = batches;

  // The user types in a field (paragraph events and selection events) and clicks "add" at once.
  const label = double.paragraphTexts().findIndex((t) => t.startsWith("Ange målgrupp, funktion och antal."));
  double.user.moveTo({ paragraph: label + 1 }, "end");
  double.user.type("Alla lärare.");
  await user.click(screen.getByRole("button", { name: "Lägg till utvecklingsområde" }));
  await act(async () => {
    await double.fireDocumentSelectionChanged();
    await double.user.settled();
  });
  await waitIdle();
  // Go to the new block's first field while the cursor moves again.
  await act(async () => {
    await double.fireDocumentSelectionChanged();
  });
  await user.click(screen.getByRole("button", { name: /^Gå till första fältet/ }));
  double.user.type(" Och rektor.");
  await waitFor(() => expect(open).toBe(0));
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  });

  expect(batches - start).toBeGreaterThan(3);
  expect(most).toBe(1);
});
