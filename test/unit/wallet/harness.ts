// A browser for the wallet session tests: WXT's fakeBrowser for tabs and storage, plus
// message passing and script injection that run the REAL page and tab bridges in fake
// windows, so the whole path background -> content script -> page -> wallet is exercised.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WalletBrowser } from '../../../lib/wallet/browser-types';
import { TAB_BRIDGE_STARTER, randomId } from '../../../lib/wallet/bridge-protocol';
import { exposePageBridgeStarter, startPageBridge } from '../../../lib/wallet/page-bridge';
import { startTabBridge, type TabRuntime } from '../../../lib/wallet/tab-bridge';
import { FakeWindow, fakeStore, type FakeWallet } from './fakes';

export const RUNTIME_ID = 'venice-key-wallet-test';
type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined | void;
export interface TabSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

/** Calls the listeners the way Chrome does: the first that returns true answers through sendResponse. */
function deliver(listeners: Set<Listener>, message: unknown, sender: unknown): Promise<unknown> {
  if (listeners.size === 0) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
  for (const listener of [...listeners]) {
    let answered: unknown;
    let settled = false;
    let resolve: (value: unknown) => void = () => undefined;
    const reply = new Promise((done) => (resolve = done));
    const kept = listener(message, sender, (value) => {
      settled = true;
      answered = value;
      resolve(value);
    });
    if (kept === true) return reply;
    if (settled) return Promise.resolve(answered);
  }
  return Promise.resolve(undefined);
}

interface Page {
  win: FakeWindow;
  /** The isolated world's globals (the tab bridge's starter lives there). */
  isolated: Record<string, unknown>;
  /** Chromium's documentId of this page load. */
  documentId: string;
  listeners: Set<Listener>;
  stops: (() => void)[];
  /** Rejects the messages still waiting for an answer, as a page unload does. */
  inFlight: Set<(error: Error) => void>;
  dead: boolean;
}

export interface HarnessOptions {
  /**
   * As Firefox does: a tab just created reads as complete, with no address, while it still holds
   * its first about:blank, and a script injected then fails.
   */
  blankFirst?: boolean;
  /** As Firefox without documentId: no documentId in injection results, senders or message options. */
  noDocumentIds?: boolean;
}

