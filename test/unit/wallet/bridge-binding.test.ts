// The signing-tab bridge is bound to the document it was injected into (issue 13): a hello counts
// only during an injection and from that document, nothing but the accepted bridge is listened to,
// the tab's address is checked again right before each request, and a request a previous worker
// left waiting in the page is cleared instead of blocking the next Mint with -32002.
import { afterEach, describe, expect, it } from 'vitest';
import { recoverMessageAddress } from 'viem';
import { AppException } from '../../../lib/errors';
import { defineStoredItems } from '../../../lib/storage/items';
import { BRIDGE_ENVELOPE_TAG } from '../../../lib/wallet/bridge-messages';
import { randomId } from '../../../lib/wallet/bridge-protocol';
import type { WalletBrowser } from '../../../lib/wallet/browser-types';
import { createWalletSession, type Connection, type WalletSession } from '../../../lib/wallet/session';
import { fakeWallet, settle, type FakeWallet } from './fakes';
import { RUNTIME_ID, createHarness, type HarnessOptions } from './harness';

const ORIGIN = 'http://127.0.0.1:4321';
const NO_RPC = 'http://127.0.0.1:9';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';

let open: { harness: ReturnType<typeof createHarness>; sessions: WalletSession[] } | undefined;
afterEach(() => {
  for (const session of open?.sessions ?? []) session.close();
  open?.harness.cleanup();
  open = undefined;
});

/** A session over the harness; `patch` changes the browser the session sees, `sent` records every message sent to the tab. */
function setup(wallets: FakeWallet[], options: HarnessOptions & { patch?: (browser: WalletBrowser) => WalletBrowser } = {}) {
  const harness = createHarness(wallets, options);
  const sent: { message: unknown; options: unknown }[] = [];
  const recording = {
    ...harness.browser,
    tabs: {
      ...harness.browser.tabs,
      sendMessage: (tabId: number, message: unknown, sendOptions: unknown) => {
        sent.push({ message, options: sendOptions });
        return harness.browser.tabs.sendMessage(tabId, message, sendOptions as never);
      },
    },
  } as unknown as WalletBrowser;
  const browser = options.patch ? options.patch(recording) : recording;
  const sessions: WalletSession[] = [];
  const newSession = () => {
    const session = createWalletSession({ signingOrigin: ORIGIN, rpcUrl: NO_RPC, browser, store: defineStoredItems().signingTab });
    sessions.push(session);
    return session;
  };
  open = { harness, sessions };
  return { harness, sent, session: newSession(), newSession };
}

async function connected(pending: ReturnType<WalletSession['connect']>): Promise<Connection> {
  const connection = await pending;
  if ('choose' in connection) throw new Error('asked to choose a wallet');
  return connection;
}

const codeOf = (error: unknown) => (error instanceof AppException ? error.code : `not an AppException: ${String(error)}`);
const signCalls = (wallet: FakeWallet) => wallet.calls.filter((call) => call.method === 'personal_sign');
const carriesToken = (sent: { message: unknown }[]) => sent.filter(({ message }) => JSON.stringify(message).includes('65794a'));

