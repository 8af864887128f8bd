// The mint flow in Chromium with a hostile page in the active tab: a page on another origin
// (127.0.0.1, another port: inside the sandbox build's host permission, but not the signing origin)
// that posts look-alike bridge messages (handshakes with transferred MessagePorts, requests,
// replies and envelopes with random ids), patches window.ethereum and announces a fake EIP-6963
// wallet that records every request. The mint, driven through the popup, must succeed from the
// signing tab only, and the hostile page must receive nothing: no token, signature or key, and
// not one request to its wallet.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoApproveSandboxWallet, launchChromium, openPopupReadyToMint, pageErrorsOf, sendMessage, startSandboxForTest, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'granite-willow-27-beacon';
const MINT_PATH = '/api/v1/api_keys/generate_web3_key';
const WAIT = 60_000;
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
const SIGNATURE = /0x[0-9a-fA-F]{130}/;
const KEY = /VENICE_/;

interface HostileLog {
  received: string[];
  portMessages: string[];
  requests: string[];
  requestProvider: number;
  otherWallets: string[];
  attacks: number;
}

/** The hostile page's script (serialised into its HTML, so it runs before anything else in the page). */
function hostilePage(address: string): void {
  const log: HostileLog = { received: [], portMessages: [], requests: [], requestProvider: 0, otherWallets: [], attacks: 0 };
  (window as unknown as { __hostile: HostileLog }).__hostile = log;
  const text = (value: unknown) => {
    try {
      return typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  const rid = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const fake = {
    isMetaMask: true,
    request: async ({ method, params }: { method: string; params?: unknown }) => {
      log.requests.push(`${method} ${text(params)}`);
      if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [address];
      if (method === 'eth_chainId') return '0x2105';
      return `0x${'ab'.repeat(64)}`; // a 64-byte "signature": well formed for the bridge, not 130 hex digits
    },
    on: () => fake,
    removeListener: () => fake,
  };
  Object.defineProperty(window, 'ethereum', { configurable: false, get: () => fake, set: () => undefined });
  const info = { uuid: crypto.randomUUID(), name: 'MetaMask', rdns: 'io.metamask', icon: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>" };
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider: fake }) }));
  window.addEventListener('eip6963:requestProvider', () => {
    log.requestProvider += 1;
    announce();
  });
  window.addEventListener('eip6963:announceProvider', (event) => {
    const detail = (event as CustomEvent<{ info?: unknown; provider?: unknown }>).detail;
    if (detail?.provider !== fake) log.otherWallets.push(text(detail?.info));
  });
  const listen = (port: MessagePort) => {
    port.onmessage = (event) => log.portMessages.push(text(event.data));
  };
  window.addEventListener('message', (event) => {
    log.received.push(`${event.origin} ${text(event.data)}`);
    event.ports.forEach(listen);
  }, true);
  const request = { kind: 'personal_sign', message: '0x68656c6c6f', address };
  const attack = () => {
    const channel = new MessageChannel();
    listen(channel.port1);
    window.postMessage({ type: 'venice-key-wallet/bridge-handshake', nonce: rid() }, '*', [channel.port2]);
    window.postMessage({ id: rid(), request }, '*');
    window.postMessage({ kind: 'ready', nonce: rid() }, '*');
    window.postMessage({ kind: 'result', id: rid(), value: `0x${'cd'.repeat(64)}` }, '*');
    window.postMessage({ kind: 'accountsChanged', value: [address] }, '*');
    for (const name of ['bridge.hello', 'bridge.event', 'bridge.request', 'bridge.ping', 'mint.confirm', 'mint.reveal', 'vault.reveal']) {
      const input = { bridgeId: rid(), event: { kind: 'accountsChanged', value: [address] }, request, id: rid(), options: {} };
      window.postMessage({ tag: 'venice-key-wallet/v1', name, input }, '*');
    }
    const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    if (runtime?.sendMessage) log.received.push('chrome.runtime.sendMessage is reachable from the page');
    log.attacks += 1;
  };
  attack();
  setInterval(attack, 100);
  announce();
}

