/**
 * The ONE signing tab: a tab on the API's own web origin (https://venice.ai, or
 * the sandbox origin) where the wallet bridge runs. Without the "tabs" permission
 * the extension cannot query tabs by URL, so it remembers the id of the tab it
 * created (storage.session, which survives a service-worker restart) and reads
 * that tab's URL through its host permission to check it is still on the origin.
 */
import { AppException, appError } from '../errors';
import type { WalletBrowser } from './browser-types';
import { type Injected, injectBridge } from './bridge-injection';
import { createSigningTabMemory, type SigningTabStore, type StoredSigningTab } from './signing-tab-memory';

/**
 * The page the signing tab opens on the signing origin: not the app's home page, but a
 * small page of the site (its not-found page is the smallest HTML document venice.ai
 * serves, and wallets inject their provider into any HTML page of a site). The sandbox
 * serves its signing page at the same path (test/sandbox/api/handlers/static.ts).
 */
export const SIGNING_PATH = '/404';

export interface SigningTabOptions {
  browser: WalletBrowser;
  store: SigningTabStore;
  /** The signing origin, e.g. https://venice.ai or http://127.0.0.1:PORT. */
  origin: string;
  /** The page opened on that origin (default SIGNING_PATH). */
  path?: string;
  loadTimeoutMs?: number;
}

/**
 * Whether the person still lets the extension reach the signing origin (both browsers let a
 * person withdraw site access). Asked without a port: Firefox answers false for a pattern with one.
 */
async function mayReach(browser: WalletBrowser, origin: string): Promise<boolean> {
  const { protocol, hostname } = new URL(origin);
  try {
    return await browser.permissions.contains({ origins: [`${protocol}//${hostname}/*`] });
  } catch {
    return true;
  }
}

const closedError = (detail?: string) => new AppException(appError('SIGNING_TAB_CLOSED', detail));
const LOST_TAB = 'The browser could not find the signing tab. Try again.';

