// The tab path against what runs INSIDE the signing page (issue 13), in Chromium. Scripts of the
// signing origin are added before the page's own (Playwright init scripts, as a third-party script,
// an XSS or another extension's main-world script would be):
// - a page script that wraps the wallet provider's `request`, takes the bridge's handshake port from
//   `window`, answers on it in the wallet's name (its own address, a forged signature) and posts a
//   copy of the handshake with a port of its own. It reads the token and the signature through the
//   wrapped provider (what the README says it can), and nothing it forged is used;
// - a look-alike EIP-6963 wallet, announced first under the real wallet's name and rdns: the popup
//   asks which one, and the look-alike is never asked anything;
// - a signing tab sent to another origin while the Mint click is handled: no mint, and the other
//   page receives no token.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoApproveSandboxWallet, launchChromium, openPopupReadyToMint, sendMessage, startSandboxForTest, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'harbor-tinsel-63-quarry';
const MINT_PATH = '/api/v1/api_keys/generate_web3_key';
const WAIT = 60_000;
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
const JWT_HEX = /0x65794a/; // "eyJ" as the hex personal_sign carries
const ATTACKER = `0x${'a7'.repeat(20)}`;
const MODE_KEY = 'e2e-signing-page-script';

interface Report {
  kind: 'wrapped' | 'stolen' | 'own' | 'forged' | 'look-alike';
  value: string;
}

/** Runs first in every page of the sandbox origin; what it does is chosen by the test through localStorage. */
function signingPageScript(config: { origin: string; attacker: string; modeKey: string }): void {
  if (location.origin !== config.origin) return;
  const mode = localStorage.getItem(config.modeKey) ?? '';
  const report = (kind: string, value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    void (window as unknown as { __report(kind: string, value: string): Promise<void> }).__report(kind, text);
  };
  const body = (data: unknown): { nonce?: string; id?: string; request?: { kind?: string } } => {
    try {
      return JSON.parse((data as { body: string }).body) as never;
    } catch {
      return {};
    }
  };
  if (mode.includes('wrap')) {
    window.addEventListener(
      'eip6963:announceProvider',
      (event) => {
        const provider = (event as CustomEvent<{ provider?: { request(a: unknown): Promise<unknown>; wrapped?: boolean } }>).detail?.provider;
        if (!provider || provider.wrapped) return;
        const original = provider.request.bind(provider);
        provider.wrapped = true;
        provider.request = async (args: unknown) => {
          const result = await original(args);
          report('wrapped', { args, result });
          return result;
        };
      },
      true,
    );
  }
  if (mode.includes('thief')) {
    // Each handshake is stolen once: this listener also hears the copy it posts itself (same body
    // and MAC, a port that arrives as a new object), and stealing that one again would post another
    // copy, and so on without end: a flood that left the browser answering nothing.
    const stolenMacs = new Set<string>();
    window.addEventListener(
      'message',
      (event) => {
        const data = event.data as { type?: string; body?: string; mac?: string } | null;
        if (data?.type !== 'venice-key-wallet/bridge-handshake' || !event.ports[0] || stolenMacs.has(String(data.mac))) return;
        stolenMacs.add(String(data.mac));
        const port = event.ports[0];
        port.addEventListener('message', (message: MessageEvent) => {
          report('stolen', message.data);
          const { id, request } = body(message.data);
          if (!id) return;
          const kind = request?.kind;
          const value = kind === 'personal_sign' ? `0x${'cd'.repeat(65)}` : kind === 'eth_chainId' ? '0x2105' : kind === 'discover' || kind === 'select' ? undefined : [config.attacker];
          if (value === undefined) return;
          port.postMessage({ kind: 'result', id, value }); // answers first, in the wallet's name
          report('forged', kind);
        });
        port.start();
        port.postMessage({ kind: 'ready', nonce: body(data).nonce });
        port.postMessage({ kind: 'accountsChanged', value: [config.attacker] });
        // A copy of the genuine handshake, with a port of its own: to sit between the two scripts.
        const channel = new MessageChannel();
        channel.port1.onmessage = (message) => report('own', message.data);
        window.postMessage({ type: data.type, body: data.body, mac: data.mac }, location.origin, [channel.port2]);
      },
      true,
    );
  }
  if (mode.includes('look-alike')) {
    const icon = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>";
    const info = Object.freeze({ uuid: crypto.randomUUID(), name: 'Sandbox Wallet', rdns: 'dev.venice-sandbox.wallet', icon });
    const provider = {
      request: async ({ method }: { method: string }) => {
        report('look-alike', method);
        return method === 'eth_chainId' ? '0x2105' : [config.attacker];
      },
      on: () => provider,
      removeListener: () => provider,
    };
    const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
    window.addEventListener('eip6963:requestProvider', announce);
    announce();
  }
}

