import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signingOriginFor } from '../../../lib/settings/origin';
import { DEFAULT_SETTINGS, sandboxApiBaseUrl, urlProblem } from '../../../lib/settings/schema';
import { createSettingsStore } from '../../../lib/settings/store';
import { applySettingsPatch, parseStoredSettings } from '../../../lib/settings/validate';
import { defineStoredItems } from '../../../lib/storage/items';

// The settings store over the item the background declares (lib/storage/items.ts).
const settingsItem = { setValue: (value: never) => defineStoredItems().settings.setValue(value) };
const readSettings = () => createSettingsStore(defineStoredItems().settings).read();
const updateSettings = (patch: unknown) => createSettingsStore(defineStoredItems().settings).update(patch);

describe('settings defaults', () => {
  it('match the issue: production endpoints, 5 min polling, everything opt-in', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      apiBaseUrl: 'https://api.venice.ai/api/v1',
      rpcUrl: 'https://mainnet.base.org',
      pollMinutes: 5,
      badgeUnit: 'auto',
      lowBalanceRatio: 0.1,
      lowBalanceAbsolute: 1,
      autoLockMinutes: 0,
      clipboardClearSeconds: 30,
      notifications: { blocked: false, lowBalance: false, expiring: false },
      activeKeyId: null,
    });
  });
});

describe('urlProblem', () => {
  it.each([
    ['https://api.venice.ai/api/v1', null],
    ['http://127.0.0.1:8787/api/v1', null],
    // The manifest grants http on 127.0.0.1 only (sandbox builds); optional hosts are https only.
    ['http://localhost:3000/api/v1', 'Use https:// (http is only allowed for 127.0.0.1)'],
    ['http://[::1]:3000/api/v1', 'Use https:// (http is only allowed for 127.0.0.1)'],
    ['http://api.venice.ai/api/v1', 'Use https:// (http is only allowed for 127.0.0.1)'],
    ['http://192.168.1.5/api/v1', 'Use https:// (http is only allowed for 127.0.0.1)'],
    ['ftp://127.0.0.1/x', 'Use https:// (http is only allowed for 127.0.0.1)'],
    ['api.venice.ai', 'Enter a full address, such as https://api.venice.ai/api/v1'],
    ['https://user:pw@api.venice.ai/api/v1', 'Leave user names and passwords out of the address'],
    ['https://api.venice.ai/api/v1?x=1', 'Leave ? and # parts out of the address'],
  ])('%s -> %s', (url, reason) => {
    expect(urlProblem(url)).toBe(reason);
  });
});

describe('applySettingsPatch', () => {
  it('accepts a valid change, normalises the URL and keeps the other fields', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { apiBaseUrl: ' http://127.0.0.1:9000/api/v1/ ', pollMinutes: 0.5 });
    expect(result).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://127.0.0.1:9000/api/v1', pollMinutes: 0.5 },
    });
  });

  it('merges one notification switch without resetting the others', () => {
    const current = { ...DEFAULT_SETTINGS, notifications: { blocked: true, lowBalance: false, expiring: false } };
    const result = applySettingsPatch(current, { notifications: { expiring: true } });
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
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.reason]));
    expect(byField.apiBaseUrl).toBe('Use https:// (http is only allowed for 127.0.0.1)');
    expect(byField.pollMinutes).toMatch(/30 seconds/);
    expect(byField.lowBalanceRatio).toMatch(/between 0 and 1/);
    expect(byField.autoLockMinutes).toBe('Use whole minutes');
    expect(byField.badgeUnit).toBe('Choose USD, DIEM or automatic');
    expect(byField.colour).toBe('There is no such setting');
  });

  it('refuses a value of the wrong type with a reason, not a crash', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { pollMinutes: '5', notifications: { blocked: 'yes' } });
    expect(result).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        { field: 'pollMinutes', reason: 'Enter a number for the polling period' },
        { field: 'notifications.blocked', reason: 'Choose on or off' },
      ]),
    });
    expect(applySettingsPatch(DEFAULT_SETTINGS, null)).toMatchObject({ ok: false });
  });
});

describe('parseStoredSettings', () => {
  it('keeps every valid stored field and replaces only the damaged ones', () => {
    const stored = { ...DEFAULT_SETTINGS, pollMinutes: -3, rpcUrl: 'https://base.example', notifications: { blocked: true, lowBalance: 7 } };
    expect(parseStoredSettings(stored)).toEqual({
      ...DEFAULT_SETTINGS,
      rpcUrl: 'https://base.example',
      notifications: { blocked: true, lowBalance: false, expiring: false },
    });
  });

  it('falls back to the defaults for a value that is not an object', () => {
    expect(parseStoredSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseStoredSettings(undefined)).toEqual(DEFAULT_SETTINGS);
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
