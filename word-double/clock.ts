/**
 * The double's time. Word's latency is simulated, never slept for real unless the clock is the
 * real one: a test or the benchmark passes a virtual clock (for example @sinonjs/fake-timers'
 * `clock.tickAsync`) so that a minute of simulated typing runs in seconds.
 */

export interface Clock {
  /** Milliseconds, on the clock's own scale. */
  now(): number;
  /** Resolves after `ms` on the clock's scale (at once for ms <= 0). */
  sleep(ms: number): Promise<void>;
}

/** Real timers: Date.now and setTimeout as they are when the double is created. */
export function realClock(): Clock {
  const set = globalThis.setTimeout;
  return {
    now: () => Date.now(),
    sleep: (ms) => (ms <= 0 ? Promise.resolve() : new Promise((resolve) => set(resolve, ms))),
  };
}

/**
 * The current global timers, looked up at each call: with fake timers installed on the global
 * object (jest.useFakeTimers, @sinonjs/fake-timers), the double's time is theirs.
 */
export function globalClock(): Clock {
  return {
    now: () => Date.now(),
    sleep: (ms) =>
      ms <= 0 ? Promise.resolve() : new Promise((resolve) => globalThis.setTimeout(resolve, ms)),
  };
}