describe('the signing page runs scripts of its own', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let popup: Page;
  const reports: Report[] = [];
  const walletSigns: string[] = [];
  let server: Server;
  let elsewhere: string;
  const elsewhereRequests: string[] = [];

  const panel = () => popup.getByTestId('mint-panel');
  const until = (value: string) => expect.poll(() => panel().getAttribute('data-status'), { timeout: WAIT }).toBe(value);
  const press = async (name: string) => {
    await popup.bringToFront();
    await panel().getByRole('button', { name, exact: true }).click();
  };
  const mintPosts = () => sandbox.requests.list().filter((r) => r.method === 'POST' && r.path === MINT_PATH);
  const signingTab = () => h.context.pages().find((p) => p.url().startsWith(sandbox.origin));
  const of = (kind: Report['kind']) => reports.filter((r) => r.kind === kind).map((r) => r.value);
  async function mode(value: string) {
    const page = await h.context.newPage();
    await page.goto(`${sandbox.origin}/?autoApprove=1&wallet=staked`);
    await page.evaluate(([key, v]) => localStorage.setItem(key!, v!), [MODE_KEY, value]);
    await page.close();
    reports.length = 0;
  }
  async function backToIdle() {
    await expect.poll(() => panel().getAttribute('data-status'), { timeout: 30_000 }).toMatch(/^(idle|saved|failed|ready)$/);
    const s = await panel().getAttribute('data-status');
    if (s === 'saved') await press('Done');
    else if (s === 'failed') await press('Close');
    else if (s === 'ready') await press('Disconnect');
    await until('idle');
    await signingTab()?.close();
  }

  beforeAll(async () => {
    sandbox = await startSandboxForTest();
    // Another origin whose page answers late: a navigation to it stays pending for a while.
    const html = `<!doctype html><meta charset="utf-8"><title>Elsewhere</title><script>
      window.__seen = [];
      addEventListener('message', (e) => window.__seen.push(JSON.stringify(e.data)), true);
      window.ethereum = { request: async (a) => { window.__seen.push(JSON.stringify(a)); return []; }, on() {}, removeListener() {} };
    </script><h1>Elsewhere</h1>`;
    server = createServer((req, res) => {
      elsewhereRequests.push(`${req.method} ${req.url}`);
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html), req.url === '/slow' ? 4000 : 0);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    elsewhere = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    h = await launchChromium();
    await h.context.exposeFunction('__report', (kind: Report['kind'], value: string) => void reports.push({ kind, value }));
    await h.context.addInitScript(signingPageScript, { origin: sandbox.origin, attacker: ATTACKER, modeKey: MODE_KEY });
    h.context.on('request', (request) => {
      if (request.url() !== `${sandbox.origin}/__sandbox/wallet/sign` || !request.postData()?.includes('"message"')) return;
      void request.response().then(async (response) => walletSigns.push(((await response?.json()) as { signature: string }).signature));
    });
    await autoApproveSandboxWallet(h, sandbox);
    popup = await openPopupReadyToMint(h, sandbox, PASSPHRASE, WAIT);
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('a page script that wraps the provider and steals the handshake reads the token and signature, but nothing it forged is used', async () => {
    await mode('wrap thief');
    const staked = sandbox.wallets.staked.address;
    await press('Connect wallet');
    await until('ready');
    // The thief answered eth_requestAccounts and accountsChanged with its own address first; the wallet's account is the one shown.
    expect((await panel().getByTestId('connected-address').getAttribute('title'))?.toLowerCase()).toBe(staked.toLowerCase());
    expect(signingTab()!.url()).toBe(`${sandbox.origin}/404`);
    const postsBefore = mintPosts().length;
    await press('Mint API key');
    await until('saved');

    // One mint, of a key of the wallet's account, signed by the wallet (not the forged signature).
    expect(mintPosts().length - postsBefore).toBe(1);
    const last6 = (await panel().getByTestId('mint-saved').getAttribute('data-last6'))!;
    const vault = (await sendMessage(h, 'vault.status', {})) as { output: { records: { last6: string; walletAddress?: string }[] } };
    expect(vault.output.records.find((r) => r.last6 === last6)?.walletAddress?.toLowerCase()).toBe(staked.toLowerCase());
    expect(walletSigns).toHaveLength(1);
    expect(of('forged').length, 'the thief did answer in the wallet\'s name').toBeGreaterThan(0);

    // What it CAN read: through the wrapped provider, the token it was asked to sign and the signature.
    const wrapped = of('wrapped').join('\n');
    expect(wrapped).toMatch(JWT_HEX);
    expect(wrapped).toContain(walletSigns[0]!.slice(2));
    // Through the stolen port: the requests (sealed, not hidden: the token too), never an answer.
    const stolen = of('stolen').map((text) => JSON.parse((JSON.parse(text) as { body: string }).body) as { request?: { kind: string } });
    expect(stolen.map((message) => message.request?.kind)).toContain('personal_sign');
    expect(stolen.every((message) => message.request !== undefined), 'only requests, no result or event').toBe(true);
    expect(of('stolen').join('\n')).not.toContain(walletSigns[0]!.slice(2));
    // Its copy of the handshake, with its own port, got nothing from the page script.
    expect(of('own')).toEqual([]);
    // The signing tab the extension opened is closed once the key is saved.
    await expect.poll(() => signingTab(), { timeout: 10_000 }).toBeUndefined();
  });

  it('a look-alike wallet announced first is not chosen silently, and never asked anything', async () => {
    await mode('look-alike');
    await backToIdle();
    await press('Connect wallet');
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').first().innerText()).toContain('use the same name or ID');
    const choices = panel().getByRole('radio');
    await expect.poll(() => choices.count()).toBe(2);
    for (const label of await panel().locator('label.choice').allInnerTexts()) expect(label).toContain('Sandbox Wallet (dev.venice-sandbox.wallet)');
    expect(of('look-alike')).toEqual([]);
    // Nothing is chosen for the person: no choice is checked, and the button waits for one.
    await expect.poll(() => panel().getByTestId('wallet-look-alike').innerText()).toContain('Two wallets here claim the same name or ID');
    for (const choice of await choices.all()) expect(await choice.isChecked()).toBe(false);
    expect(await panel().getByRole('button', { name: 'Use this wallet' }).isDisabled()).toBe(true);
    // The person picks the second one (the real wallet, announced after the look-alike).
    await popup.bringToFront();
    await choices.nth(1).check();
    await panel().getByRole('button', { name: 'Use this wallet' }).click();
    await until('ready');
    expect((await panel().getByTestId('connected-address').getAttribute('title'))?.toLowerCase()).toBe(sandbox.wallets.staked.address.toLowerCase());
    expect(of('look-alike')).toEqual([]);
  });

  it('a signing tab sent to another origin while the Mint click is handled gets nothing, and nothing is minted', async () => {
    await mode('');
    await backToIdle();
    await press('Connect wallet');
    await until('ready');
    const tab = signingTab()!;
    const postsBefore = mintPosts().length;
    const signsBefore = walletSigns.length;
    // The tab starts to leave: the other origin answers only after a few seconds.
    await tab.evaluate((url) => void (location.href = url), `${elsewhere}/slow`);
    await expect.poll(() => elsewhereRequests).toContain('GET /slow');
    await press('Mint API key');
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').first().innerText()).toMatch(/signing (tab|page)/i);
    await expect.poll(() => tab.url(), { timeout: WAIT }).toBe(`${elsewhere}/slow`);
    await tab.waitForLoadState('load');
    const seen = (await tab.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).join('\n');
    expect(seen).not.toMatch(JWT);
    expect(seen).not.toMatch(JWT_HEX);
    expect(seen).toBe(''); // not one message or wallet request reached the other page
    expect(mintPosts().length).toBe(postsBefore);
    expect(walletSigns.length).toBe(signsBefore);
  });
});
