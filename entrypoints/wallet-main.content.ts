/**
 * Main-world half of the signing-tab bridge. Not in the manifest: the background
 * injects it into the signing tab only (scripting.executeScript, world MAIN), then
 * calls its one-shot starter with the channel's secret (executeScript `func` + `args`).
 * It must stay tiny and import nothing from storage, vault or popup code.
 */
import { createStore } from 'mipd';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { exposePageBridgeStarter, startPageBridge, type WalletStore } from '../lib/wallet/page-bridge';

export default defineContentScript({
  matches: ['https://venice.ai/*'],
  world: 'MAIN',
  registration: 'runtime',
  main(): boolean {
    const store = createStore() as unknown as WalletStore;
    // Returned to the background as the injection's result: false when the page took the starter's name first.
    return exposePageBridgeStarter(window, (secret) => void startPageBridge(window, store, secret));
  },
});
