// The onboarding tab the extension opens on install (entrypoints/welcome/, opened by
// entrypoints/background/welcome-tab.ts). Every launch waits for it: its absence fails the
// launch. Most tests do not want an extra tab (they count tabs, or look at the active one), so
// the harness closes it unless the test asks to keep it (`keepWelcomeTab`), and then finds it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Browser, Page as PuppeteerPage } from 'puppeteer-core';

export const WELCOME_PAGE = 'welcome.html';
const WAIT_MS = 30_000;

/** True when the loaded build has the onboarding page (so its install opens it). */
export const hasWelcomePage = (extensionDir: string): boolean => existsSync(path.join(extensionDir, WELCOME_PAGE));

async function poll<T>(find: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what} did not open within ${WAIT_MS} ms of the install`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Chromium: the tab showing welcome.html (Playwright knows every page's address). */
export function chromiumWelcomePage(context: BrowserContext, origin: string): Promise<Page> {
  return poll(async () => context.pages().find((page) => page.url() === origin + WELCOME_PAGE), `Chromium: ${origin}${WELCOME_PAGE}`);
}

/**
 * Closes the Chromium onboarding tab once its page has rendered. Closed while still loading, it
 * can leave the extension's renderer process with an empty message catalogue: every later page of
 * that process then gets '' from chrome.i18n.getMessage (buttons without names, blank labels) until
 * the process ends. Seen in 13 of 20 launches that closed the tab as soon as it appeared, and in 0
 * of 16 that waited for its load (Chromium 156); it failed 4 to 5 Chromium files per e2e run.
 */
export async function closeChromiumWelcomePage(page: Page): Promise<void> {
  await page.locator('[data-testid="welcome"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  await page.close();
}

/** Firefox: the page whose document is welcome.html (page.url() is unreliable for extension pages, puppeteer#14314). */
export function firefoxWelcomePage(browser: Browser, origin: string): Promise<PuppeteerPage> {
  return poll(async () => {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === origin + WELCOME_PAGE) return page;
    }
    return undefined;
  }, `Firefox: ${origin}${WELCOME_PAGE}`);
}
