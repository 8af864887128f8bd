import { describe, expect, it } from 'vitest';
import { call } from '../../../lib/messaging/call';
import { createDispatcher, type Sender } from '../../../lib/messaging/handle';
import type { RequestEnvelope } from '../../../lib/messaging/protocol';
import { toolbarContracts } from '../../../lib/messaging/toolbar';
import { toolbarRoutes } from '../../../entrypoints/background/routes';
import { KEY, MIN, SECRET, world } from './harness';

const popup: Sender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

function wire(w: ReturnType<typeof world>) {
  const dispatch = createDispatcher(toolbarContracts, toolbarRoutes({ toolbar: w.poller }), {
    authorize: () => true,
    toWireError: () => ({ code: 'UNKNOWN', message: 'Something went wrong.', action: 'retry' }),
  });
  return async (envelope: RequestEnvelope) => dispatch(envelope, popup);
}

describe('status contracts', () => {
  it('toolbar.refresh polls once, toolbar.get reads the cache without a request', async () => {
    const w = world();
    const send = wire(w);
    const refreshed = await call(send, toolbarContracts, 'toolbar.refresh', {});
    expect(refreshed).toMatchObject({ outcome: 'polled', vault: 'unlocked', key: { id: KEY.id }, entry: { status: 'ok' } });
    expect(w.badges.at(-1)?.text).toBe('$50');
    expect((await call(send, toolbarContracts, 'toolbar.refresh', {})).outcome).toBe('too-soon');
    await w.advance(MIN);
    const status = await call(send, toolbarContracts, 'toolbar.get', {});
    expect(status.entry?.limits?.balances).toEqual({ USD: 50.23, DIEM: 0 });
    expect(status.now - (status.entry?.fetchedAt ?? 0)).toBe(MIN);
    expect(w.requests).toHaveLength(1);
    expect(JSON.stringify(status)).not.toContain(SECRET);
    expect((await call(send, toolbarContracts, 'toolbar.refresh', {})).outcome).toBe('polled');
    expect(w.requests).toHaveLength(2);
  });

  it('reports a locked vault without asking Venice', async () => {
    const w = world({ vault: 'locked' });
    const status = await call(wire(w), toolbarContracts, 'toolbar.refresh', {});
    expect(status).toMatchObject({ outcome: 'locked', vault: 'locked', key: null, entry: null, nextPollAt: null });
    expect(w.requests).toHaveLength(0);
  });
});
