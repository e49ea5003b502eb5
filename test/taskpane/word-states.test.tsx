/**
 * @jest-environment jsdom
 */
/**
 * The pane over the real adapter and the Word double, in the states issue 9 adds: body.getOoxml
 * failing (degraded pane), a read-only document, a client that refuses the selection
 * subscription, and Track Changes on.
 */
import axe from "axe-core";
import { fixture, type FakeHost } from "../support/pane-host";
import { messageBars, renderPane, screen, waitFor, waitIdle } from "../support/pane-render";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { sv } from "../../src/taskpane/i18n";
import { createWordDouble, REQUIREMENT_SETS, type WordDoubleOptions } from "../../word-double";
import type { OfficeEnvironment } from "../../src/taskpane/office-env";
import { DIAGNOSTICS_TEXT } from "../../src/taskpane/diagnostics/DiagnosticsView";
import type { SelfTestResult } from "../../src/taskpane/diagnostics/types";

const DEGRADED_TEXT = sv.host.degraded({});
const MISSING_TEXT = { readOnly: sv.host["read-only"]({}), events: sv.host["no-selection-events"]({}) };

// Real .docx files through the double: slow on a loaded 2-core machine.
jest.setTimeout(60000);

// jsdom has no canvas; axe then skips its icon-font check quietly (as in pane-a11y.test.tsx).
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

/** Serious or critical axe violations on the page (colours are checked in the e2e test). */
async function violations(): Promise<{ id: string; nodes: string[] }[]> {
  const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) }));
}

const ENV: OfficeEnvironment = { officeLoaded: true, inWord: true, wordApiSupported: true, darkTheme: false };

async function wordHost(name: string, options: WordDoubleOptions = {}) {
  const double = await createWordDouble(fixture(name), {
    requirementSets: { ...REQUIREMENT_SETS.modern, DocumentEvents: "1.1" },
    ...options,
  });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  // renderPane is typed for the tests' FakeHost; App takes any PlanstodHost.
  return { double, host: new WordHost(apis) as unknown as FakeHost };
}

describe("when body.getOoxml fails", () => {
  test.each([
    [
      "sv-partial.docx",
      "Skolverkets åtgärdsplan",
      ["Bakgrund", "Utvecklingsområde", "Uppföljning", "Risker"],
    ],
    ["iko-partial.docx", "IKO:s handlingsplan", ["Organisationens namn", "Målgrupp", "Tidplan"]],
  ])(
    "%s: the pane says so in Swedish and shows the template's outline without statuses",
    async (name, title, some) => {
      const { host } = await wordHost(name, { failGetOoxml: true });
      await renderPane(host, { environment: ENV });
      expect(messageBars()).toContainEqual({
        intent: "warning",
        text: sv.degraded.title + DEGRADED_TEXT,
      });
      expect(screen.getByRole("heading", { name: title })).toBeTruthy();
      const outline = screen.getByRole("list", { name: "Mallens avsnitt" });
      for (const s of some) expect(outline.textContent).toContain(s);
      // No statuses and no summary: nothing claims a field is filled or missing.
      expect(document.querySelector(".fui-Badge")).toBeNull();
      expect(screen.queryByText(/obligatoriska fält ifyllda/)).toBeNull();
      expect(await violations()).toEqual([]);
    },
  );

  test("the adapter's degraded snapshot: template from the paragraph texts, no report, two round trips", async () => {
    const { double, host } = await wordHost("sv-tracked.docx", { failGetOoxml: true });
    double.resetSyncCount();
    const snapshot = await host.read();
    expect(double.syncCount).toBe(2);
    expect(snapshot).toEqual({
      template: expect.objectContaining({ id: "skolverket-atgardsplan" }),
      report: null,
      degraded: { code: "degraded" },
    });
    await expect(host.addBlock("uppfoljning")).rejects.toMatchObject({ code: "degraded" });
  });

  test("a document that is no template still gets the message, without an outline", async () => {
    const { host } = await wordHost("bad/other.docx", { failGetOoxml: true });
    await renderPane(host, { environment: ENV });
    expect(messageBars().some((m) => m.text.includes(DEGRADED_TEXT))).toBe(true);
    expect(screen.queryByRole("list", { name: "Mallens avsnitt" })).toBeNull();
  });
});

