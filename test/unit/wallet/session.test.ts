import { afterEach, describe, expect, it } from 'vitest';
import { recoverMessageAddress, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppException } from '../../../lib/errors';
import { defineStoredItems } from '../../../lib/storage/items';
import { createWalletSession, type Connection, type WalletSession } from '../../../lib/wallet/session';
import { SIGNING_PATH } from '../../../lib/wallet/signing-tab';
import { KEY_B, fakeWallet, settle, type FakeWallet } from './fakes';
import { RUNTIME_ID, createHarness } from './harness';

const ORIGIN = 'http://127.0.0.1:4321';
/** Nothing listens here: proves an EOA signature is checked without the network. */
const NO_RPC = 'http://127.0.0.1:9';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';

let open: { harness: ReturnType<typeof createHarness>; sessions: WalletSession[] } | undefined;
afterEach(() => {
  for (const session of open?.sessions ?? []) session.close();
  open?.harness.cleanup();
  open = undefined;
});

function setup(wallets: FakeWallet[] = [fakeWallet()], options: { fetchFn?: typeof fetch; blankFirst?: boolean } = {}) {
  const harness = createHarness(wallets, { blankFirst: options.blankFirst });
  const sessions: WalletSession[] = [];
  const newSession = () => {
    const session = createWalletSession({ signingOrigin: ORIGIN, rpcUrl: NO_RPC, browser: harness.browser, store: defineStoredItems().signingTab, fetchFn: options.fetchFn });
    sessions.push(session);
    return session;
  };
  open = { harness, sessions };
  return { harness, session: newSession(), newSession };
}

/** The open tabs on the signing origin (fakeBrowser starts with one blank tab of its own). */
const signingTabs = () => open!.harness.tabsOn(ORIGIN);

/** A connect that must have connected (not asked the person to choose a wallet). */
async function connected(pending: ReturnType<WalletSession['connect']>): Promise<Connection> {
  const connection = await pending;
  if ('choose' in connection) throw new Error('asked to choose a wallet');
  return connection;
}

const codeOf = (error: unknown) => (error instanceof AppException ? error.code : `not an AppException: ${String(error)}`);