export function createHarness(wallets: FakeWallet[], { blankFirst = false, noDocumentIds = false }: HarnessOptions = {}) {
  fakeBrowser.reset();
  const background = new Set<Listener>();
  const pages = new Map<number, Page>();
  const injections: { tabId: number; world: string; file: string; documentIds?: string[]; args?: unknown[] }[] = [];
  const loaded = new Set<number>();
  // fakeBrowser.tabs.remove mixes up tab and window ids, so closed tabs are tracked here.
  const closed = new Set<number>();
  const removeTab = async (tabId: number) => {
    closed.add(tabId);
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { isWindowClosing: false, windowId: 0 });
  };

  const pageOf = (tabId: number, url: string): Page => {
    let page = pages.get(tabId);
    if (!page) {
      page = {
        win: new FakeWindow(new URL(url).origin),
        isolated: {},
        documentId: randomId(),
        listeners: new Set(),
        stops: [],
        inFlight: new Set(),
        dead: false,
      };
      pages.set(tabId, page);
    }
    return page;
  };

  const senderOf = async (tabId: number): Promise<TabSender> => {
    const tab = await fakeBrowser.tabs.get(tabId);
    const documentId = noDocumentIds ? undefined : pages.get(tabId)?.documentId;
    return { id: RUNTIME_ID, url: tab?.url, tab: { id: tabId }, frameId: 0, ...(documentId ? { documentId } : {}) };
  };

  const browser = {
    ...fakeBrowser,
    runtime: {
      ...fakeBrowser.runtime,
      id: RUNTIME_ID,
      onMessage: {
        addListener: (listener: Listener) => void background.add(listener),
        removeListener: (listener: Listener) => void background.delete(listener),
        hasListener: (listener: Listener) => background.has(listener),
      },
    },
    tabs: {
      ...fakeBrowser.tabs,
      async create(properties: { url?: string; active?: boolean }) {
        const tab = await fakeBrowser.tabs.create(properties);
        setTimeout(() => {
          loaded.add(tab.id!);
          void fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, tab);
        }, 5);
        return tab;
      },
      async get(tabId: number) {
        const tab = closed.has(tabId) ? undefined : await fakeBrowser.tabs.get(tabId);
        if (!tab) throw new Error(`No tab with id: ${tabId}.`);
        if (blankFirst && !loaded.has(tabId)) return { ...tab, url: undefined, status: 'complete' };
        return { ...tab, status: loaded.has(tabId) ? 'complete' : 'loading' };
      },
      /** A new address: the page is replaced (a new document), then loads. */
      async update(tabId: number, properties: { url?: string; active?: boolean }) {
        const tab = await fakeBrowser.tabs.update(tabId, properties);
        if (properties.url !== undefined) {
          pagesApi.reload(tabId);
          loaded.delete(tabId);
          setTimeout(() => {
            void fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, tab);
            setTimeout(() => {
              loaded.add(tabId);
              void fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'complete' }, tab);
            }, 5);
          }, 1);
        }
        return tab;
      },
      remove: async (tabId: number) => {
        pagesApi.reload(tabId);
        await removeTab(tabId);
      },
      async sendMessage(tabId: number, message: unknown, options?: { frameId?: number; documentId?: string }) {
        const page = pages.get(tabId);
        if (options?.documentId !== undefined) {
          if (noDocumentIds) throw new Error('documentId is not supported here');
          // Chromium delivers to that document only: another page load of the tab receives nothing.
          if (page?.documentId !== options.documentId) return deliver(new Set(), message, {});
        } else if (options?.frameId !== 0) {
          throw new Error('the bridge must be addressed to the top frame');
        }
        if (!page) return deliver(new Set(), message, {});
        return new Promise((resolve, reject) => {
          page.inFlight.add(reject);
          deliver(page.listeners, message, { id: RUNTIME_ID }).then(resolve, reject).finally(() => page.inFlight.delete(reject));
        });
      },
    },
    scripting: {
      async executeScript(injection: {
        target: { tabId: number; documentIds?: string[] };
        world?: string;
        files?: string[];
        func?: (...args: never[]) => unknown;
        args?: unknown[];
      }) {
        const { tabId, documentIds } = injection.target;
        const tab = await fakeBrowser.tabs.get(tabId);
        if (!tab?.url) throw new Error('Cannot access contents of the page.');
        if (blankFirst && !loaded.has(tabId)) throw new Error('Missing host permission for the tab');
        const page = pageOf(tabId, tab.url);
        if (documentIds && (noDocumentIds || !documentIds.includes(page.documentId))) throw new Error('No document with that id in the tab.');
        const world = injection.world ?? 'ISOLATED';
        const file = injection.files?.[0] ?? 'func';
        injections.push({ tabId, world, file, documentIds, args: injection.args });
        const result = (value: unknown) => [{ frameId: 0, result: value, ...(noDocumentIds ? {} : { documentId: page.documentId }) }];
        if (injection.func) {
          // The starters are looked up in the world the function runs in, as the real `func` does through globalThis.
          const [name, secret] = injection.args as [string, string];
          const globals = (world === 'MAIN' ? page.win : page.isolated) as unknown as Record<string, unknown>;
          const starter = globals[name];
          return result(typeof starter === 'function' && (starter as (secret: string) => unknown)(secret) === true);
        }
        if (world === 'MAIN') {
          const store = fakeStore(wallets);
          const win = page.win.asWindow();
          return result(exposePageBridgeStarter(win, (secret) => void page.stops.push(startPageBridge(win, store, secret))));
        } else {
          const runtime: TabRuntime = {
            id: RUNTIME_ID,
            sendMessage: async (message) => {
              if (page.dead) throw new Error('Extension context invalidated.');
              return deliver(background, message, await senderOf(tabId));
            },
            onMessage: {
              addListener: (listener) => void page.listeners.add(listener as Listener),
              removeListener: (listener) => void page.listeners.delete(listener as Listener),
            },
          };
          page.isolated[TAB_BRIDGE_STARTER] = (secret: string) => {
            const bridge = startTabBridge({ win: page.win.asWindow(), runtime, secret, keepaliveMs: 50 });
            page.stops.push(() => bridge.stop());
            return true;
          };
        }
        return result(undefined);
      },
    },
  } as unknown as WalletBrowser;

  const pagesApi = {
    /** The page navigates: its scripts, listeners and ports are gone. */
    reload(tabId: number) {
      const page = pages.get(tabId);
      if (!page) return;
      page.dead = true;
      for (const wallet of wallets) wallet.pageClosed();
      for (const reject of page.inFlight) reject(new Error('The message port closed before a response was received.'));
      page.listeners.clear();
      for (const stop of page.stops) stop(); // stands in for the page's timers and ports dying with it
      for (const port of page.win.opened) port.close();
      pages.delete(tabId);
    },
  };

  return {
    browser,
    injections,
    pages,
    /** Sends a message to the background as if from `sender` (to forge one). */
    toBackground: (message: unknown, sender: TabSender) => deliver(background, message, sender),
    backgroundListeners: () => background.size,
    reload: pagesApi.reload,
    async closeTab(tabId: number) {
      pagesApi.reload(tabId);
      await removeTab(tabId);
    },
    /** The open tabs on `origin`. */
    async tabsOn(origin: string) {
      const tabs = await fakeBrowser.tabs.query({});
      return tabs.filter((tab) => !closed.has(tab.id!) && tab.url?.startsWith(origin));
    },
    cleanup() {
      for (const tabId of [...pages.keys()]) pagesApi.reload(tabId);
    },
  };
}
