// The direct MetaMask path in Firefox ESR: the MetaMask test double (test/wallets/metamask-double,
// MetaMask's own stream packages, the add-on id metamask-double@test.invalid from its manifest's
// gecko id) is installed beside the extension, whose sandbox build looks for that id first. The
// connection lives in an extension page framed in the event page (entrypoints/direct-host). A mint
// opens no tab and mints once; the wallet is asked over a port from our add-on id; a declined
// signature posts nothing; a locked wallet and an account switch are explained; the popup closed
// while MetaMask shows the signature loses nothing; the event page stopped then (as about:debugging
// does, firefox/event-page.ts) says the extension restarted and posts nothing. The double is driven from one of its own pages
// (runtime.getBackgroundPage), as the Chromium test drives it from its worker.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control } from '../sandbox/helpers';
import { buildDouble } from '../wallets/metamask-double/build';
import { DOUBLE_FIREFOX_ID } from '../wallets/metamask-double/identity';
import type { DoubleMode } from '../wallets/metamask-double/serve';
import { gotoExtensionUrl } from './harness/firefox';
import { GECKO_ID } from './harness/paths';
import { launchFirefox, pageErrorsOf, startSandboxForTest, type FirefoxHarness, type Sandbox } from './harness/index';
import { attributeOf, press, textOf, typeInto } from './firefox/dom';
import { terminateEventPage } from './firefox/event-page';
import { openBackgroundProbe, sendToBackground } from './firefox/extension';
import { pagesOn } from './firefox/sandbox-wallet';

const PASSPHRASE = 'harbor-lantern-58-quince';
const MINT = 'POST /api/v1/api_keys/generate_web3_key';
const PANEL = '[data-testid="mint-panel"]';
/** The moz-extension:// host pinned for the double, so the test can open its pages. */
const DOUBLE_UUID = '3b7e9a14-52c6-4d0f-8e21-9a6c4f1d2e70';

interface DoubleView {
  mode: DoubleMode;
  signRequests: number;
  calls: Array<{ method: string; from: string }>;
  address: string;
  held: number;
}
interface DoubleGlobal {
  metamaskDouble: { state: DoubleView; answerHeld(answer: 'approve' | 'reject'): number };
}
interface SandboxKey {
  last6Chars: string;
}
interface FirefoxRuntime {
  browser: { runtime: { getBackgroundPage(): Promise<DoubleGlobal> } };
}

