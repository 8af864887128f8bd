/**
 * The four settings the popup's first paint needs (entrypoints/popup/cached-state.ts), read from
 * the stored value by hand, without zod: each as validate.ts's parseStoredSettings reads it (a
 * damaged or missing field is its default; test/unit/shape/stored-timings.test.ts holds the two
 * to the same answers).
 */
import { isObject, nullable, num, text } from '../shape/guards';
import type { Settings } from './schema';
import {
  AUTO_LOCK_MAX_MINUTES,
  CLIPBOARD_MAX_SECONDS,
  DEFAULT_AUTO_LOCK_MINUTES,
  DEFAULT_CLIPBOARD_CLEAR_SECONDS,
  DEFAULT_POLL_MINUTES,
  POLL_FLOOR_MINUTES,
  POLL_MAX_MINUTES,
} from './limits';

export type StoredTimings = Pick<Settings, 'pollMinutes' | 'autoLockMinutes' | 'clipboardClearSeconds' | 'activeKeyId'>;

const field = <T>(value: unknown, ok: (v: unknown) => boolean, fallback: T): T => (ok(value) ? (value as T) : fallback);

export function storedTimings(raw: unknown): StoredTimings {
  const stored = isObject(raw) ? raw : {};
  return {
    pollMinutes: field(stored.pollMinutes, num(POLL_FLOOR_MINUTES, POLL_MAX_MINUTES), DEFAULT_POLL_MINUTES),
    autoLockMinutes: field(stored.autoLockMinutes, num(0, AUTO_LOCK_MAX_MINUTES, true), DEFAULT_AUTO_LOCK_MINUTES),
    clipboardClearSeconds: field(stored.clipboardClearSeconds, num(0, CLIPBOARD_MAX_SECONDS, true), DEFAULT_CLIPBOARD_CLEAR_SECONDS),
    activeKeyId: field(stored.activeKeyId, nullable(text(1, 128)), null),
  };
}
