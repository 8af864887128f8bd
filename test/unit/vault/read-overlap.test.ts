// Saving a key and the vault's status read the vault and the session key (issue 16: the mint's own
// time, and the popup's first question to a waking worker). The reads overlap; the vault's own
// answer (not set up) still comes before the session's (locked).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeSecret, freshVault, META, PASS } from './helpers';

describe('the vault reads the session key beside the vault', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it.each(['saveKey', 'status'] as const)('%s reads the session key while the vault read is still under way', async (action) => {
    const { vault } = freshVault();
    await vault.setup(PASS, PASS);
    const localGet = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let sessionReadWhileVaultHeld = false;
    let vaultHeld = false;
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys?: string | string[] | Record<string, unknown> | null) => {
      vaultHeld = true;
      await gate;
      vaultHeld = false;
      return localGet(keys as never);
    });
    const sessionGet = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(async (keys?: string | string[] | Record<string, unknown> | null) => {
      if (vaultHeld) sessionReadWhileVaultHeld = true;
      return sessionGet(keys as never);
    });
    const working = action === 'saveKey' ? vault.saveKey(META, fakeSecret()) : vault.status();
    await new Promise((resolve) => setTimeout(resolve, 20));
    open();
    await expect(working).resolves.toBeTruthy();
    expect(sessionReadWhileVaultHeld).toBe(true);
    if (action === 'status') await expect(vault.status()).resolves.toMatchObject({ state: 'unlocked' });
  });

  it('reports a vault that is not set up before a missing session key', async () => {
    const { vault } = freshVault();
    await expect(vault.saveKey(META, fakeSecret())).rejects.toMatchObject({ code: 'VAULT_NOT_SET_UP' });
    await expect(vault.status()).resolves.toEqual({ state: 'not-set-up' });
  });

  it('reports a locked vault as VAULT_LOCKED, and writes nothing', async () => {
    const { vault } = freshVault();
    await vault.setup(PASS, PASS);
    await vault.lock();
    const before = await fakeBrowser.storage.local.get(null);
    await expect(vault.saveKey(META, fakeSecret())).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});
