// The first five minutes in Firefox ESR (issue 11): the install opens the onboarding tab, and a
// person goes from "Connect wallet" to a copied key in five clicks, counted here (ours and the
// Sandbox Wallet's Approve in the tab the extension opens on the sandbox origin), never opening
// the popup. What the sandbox minted is read over its control routes, from outside the browser.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control } from '../sandbox/helpers';
import { readClipboardInPage } from './clipboard-probe';
import { launchFirefox, pageErrorsOf, startSandboxForTest, type FirefoxHarness, type Sandbox } from './harness/index';
import { attributeOf, press, textOf } from './firefox/dom';
import { sendToBackground } from './firefox/extension';
import { answerWallet, pagesOn, signingPage } from './firefox/sandbox-wallet';

const PASSPHRASE = 'harbor-thistle-58-copper';

describe('onboarding tab in Firefox ESR', () => {
  let h: FirefoxHarness;
  let sandbox: Sandbox;
  let welcome: Page;
  let clicks = 0;

  /** A person's click on a button of the onboarding tab: counted. */
  const pressWelcome = async (name: string) => {
    await press(welcome, name);
    clicks += 1;
  };
  /** A person's Approve in the Sandbox Wallet (the signing tab): counted. */
  const approve = async (method: 'eth_requestAccounts' | 'personal_sign') => {
    await answerWallet(await signingPage(h.browser, sandbox.origin), method, 'Approve');
    clicks += 1;
  };
  const inExtensionPage = async <T>(fn: () => T): Promise<T> => {
    const page = await h.openExtensionPage('manifest.json');
    try {
      return (await page.evaluate(fn)) as T;
    } finally {
      await page.close().catch(() => undefined);
    }
  };
  /** Whether the onboarding tab is the active one, asked from the tab itself (an extra page would take the front). */
  const welcomeActive = () =>
    welcome.evaluate(async () => {
      const { tabs } = (globalThis as unknown as { browser: { tabs: { getCurrent(): Promise<{ active: boolean } | undefined> } } }).browser;
      return (await tabs.getCurrent())?.active ?? false;
    }).catch(() => false);

  beforeAll(async () => {
    sandbox = await startSandboxForTest();
    h = await launchFirefox({ keepWelcomeTab: true });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('opens on install and leads from Connect wallet to a copied key in 5 clicks, without the popup', async () => {
    welcome = await h.welcomePage();
    // Set-up only: the sandbox's API and chain, as a person would enter them on the options page.
    expect(await sendToBackground(h, 'settings.set', { patch: { apiBaseUrl: sandbox.apiUrl, rpcUrl: sandbox.rpcUrl } })).toMatchObject({ ok: true });
    await expect.poll(() => textOf(welcome, 'h1')).toBe('Get your Venice API key');
    await welcome.bringToFront();

    await pressWelcome('Connect wallet');
    await approve('eth_requestAccounts');
    await expect.poll(() => attributeOf(welcome, '[data-testid="welcome-eligibility"]', 'data-eligible'), { timeout: 60_000, interval: 200 }).toBe('yes');
    // Back in front by itself: nobody clicked on the tab (the signing tab had the front).
    await expect.poll(welcomeActive, { timeout: 15_000, interval: 300 }).toBe(true);
    // Typing, no click: the passphrase field has the focus, Tab leads to the second one.
    await expect.poll(() => welcome.evaluate(() => document.activeElement?.id ?? '')).toBe('setup-pass');
    await welcome.keyboard.type(PASSPHRASE);
    await welcome.keyboard.press('Tab'); // the show/hide toggle
    await welcome.keyboard.press('Tab');
    expect(await welcome.evaluate(() => document.activeElement?.id ?? '')).toBe('setup-confirm');
    await welcome.keyboard.type(PASSPHRASE);
    await pressWelcome('Save passphrase and sign');
    await approve('personal_sign');

    await expect.poll(() => attributeOf(welcome, '[data-testid="welcome-key"]', 'data-last6'), { timeout: 60_000, interval: 200 }).not.toBeNull();
    await expect.poll(welcomeActive, { timeout: 15_000, interval: 300 }).toBe(true);
    const secret = await textOf(welcome, '[data-testid="welcome-secret"]');
    await pressWelcome('Copy key');
    await expect.poll(() => textOf(welcome, '[data-testid="home-copy"]')).toMatch(/Copied/);

    // Five clicks from Connect wallet; the popup never opened.
    expect(clicks).toBe(5);
    const urls = await Promise.all((await h.browser.pages()).map((p) => p.evaluate(() => location.href).catch(() => '')));
    expect(urls.filter((u) => u.endsWith('/popup.html'))).toEqual([]);
    // What was copied is the key the sandbox minted, and the one the tab shows.
    expect(await inExtensionPage(readClipboardInPage)).toBe(secret);
    const { keys } = (await control(sandbox.origin, 'GET', '/keys')) as { keys: { last6Chars: string; apiKeyType: string }[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]!.apiKeyType).toBe('INFERENCE');
    expect(secret.endsWith(keys[0]!.last6Chars)).toBe(true);
    // The signing tab was closed once the key was saved.
    await expect.poll(async () => (await pagesOn(h.browser, sandbox.origin)).length, { timeout: 15_000 }).toBe(0);
    expect(await pageErrorsOf(welcome)).toEqual([]);
  });
});
