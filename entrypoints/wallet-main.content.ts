/**
 * Main-world half of the signing-tab bridge. Not in the manifest: the background
 * injects it into the signing tab only (scripting.executeScript, world MAIN).
 * It must stay tiny and import nothing from storage, vault or popup code.
 */
import { createStore } from 'mipd';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageBridge, type WalletStore } from '../lib/wallet/page-bridge';

export default defineContentScript({
  matches: ['https://venice.ai/*'],
  world: 'MAIN',
  registration: 'runtime',
  main() {
    startPageBridge(window, createStore() as unknown as WalletStore);
  },
});
