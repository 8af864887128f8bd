import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ERROR_TABLE } from '../../../lib/errors';
import { fakeSecret, freshVault, META, PASS } from './helpers';
import { bytesInUse, firefoxQuotaError, limitLocalStorage, QUOTA_MESSAGES } from './quota-double';

async function vaultWithKeys(count: number) {
  const { vault, items } = freshVault();
  await vault.setup(PASS, PASS);
  const keys: Array<{ id: string; secret: string }> = [];
  for (let i = 0; i < count; i += 1) {
    const secret = fakeSecret();
    keys.push({ id: (await vault.saveKey({ ...META, description: `key ${i}` }, secret)).id, secret });
  }
  return { vault, items, keys };
}

describe('vault: storage.local full', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['Chrome', () => new Error(QUOTA_MESSAGES.chrome)],
    ['Chrome (newer builds)', () => new Error(QUOTA_MESSAGES.chromeNewer)],
    ['Firefox', firefoxQuotaError],
  ])('a save refused by a full storage (%s) is STORAGE_FULL, with a sentence and an action, and every saved key stays as it was', async (_browser, refusal) => {
    const { vault, items, keys } = await vaultWithKeys(2);
    const before = structuredClone(await items.vault.getValue());
    limitLocalStorage((await bytesInUse()) + 50, refusal);

    const secret = fakeSecret();
    const error = await vault.saveKey(META, secret).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'STORAGE_FULL', message: ERROR_TABLE.STORAGE_FULL.message, action: 'retry' });
    expect(JSON.stringify(error)).not.toContain(secret.slice(-10));
    expect(String((error as Error).message)).not.toMatch(/quota|QUOTA/);
    expect(await items.vault.getValue()).toEqual(before);
    for (const key of keys) await expect(vault.reveal(key.id)).resolves.toBe(key.secret);
    await expect(vault.status()).resolves.toMatchObject({ state: 'unlocked', damaged: [], records: keys.map((k) => expect.objectContaining({ id: k.id })) });
  });

  it('saves again once space is freed', async () => {
    const { vault, keys } = await vaultWithKeys(1);
    const limit = limitLocalStorage((await bytesInUse()) + 50);
    await expect(vault.saveKey(META, fakeSecret())).rejects.toMatchObject({ code: 'STORAGE_FULL' });
    limit.mockRestore();
    const secret = fakeSecret();
    const saved = await vault.saveKey(META, secret);
    await expect(vault.reveal(saved.id)).resolves.toBe(secret);
    await expect(vault.reveal(keys[0]!.id)).resolves.toBe(keys[0]!.secret);
  });

  it('any other refused write stays VAULT_STORAGE_FAILED', async () => {
    const { vault } = await vaultWithKeys(0);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error: LOCK: Resource temporarily unavailable'));
    await expect(vault.saveKey(META, fakeSecret())).rejects.toMatchObject({ code: 'VAULT_STORAGE_FAILED' });
  });

  it('a vault set-up refused by a full storage is STORAGE_FULL and leaves no vault behind', async () => {
    const { vault, items } = freshVault();
    limitLocalStorage(10);
    await expect(vault.setup(PASS, PASS)).rejects.toMatchObject({ code: 'STORAGE_FULL' });
    expect(await items.vault.getValue()).toBeNull();
    await expect(vault.status()).resolves.toEqual({ state: 'not-set-up' });
  });
});

describe('vault: unlocking while storage.local is full or failing', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('a wrong passphrase is still VAULT_WRONG_PASSPHRASE when the failure count cannot be stored; the right one still unlocks', async () => {
    const { vault, keys } = await vaultWithKeys(1);
    await vault.lock();
    limitLocalStorage(await bytesInUse());
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect(vault.unlock('not the passphrase at all')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' });
    }
    await vault.unlock(PASS);
    await expect(vault.reveal(keys[0]!.id)).resolves.toBe(keys[0]!.secret);
  });

  it('the right passphrase unlocks even when clearing the failure count is refused', async () => {
    const { vault, keys } = await vaultWithKeys(1);
    await vault.lock();
    await expect(vault.unlock('not the passphrase at all')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error: database is locked'));
    await vault.unlock(PASS);
    await expect(vault.reveal(keys[0]!.id)).resolves.toBe(keys[0]!.secret);
  });
});