describe('wallet session over the signing-tab bridge', () => {
  it('connects: opens one tab on the signing origin, injects both scripts, returns the account', async () => {
    const wallet = fakeWallet(undefined, { name: 'Sandbox Wallet', rdns: 'dev.venice-sandbox.wallet' });
    const { harness, session } = setup([wallet]);
    const connection = await connected(session.connect());
    expect(connection.address).toBe(wallet.account.address);
    expect(connection.wallet).toEqual(wallet.info);
    expect(connection.wallets).toEqual([wallet.info]);
    const tabs = await signingTabs();
    expect(tabs.map((tab) => tab.url)).toEqual([`${ORIGIN}${SIGNING_PATH}`]);
    // Each script, then its starter with the secret (executeScript args), the last three bound to the first one's document.
    expect(harness.injections.map(({ world, file }) => [world, file])).toEqual([
      ['MAIN', '/content-scripts/wallet-main.js'],
      ['MAIN', 'func'],
      ['ISOLATED', '/content-scripts/bridge.js'],
      ['ISOLATED', 'func'],
    ]);
    const { documentId } = [...harness.pages.values()][0]!;
    expect(harness.injections.slice(1).map((i) => i.documentIds)).toEqual([[documentId], [documentId], [documentId]]);
    const [secretMain, secretIsolated] = [harness.injections[1]!.args![1], harness.injections[3]!.args![1]];
    expect(secretMain).toMatch(/^[0-9a-f]{64}$/);
    expect(secretIsolated).toBe(secretMain);
    const stored = await fakeBrowser.storage.session.get('walletSigningTab');
    expect(stored.walletSigningTab).toMatchObject({ tabId: tabs[0]!.id, origin: ORIGIN, wallet: 'dev.venice-sandbox.wallet' });
  });

  it('signs the exact token with personal_sign and checks it offline for an ordinary account', async () => {
    const wallet = fakeWallet();
    const { session } = setup([wallet]);
    const { address } = await connected(session.connect());
    const signature = await session.sign(TOKEN, address);
    expect(await recoverMessageAddress({ message: TOKEN, signature })).toBe(address);
    expect(wallet.calls.at(-1)).toEqual({ method: 'personal_sign', params: [toHex(TOKEN), address] });
  });

  it('connects to the wallet asked for, by rdns or uuid; asks, and prompts no wallet, when it is gone and several remain', async () => {
    const a = fakeWallet(undefined, { rdns: 'test.a' });
    const b = fakeWallet(KEY_B, { rdns: 'test.b' });
    const { session } = setup([a, b]);
    expect((await connected(session.connect('test.b'))).address).toBe(b.account.address);
    expect((await connected(session.connect(a.info.uuid))).address).toBe(a.account.address);
    const calls = a.calls.length + b.calls.length;
    await expect(session.connect('io.metamask')).resolves.toEqual({ choose: [a.info, b.info] });
    expect(a.calls.length + b.calls.length).toBe(calls);
  });

  it('reuses the signing tab and its bridge after a service-worker restart', async () => {
    const wallet = fakeWallet(undefined, { rdns: 'test.b' });
    const { harness, session, newSession } = setup([fakeWallet(), wallet]);
    const { address } = await connected(session.connect('test.b'));
    session.close();
    const restarted = newSession();
    expect(await restarted.sign(TOKEN, address)).toMatch(/^0x[0-9a-f]{130}$/);
    expect(await signingTabs()).toHaveLength(1);
    expect(harness.injections).toHaveLength(4); // the live bridge answered the ping: no second injection
  });

  it('signs with the wallet chosen before in a reloaded page, where every wallet has a new uuid', async () => {
    const a = fakeWallet();
    const b = fakeWallet(KEY_B, { rdns: 'test.b' });
    const { harness, session } = setup([a, b]);
    const { address } = await connected(session.connect('test.b'));
    const [tab] = await signingTabs();
    harness.reload(tab!.id!);
    a.info.uuid = crypto.randomUUID();
    b.info.uuid = crypto.randomUUID();
    const signature = await session.sign(TOKEN, address);
    expect(await recoverMessageAddress({ message: TOKEN, signature })).toBe(b.account.address);
    expect(a.calls.map((c) => c.method)).not.toContain('personal_sign');
  });

  it('injects again when the page was reloaded', async () => {
    const { harness, session } = setup();
    const { address } = await connected(session.connect());
    const [tab] = await signingTabs();
    harness.reload(tab!.id!);
    await expect(session.sign(TOKEN, address)).resolves.toMatch(/^0x/);
    expect(harness.injections).toHaveLength(8);
  });

  it('opens a new tab when the remembered one was closed', async () => {
    const { harness, session } = setup();
    await connected(session.connect());
    const [tab] = await signingTabs();
    await harness.closeTab(tab!.id!);
    await connected(session.connect());
    const tabs = await signingTabs();
    expect(tabs).toHaveLength(1);
    expect(tabs[0]!.id).not.toBe(tab!.id);
  });

  it('waits for the signing page when a new tab first reads as complete on its about:blank (Firefox)', async () => {
    const wallet = fakeWallet();
    const { harness, session } = setup([wallet], { blankFirst: true });
    await expect(connected(session.connect())).resolves.toMatchObject({ address: wallet.account.address });
    // Closed and connected again: a new tab, the same wait.
    const [tab] = await signingTabs();
    await harness.closeTab(tab!.id!);
    await expect(connected(session.connect())).resolves.toMatchObject({ address: wallet.account.address });
    expect(harness.injections).toHaveLength(8);
  });

  it('fails with SIGNING_TAB_CLOSED when the tab closes while the wallet is open', async () => {
    const wallet = fakeWallet();
    const { harness, session } = setup([wallet]);
    const { address } = await connected(session.connect());
    wallet.hold = true;
    const signing = session.sign(TOKEN, address).catch(codeOf);
    await settle(50);
    const [tab] = await signingTabs();
    await harness.closeTab(tab!.id!);
    await expect(signing).resolves.toBe('SIGNING_TAB_CLOSED');
  });

  it('says the browser lost the signing tab, not that someone closed it, when the tab it opened cannot be read back', async () => {
    const { harness } = setup();
    const lost = { ...harness.browser, tabs: { ...harness.browser.tabs, get: async () => { throw new Error('Invalid tab ID: 7'); } } } as unknown as typeof harness.browser;
    const session = createWalletSession({ signingOrigin: ORIGIN, rpcUrl: NO_RPC, browser: lost, store: defineStoredItems().signingTab });
    open!.sessions.push(session);
    const error = await session.connect().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).code).toBe('SIGNING_TAB_CLOSED');
    expect((error as AppException).detail).toBe('The browser could not find the signing tab. Try again.');
  });

  it('names withdrawn site access, rather than a closed tab, when the bridge cannot be injected', async () => {
    const { harness } = setup();
    const asked: string[][] = [];
    const denyInjection = (granted: boolean) => ({
      ...harness.browser,
      scripting: { executeScript: async () => { throw new Error('Cannot access contents of the page.'); } },
      permissions: { contains: async ({ origins }: { origins: string[] }) => (asked.push(origins), granted) },
    }) as unknown as typeof harness.browser;
    const withdrawn = createWalletSession({ signingOrigin: ORIGIN, rpcUrl: NO_RPC, browser: denyInjection(false), store: defineStoredItems().signingTab });
    const granted = createWalletSession({ signingOrigin: ORIGIN, rpcUrl: NO_RPC, browser: denyInjection(true), store: defineStoredItems().signingTab });
    open!.sessions.push(withdrawn, granted);
    await expect(withdrawn.connect().catch(codeOf)).resolves.toBe('SIGNING_ORIGIN_NOT_ALLOWED');
    await expect(granted.connect().catch(codeOf)).resolves.toBe('SIGNING_TAB_CLOSED');
    expect(asked[0]).toEqual(['http://127.0.0.1/*']); // no port: Firefox answers false for a pattern with one
  });

  it('maps wallet answers to AppErrors: rejected, locked, no account, no wallet', async () => {
    const wallet = fakeWallet();
    const { session } = setup([wallet]);
    const { address } = await connected(session.connect());
    wallet.failWith = { code: 4001, message: 'User denied message signature.' };
    await expect(session.sign(TOKEN, address).catch(codeOf)).resolves.toBe('WALLET_REJECTED');
    wallet.failWith = { code: 4100, message: 'Unauthorized' };
    await expect(session.connect().catch(codeOf)).resolves.toBe('WALLET_LOCKED');
    wallet.failWith = undefined;
    wallet.accounts = [];
    await expect(session.sign(TOKEN, address).catch(codeOf)).resolves.toBe('WALLET_LOCKED');
    await expect(session.connect().catch(codeOf)).resolves.toBe('WALLET_LOCKED');
    const empty = setup([]);
    await expect(empty.session.connect().catch(codeOf)).resolves.toBe('WALLET_NOT_FOUND');
  });

  it('refuses to sign when the wallet switched to another account, and tells listeners', async () => {
    const wallet = fakeWallet();
    const { session } = setup([wallet]);
    const seen: (string | undefined)[] = [];
    session.onAccountsChanged((address) => seen.push(address));
    const { address } = await connected(session.connect());
    const other = privateKeyToAccount(KEY_B).address;
    wallet.accounts = [other];
    wallet.emit('accountsChanged', [other.toLowerCase()]);
    wallet.emit('accountsChanged', []);
    // Events are sealed and opened (WebCrypto, asynchronous) on their way: waited for, not timed.
    await expect.poll(() => seen).toEqual([other, undefined]);
    await expect(session.sign(TOKEN, address).catch(codeOf)).resolves.toBe('WALLET_ACCOUNT_CHANGED');
    expect(wallet.calls.some((call) => call.method === 'personal_sign')).toBe(false);
  });

  it('catches a wallet that signs with another key before anything is posted', async () => {
    const wallet = fakeWallet();
    wallet.signer = privateKeyToAccount(KEY_B);
    // A Base RPC that answers every eth_call with `false` (the ERC-6492 validator's "not valid").
    const rpc = (async (_url: string, init: { body: string }) => {
      const { id } = JSON.parse(init.body) as { id: number };
      return new Response(JSON.stringify({ jsonrpc: '2.0', id, result: `0x${'0'.repeat(64)}` }));
    }) as unknown as typeof fetch;
    const { session } = setup([wallet], { fetchFn: rpc });
    const { address } = await connected(session.connect());
    await expect(session.sign(TOKEN, address).catch(codeOf)).resolves.toBe('SIGNATURE_LOCAL_MISMATCH');
  });

  it('ignores bridge messages that do not come from its own content script in its signing tab', async () => {
    const wallet = fakeWallet();
    const { harness, session } = setup([wallet]);
    const seen: unknown[] = [];
    session.onAccountsChanged((address) => seen.push(address));
    await connected(session.connect());
    const [tab] = await signingTabs();
    const event = { tag: 'venice-key-wallet/v1', name: 'bridge.event', input: { bridgeId: '0'.repeat(32), event: { kind: 'accountsChanged', value: [] } } };
    const genuine = { id: RUNTIME_ID, url: `${ORIGIN}/`, tab: { id: tab!.id! }, frameId: 0 };
    for (const sender of [
      { ...genuine, id: 'another-extension' },
      { ...genuine, tab: { id: tab!.id! + 1 } },
      { ...genuine, frameId: 3 },
      { ...genuine, url: 'https://evil.example/' },
      { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}/popup.html` },
    ]) {
      expect(await harness.toBackground(event, sender)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Right sender, wrong bridge id (not the live bridge): accepted but not relayed.
    expect(await harness.toBackground(event, genuine)).toEqual({ ok: true, output: null });
    await settle();
    expect(seen).toEqual([]);
  });

  it('removes its message listener on close', async () => {
    const { harness, session } = setup();
    expect(harness.backgroundListeners()).toBe(1);
    session.close();
    expect(harness.backgroundListeners()).toBe(0);
  });
});
