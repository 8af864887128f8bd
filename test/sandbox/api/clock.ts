/** The sandbox's notion of "now": real time plus an offset that tests and the demo can move. */
export interface SandboxClock {
  now(): number;
  iso(): string;
  readonly offsetMs: number;
  advance(ms: number): void;
  setOffset(ms: number): void;
}

export function createClock(initialOffsetMs = 0): SandboxClock {
  let offset = initialOffsetMs;
  return {
    now: () => Date.now() + offset,
    iso: () => new Date(Date.now() + offset).toISOString(),
    get offsetMs() {
      return offset;
    },
    advance(ms) {
      offset += ms;
    },
    setOffset(ms) {
      offset = ms;
    },
  };
}

/** Next 00:00 UTC strictly after `now`. */
export function nextUtcMidnight(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}
