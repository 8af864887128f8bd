// The popup's HomeApi over its client and the real contracts, with a fake background answering the envelopes.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHomeApi as homeApiOver, popupClient } from '../../../entrypoints/popup/api';
import { createDispatcher } from '../../../lib/messaging/handle';
import type { RequestEnvelope } from '../../../lib/messaging/protocol';
import { toolbarContracts } from '../../../lib/messaging/toolbar';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { KEY_A, status } from './fixtures';

const createHomeApi = (send: (envelope: RequestEnvelope) => Promise<unknown>) => homeApiOver(popupClient(send));

const RECORD = {
  id: KEY_A.id, last6: 'aaaaaa', type: 'INFERENCE', description: 'Laptop', source: 'imported',
  apiBaseUrl: 'http://127.0.0.1:9/api/v1', createdAt: '2025-06-01T00:00:00.000Z', limits: {}, expiresAt: null,
};

function background(answers: Record<string, unknown>) {
  const sent: RequestEnvelope[] = [];
  const send = async (envelope: RequestEnvelope) => {
    sent.push(envelope);
    const answer = answers[envelope.name];
    return answer instanceof Error ? { ok: false, error: { code: 'X', message: answer.message, action: 'retry' } } : { ok: true, output: answer };
  };
  return { sent, api: createHomeApi(send) };
}

describe('createHomeApi', () => {
  it('reads status, refresh, keys and the polling period through their contracts', async () => {
    const { sent, api } = background({
      'toolbar.get': status(),
      'toolbar.refresh': { ...status(), outcome: 'polled' },
      'vault.status': { state: 'unlocked', records: [RECORD], damaged: [], clipboardClearSeconds: 30 },
      'settings.get': { ...DEFAULT_SETTINGS, pollMinutes: 0.5 },
    });
    expect((await api.status()).key?.id).toBe(KEY_A.id);
    expect((await api.refresh()).outcome).toBe('polled');
    expect(await api.keys()).toEqual([{ id: KEY_A.id, description: 'Laptop', last6: 'aaaaaa', expiresAt: null }]);
    expect(await api.pollMinutes()).toBe(0.5);
    expect(sent.map((e) => e.name)).toEqual(['toolbar.get', 'toolbar.refresh', 'vault.status', 'settings.get']);
  });

  it('lists no keys while the vault is locked', async () => {
    const { api } = background({ 'vault.status': { state: 'locked', retryInMs: 0, records: [RECORD], damaged: [] } });
    expect(await api.keys()).toEqual([]);
  });

  it('sets only activeKeyId, and turns a refused change into an error with its reason', async () => {
    const ok = background({ 'settings.set': { ok: true, settings: { ...DEFAULT_SETTINGS, activeKeyId: KEY_A.id } } });
    await ok.api.setActiveKey(KEY_A.id);
    expect(ok.sent[0]).toMatchObject({ name: 'settings.set', input: { patch: { activeKeyId: KEY_A.id } } });

    const refused = background({ 'settings.set': { ok: false, errors: [{ field: 'activeKeyId', reason: 'Too long' }] } });
    await expect(refused.api.setActiveKey('x')).rejects.toMatchObject({ code: 'INVALID_SETTING', message: 'Too long' });
    const failed = background({ 'toolbar.get': new Error('The extension background is not answering.') });
    await expect(failed.api.status()).rejects.toMatchObject({ message: 'The extension background is not answering.' });
  });

  it('never shows a malformed status answer: the background refuses to send it (the popup loads no schema)', async () => {
    const dispatch = createDispatcher(
      toolbarContracts,
      { 'toolbar.get': async () => ({ ...status(), vault: 'open' }) as never, 'toolbar.refresh': async () => ({ ...status(), outcome: 'polled' as const }) },
      { authorize: () => true, toWireError: () => ({ code: 'UNKNOWN', message: 'Something went wrong.', action: 'retry' }) },
    );
    const api = createHomeApi(async (envelope) => dispatch(envelope, { id: 'ext', url: 'chrome-extension://ext/popup.html' }));
    await expect(api.status()).rejects.toMatchObject({ code: 'UNKNOWN' });
  });

  it('turns an answer that is not a reply envelope into MALFORMED_RESPONSE', async () => {
    const answers = [undefined, null, 'ok', { ok: true, output: 1, extra: 1 }, { ok: 'yes', output: 1 }, { ok: false, error: { code: '', message: 'm', action: 'retry' } }];
    for (const answer of answers) {
      const api = createHomeApi(async () => answer);
      await expect(api.status()).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
    }
  });

  it('watches the stored poll results, settings and vault, and nothing else', async () => {
    const { api } = background({});
    const listener = vi.fn();
    const stop = api.watch!(listener);
    await fakeBrowser.storage.local.set({ pollCache: {} });
    await fakeBrowser.storage.local.set({ settings: {} });
    await fakeBrowser.storage.session.set({ vaultSession: {} });
    expect(listener).toHaveBeenCalledTimes(3);
    await fakeBrowser.storage.local.set({ flowState: {} });
    await fakeBrowser.storage.session.set({ other: 1 });
    expect(listener).toHaveBeenCalledTimes(3);
    stop();
    await fakeBrowser.storage.local.set({ pollCache: { a: 1 } });
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