export function createSigningTab({ browser, store, origin, path = SIGNING_PATH, loadTimeoutMs = 30_000 }: SigningTabOptions) {
  const pageUrl = new URL(path, origin).href;
  let tabId: number | undefined;
  const notAllowedError = (cause?: unknown) =>
    new AppException(appError('SIGNING_ORIGIN_NOT_ALLOWED', new URL(origin).host), cause === undefined ? undefined : { cause });
  const closeWatchers = new Set<() => void>();

  /** The address, or undefined when there is none or it does not parse. */
  const parsed = (url: string | undefined) => (url && URL.canParse(url) ? new URL(url) : undefined);
  const onOrigin = (url: string | undefined) => parsed(url)?.origin === origin;
  const onSigningPage = (url: string | undefined) => onOrigin(url) && parsed(url)?.pathname === new URL(pageUrl).pathname;

  const { remembered, remember, forget } = createSigningTabMemory(store, origin);

  const onRemoved = (id: number) => {
    if (id !== tabId) return;
    tabId = undefined;
    void forget();
    for (const watcher of [...closeWatchers]) watcher();
  };
  browser.tabs.onRemoved.addListener(onRemoved);
  // A restarted worker knows its signing tab at once, so the bridge's messages are accepted before open().
  const restored: Promise<void> = remembered()
    .then((stored) => {
      if (tabId === undefined && stored) tabId = stored.tabId;
    })
    .catch(() => undefined);

  /** The remembered tab, if it still exists and still shows the signing origin. */
  async function liveTab(): Promise<number | undefined> {
    const id = tabId ?? (await remembered())?.tabId;
    if (id === undefined) return undefined;
    const tab = await browser.tabs.get(id).catch(() => undefined);
    if (!tab || !(onOrigin(tab.url) || onOrigin(tab.pendingUrl))) return undefined;
    return id;
  }

  /**
   * Waits until the tab shows the signing page. A complete load counts only on the signing origin:
   * Firefox reports a tab it has just created as complete while it still holds its first
   * about:blank (no address visible), and a script injected then fails.
   */
  function waitLoaded(id: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const finish = (error?: AppException) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        browser.tabs.onUpdated.removeListener(onUpdated);
        closeWatchers.delete(onClosed);
        if (error) reject(error);
        else resolve();
      };
      const check = (tab: { status?: string; url?: string }) => {
        if (tab.status !== 'complete') return;
        if (onOrigin(tab.url)) return finish();
        // A web page of another origin: the tab was taken elsewhere, nothing will be sent to it.
        if (/^https?:/.test(tab.url ?? '')) return finish(closedError('The signing tab left the signing page. Try again.'));
        // No address visible: the first about:blank, or a page the extension may no longer reach.
        void mayReach(browser, origin).then((allowed) => allowed || finish(notAllowedError()));
      };
      const onUpdated = (updated: number, info: { status?: string }, tab: { url?: string }) => {
        if (updated === id && info.status === 'complete') check({ status: 'complete', url: tab.url });
      };
      const onClosed = () => finish(closedError());
      const timer = setTimeout(() => finish(closedError('The signing page did not finish loading.')), loadTimeoutMs);
      browser.tabs.onUpdated.addListener(onUpdated);
      closeWatchers.add(onClosed);
      browser.tabs.get(id).then(
        // Not closed by a person (that is onRemoved): the browser could not find the tab it just gave us.
        (tab) => (tab ? check(tab) : finish(closedError(LOST_TAB))),
        () => finish(closedError(LOST_TAB)),
      );
    });
  }

  return {
    /** Settles once a restarted worker has read back the tab it opened (never rejects). */
    restored,
    /** Opens the signing tab, or reuses the one already open, and waits until its page has loaded. */
    async open(): Promise<number> {
      let id = await liveTab();
      if (id === undefined) {
        const tab = await browser.tabs.create({ url: pageUrl, active: true });
        if (tab.id === undefined) throw closedError('The browser did not open the signing tab.');
        id = tab.id;
        await remember({ tabId: id, wallet: undefined, bridge: undefined });
      }
      tabId = id;
      await waitLoaded(id);
      return id;
    },
    /**
     * Injects the page-world script, then the isolated bridge, and starts both with `secret`
     * (executeScript `args`: it never travels through the page). Every injection after the first
     * targets the document the first one ran in (Chromium's documentId), so a tab that navigated
     * meanwhile gets no bridge and no secret. The isolated bridge says hello when it is up.
     */
    async inject(id: number, secret: string): Promise<Injected> {
      const failed = (cause?: unknown) =>
        new AppException(appError('SIGNING_TAB_CLOSED', 'The wallet bridge could not start in the signing tab.'), cause === undefined ? undefined : { cause });
      let documentId: string | undefined;
      let started: boolean;
      try {
        ({ documentId, started } = await injectBridge(browser.scripting, id, secret, failed));
      } catch (error) {
        if (!(await mayReach(browser, origin))) throw notAllowedError(error);
        throw error instanceof AppException ? error : failed(error);
      }
      if (!started) throw failed();
      return { documentId };
    },
    /**
     * True while the tab still shows the signing origin and is not on its way to another page:
     * checked right before each request, so a tab that navigated elsewhere is sent nothing.
     */
    async onSigningOrigin(id: number): Promise<boolean> {
      const tab = await browser.tabs.get(id).catch(() => undefined);
      if (!tab || !onOrigin(tab.url)) return false;
      return tab.pendingUrl === undefined || tab.pendingUrl === '' || onOrigin(tab.pendingUrl);
    },
    /** Loads the signing page again (ending whatever the old page was waiting for) and waits for the new load. */
    async reload(id: number): Promise<void> {
      const started = new Promise<void>((resolve) => {
        const timer = setTimeout(done, loadTimeoutMs);
        function done() {
          clearTimeout(timer);
          browser.tabs.onUpdated.removeListener(onUpdated);
          resolve();
        }
        function onUpdated(updated: number, info: { status?: string }) {
          if (updated === id && info.status === 'loading') done();
        }
        browser.tabs.onUpdated.addListener(onUpdated);
      });
      await browser.tabs.update(id, { url: pageUrl });
      await started;
      await waitLoaded(id);
    },
    /** Brings the signing tab to the front, for a request the user must answer. */
    async focus(): Promise<void> {
      if (tabId === undefined) return;
      const tab = await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
      if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    },
    current: () => tabId,
    /** Calls `watcher` when the signing tab is closed. Returns a function that stops watching. */
    onClosed(watcher: () => void): () => void {
      closeWatchers.add(watcher);
      return () => closeWatchers.delete(watcher);
    },
    rememberWallet: (wallet: string) => remember({ wallet }),
    rememberedWallet: async () => (await remembered())?.wallet,
    /** The bridge whose hello was accepted (kept across worker restarts, like the tab). */
    rememberBridge: (bridge: StoredSigningTab['bridge']) => remember({ bridge }),
    rememberedBridge: async () => (await remembered())?.bridge,
    /**
     * The flow ended: closes the signing tab if it still shows the page the extension opened.
     * A tab the person has since taken elsewhere on the site is theirs: it is left open and forgotten.
     */
    async release(): Promise<void> {
      const id = tabId ?? (await remembered())?.tabId;
      if (id === undefined) return;
      const tab = await browser.tabs.get(id).catch(() => undefined);
      tabId = undefined;
      await forget();
      if (onSigningPage(tab?.url)) await browser.tabs.remove(id).catch(() => undefined);
    },
    async closeTab(): Promise<void> {
      if (tabId !== undefined) await browser.tabs.remove(tabId).catch(() => undefined);
    },
    dispose(): void {
      browser.tabs.onRemoved.removeListener(onRemoved);
      closeWatchers.clear();
    },
  };
}

