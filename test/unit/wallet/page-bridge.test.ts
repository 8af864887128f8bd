import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from 'viem';
import { HANDSHAKE_TYPE, PAGE_BRIDGE_STARTER, randomId, type PageReply } from '../../../lib/wallet/bridge-protocol';
import { createSeal, randomSecret } from '../../../lib/wallet/bridge-seal';
import { exposePageBridgeStarter, startPageBridge } from '../../../lib/wallet/page-bridge';
import { FakeWindow, fakeStore, fakeWallet, settle, type FakeWallet } from './fakes';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const SECRET = randomSecret();

/** Starts the page bridge in a fake window, with a port the test holds. */
function setup(wallets: FakeWallet[] = [fakeWallet()]) {
  const win = new FakeWindow();
  const store = fakeStore(wallets);
  cleanups.push(startPageBridge(win.asWindow(), store, SECRET));
  return { win, store };
}

/**
 * Connects as the isolated bridge does: a handshake sealed with `secret` (the page's own by
 * default), requests sealed the same way, and only replies that open with it are kept in `replies`.
 * `raw` keeps everything that arrived on the port.
 */
function connect(win: FakeWindow, options: { source?: unknown; origin?: string; data?: unknown; secret?: string } = {}) {
  const seal = createSeal(options.secret ?? SECRET);
  const channel = new MessageChannel();
  const replies: PageReply[] = [];
  const raw: unknown[] = [];
  channel.port1.onmessage = (event) => {
    raw.push(event.data);
    void seal.open('to-bridge', event.data).then((opened) => opened !== undefined && replies.push(opened as PageReply));
  };
  cleanups.push(() => channel.port1.close());
  const nonce = randomId();
  const sent = (async () => {
    const data = options.data ?? { type: HANDSHAKE_TYPE, ...(await seal.seal('to-page', { nonce })) };
    win.deliver({ data, origin: options.origin ?? win.location.origin, source: options.source ?? win, ports: [channel.port2] });
  })();
  /** Sends a request and waits for its reply, up to `waitMs` (generous: the machine may be busy). */
  const ask = async (request: unknown, waitMs = 3000) => {
    await sent;
    const id = randomId();
    channel.port1.postMessage(await seal.seal('to-page', { id, request }));
    const answered = () => replies.find((reply) => 'id' in reply && reply.id === id);
    for (let waited = 0; !answered() && waited < waitMs; waited += 20) await settle(20);
    return answered();
  };
  return { nonce, replies, raw, ask, port: channel.port1, seal };
}

describe('page bridge handshake', () => {
  it('answers a handshake from its own window and origin with the nonce', async () => {
    const { win } = setup();
    const { nonce, replies } = connect(win);
    await expect.poll(() => replies).toEqual([{ kind: 'ready', nonce }]);
    expect(win.listenerCount).toBe(0); // stops listening on window after the one handshake
  });

  it('ignores a handshake from another window, another origin, or of the wrong shape', async () => {
    const { win } = setup();
    const fromFrame = connect(win, { source: {} });
    const fromOrigin = connect(win, { origin: 'https://evil.example' });
    const lookAlike = connect(win, { data: { type: HANDSHAKE_TYPE, body: JSON.stringify({ nonce: 'short' }), mac: '0'.repeat(64) } });
    const otherType = connect(win, { data: { type: 'wxt:content-script-started', nonce: randomId() } });
    await settle();
    for (const attempt of [fromFrame, fromOrigin, lookAlike, otherType]) expect(attempt.replies).toEqual([]);
    expect(await fromFrame.ask({ kind: 'eth_accounts' }, 300)).toBeUndefined();
    // The genuine handshake still works afterwards.
    const genuine = connect(win);
    await expect.poll(() => genuine.replies).toEqual([{ kind: 'ready', nonce: genuine.nonce }]);
  });

  it('accepts one handshake only: a replayed one gets no port', async () => {
    const { win } = setup();
    const first = connect(win);
    await settle();
    const replay = connect(win, { data: { type: HANDSHAKE_TYPE, ...(await first.seal.seal('to-page', { nonce: first.nonce })) } });
    const second = connect(win);
    await settle();
    expect(first.replies).toHaveLength(1);
    expect(replay.replies).toEqual([]);
    expect(second.replies).toEqual([]);
    expect(await second.ask({ kind: 'eth_accounts' }, 300)).toBeUndefined();
    expect(await first.ask({ kind: 'eth_accounts' })).toMatchObject({ kind: 'result' });
  });
});

