import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORE_BUILD } from '../../../lib/settings/build-policy';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { createSettingsStore } from '../../../lib/settings/store';
import { defineStoredItems } from '../../../lib/storage/items';
import { bytesInUse, firefoxQuotaError, limitLocalStorage } from '../vault/quota-double';

describe('settings: storage.local full', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it.each([['Chrome', undefined], ['Firefox', firefoxQuotaError]])('(%s) a change that cannot be stored is STORAGE_FULL and the settings stay as they were', async (_browser, refusal) => {
    const store = createSettingsStore(defineStoredItems().settings, STORE_BUILD);
    limitLocalStorage(await bytesInUse(), refusal);
    await expect(store.update({ pollMinutes: 1 })).rejects.toMatchObject({ code: 'STORAGE_FULL', action: 'retry' });
    await expect(store.read()).resolves.toEqual(DEFAULT_SETTINGS);
  });
});
