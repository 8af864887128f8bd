/**
 * Isolated-world half of the signing-tab bridge. Not in the manifest: the background
 * injects it into the signing tab only, right after wallet-main.js, then starts it with
 * the channel's secret (executeScript `func` + `args`; this world is not the page's).
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { TAB_BRIDGE_STARTER } from '../lib/wallet/bridge-protocol';
import { startTabBridge, type TabRuntime } from '../lib/wallet/tab-bridge';

export default defineContentScript({
  matches: ['https://venice.ai/*'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main(ctx) {
    let startedOnce = false;
    (globalThis as Record<string, unknown>)[TAB_BRIDGE_STARTER] = (secret: string): boolean => {
      if (startedOnce) return false;
      startedOnce = true;
      const bridge = startTabBridge({ win: window, runtime: browser.runtime as unknown as TabRuntime, secret });
      ctx.onInvalidated(() => bridge.stop());
      bridge.started.catch(() => console.warn('Venice Key Wallet: the wallet bridge could not start in this page.'));
      return true;
    };
  },
});