describe('page bridge requests', () => {
  it('lists wallets and forwards the allowed methods to the chosen one', async () => {
    const a = fakeWallet(undefined, { name: 'A', rdns: 'test.a' });
    const b = fakeWallet(undefined, { name: 'B', rdns: 'test.b' });
    const { win } = setup([a, b]);
    const { ask } = connect(win);
    expect(await ask({ kind: 'discover' })).toMatchObject({ value: [a.info, b.info] });
    expect(await ask({ kind: 'select', wallet: 'test.b' })).toMatchObject({ value: b.info });
    expect(await ask({ kind: 'eth_requestAccounts' })).toMatchObject({ value: [b.account.address] });
    const message = toHex('token');
    const signed = await ask({ kind: 'personal_sign', message, address: b.account.address });
    expect(signed).toMatchObject({ kind: 'result', value: await b.account.signMessage({ message: 'token' }) });
    expect(b.calls.at(-1)).toEqual({ method: 'personal_sign', params: [message, b.account.address] });
    expect(a.calls).toEqual([]);
  });

  it('never calls the wallet for a method outside the allowlist', async () => {
    const wallet = fakeWallet();
    const { win } = setup([wallet]);
    const { ask, replies } = connect(win);
    await ask({ kind: 'eth_sendTransaction', params: [{ to: wallet.account.address }] }, 300);
    await ask({ kind: 'eth_signTypedData_v4' }, 300);
    expect(wallet.calls).toEqual([]);
    expect(replies.filter((reply) => reply.kind !== 'ready')).toEqual([]);
  });

  it('passes wallet errors on with their EIP-1193 code', async () => {
    const wallet = fakeWallet();
    const { win } = setup([wallet]);
    const { ask } = connect(win);
    for (const code of [4001, 4100, 4200, -32002]) {
      wallet.failWith = { code, message: `failure ${code}` };
      expect(await ask({ kind: 'eth_requestAccounts' })).toMatchObject({ kind: 'error', error: { code, message: `failure ${code}` } });
    }
  });

  it('reports no wallet, and an unknown wallet, with the bridge codes', async () => {
    const { win } = setup([]);
    const { ask } = connect(win);
    expect(await ask({ kind: 'eth_requestAccounts' })).toMatchObject({ kind: 'error', error: { code: 2 } });
    expect(await ask({ kind: 'select', wallet: 'io.metamask' })).toMatchObject({ kind: 'error', error: { code: 3 } });
  }, 10_000);

  it('falls back to window.ethereum when no wallet announces itself', async () => {
    const legacy = fakeWallet();
    const win = new FakeWindow();
    win.ethereum = legacy.provider;
    cleanups.push(startPageBridge(win.asWindow(), fakeStore([]), SECRET));
    const { ask } = connect(win);
    expect(await ask({ kind: 'discover' })).toMatchObject({ value: [{ uuid: 'injected', rdns: 'injected' }] });
    expect(await ask({ kind: 'eth_accounts' })).toMatchObject({ value: [legacy.account.address] });
  }, 10_000);

  it('relays accountsChanged and chainChanged of the chosen wallet, and late announcements', async () => {
    const wallet = fakeWallet();
    const { win, store } = setup([wallet]);
    const { ask, replies } = connect(win);
    await ask({ kind: 'select', wallet: wallet.info.uuid });
    wallet.emit('accountsChanged', []);
    wallet.emit('chainChanged', '0x1');
    const late = fakeWallet(undefined, { rdns: 'test.late' });
    store.announce(late);
    await settle();
    expect(replies).toContainEqual({ kind: 'accountsChanged', value: [] });
    expect(replies).toContainEqual({ kind: 'chainChanged', value: '0x1' });
    expect(replies).toContainEqual({ kind: 'walletsChanged', value: [wallet.info, late.info] });
  });
});