describe('mint flow with a hostile page in the active tab', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let popup: Page;
  let hostile: Page;
  let server: Server;
  let hostileOrigin: string;
  const hostileRequests: string[] = [];
  /** Every request the Sandbox Wallet made to sign (its body holds a message), with the origin of the page that made it. */
  const walletSigns: { origin: string; signature: string }[] = [];

  const send = (name: string, input: unknown) => sendMessage(h, name, input);
  const panel = () => popup.getByTestId('mint-panel');
  const until = (value: string) => expect.poll(() => panel().getAttribute('data-status'), { timeout: WAIT }).toBe(value);
  /** The URL of the active tab, as the extension sees it (it may read 127.0.0.1 tabs in sandbox builds). */
  const activeTab = async () =>
    (await h.getServiceWorker()).evaluate(async () => {
      const { tabs } = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).chrome;
      return (await tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url;
    });
  /** Clicks a popup button while the hostile page stays the active tab (no bringToFront on the popup). */
  async function clickWithHostileInFront(name: string) {
    await hostile.bringToFront();
    expect(await activeTab()).toBe(`${hostileOrigin}/`);
    await panel().getByRole('button', { name }).dispatchEvent('click');
  }
  /** Extension execution contexts (isolated worlds) in a page, from the DevTools protocol. */
  async function extensionWorlds(page: Page): Promise<string[]> {
    const cdp = await h.context.newCDPSession(page);
    const worlds: string[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin.startsWith('chrome-extension://')) worlds.push(`${context.origin} ${context.name}`);
    });
    await cdp.send('Runtime.enable'); // reports every existing context
    await cdp.detach();
    return worlds;
  }

  beforeAll(async () => {
    sandbox = await startSandboxForTest();
    const address = sandbox.wallets.staked.address;
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Free VVV airdrop</title><script>(${hostilePage.toString()})(${JSON.stringify(address)});</script></head><body><h1>Claim your airdrop</h1></body></html>`;
    server = createServer((req, res) => {
      hostileRequests.push(`${req.method} ${req.url}`);
      res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(req.url === '/' ? html : '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hostileOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(hostileOrigin).not.toBe(sandbox.origin);

    h = await launchChromium();
    h.context.on('request', (request) => {
      if (request.url() !== `${sandbox.origin}/__sandbox/wallet/sign` || !request.postData()?.includes('"message"')) return;
      const origin = new URL(request.frame().url()).origin;
      void request.response().then(async (response) => {
        walletSigns.push({ origin, signature: ((await response?.json()) as { signature: string }).signature });
      });
    });
    // The real Sandbox Wallet on the signing origin, approving by itself (remembered from this one visit).
    await autoApproveSandboxWallet(h, sandbox);
    popup = await openPopupReadyToMint(h, sandbox, PASSPHRASE, WAIT);
    hostile = await h.context.newPage();
    await hostile.goto(`${hostileOrigin}/`);
    await hostile.waitForFunction(() => (window as unknown as { __hostile?: HostileLog }).__hostile!.attacks > 3, undefined, { timeout: WAIT });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('mints from the signing tab only, while the hostile page is the active tab and learns nothing', async () => {
    const attacksBefore = await hostile.evaluate(() => (window as unknown as { __hostile: HostileLog }).__hostile.attacks);
    await clickWithHostileInFront('Connect wallet');
    await until('ready');
    // The extension runs its scripts in the signing tab (so the check on the hostile page below is live).
    // Checked before the mint: the signing tab is closed once the key is saved (README, "the signing tab").
    const signingTab = h.context.pages().find((p) => p.url().startsWith(sandbox.origin));
    expect(signingTab, 'the signing tab on the sandbox origin').toBeDefined();
    expect(await extensionWorlds(signingTab!)).toEqual([expect.stringContaining(`chrome-extension://${h.extensionId}`)]);
    await clickWithHostileInFront('Mint API key');
    await until('saved');
    await hostile.bringToFront();
    await expect.poll(() => signingTab!.isClosed(), { timeout: 10_000 }).toBe(true);

    // The mint: one POST, answered 200, signed by the wallet in the signing tab on the sandbox origin.
    const last6 = (await panel().getByTestId('mint-saved').getAttribute('data-last6'))!;
    const posts = sandbox.requests.list().filter((r) => r.method === 'POST' && r.path === MINT_PATH);
    expect(posts.map((r) => r.status)).toEqual([200]);
    await expect.poll(() => walletSigns.length).toBe(1);
    expect(walletSigns[0]!.origin).toBe(sandbox.origin);
    expect(walletSigns[0]!.signature, 'the signature pattern catches a real signature').toMatch(SIGNATURE);
    const vault = (await send('vault.status', {})) as { ok: true; output: { records: { id: string; last6: string }[] } };
    const record = vault.output.records.find((r) => r.last6 === last6)!;
    const { output: { secret } } = (await send('vault.reveal', { id: record.id })) as { output: { secret: string } };
    expect(secret, 'the key pattern catches the real key').toMatch(KEY);
    const token = ((await (await fetch(`${sandbox.apiUrl}/api_keys/generate_web3_key`)).json()) as { data: { token: string } }).data.token;
    expect(token, 'the token pattern catches a real token').toMatch(JWT);

    // The hostile page: everything it received, its page and what reached its server hold no secret.
    const log = await hostile.evaluate(() => (window as unknown as { __hostile: HostileLog }).__hostile);
    const seen = [...log.received, ...log.portMessages, ...log.otherWallets, await hostile.content(), ...hostileRequests].join('\n');
    expect(log.attacks, 'the page kept attacking while the flow ran').toBeGreaterThan(attacksBefore);
    expect(seen).not.toMatch(JWT);
    expect(seen).not.toMatch(SIGNATURE);
    expect(seen).not.toMatch(KEY);
    expect(seen).not.toContain(secret);
    expect(seen).not.toContain(walletSigns[0]!.signature.slice(2));
    // Its fake wallet was never asked anything (so never to sign), nobody answered its handshakes,
    // no wallet discovery ran in it and no other wallet announced itself there.
    expect(log.requests).toEqual([]);
    expect(log.portMessages).toEqual([]);
    expect(log.requestProvider).toBe(0);
    expect(log.otherWallets).toEqual([]);
    for (const line of hostileRequests) expect(line).toMatch(/^GET \/(favicon\.ico)?$/);
    // The extension ran no script in the hostile page (it did in the signing tab, checked above).
    expect(await extensionWorlds(hostile)).toEqual([]);
    expect(await pageErrorsOf(popup)).toEqual([]);

    // The page's recorders are live: its own messages were heard, and a discovery or a request is counted.
    expect(log.received.some((line) => line.includes('venice-key-wallet/bridge-handshake'))).toBe(true);
    const probed = await hostile.evaluate(async () => {
      window.dispatchEvent(new Event('eip6963:requestProvider'));
      await (window as unknown as { ethereum: { request(a: { method: string }): Promise<unknown> } }).ethereum.request({ method: 'eth_chainId' });
      const { requestProvider, requests } = (window as unknown as { __hostile: HostileLog }).__hostile;
      return { requestProvider, requests };
    });
    expect(probed).toEqual({ requestProvider: 1, requests: ['eth_chainId undefined'] });
  });
});
