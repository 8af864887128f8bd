/**
 * The document that holds the direct connection to MetaMask: Chrome's offscreen document, and
 * in Firefox the extension page the background frames (../direct-host/main.ts)
 * (lib/wallet/direct/metamask-port.ts explains why here and not in the service worker).
 * The background opens the private port DIRECT_PORT; only the background's port is served
 * (lib/wallet/direct/host-sender.ts). One host for the document's life, so a pending MetaMask request outlives the
 * background's port (a worker restart).
 */
import './node-globals';
import { browser } from 'wxt/browser';
import { createDirectHost, type DirectHost } from '../../lib/wallet/direct/host';
import { isBackgroundSender } from '../../lib/wallet/direct/host-sender';
import { serveDirectHost } from '../../lib/wallet/direct/link';
import { directWalletIds } from '../../lib/wallet/direct/metamask-ids';
import type { MetaMaskPort } from '../../lib/wallet/direct/metamask-port';
import { DIRECT_PORT } from '../../lib/wallet/direct/protocol';

let host: DirectHost | undefined;

export function listenForDirectWallet(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DIRECT_PORT || !isBackgroundSender(port.sender, browser.runtime.id, browser.runtime.getURL('/'))) return;
    host ??= createDirectHost({
      // Sandbox (test) builds look for the MetaMask test double first (wxt.config.ts).
      ids: directWalletIds(import.meta.env.FIREFOX ? 'firefox' : 'chrome', { testIds: import.meta.env.MODE === 'sandbox', override: import.meta.env.VITE_DIRECT_WALLET_IDS as string | undefined }),
      connect: (id) => browser.runtime.connect(id) as unknown as MetaMaskPort,
    });
    serveDirectHost(port as never, host);
  });
}
