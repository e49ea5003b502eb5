/**
 * @jest-environment jsdom
 */
import { act, render } from "@testing-library/react";
import { Announcer, useAnnounce, type AnnounceContextValue } from "../../src/taskpane/a11y/announce";

function Probe({ onReady }: { onReady: (value: AnnounceContextValue) => void }) {
  onReady(useAnnounce());
  return null;
}

function setup() {
  let value: AnnounceContextValue | undefined;
  render(
    <Announcer>
      <Probe onReady={(v) => (value = v)} />
    </Announcer>,
  );
  // The regions live at the end of <body>, outside the rendered tree.
  const region = (kind: string) => document.body.querySelector<HTMLElement>(`[aria-live="${kind}"]`);
  return { announce: (m: string, polite?: boolean) => act(() => value!.announce(m, { polite })), region };
}

describe("the pane's live regions", () => {
  test("polite messages go to the polite region, errors to the assertive one", () => {
    const { announce, region } = setup();
    expect(region("polite")?.getAttribute("aria-atomic")).toBe("true");
    announce("Utvecklingsområde 2 har lagts till.", true);
    expect(region("polite")?.textContent).toBe("Utvecklingsområde 2 har lagts till.");
    expect(region("assertive")?.textContent).toBe("");
    announce("Det gick inte att läsa dokumentet.", false);
    expect(region("assertive")?.textContent).toBe("Det gick inte att läsa dokumentet.");
    expect(region("polite")?.textContent).toBe("Utvecklingsområde 2 har lagts till.");
  });

  test("the latest message replaces the one before, and the same text twice changes the region", () => {
    const { announce, region } = setup();
    announce("12 av 20 obligatoriska fält ifyllda", true);
    announce("13 av 20 obligatoriska fält ifyllda", true);
    expect(region("polite")?.textContent).toBe("13 av 20 obligatoriska fält ifyllda");
    announce("13 av 20 obligatoriska fält ifyllda", true);
    expect(region("polite")?.textContent).toBe("13 av 20 obligatoriska fält ifyllda\u00a0");
    announce("13 av 20 obligatoriska fält ifyllda", true);
    expect(region("polite")?.textContent).toBe("13 av 20 obligatoriska fält ifyllda");
  });
});