describe('mint through the direct MetaMask path in Firefox ESR', () => {
  let h: FirefoxHarness;
  let sandbox: Sandbox;
  let popup: Page;

  const status = () => attributeOf(popup, PANEL, 'data-status');
  const until = (value: string, timeout = 60_000) => expect.poll(() => status(), { timeout, interval: 200 }).toBe(value);
  const sandboxKeys = async () => ((await control(sandbox.origin, 'GET', '/keys')) as { keys: SandboxKey[] }).keys;
  const mintPosts = async () =>
    ((await control(sandbox.origin, 'GET', '/requests')) as { requests: { method: string; path: string; status: number }[] }).requests.filter(
      (r) => `${r.method} ${r.path}` === MINT,
    );
  /**
   * The browser's tabs as the extension sees them (tabs.query from one of its pages, that page
   * included): puppeteer's page list shows extension pages as about:blank and can keep a closed
   * one for a while (puppeteer#14314), so it cannot tell whether a tab was opened.
   */
  async function tabs(): Promise<{ count: number; onSandbox: number }> {
    const page = await h.openExtensionPage('manifest.json');
    try {
      const urls = await page.evaluate(async () => {
        const { tabs: api } = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).browser;
        return (await api.query({})).map((tab) => tab.url ?? '');
      });
      return { count: urls.length, onSandbox: urls.filter((url) => url.startsWith(`${sandbox.origin}/`)).length };
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  /** No tab was opened since `before` (a page the test just closed may take a moment to go). */
  const noTabOpenedSince = async (before: { count: number }) => {
    await expect.poll(async () => (await tabs()).count, { timeout: 10_000, interval: 250 }).toBe(before.count);
    expect((await tabs()).onSandbox).toBe(0);
  };

  /** Opens a page of the double (its manifest.json: an extension document that runs none of its code). */
  async function doublePage(): Promise<Page> {
    const page = await h.browser.newPage();
    await gotoExtensionUrl(page, `moz-extension://${DOUBLE_UUID}/manifest.json`);
    return page;
  }
  async function double(): Promise<DoubleView> {
    const page = await doublePage();
    try {
      return await page.evaluate(async () => {
        const bg = await (globalThis as unknown as FirefoxRuntime).browser.runtime.getBackgroundPage();
        const { state } = bg.metamaskDouble;
        return { mode: state.mode, signRequests: state.signRequests, calls: state.calls.map((c) => ({ ...c })), address: state.address, held: state.held };
      });
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  async function setMode(mode: DoubleMode): Promise<void> {
    const page = await doublePage();
    try {
      await page.evaluate(async (m: DoubleMode) => {
        const bg = await (globalThis as unknown as FirefoxRuntime).browser.runtime.getBackgroundPage();
        bg.metamaskDouble.state.mode = m;
      }, mode);
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  /** The person answers MetaMask's signature window (mode `hold`); returns how many requests were answered. */
  async function answerHeld(answer: 'approve' | 'reject'): Promise<number> {
    const page = await doublePage();
    try {
      return await page.evaluate(async (a: 'approve' | 'reject') => {
        const bg = await (globalThis as unknown as FirefoxRuntime).browser.runtime.getBackgroundPage();
        return bg.metamaskDouble.answerHeld(a);
      }, answer);
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  /** Connect wallet; a click Firefox loses now and then under load is pressed again, once (as in firefox-mint). */
  async function connect() {
    await press(popup, 'Connect wallet', PANEL);
    const started = await expect
      .poll(() => status(), { timeout: 10_000, interval: 200 })
      .not.toBe('idle')
      .then(() => true, () => false);
    if (!started) {
      console.warn('[e2e] firefox-mint-direct: "Connect wallet" had no effect within 10 s; pressing it again');
      await press(popup, 'Connect wallet', PANEL);
    }
  }
  const backToIdle = async () => {
    const labels: Record<string, string> = { saved: 'Done', failed: 'Close', ready: 'Disconnect' };
    const s = await status();
    if (s && labels[s]) await press(popup, labels[s]!, PANEL);
    await until('idle');
  };

  beforeAll(async () => {
    const dirs = await buildDouble();
    sandbox = await startSandboxForTest();
    h = await launchFirefox({ otherExtensions: [{ dir: dirs.firefox, id: DOUBLE_FIREFOX_ID, uuid: DOUBLE_UUID }] });
    expect(await sendToBackground(h, 'settings.set', { patch: { apiBaseUrl: sandbox.apiUrl, rpcUrl: sandbox.rpcUrl } })).toMatchObject({ ok: true });
    popup = await h.openPopup();
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('sets up the vault from the popup', async () => {
    await typeInto(popup, 'Passphrase', PASSPHRASE);
    await typeInto(popup, 'Type it again', PASSPHRASE);
    await press(popup, 'Create the vault');
    await until('idle');
  });

  it('connects and mints once with no tab opened; the wallet is asked by the extension itself', async () => {
    const before = await tabs();
    await connect();
    await until('ready');
    await noTabOpenedSince(before);
    expect(await pagesOn(h.browser, sandbox.origin)).toEqual([]);
    const { address } = await double();
    expect((await attributeOf(popup, `${PANEL} [data-testid="connected-address"]`, 'title'))?.toLowerCase()).toBe(address.toLowerCase());
    expect(await textOf(popup, `${PANEL} [data-testid="connected-address"]`)).toContain('(no tab needed)');

    await press(popup, 'Mint API key', PANEL);
    await until('saved');
    await noTabOpenedSince(before);
    expect((await mintPosts()).map((r) => r.status)).toEqual([200]);
    const seen = await double();
    expect(seen.signRequests).toBe(1);
    // Every request came over a port from our add-on, none from a page.
    expect(new Set(seen.calls.map((c) => c.from))).toEqual(new Set([GECKO_ID]));
    expect(await pageErrorsOf(popup)).toEqual([]);
  });

  it('a declined signature posts nothing and says so', async () => {
    await backToIdle();
    await connect();
    await until('ready');
    const posts = (await mintPosts()).length;
    await setMode('reject');
    await press(popup, 'Mint API key', PANEL);
    await until('failed');
    await expect.poll(() => textOf(popup, `${PANEL} [role="alert"]`)).toContain('The request was declined in your wallet.');
    expect((await mintPosts()).length).toBe(posts);
    await setMode('approve');
  });

  it('a locked wallet is explained at connect, and no tab is opened', async () => {
    await backToIdle();
    const before = await tabs();
    await setMode('locked');
    await connect();
    await until('failed');
    await expect.poll(() => textOf(popup, `${PANEL} [role="alert"]`)).toContain('Your wallet is locked.');
    await noTabOpenedSince(before);
    await setMode('approve');
  });

  it('the popup closed while MetaMask shows the signature, then approved: one key minted and saved, shown when the popup reopens', async () => {
    await backToIdle();
    await connect();
    await until('ready');
    const posts = (await mintPosts()).length;
    const keys = (await sandboxKeys()).length;
    const signs = (await double()).signRequests;
    await setMode('hold');
    await press(popup, 'Mint API key', PANEL);
    await until('awaiting-signature');
    await expect.poll(async () => (await double()).held, { timeout: 30_000, interval: 250 }).toBe(1);
    await popup.close();
    expect(await answerHeld('approve')).toBe(1);
    // With no popup open, the event page mints and saves by itself.
    await expect.poll(async () => (await sandboxKeys()).length, { timeout: 30_000, interval: 250 }).toBe(keys + 1);
    popup = await h.openPopup();
    await until('saved');
    const last6 = await attributeOf(popup, `${PANEL} [data-testid="mint-saved"]`, 'data-last6');
    expect((await mintPosts()).slice(posts).map((r) => r.status)).toEqual([200]);
    expect((await sandboxKeys()).filter((k) => k.last6Chars === last6)).toHaveLength(1);
    const vault = (await sendToBackground(h, 'vault.status')) as { ok: true; output: { records: { last6: string; source: string }[] } };
    expect(vault.output.records.filter((r) => r.last6 === last6 && r.source === 'minted')).toHaveLength(1);
    expect((await double()).signRequests - signs, 'MetaMask was asked once').toBe(1);
    expect(await pageErrorsOf(popup)).toEqual([]);
    await setMode('approve');
  });

  it('the event page stopped while MetaMask shows the signature: says the extension restarted, posts nothing, and the next Mint asks again', async () => {
    await backToIdle();
    await connect();
    await until('ready');
    const posts = (await mintPosts()).length;
    const signs = (await double()).signRequests;
    await setMode('hold');
    await press(popup, 'Mint API key', PANEL);
    await until('awaiting-signature');
    await expect.poll(async () => (await double()).held, { timeout: 30_000, interval: 250 }).toBe(1);
    await popup.close();
    const probe = await openBackgroundProbe(h);
    expect(await probe.alive()).toBe(true);
    // As about:debugging's "Terminate background script": the framed page holding MetaMask's port goes with it.
    await terminateEventPage(h.browser, GECKO_ID);
    await expect.poll(() => probe.alive(), { timeout: 10_000, interval: 250 }).toBe(false);
    await probe.close();
    popup = await h.openPopup(); // its first message starts the event page afresh
    await until('failed');
    await expect.poll(() => textOf(popup, `${PANEL} [role="alert"]`)).toContain('The extension restarted while waiting for your wallet.');
    // MetaMask's window, approved now, answers a port that is gone: nothing may come of it.
    expect(await answerHeld('approve')).toBe(1);
    await setMode('approve');
    await press(popup, 'Try again', PANEL);
    await until('ready');
    await press(popup, 'Mint API key', PANEL);
    await until('saved');
    expect((await double()).signRequests - signs, 'the next Mint asked MetaMask again').toBe(2);
    expect((await mintPosts()).slice(posts).map((r) => r.status), 'one mint POST, from the second signature').toEqual([200]);
    expect(await pageErrorsOf(popup)).toEqual([]);
  });

  // Last: the double stays on the second account afterwards.
  it('an account switched in the wallet before signing is explained, and posts nothing', async () => {
    await backToIdle();
    await connect();
    await until('ready');
    const posts = (await mintPosts()).length;
    const signs = (await double()).signRequests;
    await setMode('switch');
    await press(popup, 'Mint API key', PANEL);
    await until('failed');
    await expect.poll(() => textOf(popup, `${PANEL} [role="alert"]`)).toContain('The account in your wallet changed');
    expect((await mintPosts()).length).toBe(posts);
    expect((await double()).signRequests).toBe(signs);
  });
});
