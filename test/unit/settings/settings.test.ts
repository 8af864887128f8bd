import { SANDBOX_BUILD, STORE_BUILD } from '../../../lib/settings/build-policy';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signingOriginFor } from '../../../lib/settings/origin';
import { DEFAULT_SETTINGS, sandboxApiBaseUrl } from '../../../lib/settings/schema';
import { urlProblem } from '../../../lib/settings/build-policy';
import { createSettingsStore } from '../../../lib/settings/store';
import { applySettingsPatch, parseStoredSettings, refusedAddresses } from '../../../lib/settings/validate';
import { defineStoredItems } from '../../../lib/storage/items';

// The build's policy: store builds refuse http://127.0.0.1, the sandbox build accepts it.
const STORE = STORE_BUILD;
const SANDBOX = SANDBOX_BUILD;

// The settings store over the item the background declares (lib/storage/items.ts), as a store build.
const settingsItem = { setValue: (value: never) => defineStoredItems().settings.setValue(value) };
const readSettings = () => createSettingsStore(defineStoredItems().settings, STORE).read();
const updateSettings = (patch: unknown) => createSettingsStore(defineStoredItems().settings, STORE).update(patch);

describe('settings defaults', () => {
  it('match the issue: production endpoints, 5 min polling, everything opt-in', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      apiBaseUrl: 'https://api.venice.ai/api/v1',
      rpcUrl: 'https://mainnet.base.org',
      pollMinutes: 5,
      badgeUnit: 'auto',
      lowBalanceRatio: 0.1,
      lowBalanceAbsolute: 1,
      autoLockMinutes: 15,
      clipboardClearSeconds: 30,
      notifications: { blocked: false, lowBalance: false, expiring: false },
      activeKeyId: null,
    });
  });

  it('lock the vault after 15 idle minutes, not never (0)', () => {
    expect(DEFAULT_SETTINGS.autoLockMinutes).toBe(15);
    expect(parseStoredSettings(undefined, STORE).autoLockMinutes).toBe(15);
  });
});

describe('urlProblem in the sandbox build', () => {
  it.each([
    ['https://api.venice.ai/api/v1', null],
    ['https://api.venice.ai/api/v1/', null],
    ['http://127.0.0.1:8787/api/v1', null],
    // The manifest grants http on 127.0.0.1 only (sandbox builds); no other host is used by any build.
    ['http://localhost:3000/api/v1', 'Use https://api.venice.ai/api/v1 or the local sandbox (http://127.0.0.1)'],
    ['http://[::1]:3000/api/v1', 'Use https://api.venice.ai/api/v1 or the local sandbox (http://127.0.0.1)'],
    ['http://api.venice.ai/api/v1', 'Use https://api.venice.ai/api/v1 or the local sandbox (http://127.0.0.1)'],
    ['https://api.other.example/api/v1', 'Use https://api.venice.ai/api/v1 or the local sandbox (http://127.0.0.1)'],
    ['ftp://127.0.0.1/x', 'Use https://api.venice.ai/api/v1 or the local sandbox (http://127.0.0.1)'],
    ['api.venice.ai', 'Enter a full address, such as https://api.venice.ai/api/v1'],
    ['https://user:pw@api.venice.ai/api/v1', 'Leave user names and passwords out of the address'],
    ['https://api.venice.ai/api/v1?x=1', 'Leave ? and # parts out of the address'],
  ])('%s -> %s', (url, reason) => {
    expect(urlProblem('apiBaseUrl', url, SANDBOX)).toBe(reason);
  });
});

describe('store builds are pinned to Venice and Base', () => {
  const LOCAL = 'http://127.0.0.1:8787/api/v1';

  it('store builds accept only the pinned addresses, with a reason; the sandbox build also accepts http://127.0.0.1', () => {
    expect(urlProblem('apiBaseUrl', LOCAL, STORE)).toBe('This build uses https://api.venice.ai/api/v1 only (http://127.0.0.1 works only in the sandbox build)');
    expect(urlProblem('apiBaseUrl', 'https://api.attacker.example/api/v1', STORE)).toBe('This build uses https://api.venice.ai/api/v1 only');
    expect(urlProblem('rpcUrl', 'https://rpc.attacker.example', STORE)).toBe('This build uses https://mainnet.base.org only');
    expect(urlProblem('apiBaseUrl', 'https://api.venice.ai/api/v1', STORE)).toBeNull();
    expect(urlProblem('rpcUrl', 'https://mainnet.base.org/', STORE)).toBeNull();
    // Venice's API address is not an RPC, nor the other way round.
    expect(urlProblem('rpcUrl', 'https://api.venice.ai/api/v1', STORE)).not.toBeNull();
    expect(urlProblem('apiBaseUrl', LOCAL, SANDBOX)).toBeNull();
  });

  it('a store build refuses a change to http://127.0.0.1 or another https host and stores nothing', async () => {
    fakeBrowser.reset();
    expect(applySettingsPatch(DEFAULT_SETTINGS, { rpcUrl: 'http://127.0.0.1:8545' }, STORE)).toEqual({
      ok: false,
      errors: [{ field: 'rpcUrl', reason: 'This build uses https://mainnet.base.org only (http://127.0.0.1 works only in the sandbox build)' }],
    });
    const store = createSettingsStore(defineStoredItems().settings, STORE);
    await expect(store.update({ apiBaseUrl: LOCAL })).resolves.toMatchObject({ ok: false });
    await expect(store.update({ apiBaseUrl: 'https://api.attacker.example/api/v1' })).resolves.toMatchObject({ ok: false });
    expect(await store.read()).toEqual(DEFAULT_SETTINGS);
  });

  it('a store build reads a stored http://127.0.0.1 as the default address', () => {
    const stored = { ...DEFAULT_SETTINGS, apiBaseUrl: LOCAL, rpcUrl: 'http://127.0.0.1:8545', pollMinutes: 7 };
    expect(parseStoredSettings(stored, STORE)).toEqual({ ...DEFAULT_SETTINGS, pollMinutes: 7 });
    expect(parseStoredSettings(stored, SANDBOX)).toEqual(stored);
  });

  it('an address written into storage by something else is read as the default in both builds, and named as refused', () => {
    const stored = { ...DEFAULT_SETTINGS, apiBaseUrl: 'https://api.attacker.example/api/v1', pollMinutes: 7 };
    for (const policy of [STORE, SANDBOX]) {
      expect(parseStoredSettings(stored, policy)).toEqual({ ...DEFAULT_SETTINGS, pollMinutes: 7 });
      expect(refusedAddresses(stored, policy)).toEqual(['apiBaseUrl']);
    }
    expect(refusedAddresses({ ...DEFAULT_SETTINGS, rpcUrl: 'http://127.0.0.1:8545' }, STORE)).toEqual(['rpcUrl']);
    expect(refusedAddresses({ ...DEFAULT_SETTINGS, rpcUrl: 'http://127.0.0.1:8545' }, SANDBOX)).toEqual([]);
    expect(refusedAddresses(DEFAULT_SETTINGS, STORE)).toEqual([]);
    expect(refusedAddresses(undefined, STORE)).toEqual([]);
  });
});

