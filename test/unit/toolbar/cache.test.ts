import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineStoredItems } from '../../../lib/storage/items';
import { storagePollCache as cacheOver, type PollEntry } from '../../../lib/toolbar/cache';

const storagePollCache = cacheOver(defineStoredItems().pollCache);

const entry: PollEntry = {
  status: 'ok',
  attemptedAt: 1,
  fetchedAt: 1,
  failures: 0,
  error: null,
  limits: { accessPermitted: true, balances: { USD: 3 }, keyExpiration: null, nextEpochBegins: '2025-05-07T00:00:00.000Z' },
};

describe('storagePollCache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one entry per key id in local:pollCache', async () => {
    await storagePollCache.set('a', entry);
    await storagePollCache.set('b', { ...entry, status: 'revoked', failures: 1 });
    expect(await storagePollCache.get('a')).toEqual(entry);
    expect((await storagePollCache.get('b'))?.status).toBe('revoked');
    const raw = await fakeBrowser.storage.local.get('pollCache');
    expect(Object.keys(raw.pollCache as object).sort()).toEqual(['a', 'b']);
    await storagePollCache.remove('a');
    expect(await storagePollCache.get('a')).toBeNull();
    expect(await storagePollCache.get('b')).not.toBeNull();
  });

  it('reads a damaged entry as absent instead of failing', async () => {
    await fakeBrowser.storage.local.set({ pollCache: { a: { status: 'weird' } } });
    expect(await storagePollCache.get('a')).toBeNull();
    await fakeBrowser.storage.local.set({ pollCache: 'nonsense' });
    expect(await storagePollCache.get('a')).toBeNull();
    await storagePollCache.set('a', entry);
    expect(await storagePollCache.get('a')).toEqual(entry);
  });

  it('refuses to store an entry that does not fit the schema', async () => {
    await expect(storagePollCache.set('a', { ...entry, failures: -1 })).rejects.toThrow();
  });
});
