/**
 * The background's mint flow: the runner over the real ports. Background only;
 * the popup reaches it through lib/messaging/mint.ts. The Venice client and the
 * wallet session follow the settings (API address, Base RPC), read at each use.
 */
import { browser } from 'wxt/browser';
import { readEligibility } from '../chain';
import { readSettings, signingOriginFor } from '../settings';
import { saveKey, vaultState } from '../vault';
import { createVeniceClient } from '../venice/client';
import { createWalletSession, type WalletSession } from '../wallet';
import type { ChainPort, ClientPort, MintDeps, VaultPort, WalletPort } from './deps';
import { createMintRunner, type MintRunner } from './runner';
import { mintStore } from './storage';

const clientPort: ClientPort = {
  getWeb3Token: async () => createVeniceClient({ baseUrl: (await readSettings()).apiBaseUrl }).getWeb3Token(),
  mintWeb3Key: async (body) => createVeniceClient({ baseUrl: (await readSettings()).apiBaseUrl }).mintWeb3Key(body),
};

const chainPort: ChainPort = {
  readEligibility: async (address) => readEligibility({ address, rpcUrl: (await readSettings()).rpcUrl }),
};

const vaultPort: VaultPort = {
  async status() {
    const state = await vaultState();
    if (state === 'unlocked') return 'unlocked';
    if (state === 'locked') return 'locked';
    // 'damaged' goes on: the save fails and the key is shown once rather than lost.
    return state === 'not-set-up' ? 'uninitialized' : 'unlocked';
  },
  async saveKey(meta, secret) {
    const { apiBaseUrl } = await readSettings();
    const { veniceId, apiKeyType, description, walletAddress, limits, limitPeriod, modelPrivacy, expiresAt, createdAt } = meta;
    const saved = await saveKey(
      { veniceId, type: apiKeyType, description, source: 'minted', walletAddress, apiBaseUrl, limits, limitPeriod, modelPrivacy, expiresAt, createdAt },
      secret,
    );
    return { id: saved.id, last6: saved.last6 };
  },
};

/**
 * One wallet session per signing origin and RPC: created at start (so the bridge's
 * message listener is there when a woken worker receives the signing tab's events)
 * and again when the settings point elsewhere.
 */
function walletPort(): WalletPort {
  let session: WalletSession | undefined;
  let sessionKey = '';
  const listeners = new Set<(address: string | undefined) => void>();
  let unwatch: (() => void) | undefined;
  const current = async (): Promise<WalletSession> => {
    const { apiBaseUrl, rpcUrl } = await readSettings();
    const signingOrigin = signingOriginFor(apiBaseUrl);
    const key = `${signingOrigin} ${rpcUrl}`;
    if (!session || key !== sessionKey) {
      unwatch?.();
      session?.close();
      session = createWalletSession({ signingOrigin, rpcUrl });
      sessionKey = key;
      unwatch = session.onAccountsChanged((address) => listeners.forEach((l) => l(address)));
    }
    return session;
  };
  void current().catch(() => undefined);
  return {
    connect: async (walletId) => {
      const { address, wallet, wallets } = await (await current()).connect(walletId);
      const info = (w: typeof wallet) => ({ id: w.uuid, name: w.name, rdns: w.rdns });
      return { address, wallet: info(wallet), wallets: wallets.slice(0, 20).map(info) };
    },
    sign: async (message, address) => (await current()).sign(message, address),
    onAccountsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Starts the flow service; a step that died with the previous worker is ended at once. */
export function startMintFlow(poller: MintDeps['poller']): MintRunner {
  const runner = createMintRunner({
    client: clientPort,
    wallet: walletPort(),
    chain: chainPort,
    vault: vaultPort,
    storage: mintStore,
    now: Date.now,
    poller,
    // Any extension API call resets the worker's idle timer while the wallet is asked.
    keepAlive: () => browser.runtime.getPlatformInfo(),
  });
  void runner.restore().catch((error: unknown) => console.warn('mint flow: restore failed', (error as Error)?.name));
  return runner;
}
