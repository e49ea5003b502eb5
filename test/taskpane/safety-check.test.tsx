/**
 * @jest-environment jsdom
 */
/**
 * The safety check while paragraph events are trusted (usePane): it runs on its interval even
 * when it falls while another host call runs (events keep arriving while the user types, so a
 * check that simply skipped could be skipped for good); it tries again shortly instead.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { SAFETY_RETRY_MS, usePane } from "../../src/taskpane/state/usePane";
import type { Snapshot } from "../../src/taskpane/host";
import { FakeHost, fixture } from "../support/pane-host";

/** A host with paragraph events whose check after events waits until the test lets it go. */
class EventHost extends FakeHost {
  listener: (() => void) | null = null;
  release: (() => void) | null = null;
  refreshAt: number[] = [];

  watchChanges(listener: () => void): Promise<(() => void) | null> {
    this.listener = listener;
    return Promise.resolve(() => undefined);
  }

  refreshChanged(): Promise<Snapshot | null> {
    return new Promise((resolve) => {
      this.release = () => resolve(null);
    });
  }

  override async refresh(): Promise<Snapshot | null> {
    this.refreshAt.push(Date.now());
    return super.refresh();
  }
}

afterEach(() => jest.useRealTimers());

test("a safety check that falls during another call runs right after it, not an interval later", async () => {
  const host = new EventHost(fixture("sv-partial.docx"));
  jest.useFakeTimers({ now: 0 });
  const SAFETY = 5000;
  renderHook(() => usePane(host, { safetyCheckMs: SAFETY, refreshPollMs: 0 }));
  await act(async () => {
    await jest.advanceTimersByTimeAsync(100);
  });
  await waitFor(() => expect(host.listener).not.toBeNull());
  const start = Date.now();
  // An event: its check starts a second later and holds the queue until released.
  act(() => host.listener?.());
  await act(async () => {
    await jest.advanceTimersByTimeAsync(1500);
  });
  expect(host.release).not.toBeNull();
  // The safety check's time comes while the check after events still runs: it waits.
  await act(async () => {
    await jest.advanceTimersByTimeAsync(SAFETY);
  });
  expect(host.refreshAt).toEqual([]);
  const released = Date.now();
  act(() => host.release?.());
  await act(async () => {
    await jest.advanceTimersByTimeAsync(SAFETY_RETRY_MS + 50);
  });
  expect(host.refreshAt).toHaveLength(1);
  expect(host.refreshAt[0] - released).toBeLessThanOrEqual(SAFETY_RETRY_MS + 50);
  expect(host.refreshAt[0] - start).toBeLessThan(2 * SAFETY);
});
