import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** The browsers' own words for a full storage.local. */
export const QUOTA_MESSAGES = {
  chrome: 'QUOTA_BYTES quota exceeded',
  chromeNewer: 'Resource::kQuotaBytes quota exceeded',
  firefox: 'The current transaction exceeded its quota limitations.',
} as const;

/** Firefox rejects with a DOMException named QuotaExceededError. */
export const firefoxQuotaError = () => new DOMException(QUOTA_MESSAGES.firefox, 'QuotaExceededError');

/** Bytes as Chrome counts them for QUOTA_BYTES: each key's length plus its value's JSON. */
async function bytesAfter(items: Record<string, unknown>): Promise<number> {
  const all = { ...(await fakeBrowser.storage.local.get(null)), ...items };
  return Object.entries(all).reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0);
}

/**
 * storage.local with a quota, as Chrome enforces it: a `set` that would pass `quota` bytes is
 * refused whole with Chrome's message (or `refusal()`), and nothing of it is written.
 */
export function limitLocalStorage(quota: number, refusal: () => unknown = () => new Error(QUOTA_MESSAGES.chrome)) {
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  return vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
    if ((await bytesAfter(items)) > quota) throw refusal();
    return set(items);
  });
}

/** The bytes storage.local holds now. */
export const bytesInUse = () => bytesAfter({});
