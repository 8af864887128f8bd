/**
 * The wallet session: the one thing the background (mint flow) uses to reach
 * the user's wallet. Wallets inject their provider only into web pages, so the
 * session opens (or reuses) ONE signing tab on the API's own web origin, injects
 * the bridge there, and drives the wallet from the background (./transport.ts).
 *
 *   const session = createWalletSession({ signingOrigin, rpcUrl, browser, store });
 *   const { address, wallet, wallets } = await session.connect();   // eth_requestAccounts
 *   const signature = await session.sign(token, address);            // personal_sign, verified locally
 *   const stop = session.onAccountsChanged((address) => ...);       // undefined: no account (locked)
 *   session.close();                                                  // listeners off; the tab stays
 *
 * - `signingOrigin`: https://venice.ai in production; the sandbox origin
 *   (http://127.0.0.1:PORT) in local runs (see signingOriginFor in lib/settings).
 * - `rpcUrl`: Base JSON-RPC, used only to check smart-contract wallet signatures.
 * - Every method rejects with an AppException (lib/errors): WALLET_NOT_FOUND,
 *   WALLET_REJECTED (4001), WALLET_LOCKED (4100, 4900, no account), WALLET_REQUEST_PENDING (-32002),
 *   WALLET_UNSUPPORTED_METHOD (4200), WALLET_ACCOUNT_CHANGED, SIGNING_TAB_CLOSED,
 *   SIGNATURE_LOCAL_MISMATCH, RPC_UNREACHABLE, UNKNOWN. No secret is ever put in one.
 * - `connect(wallet?)` and `selectWallet(ref)` take an EIP-6963 rdns (or a uuid of the
 *   current page); without one, the wallet chosen before (kept across worker restarts).
 *   Which wallet is used is ./choose-wallet.ts's rule: when the wallet asked for is gone
 *   and several others are announced, or it has a look-alike (same rdns or name), connect
 *   asks nothing of a wallet and answers `{ choose: wallets }` for the person to pick one.
 * - `sign` first checks that `address` is still an account of the wallet, then
 *   asks for personal_sign over the exact string, then verifies the signature.
 */
import { getAddress, isAddress, type Address, type Hex } from 'viem';
import { AppException, appError } from '../errors';
import type { WalletBrowser } from './browser-types';
import type { WalletInfo } from './bridge-protocol';
import { createBridgeLink } from './bridge-link';
import { pickWallet, walletRef } from './choose-wallet';
import type { SigningTabStore } from './signing-tab-memory';
import { createBridgeWalletClient } from './transport';
import { signChecked } from './sign-checked';
import { rethrowAsWalletError } from './wallet-errors';

export type { SigningTabStore } from './signing-tab-memory';

export interface WalletSessionOptions {
  signingOrigin: string;
  rpcUrl: string;
  browser: WalletBrowser;
  /** Where the signing tab and the chosen wallet are remembered (storage.session). */
  store: SigningTabStore;
  /** Page opened on the signing origin (default "/"). */
  signingPath?: string;
  /** fetch used for the Base RPC (tests). */
  fetchFn?: typeof fetch;
}

export interface Connection {
  address: Address;
  wallet: WalletInfo;
  wallets: WalletInfo[];
}

/** The wallet asked for is not in the page and several others are, or it has a look-alike: the person picks one. */
export interface WalletsToChoose {
  choose: WalletInfo[];
  /** Two announced wallets share an rdns or a name: one may imitate the other. */
  lookAlike?: true;
}

export interface WalletSession {
  /** Settles once a restarted worker's session knows the signing tab it had opened (never rejects). */
  restored: Promise<void>;
  connect(wallet?: string): Promise<Connection | WalletsToChoose>;
  selectWallet(ref: string): Promise<WalletInfo>;
  sign(message: string, address: string): Promise<Hex>;
  onAccountsChanged(listener: (address: Address | undefined) => void): () => void;
  /** The flow ended: closes the signing tab the extension opened (see SigningTab.release). */
  release(): Promise<void>;
  close(): void;
}

const fail = (code: Parameters<typeof appError>[0], detail?: string): never => {
  throw new AppException(appError(code, detail));
};

export function createWalletSession(options: WalletSessionOptions): WalletSession {
  const { browser, store } = options;
  const link = createBridgeLink({ browser, store, origin: options.signingOrigin, path: options.signingPath });
  const client = createBridgeWalletClient((request) => link.request(request));
  const accountListeners = new Set<(address: Address | undefined) => void>();

  link.onEvent((event) => {
    if (event.kind !== 'accountsChanged') return;
    const first = event.value[0];
    const address = first ? getAddress(first) : undefined;
    for (const listener of accountListeners) listener(address);
  });

  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      return rethrowAsWalletError(error);
    }
  };

  async function selectWallet(ref: string): Promise<WalletInfo> {
    return guard(async () => {
      const info = await link.request({ kind: 'select', wallet: ref });
      await link.tab.rememberWallet(walletRef(info));
      return info;
    });
  }

  return {
    restored: link.tab.restored,
    selectWallet,
    connect: (wanted) =>
      guard(async () => {
        const wallets = await link.request({ kind: 'discover' });
        const pick = pickWallet(wallets, wanted ?? (await link.tab.rememberedWallet()));
        if ('none' in pick) return fail('WALLET_NOT_FOUND');
        if ('ask' in pick) return pick.lookAlike ? { choose: wallets, lookAlike: true } : { choose: wallets };
        const wallet = await selectWallet(pick.use.uuid);
        const [address] = await client.requestAddresses();
        if (!address) return fail('WALLET_LOCKED');
        return { address: getAddress(address), wallet, wallets };
      }),
    sign: (message, address) =>
      guard(async () => {
        if (!isAddress(address, { strict: false })) fail('UNKNOWN', 'The address to sign with is not a wallet address.');
        const remembered = await link.tab.rememberedWallet();
        if (remembered) await link.request({ kind: 'select', wallet: remembered });
        let accounts = await client.getAddresses();
        // The page was loaded again to end a request a previous worker left waiting: the page's
        // wallet may need asking for its accounts again (at once when it remembers the site).
        if (link.takeOrphanCleared()) accounts = await client.requestAddresses();
        return signChecked(client, accounts, address, message, options);
      }),
    onAccountsChanged(listener) {
      accountListeners.add(listener);
      return () => accountListeners.delete(listener);
    },
    release: () => link.tab.release(),
    close() {
      accountListeners.clear();
      link.dispose();
    },
  };
}
