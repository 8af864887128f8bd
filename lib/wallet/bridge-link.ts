/**
 * The background's end of the signing-tab bridge. It keeps the bridge up (ping,
 * else inject and wait for hello), sends wallet requests with tabs.sendMessage,
 * re-checks every answer, and hears the bridge's hello and wallet events. It
 * accepts messages only from its own content script in its own signing tab.
 *
 * Bringing the bridge up (ping, injection, hello, an orphaned request) and which bridge is
 * the accepted one live in ./bridge-up.ts. Requests are addressed to the accepted bridge's id
 * and, where the browser supports it, to its document only (tabs.sendMessage `documentId`);
 * and the tab's address is checked again right before each request.
 */
import { AppException, appError, toAppError } from '../errors';
import { bridgeBackgroundContracts, bridgeTabContracts } from './bridge-contracts';
import { call, type Send } from '../messaging/call';
import { createDispatcher, type Sender } from '../messaging/handle';
import type { RequestEnvelope } from '../messaging/protocol';
import type { WalletBrowser } from './browser-types';
import { resultSchemaFor, type WalletEvent, type WalletInfo, type WalletRequest } from './bridge-protocol';
import { createBridgeUp, type Bridge } from './bridge-up';
import { createSigningTab, type SigningTabOptions } from './signing-tab';
import { WalletRpcError } from './wallet-errors';

type Hex = `0x${string}`;
/** What each request resolves to, once checked. */
export interface WalletResults {
  discover: WalletInfo[];
  select: WalletInfo;
  eth_requestAccounts: Hex[];
  eth_accounts: Hex[];
  eth_chainId: Hex;
  personal_sign: Hex;
}

export interface BridgeLinkOptions extends SigningTabOptions {
  /** How long the injected bridge has to say hello. */
  helloTimeoutMs?: number;
  /** Limit for requests that need no user action (discover, select, eth_accounts, eth_chainId). */
  quickTimeoutMs?: number;
  /**
   * Limit for bringing the bridge up in a loaded signing tab (ping, injection, hello): none of it
   * waits on a person, so none of it may wait for long. Without it a ping or an injection the
   * browser never answers kept the flow in `connecting` until the 5-minute wallet limit.
   */
  setupTimeoutMs?: number;
  /** How long bringing the signing tab to the front may take before the request is sent anyway. */
  focusTimeoutMs?: number;
}

/** True only for the extension's own content script, in the top frame of the signing tab, on the signing origin. */
export function isSigningTabSender(sender: Sender, expected: { runtimeId: string; tabId: number | undefined; origin: string }): boolean {
  if (expected.tabId === undefined || sender.id !== expected.runtimeId) return false;
  if (sender.tab?.id !== expected.tabId || sender.frameId !== 0 || !sender.url) return false;
  try {
    return new URL(sender.url).origin === expected.origin;
  } catch {
    return false;
  }
}

/** Waits for `work` (its outcome ignored), but never longer than `ms`. */
function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });
}

const INTERACTIVE = new Set<WalletRequest['kind']>(['eth_requestAccounts', 'personal_sign']);

