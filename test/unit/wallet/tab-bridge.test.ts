// The isolated bridge against a script that listens on window (issue 13): it takes the handshake's
// port, answers `ready` and `result` in the wallet's name before the page script does. None of it
// is accepted: only what the page script sealed with the secret both got through executeScript args.
import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from 'viem';
import { BRIDGE_ENVELOPE_TAG } from '../../../lib/wallet/bridge-messages';
import { randomSecret } from '../../../lib/wallet/bridge-seal';
import { startPageBridge } from '../../../lib/wallet/page-bridge';
import { startTabBridge, type TabRuntime } from '../../../lib/wallet/tab-bridge';
import { FakeWindow, fakeStore, fakeWallet } from './fakes';

const FORGED = `0x${'cd'.repeat(65)}`;
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

type Listener = Parameters<TabRuntime['onMessage']['addListener']>[0];
function fakeRuntime() {
  const listeners = new Set<Listener>();
  const runtime: TabRuntime = {
    id: 'ext',
    sendMessage: async () => undefined,
    onMessage: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  /** As the background's tabs.sendMessage: the reply the bridge sends back. */
  const send = (name: string, input: unknown) =>
    new Promise<unknown>((resolve) => {
      for (const listener of listeners) listener({ tag: BRIDGE_ENVELOPE_TAG, name, input }, { id: 'ext' }, resolve);
    });
  return { runtime, send };
}

/** A script of the page (or another extension's) that keeps the handshake's port and answers on it first. */
function thief(win: FakeWindow) {
  const seen: unknown[] = [];
  win.addEventListener('message', (event) => {
    const port = event.ports[0];
    if (!port) return;
    const { nonce } = JSON.parse((event.data as { body: string }).body) as { nonce: string };
    port.addEventListener('message', (message: MessageEvent) => {
      seen.push(message.data);
      const { id } = JSON.parse((message.data as { body: string }).body) as { id?: string };
      if (id) port.postMessage({ kind: 'result', id, value: FORGED });
    });
    port.start();
    port.postMessage({ kind: 'ready', nonce });
    cleanups.push(() => port.close());
  });
  return seen;
}

describe('tab bridge against a script that steals the handshake', () => {
  it('does not start on a `ready` from anything but the page script holding the secret', async () => {
    const win = new FakeWindow();
    thief(win);
    const { runtime } = fakeRuntime();
    const bridge = startTabBridge({ win: win.asWindow(), runtime, secret: randomSecret(), readyTimeoutMs: 400 });
    cleanups.push(() => bridge.stop());
    await expect(bridge.started).rejects.toThrow(/did not answer the handshake/);
  });

  it('takes the signature from the wallet, not the forged answer that came first; the thief reads the request, not the answer', async () => {
    const win = new FakeWindow();
    const seen = thief(win);
    const wallet = fakeWallet();
    const secret = randomSecret();
    cleanups.push(startPageBridge(win.asWindow(), fakeStore([wallet]), secret));
    const { runtime, send } = fakeRuntime();
    const bridge = startTabBridge({ win: win.asWindow(), runtime, secret });
    cleanups.push(() => bridge.stop());
    await bridge.started;
    const message = toHex('token');
    const reply = (await send('bridge.request', {
      bridgeId: bridge.bridgeId,
      request: { kind: 'personal_sign', message, address: wallet.account.address },
    })) as { output: { outcome: { ok: boolean; value: string } } };
    expect(reply.output.outcome).toEqual({ ok: true, value: await wallet.account.signMessage({ message: 'token' }) });
    // What a script holding the port can read: the request (the token included), sealed but not hidden.
    expect(seen.map((data) => JSON.parse((data as { body: string }).body) as { request?: { message?: string } }).some((b) => b.request?.message === message)).toBe(true);
    // It never sees the page script's answer, which travels the other way.
    expect(JSON.stringify(seen)).not.toContain(reply.output.outcome.value.slice(2));
  });

  it('answers only pings and requests addressed to its own id', async () => {
    const win = new FakeWindow();
    const secret = randomSecret();
    cleanups.push(startPageBridge(win.asWindow(), fakeStore([fakeWallet()]), secret));
    const { runtime, send } = fakeRuntime();
    const bridge = startTabBridge({ win: win.asWindow(), runtime, secret });
    cleanups.push(() => bridge.stop());
    await bridge.started;
    expect(await send('bridge.ping', { bridgeId: bridge.bridgeId })).toEqual({ ok: true, output: { bridgeId: bridge.bridgeId, waiting: 0 } });
    const other = await Promise.race([send('bridge.ping', { bridgeId: 'f'.repeat(32) }), new Promise((r) => setTimeout(() => r('no answer'), 100))]);
    expect(other).toBe('no answer');
  });
});