describe('page bridge secret (shared with the isolated bridge through executeScript args)', () => {
  it('ignores a handshake sealed with another secret, even one posted first, and answers the genuine one', async () => {
    const { win } = setup();
    const hostile = connect(win, { secret: randomSecret() });
    await settle();
    const genuine = connect(win);
    await expect.poll(() => genuine.replies).toEqual([{ kind: 'ready', nonce: genuine.nonce }]);
    expect(hostile.raw).toEqual([]);
    expect(await hostile.ask({ kind: 'eth_accounts' }, 300)).toBeUndefined();
  });

  it('drops a request on the port that is not sealed with the secret, or sealed for the other direction', async () => {
    const wallet = fakeWallet();
    const { win } = setup([wallet]);
    const { ask, port, seal, raw } = connect(win);
    expect(await ask({ kind: 'eth_chainId' })).toMatchObject({ kind: 'result' });
    const request = { kind: 'personal_sign', message: toHex('token'), address: wallet.account.address };
    const before = raw.length;
    port.postMessage({ id: randomId(), request }); // unsealed, as a script that kept the port would send
    port.postMessage(await createSeal(randomSecret()).seal('to-page', { id: randomId(), request }));
    port.postMessage(await seal.seal('to-bridge', { id: randomId(), request })); // a reply's MAC, played back
    await settle(300);
    expect(wallet.calls.filter((call) => call.method === 'personal_sign')).toEqual([]);
    expect(raw.length).toBe(before);
  });

  it('seals every answer: the port carries only { body, mac }, which another secret cannot open', async () => {
    const { win } = setup();
    const { ask, raw } = connect(win);
    await ask({ kind: 'eth_chainId' });
    expect(raw.length).toBeGreaterThan(1);
    const other = createSeal(randomSecret());
    for (const message of raw) {
      expect(Object.keys(message as object).sort()).toEqual(['body', 'mac']);
      expect(await other.open('to-bridge', message)).toBeUndefined();
    }
  });

  it('takes the secret through a one-shot starter that a page cannot replace, and refuses a name already taken', async () => {
    const win = new FakeWindow();
    const started: string[] = [];
    expect(exposePageBridgeStarter(win.asWindow(), (secret) => started.push(secret))).toBe(true);
    const starter = (win as unknown as Record<string, (secret: string) => boolean>)[PAGE_BRIDGE_STARTER]!;
    expect(() => Object.assign(win, { [PAGE_BRIDGE_STARTER]: () => true })).toThrow(TypeError);
    expect(starter(SECRET)).toBe(true);
    expect(starter(randomSecret())).toBe(false); // once only: a second caller is refused
    expect(started).toEqual([SECRET]);
    // A page that defined the name first keeps its function, and the bridge does not start.
    const taken = new FakeWindow();
    Object.defineProperty(taken, PAGE_BRIDGE_STARTER, { value: () => true, configurable: false });
    expect(exposePageBridgeStarter(taken.asWindow(), () => started.push('never'))).toBe(false);
  });
});

describe('page bridge against a copy of the genuine handshake', () => {
  it('keeps the port of the genuine handshake when a listener posts a copy of it with its own port at once', async () => {
    const { win } = setup();
    const seal = createSeal(SECRET);
    const genuine = new MessageChannel();
    const copy = new MessageChannel();
    const heard: { genuine: unknown[]; copy: unknown[] } = { genuine: [], copy: [] };
    genuine.port1.onmessage = (event) => heard.genuine.push(event.data);
    copy.port1.onmessage = (event) => heard.copy.push(event.data);
    cleanups.push(() => genuine.port1.close(), () => copy.port1.close());
    const data = { type: HANDSHAKE_TYPE, ...(await seal.seal('to-page', { nonce: randomId() })) };
    win.deliver({ data, origin: win.location.origin, source: win, ports: [genuine.port2] });
    win.deliver({ data, origin: win.location.origin, source: win, ports: [copy.port2] });
    await settle(300);
    expect(heard.genuine).toHaveLength(1);
    expect(heard.copy).toEqual([]);
  });
});
