// The popup's first paint from storage (entrypoints/popup/cached-state.ts), checked against what the
// background itself answers over the same storage: the real vault (vault.status) and the real poller
// (toolbar.get), so the two cannot drift apart unnoticed.
import { STORE_BUILD } from '../../../lib/settings/build-policy';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCachedPopup } from '../../../entrypoints/popup/cached-state';
import { readStored } from '../../../entrypoints/popup/stored-read';
import { storagePollCache } from '../../../lib/toolbar/cache';
import { createToolbar } from '../../../lib/toolbar/poller';
import { vaultKeySource } from '../../../lib/toolbar/vault-source';
import { createSettingsStore } from '../../../lib/settings/store';
import { defineStoredItems } from '../../../lib/storage/items';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import type { VaultPrefs } from '../../../lib/vault/context';
import { fakeSecret, FAST_ITERATIONS, META, PASS, vaultItems } from '../vault/helpers';
import { createVault } from '../../../lib/vault/vault';
import { entry, limits } from './fixtures';

const settingsItem = () => defineStoredItems().settings;
const readSettings = () => createSettingsStore(settingsItem(), STORE_BUILD).read();
const pollCache = () => storagePollCache(defineStoredItems().pollCache);

const T0 = Date.parse('2025-06-01T21:00:00.000Z');
let now = T0;
const clock = () => now;

async function settingsPrefs(): Promise<VaultPrefs> {
  const { autoLockMinutes, clipboardClearSeconds, apiBaseUrl } = await readSettings();
  return { autoLockMinutes, clipboardClearSeconds, apiBaseUrl };
}

/** The vault and the poller as the background wires them (entrypoints/background/services.ts), on the fake storage. */
function background() {
  const vault = createVault(vaultItems(), { iterations: FAST_ITERATIONS, now: clock, prefs: settingsPrefs });
  const source = vaultKeySource(vault, async () => (await readSettings()).activeKeyId);
  const poller = createToolbar({
    getVaultState: source.getVaultState,
    getActiveKey: source.getActiveKey,
    fetchRateLimits: async () => { throw new Error('no request in these tests'); },
    getPrefs: async () => {
      const { badgeUnit, lowBalanceRatio, lowBalanceAbsolute, pollMinutes } = await readSettings();
      return { badgeUnit, lowBalanceRatio, lowBalanceAbsolute, pollMinutes };
    },
    cache: pollCache(),
    alarms: { create: () => undefined, clear: () => undefined },
    now: clock,
    setBadge: async () => undefined,
    isWaitingForWallet: async () => {
      const flow = (await fakeBrowser.storage.session.get('mintFlow')).mintFlow as { status?: string } | undefined;
      return flow?.status === 'connecting' || flow?.status === 'awaiting-signature';
    },
  });
  return { vault, poller };
}

const read = () => readCachedPopup(fakeBrowser.storage, clock, undefined);

/** The first paint has no badge level (the chip waits for the background); the rest is the same. */
const withoutBadge = <T extends { badge?: unknown }>({ badge: _drawn, ...rest }: T) => rest;

