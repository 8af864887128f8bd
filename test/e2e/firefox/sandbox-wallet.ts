// The signing tab in Firefox: the page the extension opens on the sandbox origin, where the
// Sandbox Wallet (test/sandbox/page/sandbox-wallet.js) lists each request with Approve / Reject.
// A person answers there; so do these helpers, with real clicks.
import type { Browser, Page } from 'puppeteer-core';
import { findButton, waitForVisible } from './dom';

export type WalletMethod = 'eth_requestAccounts' | 'personal_sign';

/** The open tabs whose page is on `origin` (the extension opens at most one). */
export async function pagesOn(browser: Browser, origin: string): Promise<Page[]> {
  const pages = await browser.pages();
  return pages.filter((page) => page.url().startsWith(`${origin}/`));
}

/** Waits for the tab the extension opened on the signing origin. */
export async function signingPage(browser: Browser, origin: string, timeoutMs = 30_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [page] = await pagesOn(browser, origin);
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`no tab on ${origin} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits for the wallet's pending `method` request and presses Approve or Reject on it. */
export async function answerWallet(page: Page, method: WalletMethod, choice: 'Approve' | 'Reject'): Promise<void> {
  const scope = `#sandbox-wallet li[data-method="${method}"]`;
  await waitForVisible(page, scope);
  const button = await findButton(page, choice, scope);
  await page.bringToFront();
  await button.click();
  await button.dispose();
}

/** How many requests wait for an answer in the Sandbox Wallet. */
export function pendingRequests(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('#sandbox-wallet li[data-method]').length);
}

/** Picks another sandbox account in the wallet's own drop-down, as a person switching accounts. */
export async function chooseAccount(page: Page, wallet: 'staked' | 'liquid' | 'empty' | 'contract'): Promise<void> {
  await page.bringToFront();
  await page.select('[data-testid="sandbox-wallet-select"]', wallet);
}
