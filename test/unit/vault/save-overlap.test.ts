// Saving a key reads the vault and the session key (issue 16: the mint's own time). The two reads
// overlap; a vault that is not set up is still the error reported, before a locked session.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeSecret, freshVault, META, PASS } from './helpers';

describe('saveKey', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('reads the session key while the vault read is still under way', async () => {
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
    const saving = vault.saveKey(META, fakeSecret());
    await new Promise((resolve) => setTimeout(resolve, 20));
    open();
    await expect(saving).resolves.toMatchObject({ description: META.description });
    expect(sessionReadWhileVaultHeld).toBe(true);
  });

  it('reports a vault that is not set up before a missing session key', async () => {
    const { vault } = freshVault();
    await expect(vault.saveKey(META, fakeSecret())).rejects.toMatchObject({ code: 'VAULT_NOT_SET_UP' });
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
