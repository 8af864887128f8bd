import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call } from '../../../lib/messaging/call';
import { createDispatcher, type Sender } from '../../../lib/messaging/handle';
import { contract, RemoteError, type RequestEnvelope } from '../../../lib/messaging/protocol';
import { isExtensionPage } from '../../../lib/messaging/runtime';

const contracts = {
  'demo.add': contract(z.strictObject({ a: z.number(), b: z.number() }), z.number()),
  'demo.fromTab': contract(z.strictObject({}), z.literal('ok'), 'signing-tab'),
};
const popup: Sender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const tab: Sender = { id: 'ext', url: 'https://venice.ai/', tab: { id: 7 } };

function wire(handler: (a: number, b: number) => Promise<number>) {
  const dispatch = createDispatcher(
    contracts,
    { 'demo.add': async ({ a, b }) => handler(a, b), 'demo.fromTab': async () => 'ok' as const },
    {
      authorize: (audience, sender) => (audience === 'signing-tab' ? sender.tab?.id === 7 : !sender.tab),
      toWireError: () => ({ code: 'UNKNOWN', message: 'Something went wrong.', action: 'retry' }),
    },
  );
  return { dispatch, send: (sender: Sender) => async (env: RequestEnvelope) => dispatch(env, sender) };
}

describe('messaging protocol', () => {
  it('round-trips a typed call', async () => {
    const { send } = wire(async (a, b) => a + b);
    await expect(call(send(popup), contracts, 'demo.add', { a: 2, b: 3 })).resolves.toBe(5);
  });

  it('refuses an input that does not fit before sending it', async () => {
    let sent = 0;
    const send = async () => { sent += 1; return { ok: true, output: 1 }; };
    await expect(call(send, contracts, 'demo.add', { a: 1 } as never)).rejects.toThrow();
    expect(sent).toBe(0);
  });

  // Found by contracts.property.test.ts: both were zod's own exception, its JSON dump shown as the message.
  it('refuses a bad input with a RemoteError INVALID_REQUEST, not a zod exception', async () => {
    const error = await call(async () => ({ ok: true, output: 1 }), contracts, 'demo.add', { a: 1 } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', message: 'The request did not have the expected form.' });
  });

  it('reports a successful reply whose output does not fit as MALFORMED_RESPONSE', async () => {
    const error = await call(async () => ({ ok: true, output: 'five' }), contracts, 'demo.add', { a: 2, b: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', action: 'retry' });
  });

  it('answers a malformed input with INVALID_REQUEST data, not a crash', async () => {
    const { dispatch } = wire(async (a, b) => a + b);
    const reply = await dispatch({ tag: 'venice-key-wallet/v1', name: 'demo.add', input: { a: 1, b: 'x' } }, popup);
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_REQUEST' }) });
  });

  it('ignores messages that are not its contracts', () => {
    const { dispatch } = wire(async (a, b) => a + b);
    expect(dispatch({ tag: 'venice-key-wallet/v1', name: 'other.thing', input: {} }, popup)).toBeUndefined();
    expect(dispatch({ hello: 'world' }, popup)).toBeUndefined();
  });

  it('checks the audience before running a handler', async () => {
    const { send } = wire(async (a, b) => a + b);
    await expect(call(send(tab), contracts, 'demo.add', { a: 1, b: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(send(popup), contracts, 'demo.fromTab', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(send(tab), contracts, 'demo.fromTab', {})).resolves.toBe('ok');
  });

  it('turns a thrown handler error into wire data via toWireError', async () => {
    const { send } = wire(async () => { throw new Error('VENICE_INFERENCE_KEY_secret leaked?'); });
    const error = await call(send(popup), contracts, 'demo.add', { a: 1, b: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).message).toBe('Something went wrong.');
  });

  it('reports a reply it cannot read as MALFORMED_RESPONSE', async () => {
    await expect(call(async () => ({ nope: true }), contracts, 'demo.add', { a: 1, b: 1 })).rejects.toMatchObject({
      code: 'MALFORMED_RESPONSE',
    });
  });

  it('recognises only the extension own pages', () => {
    expect(isExtensionPage(popup, 'ext', 'chrome-extension://ext/')).toBe(true);
    expect(isExtensionPage({ id: 'ext', url: 'https://venice.ai/' }, 'ext', 'chrome-extension://ext/')).toBe(false);
    expect(isExtensionPage({ id: 'other', url: 'chrome-extension://ext/popup.html' }, 'ext', 'chrome-extension://ext/')).toBe(false);
  });
});