test("a read-only document: the message is shown up front and the add buttons are off", async () => {
  const { host } = await wordHost("sv-partial.docx", { documentMode: "readOnly" });
  await renderPane(host, { environment: ENV });
  expect(messageBars().some((m) => m.text.includes(MISSING_TEXT.readOnly))).toBe(true);
  const add = screen.getByRole("button", { name: "Lägg till utvecklingsområde" });
  expect(add.hasAttribute("disabled") || add.getAttribute("aria-disabled") === "true").toBe(true);
});

test("a refused selection subscription switches cursor following off with the existing message", async () => {
  const { host } = await wordHost("sv-partial.docx", { selectionEventsFail: true });
  await renderPane(host, { environment: ENV });
  await waitFor(() => expect(messageBars().some((m) => m.text.includes(MISSING_TEXT.events))).toBe(true));
});

test("with Track Changes on, an added block is announced as a tracked change", async () => {
  const { host } = await wordHost("sv-partial.docx", { changeTrackingMode: "TrackAll" });
  const { user } = await renderPane(host, { environment: ENV });
  await user.click(screen.getByRole("button", { name: "Lägg till utvecklingsområde" }));
  await waitIdle();
  // (The message bar also holds its "Gå till första fältet" action.)
  await waitFor(() =>
    expect(
      messageBars().some(
        (m) =>
          m.intent === "success" &&
          m.text.startsWith(`Utvecklingsområde 4 har lagts till. ${sv.tracked.added}`),
      ),
    ).toBe(true),
  );
});

test("the self-test page: reached from the Om Planstöd menu, runs on the document, shows copyable JSON", async () => {
  const { double, host } = await wordHost("sv-tracked.docx");
  const { user } = await renderPane(host, { environment: ENV });
  // Out of the way: behind the small menu, with the version and the support pages.
  expect(screen.queryByRole("button", { name: "Självtest för Word" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Om Planstöd" }));
  const about = screen.getByTestId("about");
  expect(about.textContent).toMatch(/Planstöd version \d+\.\d+\.\d+/);
  expect(screen.getByRole("link", { name: "Support" }).getAttribute("href")).toBe("support.html");
  expect(screen.getByRole("link", { name: "Integritet" }).getAttribute("href")).toBe("privacy.html");
  expect(screen.getByRole("link", { name: "Användarguide" })).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Självtest för Word" }));
  expect(screen.getByRole("heading", { name: DIAGNOSTICS_TEXT.title })).toBeTruthy();
  await user.click(screen.getByRole("button", { name: DIAGNOSTICS_TEXT.run }));
  const area = await screen.findByRole("textbox", { name: DIAGNOSTICS_TEXT.resultLabel }, { timeout: 60000 });
  const result = JSON.parse((area as HTMLTextAreaElement).value) as SelfTestResult;
  expect(result.selfTest).toBe("planstod-word-assumptions");
  expect(result.summary.fail).toBe(0);
  expect(messageBars()).toContainEqual({ intent: "success", text: DIAGNOSTICS_TEXT.summary(result.summary) });
  expect(await violations()).toEqual([]);
  // user-event provides a clipboard: the JSON lands there as shown.
  await user.click(screen.getByRole("button", { name: DIAGNOSTICS_TEXT.copy }));
  await waitFor(() =>
    expect(messageBars()).toContainEqual({ intent: "success", text: DIAGNOSTICS_TEXT.copied }),
  );
  expect(JSON.parse(await navigator.clipboard.readText())).toEqual(result);
  await user.click(screen.getByRole("button", { name: DIAGNOSTICS_TEXT.back }));
  await waitIdle();
  expect(await screen.findByText(/obligatoriska fält ifyllda/)).toBeTruthy();
  // The round trip gave the document back as it was.
  expect(double.paragraphTexts()).toEqual(
    (await createWordDouble(fixture("sv-tracked.docx"))).paragraphTexts(),
  );
}, 90000);
