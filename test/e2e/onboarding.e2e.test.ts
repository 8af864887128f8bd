// The first five minutes in Chromium (issue 11): the install opens the onboarding tab, and a person
// goes from "Connect wallet" to a copied key in five clicks, counted here (ours and the Sandbox
// Wallet's Approve in the venice.ai tab), never opening the popup. Each step is checked with axe in
// light and dark, and saved as the README's screenshots (docs/screenshots/onboarding-*.png).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control } from '../sandbox/helpers';
import { readClipboardInPage } from './clipboard-probe';
import { violationsBySchemes } from './harness/axe';
import { launchChromium, pageErrorsOf, pointAtSandbox, ROOT, startSandboxForTest, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'meadow-copper-41-kettle';
const DOCS = path.join(ROOT, 'docs/screenshots');
const VIEWPORT = { width: 760, height: 760 };

describe('onboarding tab in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let welcome: Page;
  let clicks = 0;

  /** A person's click: counted. */
  const click = async (target: Locator) => {
    await target.click();
    clicks += 1;
  };
  const signingTab = async () => {
    await expect.poll(() => h.context.pages().some((p) => p.url().startsWith(sandbox.origin)), { timeout: 30_000 }).toBe(true);
    return h.context.pages().find((p) => p.url().startsWith(sandbox.origin))!;
  };
  const approve = (tab: Page, method: 'eth_requestAccounts' | 'personal_sign') =>
    click(tab.locator(`#sandbox-wallet li[data-method="${method}"]`).getByRole('button', { name: 'Approve', exact: true }));
  /** The tab came back to the front by itself: nobody clicked on it. */
  const inFront = () => expect.poll(() => welcome.evaluate(() => document.visibilityState), { timeout: 15_000 }).toBe('visible');
  /** axe in light and dark, then the screenshots of this step. */
  async function checkStep(step: string) {
    expect(await violationsBySchemes(welcome), step).toEqual({ light: [], dark: [] });
    for (const scheme of ['light', 'dark'] as const) {
      await welcome.emulateMedia({ colorScheme: scheme });
      await welcome.screenshot({ path: path.join(DOCS, `onboarding-${step}-${scheme}.png`) });
    }
    await welcome.emulateMedia({ colorScheme: 'light' });
  }

  beforeAll(async () => {
    sandbox = await startSandboxForTest();
    h = await launchChromium({ keepWelcomeTab: true });
    mkdirSync(DOCS, { recursive: true });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('opens on install and leads from Connect wallet to a copied key in 5 clicks, without the popup', async () => {
    welcome = await h.welcomePage();
    await welcome.setViewportSize(VIEWPORT);
    // Set-up only: the sandbox's API and chain, as a person would enter them on the options page.
    await pointAtSandbox(h, sandbox);
    await welcome.bringToFront();
    const connect = welcome.getByRole('button', { name: 'Connect wallet', exact: true });
    await connect.waitFor();
    await expect.poll(() => welcome.getByRole('heading', { level: 1 }).innerText()).toBe('Get your Venice API key');
    await checkStep('1-welcome');

    await click(connect);
    const wallet = await signingTab();
    await approve(wallet, 'eth_requestAccounts');
    const eligibility = welcome.getByTestId('welcome-eligibility');
    await expect.poll(() => eligibility.getAttribute('data-eligible'), { timeout: 60_000 }).toBe('yes');
    await inFront();
    expect(await eligibility.innerText()).toMatch(/VVV staked/);
    // Typing, no click: the passphrase field has the focus, Tab leads to the second one.
    await expect.poll(() => welcome.evaluate(() => document.activeElement?.id)).toBe('setup-pass');
    await welcome.keyboard.type(PASSPHRASE);
    await welcome.getByLabel('Type it again', { exact: true }).fill(PASSPHRASE);
    await checkStep('2-passphrase');
    await click(welcome.getByRole('button', { name: 'Save passphrase and sign', exact: true }));
    await approve(wallet, 'personal_sign');

    const key = welcome.getByTestId('welcome-key');
    await key.waitFor({ timeout: 60_000 });
    await inFront();
    const secret = await welcome.getByTestId('welcome-secret').innerText();
    await click(welcome.getByRole('button', { name: 'Copy key', exact: true }));
    await expect.poll(() => welcome.getByTestId('home-copy').innerText()).toMatch(/Copied/);

    // Five clicks from Connect wallet, the popup never opened.
    expect(clicks).toBe(5);
    expect(h.context.pages().map((p) => p.url()).filter((u) => u.endsWith('/popup.html'))).toEqual([]);
    // What was copied is the key Venice (the sandbox) minted for the staked wallet, and the one the tab shows.
    const reader = await h.openExtensionPage('manifest.json');
    const copied = await reader.evaluate(readClipboardInPage);
    await reader.close();
    expect(copied).toBe(secret);
    const { keys } = (await control(sandbox.origin, 'GET', '/keys')) as { keys: { last6Chars: string; apiKeyType: string }[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]!.apiKeyType).toBe('INFERENCE');
    expect(secret.endsWith(keys[0]!.last6Chars)).toBe(true);
    expect(await key.getAttribute('data-last6')).toBe(keys[0]!.last6Chars);
    // The signing tab was closed once the key was saved; the pin hint is there.
    await expect.poll(() => h.context.pages().some((p) => p.url().startsWith(sandbox.origin))).toBe(false);
    await welcome.getByTestId('welcome-pin').waitFor();
    await checkStep('3-key');
    expect(await pageErrorsOf(welcome)).toEqual([]);
  });

  it('tells a wallet with no stake why, where to stake on Venice, and offers Check again: no passphrase, no form', async () => {
    await h.close();
    h = await launchChromium({ keepWelcomeTab: true });
    welcome = await h.welcomePage();
    await welcome.setViewportSize(VIEWPORT);
    await pointAtSandbox(h, sandbox);
    // The Sandbox Wallet remembers per origin which account it is: the one with nothing staked.
    const setup = await h.context.newPage();
    await setup.goto(`${sandbox.origin}/?wallet=empty`);
    await setup.close();
    await welcome.bringToFront();
    await welcome.getByRole('button', { name: 'Connect wallet', exact: true }).click();
    await approve(await signingTab(), 'eth_requestAccounts');
    const eligibility = welcome.getByTestId('welcome-eligibility');
    await expect.poll(() => eligibility.getAttribute('data-eligible'), { timeout: 60_000 }).toBe('no');
    expect(await eligibility.innerText()).toMatch(/holds no staked VVV/);
    expect(await welcome.getByRole('link', { name: 'Stake VVV on venice.ai', exact: true }).getAttribute('href')).toBe('https://venice.ai/token');
    await welcome.getByRole('button', { name: 'Check again', exact: true }).waitFor();
    expect(await welcome.getByTestId('welcome-sign').count()).toBe(0);
    expect(await welcome.getByTestId('welcome-steps').getAttribute('data-current')).toBe('check');
    await checkStep('2-not-eligible');
    expect(await pageErrorsOf(welcome)).toEqual([]);
  });
});
