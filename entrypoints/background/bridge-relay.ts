/**
 * The wallet bridge's runtime.onMessage, added at the worker's start. A wallet session
 * (lib/wallet/session.ts) is created only once the settings are read, yet a message from
 * the signing tab may be what woke the worker. So this one listener is added synchronously:
 * it hands every message to the sessions' listeners, and holds a bridge message that comes
 * before any session until one exists. The sessions get a WalletBrowser whose
 * runtime.onMessage is this relay.
 */
import { bridgeBackgroundContracts } from '../../lib/wallet/bridge-contracts';
import type { WalletBrowser } from '../../lib/wallet/browser-types';

type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;

const isBridgeMessage = (message: unknown): boolean => {
  const name = typeof message === 'object' && message !== null ? (message as { name?: unknown }).name : undefined;
  return typeof name === 'string' && Object.hasOwn(bridgeBackgroundContracts, name);
};

/** Adds the relay to `browser.runtime.onMessage` now; `sessionReady` resolves once a session listens. */
export function relayBridgeMessages(browser: WalletBrowser, sessionReady: () => Promise<unknown>): WalletBrowser {
  const listeners = new Set<Listener>();
  const deliver: Listener = (message, sender, sendResponse) => {
    let kept = false;
    for (const listener of [...listeners]) if (listener(message, sender, sendResponse) === true) kept = true;
    return kept;
  };
  const relay: Listener = (message, sender, sendResponse) => {
    if (listeners.size > 0) return deliver(message, sender, sendResponse);
    if (!isBridgeMessage(message)) return false;
    // This message woke the worker: it is answered once the session (and its bridge) is up.
    // Always answered: with the session's reply, or with nothing when no session took it.
    void sessionReady().then(
      () => {
        if (!deliver(message, sender, sendResponse)) sendResponse(undefined);
      },
      () => sendResponse(undefined),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(relay as never);
  const onMessage = {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
  };
  return {
    runtime: { id: browser.runtime.id, onMessage } as unknown as WalletBrowser['runtime'],
    tabs: browser.tabs,
    scripting: browser.scripting,
    windows: browser.windows,
    permissions: browser.permissions,
  };
}
