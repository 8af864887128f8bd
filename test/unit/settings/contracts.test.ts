import { STORE_BUILD } from '../../../lib/settings/build-policy';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { call } from '../../../lib/messaging/call';
import { createDispatcher, type Sender } from '../../../lib/messaging/handle';
import type { RequestEnvelope } from '../../../lib/messaging/protocol';
import { settingsContracts } from '../../../lib/messaging/settings';
import { settingsRoutes } from '../../../entrypoints/background/routes';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { createSettingsStore } from '../../../lib/settings/store';
import { defineStoredItems } from '../../../lib/storage/items';

const page: Sender = { id: 'ext', url: 'chrome-extension://ext/options.html' };

const store = () => createSettingsStore(defineStoredItems().settings, STORE_BUILD);
const readSettings = () => store().read();

/** The settings route over the real store; `changed` collects what the store's watch reports. */
function wire(changed: Settings[]) {
  const settings = store();
  settings.watch((s) => void changed.push(s));
  const dispatch = createDispatcher(settingsContracts, settingsRoutes({ settings }), {
    authorize: (_audience, sender) => sender === page,
    toWireError: () => ({ code: 'UNKNOWN', message: 'Something went wrong.', action: 'retry' }),
  });
  return async (envelope: RequestEnvelope) => dispatch(envelope, page);
}

describe('settings contracts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the settings and stores a valid change, telling the background', async () => {
    const changed: Settings[] = [];
    const send = wire(changed);
    await expect(call(send, settingsContracts, 'settings.get', {})).resolves.toEqual(DEFAULT_SETTINGS);
    const result = await call(send, settingsContracts, 'settings.set', { patch: { pollMinutes: 1, notifications: { blocked: true } } });
    expect(result).toMatchObject({ ok: true, settings: { pollMinutes: 1, notifications: { blocked: true, lowBalance: false } } });
    await expect.poll(() => changed).toHaveLength(1);
    expect((await readSettings()).pollMinutes).toBe(1);
  });

  it('answers a refused change with reasons per field, stores nothing and tells no one', async () => {
    const changed: Settings[] = [];
    const send = wire(changed);
    const result = await call(send, settingsContracts, 'settings.set', { patch: { apiBaseUrl: 'http://example.com/api/v1', pollMinutes: 0 } });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'apiBaseUrl', reason: 'This build uses https://api.venice.ai/api/v1 only' },
        { field: 'pollMinutes', reason: expect.stringContaining('30 seconds') },
      ],
    });
    expect(changed).toEqual([]);
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
