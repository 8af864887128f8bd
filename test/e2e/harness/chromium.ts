// Debian's Chromium with the built extension loaded unpacked, driven by Playwright.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_SANDBOX_DIR, CHROMIUM_PATH, POPUP_VIEWPORT } from './paths';
import { recordPageErrors } from './page-errors';
import { startWorker, stopWorker, workerStatus } from './service-worker';
import { snapshotExtension } from './snapshot';
import type { Badge, StorageArea } from './types';
import { reportOnFailure } from './failure-report';
import { chromiumWelcomePage, closeChromiumWelcomePage, hasWelcomePage } from './welcome-tab';

export interface ChromiumHarness {
  context: BrowserContext;
  extensionId: string;
  /** The private copy Chromium loaded (see snapshot.ts); its path gives the id. */
  extensionDir: string;
  /** chrome-extension://<id>/<path> */
  url(pathname: string): string;
  openPopup(): Promise<Page>;
  openExtensionPage(pathname: string): Promise<Page>;
  /** The running service worker (started first if it was stopped). */
  getServiceWorker(): Promise<Worker>;
  /** Stops the worker the way Chrome does after idling; resolves once it is stopped. */
  stopServiceWorker(): Promise<void>;
  readBadge(tabId?: number): Promise<Badge>;
  dumpStorage(area: StorageArea): Promise<Record<string, unknown>>;
  /** The onboarding tab opened on install (launched with `keepWelcomeTab`; otherwise it was closed). */
  welcomePage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchChromiumOptions {
  extensionDir?: string;
  headless?: boolean;
  /** Other unpacked extensions loaded beside ours (the MetaMask test double). */
  otherExtensions?: readonly string[];
  /** Keep the onboarding tab the install opens (welcome-tab.ts); by default it is waited for and closed. */
  keepWelcomeTab?: boolean;
}

/** Chromium derives an unpacked extension's id from its absolute path: sha256, 32 hex digits mapped to a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function chromiumArgs(extensionDir: string, otherExtensions: readonly string[] = []): string[] {
  const dirs = [extensionDir, ...otherExtensions].join(',');
  return [
    `--disable-extensions-except=${dirs}`,
    `--load-extension=${dirs}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

/** Opens chrome-extension://<id>/popup.html in a tab sized like an action popup. */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  recordPageErrors(page, (listener) => page.on('pageerror', listener));
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<ChromiumHarness> {
  const sourceDir = path.resolve(options.extensionDir ?? CHROME_SANDBOX_DIR);
  const snapshot = await snapshotExtension(sourceDir, 'vkw-chromium-');
  const { extensionDir } = snapshot;
  const extensionId = unpackedExtensionId(extensionDir);
  const origin = `chrome-extension://${extensionId}/`;
  let context: BrowserContext;
  try {
    // Playwright passes --headless, which is Chromium's new headless mode (the old one is gone).
    context = await chromium.launchPersistentContext(path.join(snapshot.root, 'profile'), {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      args: chromiumArgs(extensionDir, options.otherExtensions),
    });
  } catch (error) {
    snapshot.remove();
    throw error;
  }

  const ours = (w: Worker) => w.url().startsWith(origin);
  const findWorker = async (timeout = 15_000): Promise<Worker> =>
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout }));
  try {
    await findWorker(10_000).catch(async () => {
      // Not seen yet (a slow, loaded machine): ask the ServiceWorker domain to start it, then wait again.
      await startWorker(context, extensionId);
      return findWorker(20_000);
    });
  } catch (error) {
    const status = await workerStatus(context, extensionId).catch((e: unknown) => `unknown (${String(e)})`);
    await context.close().catch(() => undefined);
    snapshot.remove();
    throw new Error(
      `extension ${extensionId} (a copy of ${sourceDir}) did not start a service worker; its status: ${status}. ${String(error)}`,
    );
  }

  // The install opens the onboarding tab: wait for it (its absence fails the launch), then close it unless kept.
  // An extension without one (the worker bench's minimal extension) opens none.
  if (hasWelcomePage(extensionDir)) {
    try {
      const welcome = await chromiumWelcomePage(context, origin);
      if (!options.keepWelcomeTab) await closeChromiumWelcomePage(welcome);
    } catch (error) {
      await context.close().catch(() => undefined);
      snapshot.remove();
      throw error;
    }
  }

  const forget = reportOnFailure({ context, extensionId });
  const openExtensionPage = async (pathname: string): Promise<Page> => {
    const page = await context.newPage();
    recordPageErrors(page, (listener) => page.on('pageerror', listener));
    await page.goto(origin + pathname.replace(/^\//, ''));
    return page;
  };
  const getServiceWorker = async (): Promise<Worker> => {
    await startWorker(context, extensionId);
    return findWorker();
  };

  return {
    context,
    extensionId,
    extensionDir,
    url: (pathname) => origin + pathname.replace(/^\//, ''),
    openPopup: () => openPopup(context, extensionId),
    openExtensionPage,
    getServiceWorker,
    stopServiceWorker: () => stopWorker(context, extensionId),
    welcomePage: async () => {
      const page = await chromiumWelcomePage(context, origin);
      recordPageErrors(page, (listener) => page.on('pageerror', listener));
      return page;
    },
    async readBadge(tabId) {
      const worker = await getServiceWorker();
      return worker.evaluate(async (tab) => {
        const { action } = (globalThis as unknown as { chrome: ChromeActionLike }).chrome;
        const details = tab === undefined ? {} : { tabId: tab };
        const [text, color, title] = await Promise.all([
          action.getBadgeText(details),
          action.getBadgeBackgroundColor(details),
          action.getTitle(details),
        ]);
        return { text, color, title };
      }, tabId);
    },
    async dumpStorage(area) {
      // manifest.json opens as an extension-origin document that runs none of our code.
      const page = await openExtensionPage('manifest.json');
      try {
        return await page.evaluate(
          (a) => (globalThis as unknown as { chrome: ChromeStorageLike }).chrome.storage[a].get(null),
          area,
        );
      } finally {
        await page.close();
      }
    },
    async close() {
      forget();
      await context.close().catch(() => undefined);
      snapshot.remove();
    },
  };
}

interface ChromeActionLike {
  action: {
    getBadgeText(d: { tabId?: number }): Promise<string>;
    getBadgeBackgroundColor(d: { tabId?: number }): Promise<[number, number, number, number]>;
    getTitle(d: { tabId?: number }): Promise<string>;
  };
}
interface ChromeStorageLike {
  storage: Record<StorageArea, { get(keys: null): Promise<Record<string, unknown>> }>;
}
