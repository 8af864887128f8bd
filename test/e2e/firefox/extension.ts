// Talking to the extension's background from the test, the way its own pages do: a message sent
// from an extension document (the background is an event page with no handle of its own).
// For set-up and for reading what the person cannot see; the flows are driven by clicks.
import type { FirefoxHarness } from '../harness/index';

const TAG = 'venice-key-wallet/v1';

interface BrowserGlobal {
  browser: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    permissions: {
      contains(p: { origins: string[] }): Promise<boolean>;
      getAll(): Promise<{ permissions?: string[]; origins?: string[] }>;
      remove(p: { origins: string[] }): Promise<boolean>;
    };
    scripting: {
      executeScript(d: { target: { tabId: number }; func: () => unknown }): Promise<{ result?: unknown }[]>;
    };
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  };
}

/** Sends one contract call (lib/messaging) and returns the reply envelope `{ ok, output | error }`. */
export async function sendToBackground(h: FirefoxHarness, name: string, input: unknown = {}): Promise<unknown> {
  const page = await h.openExtensionPage('manifest.json');
  try {
    return await page.evaluate(
      (message) => (globalThis as unknown as BrowserGlobal).browser.runtime.sendMessage(message),
      { tag: TAG, name, input },
    );
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Which of `origins` the extension holds a host permission for (browser.permissions.contains). */
export async function grantedOrigins(h: FirefoxHarness, origins: string[]): Promise<Record<string, boolean>> {
  const page = await h.openExtensionPage('manifest.json');
  try {
    return await page.evaluate(async (list) => {
      const { permissions } = (globalThis as unknown as BrowserGlobal).browser;
      const answers = await Promise.all(list.map((origin) => permissions.contains({ origins: [origin] })));
      return Object.fromEntries(list.map((origin, i) => [origin, answers[i]!]));
    }, origins);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Withdraws host permissions, as a person can in about:addons (Permissions) or the extensions panel. */
export async function withdrawOrigins(h: FirefoxHarness, origins: string[]): Promise<boolean> {
  const page = await h.openExtensionPage('manifest.json');
  try {
    return await page.evaluate((list) => (globalThis as unknown as BrowserGlobal).browser.permissions.remove({ origins: list }), origins);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The API permissions the extension holds (browser.permissions.getAll). */
export async function apiPermissions(h: FirefoxHarness): Promise<string[]> {
  const page = await h.openExtensionPage('manifest.json');
  try {
    return await page.evaluate(async () => (await (globalThis as unknown as BrowserGlobal).browser.permissions.getAll()).permissions ?? []);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * What the extension's content-script world sees of storage.session in the first tab on `origin`
 * (a script run there with scripting.executeScript, the isolated world our bridge runs in).
 */
export async function sessionStorageSeenFromTab(h: FirefoxHarness, origin: string): Promise<string> {
  const page = await h.openExtensionPage('manifest.json');
  try {
    return await page.evaluate(async (o) => {
      const { tabs, scripting } = (globalThis as unknown as BrowserGlobal).browser;
      const tab = (await tabs.query({})).find((t) => t.url?.startsWith(`${o}/`));
      if (tab?.id === undefined) return 'no tab';
      const [first] = await scripting.executeScript({
        target: { tabId: tab.id },
        func: async () => {
          const area = (globalThis as unknown as { browser: { storage: { session?: { get(k: null): Promise<object> } } } }).browser.storage.session;
          if (!area) return 'no storage.session';
          try {
            return `read: ${Object.keys(await area.get(null)).join(',')}`;
          } catch (error) {
            return `refused: ${(error as Error).message}`;
          }
        },
      });
      return String(first?.result);
    }, origin);
  } finally {
    await page.close().catch(() => undefined);
  }
}

export interface BackgroundProbe {
  /** True while the background page (the MV3 event page) is loaded. */
  alive(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Watches whether Firefox keeps the event page loaded, from ONE extension document opened up
 * front. The harness's backgroundAlive() opens and closes a tab per call, and each close fires
 * tabs.onRemoved in our background, which resets its idle timer: polled that way, it never idles.
 */
export async function openBackgroundProbe(h: FirefoxHarness): Promise<BackgroundProbe> {
  const page = await h.openExtensionPage('manifest.json');
  return {
    alive: () =>
      page.evaluate(async () => {
        const { runtime } = (globalThis as unknown as { browser: { runtime: { getContexts(f: object): Promise<unknown[]> } } }).browser;
        return (await runtime.getContexts({ contextTypes: ['BACKGROUND'] })).length > 0;
      }),
    close: () => page.close().catch(() => undefined),
  };
}
