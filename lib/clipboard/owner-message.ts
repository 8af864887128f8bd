/**
 * The message the Chrome background sends its offscreen document (entrypoints/offscreen):
 * "clear the clipboard if it still holds the text with this digest". The reply is a
 * ClearResult. No secret crosses.
 */
import { CLEAR_RESULTS, type ClearResult } from './clear';
import { DIGEST_PATTERN } from './digest';

export const OFFSCREEN_CLEAR = 'clipboard.offscreen-clear';

export interface OffscreenClear {
  type: typeof OFFSCREEN_CLEAR;
  digest: string;
}

export const offscreenClear = (digest: string): OffscreenClear => ({ type: OFFSCREEN_CLEAR, digest });

export function isOffscreenClear(message: unknown): message is OffscreenClear {
  const m = message as Partial<OffscreenClear> | null;
  return typeof m === 'object' && m !== null && m.type === OFFSCREEN_CLEAR && typeof m.digest === 'string' && DIGEST_PATTERN.test(m.digest);
}

export const asClearResult = (reply: unknown): ClearResult =>
  (CLEAR_RESULTS as readonly unknown[]).includes(reply) ? (reply as ClearResult) : 'unreadable';
