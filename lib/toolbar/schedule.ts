import { POLL_FLOOR_MINUTES } from '../settings/limits';
import type { PollEntry } from './cache';

/** Failed polls wait at most this long before the next try (unless the period is longer). */
export const MAX_BACKOFF_MS = 30 * 60_000;
/** A forced poll (popup opened, key minted) is skipped if the key was asked this recently. */
export const FORCE_MIN_GAP_MS = POLL_FLOOR_MINUTES * 60_000;

/** The polling period in ms, never below Chrome's 30-second alarm floor. */
export function periodMs(pollMinutes: number): number {
  const minutes = Number.isFinite(pollMinutes) ? Math.max(POLL_FLOOR_MINUTES, pollMinutes) : POLL_FLOOR_MINUTES;
  return minutes * 60_000;
}

/** Wait after `failures` failed polls in a row: the period, then period × 2^n up to 30 minutes. */
export function delayAfter(period: number, failures: number): number {
  if (failures <= 0) return period;
  return Math.max(period, Math.min(period * 2 ** Math.min(failures, 20), MAX_BACKOFF_MS));
}

/** When the key is next due, or null when it must not be polled again (revoked). */
export function nextDueAt(entry: PollEntry | null, period: number, now: number): number | null {
  if (!entry) return now;
  if (entry.status === 'revoked') return null;
  return entry.attemptedAt + delayAfter(period, entry.failures);
}
