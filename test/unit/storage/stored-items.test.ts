// Every stored item is named once (lib/storage/keys.ts) and declared once (lib/storage/items.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineStoredItems } from '../../../lib/storage/items';
import { STORED, VAULT_ITEM, versionKeyOf } from '../../../lib/storage/keys';
import { VAULT_FORMAT } from '../../../lib/vault/format';

describe('stored items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('have one unique key each, in storage.local or storage.session', () => {
    const keys = Object.values(STORED).map((item) => `${item.area}:${item.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of Object.values(STORED)) expect(['local', 'session']).toContain(item.area);
  });

  it('name the vault at the format the vault code writes (the popup reads it at that version only)', () => {
    expect(VAULT_ITEM.version).toBe(VAULT_FORMAT);
  });

  it('are declared for every name, each writing under its own key and area', async () => {
    const items = defineStoredItems();
    expect(Object.keys(items).sort()).toEqual(Object.keys(STORED).sort());
    for (const [name, item] of Object.entries(items)) {
      const { area, key } = STORED[name as keyof typeof STORED];
      await item.setValue({ probe: name } as never);
      expect((await fakeBrowser.storage[area].get(key))[key]).toEqual({ probe: name });
    }
  });

  it('keep the vault version where the popup looks for it', async () => {
    const { vault } = defineStoredItems();
    await vault.setValue({ format: VAULT_FORMAT });
    await expect(fakeBrowser.storage.local.get(versionKeyOf(VAULT_ITEM.key))).resolves.toEqual({ vault$: { v: VAULT_FORMAT } });
  });
});
