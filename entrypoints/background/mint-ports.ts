/**
 * The mint runner's ports (lib/mint/deps.ts) over the real Venice client, chain reader,
 * vault and wallet session. Each port reads the API address and the Base RPC from the
 * flow's snapshot (`flowSettings`): taken once when the flow starts, the same for every
 * step of it (token, signing origin, chain read, mint request, the saved record).
 */
import { readEligibility } from '../../lib/chain/eligibility';
import type { ChainPort, ClientPort, VaultPort, WalletPort } from '../../lib/mint/deps';
import type { BuildPolicy } from '../../lib/settings/build-policy';
import type { Settings } from '../../lib/settings/schema';
import { WALLET_ICON_MAX } from '../../lib/mint/wallet-icon';
import { signingOriginFor } from '../../lib/settings/origin';
import { mintedKeyMeta } from '../../lib/vault/minted-meta';
import type { Vault } from '../../lib/vault/vault';
import { createVeniceClient } from '../../lib/venice/client';
import type { WalletInfo } from '../../lib/wallet/bridge-protocol';
import type { WalletBrowser } from '../../lib/wallet/browser-types';
import { hasLookAlike, walletRef } from '../../lib/wallet/choose-wallet';
import { createWalletSession, type SigningTabStore, type WalletSession } from '../../lib/wallet/session';
import { relayBridgeMessages } from './bridge-relay';

type ReadSettings = () => Promise<Settings>;
/** What a mint flow reads from the settings. */
type FlowEndpoints = Pick<Settings, 'apiBaseUrl' | 'rpcUrl'>;
type ReadEndpoints = () => Promise<FlowEndpoints>;

/**
 * One snapshot of the endpoints per mint flow: `begin(flowId)` (the runner's beginFlow)
 * reads the settings once for a new flow; `read` gives that snapshot to every port.
 */
export function flowSettings(settings: ReadSettings) {
  let flowId: string | undefined;
  let snapshot: Promise<FlowEndpoints> | undefined;
  const take = (): Promise<FlowEndpoints> => {
    const taken = settings().then(({ apiBaseUrl, rpcUrl }) => ({ apiBaseUrl, rpcUrl }));
    // A failed read is not kept: the next step of the flow reads again.
    taken.catch(() => {
      if (snapshot === taken) snapshot = undefined;
    });
    return taken;
  };
  return {
    begin(id: string): void {
      if (id === flowId && snapshot) return;
      flowId = id;
      snapshot = take();
    },
    read: (): Promise<FlowEndpoints> => (snapshot ??= take()),
  };
}

/** The token and mint requests, to the flow's API only if this build allows its host (HOST_NOT_ALLOWED otherwise, unsent). */
export function clientPort(settings: ReadEndpoints, build: BuildPolicy): ClientPort {
  return {
    getWeb3Token: async () => createVeniceClient({ baseUrl: (await settings()).apiBaseUrl, build }).getWeb3Token(),
    mintWeb3Key: async (body) => createVeniceClient({ baseUrl: (await settings()).apiBaseUrl, build }).mintWeb3Key(body),
  };
}

export function chainPort(settings: ReadEndpoints): ChainPort {
  return { readEligibility: async (address) => readEligibility({ address, rpcUrl: (await settings()).rpcUrl }) };
}

export function vaultPort(vault: Vault, settings: ReadEndpoints): VaultPort {
  return {
    async status() {
      const { state } = await vault.status();
      if (state === 'unlocked') return 'unlocked';
      if (state === 'locked') return 'locked';
      // 'damaged' goes on: the save fails and the key is shown once rather than lost.
      return state === 'not-set-up' ? 'uninitialized' : 'unlocked';
    },
    async saveKey(meta, secret) {
      const { apiBaseUrl } = await settings();
      const saved = await vault.saveKey(mintedKeyMeta({ ...meta, apiBaseUrl }), secret);
      return { id: saved.id, last6: saved.last6 };
    },
  };
}

/**
 * One wallet session per signing origin and RPC: created at start and again when the
 * flow's endpoints point elsewhere. The bridge's message listener is added at once, before
 * the settings are read (./bridge-relay.ts), so a woken worker hears the signing tab.
 */
export function walletPort(settings: ReadEndpoints, browser: WalletBrowser, store: SigningTabStore): WalletPort {
  let session: WalletSession | undefined;
  let sessionKey = '';
  const listeners = new Set<(address: string | undefined) => void>();
  let unwatch: (() => void) | undefined;
  const current = async (): Promise<WalletSession> => {
    const { apiBaseUrl, rpcUrl } = await settings();
    const signingOrigin = signingOriginFor(apiBaseUrl);
    const key = `${signingOrigin} ${rpcUrl}`;
    if (!session || key !== sessionKey) {
      unwatch?.();
      session?.close();
      session = createWalletSession({ signingOrigin, rpcUrl, browser: relayed, store });
      sessionKey = key;
      unwatch = session.onAccountsChanged((address) => listeners.forEach((l) => l(address)));
    }
    return session;
  };
  // A held message is handed over once the session has read back its signing tab, so its sender can be recognised.
  const relayed = relayBridgeMessages(browser, async () => (await current()).restored);
  void current().catch(() => undefined);
  return {
    connect: async (walletId) => {
      // A wallet is known to the flow by its rdns: its uuid changes with every page load.
      // A wallet with a look-alike (same rdns or name) is known by its uuid in this page instead, so the
      // person can tell the two apart and pick one; no entry is merged away.
      // Its icon is kept when small enough to store with the flow (the popup shows it beside the name and rdns).
      const icon = (w: WalletInfo) => (w.icon.length <= WALLET_ICON_MAX ? { icon: w.icon } : {});
      const info = (w: WalletInfo, ws: WalletInfo[]) =>
        hasLookAlike(ws, w)
          ? { id: w.uuid, name: w.name, rdns: w.rdns, lookAlike: true, ...icon(w) }
          : { id: walletRef(w), name: w.name, rdns: w.rdns, ...icon(w) };
      const list = (ws: WalletInfo[]) =>
        ws
          .filter((w, i) => hasLookAlike(ws, w) || ws.findIndex((o) => walletRef(o) === walletRef(w)) === i)
          .slice(0, 20)
          .map((w) => info(w, ws));
      const connection = await (await current()).connect(walletId);
      if ('choose' in connection) return connection.lookAlike ? { choose: list(connection.choose), lookAlike: true } : { choose: list(connection.choose) };
      const { wallet } = connection;
      return { address: connection.address, wallet: { id: walletRef(wallet), name: wallet.name, rdns: wallet.rdns, ...icon(wallet) }, wallets: list(connection.wallets) };
    },
    sign: async (message, address) => (await current()).sign(message, address),
    release: async () => session?.release(),
    onAccountsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
