/**
 * The growing wait after wrong passphrases. Three attempts are free; from the
 * third failure on, each failure costs 2^(failures-2) seconds (2, 4, 8, …), capped at
 * five minutes. Stored in local storage, so closing the popup or the browser does
 * not reset it. Nothing is ever erased because of failures.
 */
import type { Guard } from './store';

export const FREE_ATTEMPTS = 3;
export const MAX_WAIT_MS = 5 * 60_000;
export const NO_FAILURES: Guard = { failures: 0, blockedUntil: 0 };

/** Wait imposed after `failures` consecutive wrong passphrases, in milliseconds. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - 2) * 1000, MAX_WAIT_MS);
}

export function recordFailure(guard: Guard, now: number): Guard {
  const failures = guard.failures + 1;
  const wait = waitAfter(failures);
  return { failures, blockedUntil: wait > 0 ? now + wait : 0 };
}

/** Milliseconds left before another attempt is allowed (0 = now). */
export function remainingWait(guard: Guard, now: number): number {
  // A clock set back must not extend the wait beyond the cap.
  return Math.max(0, Math.min(guard.blockedUntil - now, MAX_WAIT_MS));
}
