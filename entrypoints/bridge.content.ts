/**
 * Isolated-world half of the signing-tab bridge. Not in the manifest: the
 * background injects it into the signing tab only, right after wallet-main.js.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTabBridge, type TabRuntime } from '../lib/wallet/tab-bridge';

export default defineContentScript({
  matches: ['https://venice.ai/*'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main(ctx) {
    const bridge = startTabBridge({ win: window, runtime: browser.runtime as unknown as TabRuntime });
    ctx.onInvalidated(() => bridge.stop());
    bridge.started.catch(() => console.warn('Venice Key Wallet: the wallet bridge could not start in this page.'));
  },
});
