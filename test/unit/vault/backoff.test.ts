import { describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, NO_FAILURES, recordFailure, remainingWait, waitAfter } from '../../../lib/vault/backoff';

describe('unlock backoff', () => {
  it.each([
    [0, 0], [1, 0], [2, 0], [3, 2_000], [4, 4_000], [5, 8_000], [8, 64_000], [10, 256_000], [11, MAX_WAIT_MS], [50, MAX_WAIT_MS],
  ])('after %i failures waits %i ms', (failures, ms) => {
    expect(waitAfter(failures)).toBe(ms);
  });

  it('grows with each failure and never passes five minutes', () => {
    let guard = NO_FAILURES;
    const waits: number[] = [];
    for (let i = 0; i < 14; i += 1) {
      guard = recordFailure(guard, 1_000_000);
      waits.push(remainingWait(guard, 1_000_000));
    }
    for (let i = 1; i < waits.length; i += 1) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(Math.max(...waits)).toBe(5 * 60_000);
    expect(guard.failures).toBe(14);
  });

  it('counts down with time and cannot be stretched by a clock set back', () => {
    const guard = recordFailure(recordFailure(recordFailure(NO_FAILURES, 0), 0), 0);
    expect(remainingWait(guard, 500)).toBe(1_500);
    expect(remainingWait(guard, 2_000)).toBe(0);
    expect(remainingWait({ failures: 99, blockedUntil: 10 ** 12 }, 0)).toBe(MAX_WAIT_MS);
  });
});
