// Firefox ESR with the built extension installed over WebDriver BiDi, driven by Puppeteer.
// Known upstream bug (puppeteer#14314): page.goto() to a moz-extension:// URL loads
// the page but never resolves, and page.url() keeps saying about:blank. So pages are
// opened fire-and-forget and awaited by their location and readyState instead.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type PageEvent } from 'puppeteer-core';
import { FIREFOX_EXTENSION_UUID, FIREFOX_PATH, FIREFOX_SANDBOX_DIR, GECKO_ID, POPUP_VIEWPORT } from './paths';
import { collectPageErrorsInPage, recordPageErrors } from './page-errors';
import { snapshotExtension } from './snapshot';
import type { Badge, StorageArea } from './types';
import { firefoxWelcomePage, hasWelcomePage } from './welcome-tab';

export interface FirefoxHarness {
  browser: Browser;
  /** The pinned moz-extension:// host. */
  extensionUuid: string;
  /** The private copy Firefox installed (see snapshot.ts). */
  extensionDir: string;
  /** moz-extension://<uuid>/<path> */
  url(pathname: string): string;
  openPopup(): Promise<Page>;
  openExtensionPage(pathname: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** True when the background page (MV3 event page) is loaded right now. */
  backgroundAlive(): Promise<boolean>;
  readBadge(tabId?: number): Promise<Badge>;
  dumpStorage(area: StorageArea): Promise<Record<string, unknown>>;
  /** The onboarding tab opened on install (launched with `keepWelcomeTab`; otherwise it was closed). */
  welcomePage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchFirefoxOptions {
  extensionDir?: string;
  headless?: boolean;
  /** Keep the onboarding tab the install opens (welcome-tab.ts); by default it is waited for and closed. */
  keepWelcomeTab?: boolean;
  /** Files the extension's pages download land here, without a dialog (Firefox's download prefs). */
  downloadDir?: string;
  /**
   * Other unpacked extensions installed beside ours (the MetaMask test double), each with its
   * add-on id and the moz-extension:// host pinned for it, so a test can open its pages.
   */
  otherExtensions?: readonly { dir: string; id: string; uuid: string }[];
}

/**
 * Navigates `page` and waits for the document to be there, working around puppeteer#14314.
 * Polls by hand: while Firefox swaps the document into the extension process, an evaluate
 * can fail with a BiDi "unknown error", which would end puppeteer's waitForFunction.
 */
export async function gotoExtensionUrl(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  page.goto(url, { timeout: 0 }).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  let last = 'not loaded yet';
  for (;;) {
    try {
      const state = await page.evaluate(() => `${location.href} ${document.readyState}`);
      if (state === `${url} complete`) return;
      last = state;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) throw new Error(`${url} did not load within ${timeoutMs} ms (last seen: ${last})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<FirefoxHarness> {
  const sourceDir = path.resolve(options.extensionDir ?? FIREFOX_SANDBOX_DIR);
  const snapshot = await snapshotExtension(sourceDir, 'vkw-firefox-');
  const { extensionDir } = snapshot;
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      protocol: 'webDriverBiDi',
      headless: options.headless ?? true,
      // Without it Firefox refuses BiDi navigation to moz-extension:// ("unsupported operation").
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({
          [GECKO_ID]: FIREFOX_EXTENSION_UUID,
          ...Object.fromEntries((options.otherExtensions ?? []).map((other) => [other.id, other.uuid])),
        }),
        ...(options.downloadDir
          ? { 'browser.download.dir': options.downloadDir, 'browser.download.folderList': 2, 'browser.download.useDownloadDir': true, 'browser.download.always_ask_before_handling_new_types': false }
          : {}),
      },
    })
    .catch((error: unknown) => {
      snapshot.remove();
      throw error;
    });
  const profileDir = profileOf(browser);
  // Puppeteer leaves its temp profile behind when the process ends without close().
  const removeProfile = () => {
    process.off('exit', removeProfile);
    if (profileDir && existsSync(profileDir)) rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.on('exit', removeProfile);
  try {
    for (const other of options.otherExtensions ?? []) {
      const otherId = await browser.installExtension(path.resolve(other.dir));
      if (otherId !== other.id) throw new Error(`installed add-on id ${otherId}, expected ${other.id}`);
    }
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`installed add-on id ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close().catch(() => undefined);
    removeProfile();
    snapshot.remove();
    throw error;
  }

  // The install opens the onboarding tab: wait for it (its absence fails the launch), then close it unless kept.
  // An extension without one (the worker bench's minimal extension) opens none.
  if (hasWelcomePage(extensionDir)) {
    try {
      const welcome = await firefoxWelcomePage(browser, origin);
      if (!options.keepWelcomeTab) await welcome.close();
    } catch (error) {
      await browser.close().catch(() => undefined);
      removeProfile();
      snapshot.remove();
      throw error;
    }
  }

  const url = (pathname: string) => origin + pathname.replace(/^\//, '');
  const openExtensionPage = async (pathname: string, viewport?: { width: number; height: number }) => {
    const page = await browser.newPage();
    recordPageErrors(page, (listener) => page.on('pageerror' as PageEvent.PageError, listener));
    if (viewport) await page.setViewport(viewport);
    await gotoExtensionUrl(page, url(pathname));
    await collectPageErrorsInPage(page);
    return page;
  };
  /** Runs `fn` in a throwaway extension-origin document that runs none of our code. */
  const inExtension = async <T>(fn: (arg: never) => T | Promise<T>, arg?: unknown): Promise<Awaited<T>> => {
    const page = await openExtensionPage('manifest.json');
    try {
      return (await page.evaluate(fn as (a: unknown) => T, arg)) as Awaited<T>;
    } finally {
      await page.close().catch(() => undefined);
    }
  };

  return {
    browser,
    extensionUuid: FIREFOX_EXTENSION_UUID,
    extensionDir,
    url,
    openPopup: () => openExtensionPage('popup.html', POPUP_VIEWPORT),
    welcomePage: async () => {
      const page = await firefoxWelcomePage(browser, origin);
      await collectPageErrorsInPage(page);
      return page;
    },
    openExtensionPage,
    backgroundAlive: () =>
      inExtension(async () => {
        const rt = (globalThis as unknown as { browser: FirefoxApi }).browser.runtime;
        const contexts = await rt.getContexts({ contextTypes: ['BACKGROUND'] });
        return contexts.length > 0;
      }),
    readBadge: (tabId) =>
      inExtension(async (tab: number | undefined) => {
        const { action } = (globalThis as unknown as { browser: FirefoxApi }).browser;
        const details = tab === undefined ? {} : { tabId: tab };
        const [text, color, title] = await Promise.all([
          action.getBadgeText(details),
          action.getBadgeBackgroundColor(details),
          action.getTitle(details),
        ]);
        return { text, color, title };
      }, tabId),
    dumpStorage: (area) =>
      inExtension(
        (a: StorageArea) => (globalThis as unknown as { browser: FirefoxApi }).browser.storage[a].get(null),
        area,
      ),
    async close() {
      await browser.close().catch(() => undefined);
      removeProfile();
      snapshot.remove();
    },
  };
}

function profileOf(browser: Browser): string | undefined {
  const args = browser.process()?.spawnargs ?? [];
  const i = args.indexOf('--profile');
  return i >= 0 ? args[i + 1] : undefined;
}

interface FirefoxApi {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
  action: {
    getBadgeText(d: { tabId?: number }): Promise<string>;
    getBadgeBackgroundColor(d: { tabId?: number }): Promise<[number, number, number, number]>;
    getTitle(d: { tabId?: number }): Promise<string>;
  };
  storage: Record<StorageArea, { get(keys: null): Promise<Record<string, unknown>> }>;
}
