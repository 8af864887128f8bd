import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { call } from '../../../lib/messaging/call';
import { createDispatcher, type Sender } from '../../../lib/messaging/handle';
import type { RequestEnvelope } from '../../../lib/messaging/protocol';
import { vaultContracts } from '../../../lib/messaging/vault';
import { vaultRoutes, vaultWireError } from '../../../entrypoints/background/routes';
import { fakeSecret, freshVault, PASS, prefs } from './helpers';

const popup: Sender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const contentScript: Sender = { id: 'ext', url: 'https://venice.ai/', tab: { id: 3 } };

function wire(checked: string[] = []) {
  const { vault } = freshVault({
    prefs: prefs({ apiBaseUrl: 'http://127.0.0.1:9999/api/v1' }),
    checkKey: async (secret) => {
      checked.push(secret);
      if (secret.endsWith('revoked')) throw Object.assign(new Error('401'), { code: 'AUTHENTICATION_FAILED' });
      return { expiresAt: '2030-01-01T00:00:00.000Z' };
    },
  });
  const dispatch = createDispatcher(vaultContracts, vaultRoutes({ vault }), {
    authorize: (audience, sender) => audience === 'extension-page' && !sender.tab,
    toWireError: vaultWireError,
  });
  const send = (sender: Sender) => async (envelope: RequestEnvelope) => dispatch(envelope, sender);
  return { vault, send };
}

describe('vault contracts over the message protocol', () => {
  beforeEach(() => fakeBrowser.reset());

  it('runs set-up, import, reveal, lock and status end to end through call()', async () => {
    const checked: string[] = [];
    const { send } = wire(checked);
    const s = send(popup);
    await call(s, vaultContracts, 'vault.setup', { passphrase: PASS, confirm: PASS });
    const secret = fakeSecret('ADMIN');
    const meta = await call(s, vaultContracts, 'vault.import', { secret: `  VENICE_API_KEY=${secret}\n`, description: 'pasted' });
    expect(checked).toEqual([secret]);
    expect(meta).toMatchObject({ type: 'ADMIN', source: 'imported', apiBaseUrl: 'http://127.0.0.1:9999/api/v1', expiresAt: '2030-01-01T00:00:00.000Z' });
    await expect(call(s, vaultContracts, 'vault.reveal', { id: meta.id })).resolves.toEqual({ secret });
    await expect(call(s, vaultContracts, 'vault.status', {})).resolves.toMatchObject({ state: 'unlocked', clipboardClearSeconds: 30 });
    await call(s, vaultContracts, 'vault.lock', {});
    await expect(call(s, vaultContracts, 'vault.reveal', { id: meta.id })).rejects.toMatchObject({ code: 'VAULT_LOCKED', action: 'unlock' });
  });

  it('refuses every vault message from a content script', async () => {
    const { send } = wire();
    await expect(call(send(contentScript), vaultContracts, 'vault.status', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(send(contentScript), vaultContracts, 'vault.reveal', { id: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('sends the reason of a weak passphrase in the message, and checks an import before asking Venice', async () => {
    const checked: string[] = [];
    const { send } = wire(checked);
    const s = send(popup);
    const weak = await call(s, vaultContracts, 'vault.setup', { passphrase: 'password1234', confirm: 'password1234' }).catch((e: unknown) => e);
    expect(weak).toMatchObject({ code: 'VAULT_PASSPHRASE_WEAK', message: expect.stringContaining('Reason: common.') });
    await call(s, vaultContracts, 'vault.setup', { passphrase: PASS, confirm: PASS });
    await expect(call(s, vaultContracts, 'vault.import', { secret: 'sk-live-123456789' })).rejects.toMatchObject({ code: 'KEY_INVALID_FORMAT' });
    expect(checked).toEqual([]);
    const refused = await call(s, vaultContracts, 'vault.import', { secret: 'VENICE_INFERENCE_KEY_abcdef-revoked' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNKNOWN' }); // a non-AppError never leaks its text
    await expect(call(s, vaultContracts, 'vault.status', {})).resolves.toMatchObject({ records: [] });
  });
});