export function createBridgeLink(options: BridgeLinkOptions) {
  const { browser, origin, helloTimeoutMs = 10_000, quickTimeoutMs = 15_000, setupTimeoutMs = 20_000, focusTimeoutMs = 3_000 } = options;
  const tab = createSigningTab(options);
  /** Requests this worker sent that the page has not answered yet. */
  let inFlight = 0;
  const lossWaiters = new Set<(error: AppException) => void>();
  const eventListeners = new Set<(event: WalletEvent) => void>();

  tab.onClosed(() => {
    bridges.lost();
    for (const lose of [...lossWaiters]) lose(new AppException(appError('SIGNING_TAB_CLOSED')));
  });

  const dispatch = createDispatcher(
    bridgeBackgroundContracts,
    {
      // Heard only while an injection waits for it; bridgeUp then checks it came from the injected document.
      'bridge.hello': async (input, sender) => {
        bridges.heard({ id: input.bridgeId, documentId: sender.documentId });
        return null;
      },
      'bridge.event': async ({ bridgeId: from, event }, sender) => {
        // A keepalive needs no handling: receiving it is what keeps the worker awake.
        if (bridges.isFrom(from, sender) && event.kind !== 'keepalive') for (const listener of eventListeners) listener(event);
        return null;
      },
    },
    {
      authorize: (audience, sender) =>
        audience === 'signing-tab' && isSigningTabSender(sender, { runtimeId: browser.runtime.id, tabId: tab.current(), origin }),
      toWireError: (error) => {
        const { code, message, action } = toAppError(error);
        return { code, message, action };
      },
    },
  );
  const onMessage = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    const reply = dispatch(message, sender);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage as Parameters<WalletBrowser['runtime']['onMessage']['addListener']>[0]);

  /**
   * Sends to the accepted bridge's document (documentId, where the browser has one), else to the
   * tab's top frame; a failed delivery means the page (and its bridge) went away.
   */
  const sendTo =
    (tabId: number, bridge: Bridge): Send =>
    (envelope: RequestEnvelope) =>
      browser.tabs
        .sendMessage(tabId, envelope, bridge.documentId === undefined ? { frameId: 0 } : { documentId: bridge.documentId })
        .catch((error: unknown) => {
          if (bridges.current() === bridge) bridges.forget();
          throw new AppException(appError('SIGNING_TAB_CLOSED', 'The signing page was closed or reloaded.'), { cause: error });
        });

  /** Settles with the first of: the work, the tab closing, the time limit. */
  function guarded<T>(work: Promise<T>, timeoutMs: number | undefined, onTimeout: () => AppException): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const lose = (error: AppException) => finish(() => reject(error));
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => lose(onTimeout()), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        lossWaiters.delete(lose);
        settle();
      };
      lossWaiters.add(lose);
      work.then(
        (value) => finish(() => resolve(value)),
        (error: unknown) => finish(() => reject(error)),
      );
    });
  }

  /**
   * Opens or reuses the signing tab (its load has its own limit) and makes sure a live bridge runs
   * in it, within setupTimeoutMs: a page or browser that never answers ends in SIGNING_TAB_CLOSED.
   */
  async function ready(): Promise<{ tabId: number; bridge: Bridge }> {
    const tabId = await tab.open();
    return guarded(bridges.up(tabId), setupTimeoutMs, () =>
      new AppException(appError('SIGNING_TAB_CLOSED', 'The signing page did not answer in time. Try again.')),
    );
  }

  const bridges = createBridgeUp({ tab, helloTimeoutMs, sendTo, guarded, inFlight: () => inFlight });

  return {
    ready,
    /** Sends one wallet request to the page and checks its answer; wallet errors are thrown as WalletRpcError. */
    async request<R extends WalletRequest>(request: R): Promise<WalletResults[R['kind']]> {
      const { tabId, bridge } = await ready();
      const interactive = INTERACTIVE.has(request.kind);
      if (interactive) await settledWithin(tab.focus(), focusTimeoutMs);
      // Right before sending: the tab must still show the signing origin (not be leaving it).
      if (!(await tab.onSigningOrigin(tabId))) {
        bridges.forget();
        throw new AppException(appError('SIGNING_TAB_CLOSED', 'The signing tab left the signing page. Try again.'));
      }
      let answer;
      inFlight += 1;
      try {
        answer = await guarded(
          call(sendTo(tabId, bridge), bridgeTabContracts, 'bridge.request', { bridgeId: bridge.id, request }),
          interactive ? undefined : quickTimeoutMs,
          () => new AppException(appError('WALLET_LOCKED', 'The wallet did not answer. Open or unlock it, then try again.')),
        );
      } catch (error) {
        if (error instanceof AppException) throw error;
        // The bridge answered with an error envelope, or with a reply that does not fit the contract.
        throw new AppException(appError('UNKNOWN', 'The wallet bridge refused the request.'), { cause: error });
      } finally {
        inFlight -= 1;
      }
      const { outcome } = answer;
      if (!outcome.ok) throw new WalletRpcError(outcome.error.code, outcome.error.message);
      const checked = resultSchemaFor(request).safeParse(outcome.value);
      if (!checked.success) throw new AppException(appError('UNKNOWN', 'The wallet answered in an unexpected form.'));
      return checked.data as WalletResults[R['kind']];
    },
    /** True once, after ready() reloaded the page to end a request a previous worker had left waiting. */
    takeOrphanCleared: () => bridges.takeOrphanCleared(),
    onEvent(listener: (event: WalletEvent) => void): () => void {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    tab,
    dispose(): void {
      browser.runtime.onMessage.removeListener(onMessage as Parameters<WalletBrowser['runtime']['onMessage']['removeListener']>[0]);
      tab.dispose();
      eventListeners.clear();
    },
  };
}

