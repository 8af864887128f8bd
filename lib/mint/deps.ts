/**
 * What the mint runner needs from the rest of the extension, as small ports. The
 * background adapts the real Venice client, wallet session, chain reader, vault
 * and poller to them (./service.ts); tests pass fakes.
 */
import type { ChainEligibility } from '../chain/eligibility';
import type { MintedKeyInfo } from '../vault/minted-meta';
import type { MintKeyBody } from '../venice/schemas/web3';
import type { VaultReadiness } from './events';
import type { MintStore, WalletChoice } from './state';

export interface MintedKey {
  /** The secret: shown once, saved through the vault, never put in the flow state. */
  apiKey: string;
  id: string;
  apiKeyType: 'INFERENCE' | 'ADMIN';
  description?: string;
  expiresAt: string | null;
}

export interface ClientPort {
  /** GET /api_keys/generate_web3_key → the JWT. */
  getWeb3Token(): Promise<string>;
  /** POST /api_keys/generate_web3_key. Not idempotent: the runner sends it once per signature. */
  mintWeb3Key(body: MintKeyBody): Promise<MintedKey>;
}

export interface ConnectedWallet {
  address: string;
  wallet: WalletChoice;
  wallets: WalletChoice[];
}

/** The wallet asked for is gone and several others are announced, or it has a look-alike: the person picks one. */
export interface WalletsToChoose {
  choose: WalletChoice[];
  /** Two announced wallets share an rdns or a name (one may imitate the other). */
  lookAlike?: true;
}

export interface WalletPort {
  /**
   * Connects (opening or reusing the signing tab); with `walletId` (a wallet's rdns), that
   * wallet, or the only one announced. Asks no wallet when it must be chosen among several.
   */
  connect(walletId?: string): Promise<ConnectedWallet | WalletsToChoose>;
  /**
   * personal_sign of `message` by `address`, verified locally before it resolves; `walletId`
   * is the wallet the flow connected (so the same path signs: the direct MetaMask or the tab).
   */
  sign(message: string, address: string, walletId?: string): Promise<string>;
  /**
   * After a worker restart mid-signature: the request the old worker sent that the wallet still
   * holds, once the wallet answered it (its message, the token, and its signature, checked as
   * `sign` checks), or undefined when nothing can be resumed (the flow then fails as interrupted).
   */
  resume?(address: string, walletId?: string): Promise<{ message: string; signature: string } | undefined>;
  /** `address` is undefined when the wallet has no account to show (locked, disconnected). */
  onAccountsChanged(listener: (address: string | undefined) => void): () => void;
  /** The flow ended with a key: the signing tab the extension opened is closed. */
  release?(): Promise<void>;
}

export interface ChainPort {
  readEligibility(address: string): Promise<ChainEligibility>;
}

/** What the flow records with a minted key in the vault (the vault's own description of it; the API address is the background's to add). */
export type SaveMeta = Omit<MintedKeyInfo, 'apiBaseUrl'>;

export interface VaultPort {
  status(): Promise<VaultReadiness>;
  /** Encrypts and stores the key; throws VAULT_STORAGE_FAILED, VAULT_LOCKED… as AppError data. */
  saveKey(meta: SaveMeta, secret: string): Promise<{ id: string; last6: string }>;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface MintDeps {
  client: ClientPort;
  wallet: WalletPort;
  chain: ChainPort;
  vault: VaultPort;
  storage: MintStore;
  now: () => number;
  poller: { pollNow(): Promise<unknown> | void };
  /** A new flow id. */
  newId?: () => string;
  timers?: Timers;
  /** Wait limits in ms: the wallet (connect, sign), the chain read. */
  limits?: { walletMs?: number; chainMs?: number };
  /** Called every 20 s while a step is in progress, to keep a service worker awake. */
  keepAlive?: () => unknown;
  /**
   * Called before the first step of each flow (a new flow id, or the first flow seen after a
   * restart): the ports read the settings they need then, and use them for every later step
   * of that flow, so a change in the options mid-flow applies to the next flow.
   */
  beginFlow?: (flowId: string) => void;
}

export const DEFAULT_WALLET_MS = 5 * 60_000;
export const DEFAULT_CHAIN_MS = 20_000;
export const KEEP_ALIVE_MS = 20_000;