describe('bridge bound to the injected document', () => {
  it('sends every ping and request to the injected document only (tabs.sendMessage documentId)', async () => {
    const wallet = fakeWallet();
    const { harness, sent, session } = setup([wallet]);
    const { address } = await connected(session.connect());
    await session.sign(TOKEN, address);
    const { documentId } = [...harness.pages.values()][0]!;
    expect(sent.length).toBeGreaterThan(3);
    expect(sent.map((s) => s.options)).toEqual(sent.map(() => ({ documentId })));
    const bridgeIds = new Set(sent.map(({ message }) => (message as { input: { bridgeId: string } }).input.bridgeId));
    expect(bridgeIds.size).toBe(1); // every message is addressed to the one bridge whose hello was accepted
  });

  it('without documentIds (Firefox before it had them) it addresses the top frame and still signs', async () => {
    const wallet = fakeWallet();
    const { sent, session } = setup([wallet], { noDocumentIds: true });
    const { address } = await connected(session.connect());
    const signature = await session.sign(TOKEN, address);
    expect(await recoverMessageAddress({ message: TOKEN, signature })).toBe(address);
    expect(new Set(sent.map((s) => JSON.stringify(s.options)))).toEqual(new Set([JSON.stringify({ frameId: 0 })]));
  });

  it('refuses a hello from another document than the one the scripts were injected into', async () => {
    const wallet = fakeWallet();
    // The browser reports the injection in one document, the hello comes from the tab's current one.
    const { session } = setup([wallet], {
      patch: (browser) =>
        ({
          ...browser,
          scripting: {
            executeScript: async (injection: { files?: string[] }) => {
              const results = (await browser.scripting.executeScript(injection as never)) as { documentId?: string }[];
              return injection.files ? results.map((r) => ({ ...r, documentId: 'another-document' })) : results;
            },
          },
        }) as unknown as WalletBrowser,
    });
    await expect(session.connect()).rejects.toSatisfy((error) => codeOf(error) === 'SIGNING_TAB_CLOSED');
    expect(wallet.calls).toEqual([]);
  });

  it('accepts a hello only while an injection waits for it: a later one cannot take over the events', async () => {
    const wallet = fakeWallet();
    const { harness, session } = setup([wallet]);
    await connected(session.connect());
    const heard: unknown[] = [];
    session.onAccountsChanged((address) => heard.push(address));
    const [tab] = await harness.tabsOn(ORIGIN);
    const sender = { id: RUNTIME_ID, url: `${ORIGIN}/`, tab: { id: tab!.id! }, frameId: 0 };
    // Our own content script's sender, but a bridge no injection asked for (say, injected twice).
    const intruder = randomId();
    await harness.toBackground({ tag: BRIDGE_ENVELOPE_TAG, name: 'bridge.hello', input: { bridgeId: intruder } }, sender);
    const other = `0x${'22'.repeat(20)}`;
    await harness.toBackground(
      { tag: BRIDGE_ENVELOPE_TAG, name: 'bridge.event', input: { bridgeId: intruder, event: { kind: 'accountsChanged', value: [other] } } },
      sender,
    );
    await settle();
    expect(heard).toEqual([]);
    // The accepted bridge's own events still arrive.
    wallet.emit('accountsChanged', []);
    await expect.poll(() => heard).toEqual([undefined]);
  });

  it('sends nothing when the tab is leaving the signing origin right before the request', async () => {
    const wallet = fakeWallet();
    let leaving = false;
    const { sent, session } = setup([wallet], {
      patch: (browser) =>
        ({
          ...browser,
          tabs: {
            ...browser.tabs,
            // The old document is still live (its bridge answers pings), but the tab is on its way elsewhere.
            get: async (tabId: number) => ({ ...(await browser.tabs.get(tabId)), ...(leaving ? { pendingUrl: 'https://evil.example/' } : {}) }),
          },
        }) as unknown as WalletBrowser,
    });
    const { address } = await connected(session.connect());
    leaving = true;
    await expect(session.sign(TOKEN, address)).rejects.toSatisfy((error) => codeOf(error) === 'SIGNING_TAB_CLOSED');
    expect(signCalls(wallet)).toEqual([]);
    expect(carriesToken(sent)).toEqual([]);
  });
});

describe('a request left waiting by a worker that stopped', () => {
  it('the next signature reloads the page, ending the orphaned request, and is asked for again (no -32002)', async () => {
    const wallet = fakeWallet();
    const { harness, session, newSession } = setup([wallet]);
    const { address } = await connected(session.connect());
    wallet.hold = true; // the person leaves the wallet's window open
    void session.sign(TOKEN, address).catch(() => undefined);
    await expect.poll(() => signCalls(wallet).length).toBe(1);
    session.close(); // the worker stops; the page and the wallet still hold the request
    wallet.hold = false;
    const [tab] = await harness.tabsOn(ORIGIN);
    const restarted = newSession();
    const signature = await restarted.sign(TOKEN, address);
    expect(await recoverMessageAddress({ message: TOKEN, signature })).toBe(address);
    expect(signCalls(wallet)).toHaveLength(2);
    expect(wallet.calls.map((c) => c.method)).toContain('eth_requestAccounts'); // asked again in the new page
    const tabs = await harness.tabsOn(ORIGIN);
    expect(tabs.map((t) => t.id)).toEqual([tab!.id]); // the same tab, loaded again
    expect(harness.injections).toHaveLength(8);
  });

  it('a worker that sent the waiting request itself keeps waiting for it (the page is not reloaded)', async () => {
    const wallet = fakeWallet();
    const { harness, session } = setup([wallet]);
    const { address } = await connected(session.connect());
    wallet.hold = true;
    void session.sign(TOKEN, address).catch(() => undefined);
    await expect.poll(() => signCalls(wallet).length).toBe(1);
    await expect(session.sign(TOKEN, address)).rejects.toSatisfy((error) => codeOf(error) === 'WALLET_REQUEST_PENDING');
    expect(harness.injections).toHaveLength(4);
  });
});

describe('the signing tab when the flow ends', () => {
  it('is closed when it still shows the signing page the extension opened', async () => {
    const { harness, session } = setup([fakeWallet()]);
    await connected(session.connect());
    expect(await harness.tabsOn(ORIGIN)).toHaveLength(1);
    await session.release();
    expect(await harness.tabsOn(ORIGIN)).toEqual([]);
  });

  it('is left open, and forgotten, when the person took it to another page of the site', async () => {
    const { harness, session } = setup([fakeWallet()]);
    await connected(session.connect());
    const [tab] = await harness.tabsOn(ORIGIN);
    await harness.browser.tabs.update(tab!.id!, { url: `${ORIGIN}/chat` });
    await session.release();
    expect((await harness.tabsOn(ORIGIN)).map((t) => t.id)).toEqual([tab!.id]);
    // The next connect opens a signing tab of its own rather than take the person's page over.
    await connected(session.connect());
    expect(await harness.tabsOn(ORIGIN)).toHaveLength(2);
  });
});