describe('readCachedPopup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    now = T0;
  });
  afterEach(() => { vi.restoreAllMocks(); });

  it('answers what vault.status and toolbar.get answer, for an unlocked vault with a cached poll', async () => {
    const { vault, poller } = background();
    await vault.setup(PASS, PASS);
    const first = await vault.saveKey({ ...META, description: 'laptop' }, fakeSecret());
    now += 60_000;
    const second = await vault.saveKey({ ...META, description: 'agent', limits: { diem: 2 } }, fakeSecret());
    await settingsItem().setValue({ ...DEFAULT_SETTINGS, activeKeyId: first.id, pollMinutes: 2, badgeUnit: 'DIEM' });
    await pollCache().set(first.id, entry({ attemptedAt: now - 30_000, fetchedAt: now - 30_000, limits: limits() }));
    await pollCache().set(second.id, entry({ limits: limits({ balances: { USD: 1 } }) }));

    const cached = await read();
    expect(cached).not.toBeNull();
    expect(cached!.vault).toEqual(await vault.status());
    expect(cached!.home.status).toEqual(withoutBadge(await poller.status()));
    expect(cached!.home.status.key?.id).toBe(first.id);
    expect(cached!.home.status.entry?.limits?.balances.USD).toBe(12.5);
    expect(cached!.home.pollMinutes).toBe(2);
    expect(cached!.home.keys.map((k) => k.description)).toEqual(['laptop', 'agent']);
    expect(cached!.home.keys[0]).toEqual({ id: first.id, description: 'laptop', last6: first.last6, expiresAt: null });
  });

  it('keeps no secret: neither the session key nor any sealed record', async () => {
    const { vault } = background();
    await vault.setup(PASS, PASS);
    const secret = fakeSecret();
    await vault.saveKey(META, secret);
    const session = (await fakeBrowser.storage.session.get('vaultSession')).vaultSession as { key: string };
    const text = JSON.stringify(await read());
    expect(text).not.toContain(session.key);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('"secret"');
    expect(text).not.toContain('"ct"');
  });

  it('follows the poller for a new key with no poll yet, a missing active key and a waiting wallet', async () => {
    const { vault, poller } = background();
    await vault.setup(PASS, PASS);
    await vault.saveKey(META, fakeSecret());
    await settingsItem().setValue({ ...DEFAULT_SETTINGS, activeKeyId: 'gone' });
    await fakeBrowser.storage.session.set({ mintFlow: { status: 'awaiting-signature' } });
    const cached = await read();
    expect(cached!.home.status).toEqual(withoutBadge(await poller.status()));
    expect(cached!.home.status.entry).toBeNull();
    expect(cached!.home.status.waitingForWallet).toBe(true);
  });

  it('says the same as the background when no key is saved yet', async () => {
    const { vault, poller } = background();
    await vault.setup(PASS, PASS);
    const cached = await read();
    expect(cached!.vault).toEqual(await vault.status());
    expect(cached!.home.status).toEqual(withoutBadge(await poller.status()));
    expect(cached!.home.status.key).toBeNull();
  });

  it('reads a cached poll that does not fit its schema as no poll, as the background does', async () => {
    const { vault, poller } = background();
    await vault.setup(PASS, PASS);
    const key = await vault.saveKey(META, fakeSecret());
    await fakeBrowser.storage.local.set({ pollCache: { [key.id]: { status: 'ok', attemptedAt: 'yesterday' } } });
    const cached = await read();
    expect(cached!.home.status.entry).toBeNull();
    expect(cached!.home.status).toEqual(withoutBadge(await poller.status()));
  });

  it('sets a record that does not fit aside as damaged and keeps the others', async () => {
    const { vault } = background();
    await vault.setup(PASS, PASS);
    const key = await vault.saveKey(META, fakeSecret());
    const stored = (await fakeBrowser.storage.local.get('vault')).vault as { records: unknown[] };
    await fakeBrowser.storage.local.set({ vault: { ...stored, records: [...stored.records, { id: 'odd', last6: 1 }] } });
    const cached = await read();
    expect(cached!.vault.records.map((r) => r.id)).toEqual([key.id]);
    expect(cached!.vault.damaged).toEqual([{ id: 'odd', reason: 'shape' }]);
    expect(cached!.vault).toEqual(await vault.status());
  });

  it('gives null, so the popup waits for the background, unless the vault is unlocked', async () => {
    const { vault } = background();
    expect(await read()).toBeNull(); // not set up
    await vault.setup(PASS, PASS);
    await vault.saveKey(META, fakeSecret());
    expect(await read()).not.toBeNull();
    await vault.lock();
    expect(await read()).toBeNull();
    await vault.unlock(PASS);
    expect(await read()).not.toBeNull();
    await fakeBrowser.storage.local.set({ vault$: { v: 1 } }); // not yet migrated by the background
    expect(await read()).toBeNull();
    await fakeBrowser.storage.local.set({ vault$: { v: 2 }, vault: { format: 2, records: 'none' } });
    expect(await read()).toBeNull();
  });

  it('reads a session idle past the auto-lock as locked, as the vault does', async () => {
    const { vault } = background();
    await vault.setup(PASS, PASS);
    await settingsItem().setValue({ ...DEFAULT_SETTINGS, autoLockMinutes: 5 });
    now += 4 * 60_000;
    expect(await read()).not.toBeNull();
    now += 60_000;
    expect(await read()).toBeNull();
    expect((await vault.status()).state).toBe('locked');
  });

  it('takes a read already started, and reads exactly these items itself without one', async () => {
    const { vault } = background();
    await vault.setup(PASS, PASS);
    await vault.saveKey(META, fakeSecret());
    const expected = await vault.status();
    const get = { local: vi.spyOn(fakeBrowser.storage.local, 'get'), session: vi.spyOn(fakeBrowser.storage.session, 'get') };
    const started = readStored(fakeBrowser.storage);
    expect(get.local).toHaveBeenCalledTimes(1);
    expect(get.session).toHaveBeenCalledTimes(1);
    expect(get.local.mock.calls[0]![0]).toEqual(['vault', 'vault$', 'settings', 'pollCache']);
    expect(get.session.mock.calls[0]![0]).toEqual(['vaultSession', 'mintFlow']);

    const cached = await readCachedPopup(fakeBrowser.storage, clock, started);
    expect(cached?.vault).toEqual(expected);
    expect(get.local).toHaveBeenCalledTimes(1); // the started read, not a second one

    expect((await readCachedPopup(fakeBrowser.storage, clock))?.vault).toEqual(expected);
    expect(get.local).toHaveBeenCalledTimes(2);
    expect(get.session).toHaveBeenCalledTimes(2);
  });

  it('turns a failed started read into a rejection for the popup to handle, without reading again', async () => {
    const failing = { local: { get: async () => { throw new Error('storage unavailable'); } }, session: fakeBrowser.storage.session };
    // Working storage as the areas: only the started read can fail here.
    await expect(readCachedPopup(fakeBrowser.storage, clock, readStored(failing))).rejects.toThrow('storage unavailable');
  });
});
