/** Everything that can happen to the mint flow: a person's click or the outcome of a step. */
import type { AppError } from '../errors';
import type { MintOptions } from './options';
import type { Eligibility, KeySummary, WalletChoice } from './state';

export type VaultReadiness = 'unlocked' | 'locked' | 'uninitialized';

export type MintEvent =
  /** Connect (or reconnect) a wallet; `vault` is the vault's status at the click. */
  | { type: 'START'; flowId: string; vault: VaultReadiness; options?: MintOptions }
  | { type: 'UNLOCKED' }
  | { type: 'SELECT_WALLET'; walletId: string }
  | {
      type: 'CONNECTED';
      address: string;
      wallet: string;
      wallets: WalletChoice[];
      eligibility: Eligibility;
      tokenExpiresAt?: number;
    }
  /** The wallet asked for is gone and several others are in the page: the person picks one. */
  | { type: 'CHOOSE_WALLET'; wallets: WalletChoice[]; lookAlike?: boolean }
  | { type: 'TOKEN_REFRESHED'; expiresAt: number }
  /** The Mint click. */
  | { type: 'CONFIRM'; options: MintOptions; vault: VaultReadiness }
  | { type: 'SIGNED' }
  | { type: 'MINT_FAILED'; error: AppError }
  | { type: 'SAVED'; key: KeySummary }
  | { type: 'SAVE_FAILED'; key: KeySummary; error: AppError }
  | { type: 'FAILED'; error: AppError }
  | { type: 'ACCOUNT_CHANGED'; address?: string }
  | { type: 'CANCEL' }
  | { type: 'RETRY' }
  /** The vault was locked after the unsaved key was shown: its secret is no longer kept. */
  | { type: 'UNSTORED_DROPPED' }
  /** The background started again: every in-memory promise (and secret) is gone. */
  | { type: 'RESTORED' };

