/**
 * The direct MetaMask path beside the signing tab, as one mint WalletPort. The connection
 * lives in a document (lib/wallet/direct/metamask-port.ts says why), reached over a private
 * port: Chrome's offscreen document; in Firefox, which has none, an extension page framed in
 * the background event page (entrypoints/direct-host). Without either, the tab port alone.
 *
 * - connect(): MetaMask found directly → it is used (no tab), listed first, then one entry
 *   for "another wallet" (TAB_WALLETS_REF); that entry, or a wallet asked for by its rdns →
 *   the tab path, with the direct MetaMask listed first among the tab's wallets.
 * - sign(…, walletId): the path the flow connected with (the flow keeps the wallet id, so a
 *   restarted worker still signs through the same path).
 * - resume(address, walletId): after a worker restart mid-signature on the direct path, the
 *   request the offscreen host still holds (lib/wallet/direct/host.ts `adopt`), once answered.
 */
import type { WxtBrowser } from 'wxt/browser';
import { appError, AppException } from '../../lib/errors';
import type { ConnectedWallet, WalletPort, WalletsToChoose } from '../../lib/mint/deps';
import type { WalletChoice } from '../../lib/mint/state';
import { createDirectWallet, METAMASK_RDNS, type DirectWallet } from '../../lib/wallet/direct/direct-wallet';
import { directLinkOverPort, type DirectLink, type LinkPort } from '../../lib/wallet/direct/link';
import { DIRECT_PORT } from '../../lib/wallet/direct/protocol';
import { DIRECT_WALLET_REF, TAB_WALLETS_REF } from '../../lib/mint/direct-wallet-ref';

const OFFSCREEN_PAGE = 'offscreen.html';

/** The link to the offscreen document's host, opening the document first when it is not open. */
export function offscreenDirectLink(browser: WxtBrowser): DirectLink | undefined {
  const { offscreen } = browser;
  if (!offscreen) return undefined;
  return directLinkOverPort(async () => {
    // Rejects when the document is open already (the clipboard's, or ours): that one serves.
    await offscreen
      .createDocument({
        url: OFFSCREEN_PAGE,
        reasons: ['WORKERS' as never, 'CLIPBOARD' as never],
        justification: 'Connect to the MetaMask extension to sign; clear a copied key.',
      })
      .catch(() => undefined);
    return browser.runtime.connect({ name: DIRECT_PORT }) as unknown as LinkPort;
  });
}

/**
 * Firefox: the link to the host in an extension page framed in the event page's own document
 * (framed once, on first use; it goes with the event page). Undefined where there is no document.
 */
export function framedDirectLink(browser: WxtBrowser, doc: Document | undefined = globalThis.document): DirectLink | undefined {
  if (!doc?.body) return undefined;
  let framed: Promise<void> | undefined;
  const frame = () =>
    new Promise<void>((resolve, reject) => {
      const iframe = doc.createElement('iframe');
      iframe.addEventListener('load', () => resolve(), { once: true });
      iframe.addEventListener('error', () => reject(new Error('direct host page failed to load')), { once: true });
      iframe.src = browser.runtime.getURL('/direct-host.html');
      doc.body.append(iframe);
    });
  return directLinkOverPort(async () => {
    framed ??= frame().catch((error: unknown) => {
      framed = undefined;
      throw error;
    });
    await framed;
    return browser.runtime.connect({ name: DIRECT_PORT }) as unknown as LinkPort;
  });
}

const choiceOf = (name: string): WalletChoice => ({ id: DIRECT_WALLET_REF, name, rdns: METAMASK_RDNS });

export function withDirectWallet(tab: WalletPort, link: DirectLink | undefined, rpcUrl: () => Promise<string>): WalletPort {
  if (!link) return tab;
  const direct = async (): Promise<DirectWallet> => createDirectWallet({ link, rpcUrl: await rpcUrl() });
  const found = () => link.find().catch(() => undefined);
  return {
    async connect(walletId): Promise<ConnectedWallet | WalletsToChoose> {
      if (walletId === undefined || walletId === DIRECT_WALLET_REF) {
        const wallet = await found();
        if (wallet) {
          const { address } = await (await direct()).connect();
          const choice = choiceOf(wallet.name);
          // The page wallets are found only in the tab: one entry opens it (the popup names it).
          return { address, wallet: choice, wallets: [choice, { id: TAB_WALLETS_REF, name: 'tab' }] };
        }
        if (walletId === DIRECT_WALLET_REF) throw new AppException(appError('WALLET_NOT_FOUND'));
      }
      const viaTab = await tab.connect(walletId === TAB_WALLETS_REF ? undefined : walletId);
      const wallet = await found();
      if (!wallet) return viaTab;
      if ('choose' in viaTab) return { choose: [choiceOf(wallet.name), ...viaTab.choose] };
      return { ...viaTab, wallets: [choiceOf(wallet.name), ...viaTab.wallets].slice(0, 20) };
    },
    sign: async (message, address, walletId) =>
      walletId === DIRECT_WALLET_REF ? (await direct()).sign(message, address) : tab.sign(message, address, walletId),
    // Only the direct path's host outlives the worker with a request in it; the tab path clears its orphan at the next Mint.
    resume: async (address, walletId) => (walletId === DIRECT_WALLET_REF ? (await direct()).resume(address) : undefined),
    // The flow ended: the signing tab, if the tab path opened one, closes (the direct path has none).
    release: async () => tab.release?.(),
    onAccountsChanged(listener) {
      const stopTab = tab.onAccountsChanged(listener);
      const stopDirect = link.onAccountsChanged((accounts) => listener(accounts[0]));
      return () => {
        stopTab();
        stopDirect();
      };
    },
  };
}
