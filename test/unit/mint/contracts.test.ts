import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../lib/messaging/call';
import { mintContracts } from '../../../lib/messaging/mint';
import { createDispatcher, type Sender } from '../../../lib/messaging/handle';
import type { RequestEnvelope } from '../../../lib/messaging/protocol';
import { toAppError } from '../../../lib/errors';
import { mintRoutes } from '../../../entrypoints/background/routes';
import { createMintRunner } from '../../../lib/mint/runner';
import { OPTIONS } from './fixtures';
import { fail, fakeDeps, SECRET } from './fakes';

const popup: Sender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const page: Sender = { id: 'ext', url: 'https://evil.example/', tab: { id: 3 } };

function wire() {
  const fake = fakeDeps();
  const runner = createMintRunner(fake.deps);
  const dispatch = createDispatcher(mintContracts, mintRoutes({ mint: runner }), {
    authorize: (audience, sender) => audience === 'extension-page' && !sender.tab,
    toWireError: (e) => {
      const { code, message, action } = toAppError(e);
      return { code, message, action };
    },
  });
  const send = (sender: Sender) => async (envelope: RequestEnvelope) => dispatch(envelope, sender);
  return { fake, send };
}

describe('flow contracts', () => {
  it('drives a mint from the popup, each answer a checked state', async () => {
    const { fake, send } = wire();
    expect(await call(send(popup), mintContracts, 'mint.get', {})).toMatchObject({ status: 'idle' });
    expect(await call(send(popup), mintContracts, 'mint.start', {})).toMatchObject({ status: 'connecting' });
    await vi.waitFor(() => expect(fake.state().status).toBe('ready'));
    expect(await call(send(popup), mintContracts, 'mint.confirm', { options: OPTIONS })).toMatchObject({ status: 'awaiting-signature' });
    await vi.waitFor(() => expect(fake.state().status).toBe('saved'));
    expect(await call(send(popup), mintContracts, 'mint.reveal', {})).toEqual({ apiKey: null });
  });

  it('refuses bad options at the boundary, asking nothing of the wallet', async () => {
    const { fake, send } = wire();
    await call(send(popup), mintContracts, 'mint.start', {});
    await vi.waitFor(() => expect(fake.state().status).toBe('ready'));
    const bad = { tag: 'venice-key-wallet/v1', name: 'mint.confirm', input: { options: { apiKeyType: 'INFERENCE', limitPeriod: 'WEEK' } } } as const;
    await expect(send(popup)(bad as RequestEnvelope)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(fake.calls.signs).toHaveLength(0);
  });

  it('refuses every flow message from a web page', async () => {
    const { fake, send } = wire();
    await expect(call(send(page), mintContracts, 'mint.start', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(send(page), mintContracts, 'mint.reveal', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(fake.calls.connects).toBe(0);
  });

  it('reveals an unsaved key to the popup only in saved-unstored', async () => {
    const { fake, send } = wire();
    fake.script.save.push(fail('VAULT_STORAGE_FAILED'));
    await call(send(popup), mintContracts, 'mint.start', {});
    await vi.waitFor(() => expect(fake.state().status).toBe('ready'));
    await call(send(popup), mintContracts, 'mint.confirm', { options: OPTIONS });
    await vi.waitFor(() => expect(fake.state().status).toBe('saved-unstored'));
    const state = await call(send(popup), mintContracts, 'mint.get', {});
    expect(JSON.stringify(state)).not.toContain(SECRET);
    expect(await call(send(popup), mintContracts, 'mint.reveal', {})).toEqual({ apiKey: SECRET });
    await call(send(popup), mintContracts, 'mint.cancel', {});
    expect(await call(send(popup), mintContracts, 'mint.reveal', {})).toEqual({ apiKey: null });
  });
});
