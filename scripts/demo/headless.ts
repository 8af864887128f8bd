// --headless: the whole mint once, driven through the popup as a person would, against the sandbox.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../test/sandbox/index';
import type { DemoBrowser } from './browser';
import { SAVED_SCREENSHOT_FILE, SCREENSHOT_FILE } from './paths';
import type { BadgeView, SandboxKeyView } from './report';

export interface MintResult {
  key: SandboxKeyView;
  badge: BadgeView;
  /** The popup's top (balance), then its mint panel (Key saved). */
  screenshots: string[];
}

const POPUP_VIEWPORT = { width: 380, height: 600 };

/** The mint panel's data-status, polled until it is one of `wanted`; a failure says what the popup said. */
async function untilStatus(popup: Page, wanted: string[], timeoutMs = 60_000): Promise<string> {
  const panel = popup.getByTestId('mint-panel');
  const deadline = Date.now() + timeoutMs;
  let status: string | null = null;
  while (Date.now() < deadline) {
    status = await panel.getAttribute('data-status', { timeout: 5_000 }).catch(() => null);
    if (status && wanted.includes(status)) return status;
    if (status === 'failed' || status === 'saved-unstored') {
      const alert = await panel.getByRole('alert').first().innerText().catch(() => '(no message)');
      throw new Error(`the popup's mint panel shows "${status}": ${alert}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the popup's mint panel did not reach ${wanted.join(' or ')} within ${timeoutMs / 1000} s (it shows "${status ?? 'nothing'}")`);
}

async function press(popup: Page, name: string): Promise<void> {
  await popup.bringToFront(); // a background tab delays rendering, and a person clicks the popup in front
  await popup.getByTestId('mint-panel').getByRole('button', { name, exact: true }).click();
}

/** Waits until the background has polled the new key and the badge shows something other than "…". */
async function settledBadge(browser: DemoBrowser, timeoutMs = 30_000): Promise<BadgeView> {
  const deadline = Date.now() + timeoutMs;
  let badge = await browser.readBadge();
  while ((badge.text === '' || badge.text === '…') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    badge = await browser.readBadge();
  }
  return badge;
}

export async function runHeadlessMint(browser: DemoBrowser, sandbox: Sandbox, step: (text: string) => void): Promise<MintResult> {
  // The Sandbox Wallet remembers these (localStorage), so the signing tab the extension opens approves on its own.
  const walletPage = await browser.context.newPage();
  await walletPage.goto(`${sandbox.origin}/?wallet=staked&autoApprove=1&locked=0`);
  await walletPage.close();

  const popup = await browser.context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(browser.url('popup.html'));

  step('setting up the vault with a random demo passphrase (not printed; the profile is thrown away next run)');
  const passphrase = `demo ${randomBytes(12).toString('base64url')}`;
  await popup.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await popup.getByLabel('Type it again').fill(passphrase);
  await popup.getByRole('button', { name: 'Create the vault' }).click();
  await untilStatus(popup, ['idle']);

  step('connecting the Sandbox Wallet (staked account, auto-approve)');
  await press(popup, 'Connect wallet');
  await untilStatus(popup, ['ready']);
  const address = await popup.getByTestId('connected-address').innerText();
  const eligibility = await popup.getByTestId('eligibility').innerText().catch(() => '(no stake shown)');
  step(`${address}: ${eligibility}`);

  step('minting an inference key (the wallet signs Venice\'s token, then one POST)');
  await press(popup, 'Mint API key');
  await untilStatus(popup, ['saved']);
  const last6 = await popup.getByTestId('mint-saved').getAttribute('data-last6');
  if (!last6) throw new Error('the popup says the key was saved but shows no last six characters');

  const response = await fetch(`${sandbox.origin}/__sandbox/keys`);
  const { keys } = (await response.json()) as { keys: SandboxKeyView[] };
  const key = keys.find((k) => k.last6Chars === last6);
  if (!key) throw new Error(`the sandbox has no key ending in ${last6}`);

  step('waiting for the background to poll the new key and set the badge');
  const badge = await settledBadge(browser);
  await popup.bringToFront();
  await popup.waitForTimeout(300); // let the home screen apply the poll it was told about
  mkdirSync(path.dirname(SCREENSHOT_FILE), { recursive: true });
  // The popup scrolls inside itself: first its top (the new key's balance, as the badge shows it),
  // then the mint panel below with its "Key saved".
  await popup.locator('main.popup').evaluate((main) => main.scrollTo(0, 0));
  await popup.screenshot({ path: SCREENSHOT_FILE });
  await popup.getByTestId('mint-saved').scrollIntoViewIfNeeded();
  await popup.screenshot({ path: SAVED_SCREENSHOT_FILE });
  const relative = (file: string) => path.relative(process.cwd(), file);
  return { key, badge, screenshots: [relative(SCREENSHOT_FILE), relative(SAVED_SCREENSHOT_FILE)] };
}