describe('applySettingsPatch', () => {
  it('accepts a valid change, normalises the URL and keeps the other fields', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { apiBaseUrl: ' http://127.0.0.1:9000/api/v1/ ', pollMinutes: 0.5 }, SANDBOX);
    expect(result).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://127.0.0.1:9000/api/v1', pollMinutes: 0.5 },
    });
  });

  it('merges one notification switch without resetting the others', () => {
    const current = { ...DEFAULT_SETTINGS, notifications: { blocked: true, lowBalance: false, expiring: false } };
    const result = applySettingsPatch(current, { notifications: { expiring: true } }, STORE);
    expect(result.ok && result.settings.notifications).toEqual({ blocked: true, lowBalance: false, expiring: true });
  });

  it('refuses each bad field with its reason and changes nothing', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, {
      apiBaseUrl: 'http://evil.example/api/v1',
      pollMinutes: 0.25,
      lowBalanceRatio: 2,
      autoLockMinutes: 1.5,
      badgeUnit: 'EUR',
      colour: 'red',
    }, STORE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.reason]));
    expect(byField.apiBaseUrl).toBe('This build uses https://api.venice.ai/api/v1 only');
    expect(byField.pollMinutes).toMatch(/30 seconds/);
    expect(byField.lowBalanceRatio).toMatch(/between 0 and 1/);
    expect(byField.autoLockMinutes).toBe('Use whole minutes');
    expect(byField.badgeUnit).toBe('Choose USD, DIEM or automatic');
    expect(byField.colour).toBe('There is no such setting');
  });

  it('refuses a value of the wrong type with a reason, not a crash', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { pollMinutes: '5', notifications: { blocked: 'yes' } }, STORE);
    expect(result).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        { field: 'pollMinutes', reason: 'Enter a number for the polling period' },
        { field: 'notifications.blocked', reason: 'Choose on or off' },
      ]),
    });
    expect(applySettingsPatch(DEFAULT_SETTINGS, null, STORE)).toMatchObject({ ok: false });
  });
});

describe('parseStoredSettings', () => {
  it('keeps every valid stored field and replaces only the damaged ones', () => {
    const stored = { ...DEFAULT_SETTINGS, pollMinutes: -3, rpcUrl: 'http://127.0.0.1:8545', notifications: { blocked: true, lowBalance: 7 } };
    expect(parseStoredSettings(stored, SANDBOX)).toEqual({
      ...DEFAULT_SETTINGS,
      rpcUrl: 'http://127.0.0.1:8545',
      notifications: { blocked: true, lowBalance: false, expiring: false },
    });
  });

  it('falls back to the defaults for a value that is not an object', () => {
    expect(parseStoredSettings('garbage', STORE)).toEqual(DEFAULT_SETTINGS);
    expect(parseStoredSettings(undefined, STORE)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings storage item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the defaults when nothing is stored, then stores a valid change', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    await expect(updateSettings({ badgeUnit: 'DIEM' })).resolves.toMatchObject({ ok: true });
    expect((await readSettings()).badgeUnit).toBe('DIEM');
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: expect.objectContaining({ badgeUnit: 'DIEM' }) });
  });

  it('does not store a refused change', async () => {
    await updateSettings({ pollMinutes: 10 });
    await expect(updateSettings({ pollMinutes: 10, rpcUrl: 'http://rpc.example' })).resolves.toMatchObject({ ok: false });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, pollMinutes: 10 });
  });

  it('repairs a damaged stored value on read', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, badgeUnit: 'EUR' } as never);
    expect((await readSettings()).badgeUnit).toBe('auto');
  });
});

describe('signingOriginFor', () => {
  it.each([
    ['https://api.venice.ai/api/v1', 'https://venice.ai'],
    [sandboxApiBaseUrl(8787), 'http://127.0.0.1:8787'],
    ['http://localhost:3000/api/v1', 'http://localhost:3000'],
    ['https://api.staging.example.com:8443/api/v1', 'https://staging.example.com:8443'],
    ['https://venice.example/api/v1', 'https://venice.example'],
    ['https://api.io/v1', 'https://api.io'],
  ])('%s signs on %s', (base, origin) => {
    expect(signingOriginFor(base)).toBe(origin);
  });

  it('throws for a value that is not a URL', () => {
    expect(() => signingOriginFor('not a url')).toThrow(TypeError);
  });
});
