import type { AppError } from '../../../lib/errors';
import type { MintContext, MintState, KeySummary } from '../../../lib/mint/state';

export const ADDRESS = '0x1111111111111111111111111111111111111111';
export const OTHER = '0x2222222222222222222222222222222222222222';
export const WALLETS = [
  { id: 'wallet-a', name: 'Wallet A', rdns: 'io.a' },
  { id: 'wallet-b', name: 'Wallet B', rdns: 'io.b' },
];
export const ELIGIBLE = { staked: '1000', liquid: '0', eligible: true } as const;
export const KEY: KeySummary = { veniceId: 'venice-id', last6: 'abc123', apiKeyType: 'INFERENCE', description: 'Test' };
export const OPTIONS = { apiKeyType: 'INFERENCE', description: 'Test' } as const;
export const ERR = (code: AppError['code'], action: AppError['action'] = 'retry'): AppError => ({ code, message: 'x', action });

const connected: MintContext = { address: ADDRESS, wallet: 'wallet-a', wallets: WALLETS, eligibility: ELIGIBLE, options: OPTIONS };
const base = { flowId: 'f1', updatedAt: 5 };

/** One state of each status, with a connected wallet where the status implies one. */
export const S = {
  idle: { ...base, status: 'idle', ctx: { wallets: [] } },
  unlockConnect: { ...base, status: 'needs-unlock', vault: 'locked', resume: 'connect', ctx: { wallets: [] } },
  unlockReady: { ...base, status: 'needs-unlock', vault: 'locked', resume: 'ready', ctx: connected },
  connecting: { ...base, status: 'connecting', ctx: { wallets: [] } },
  ready: { ...base, status: 'ready', tokenExpiresAt: 900_000, ctx: connected },
  signing: { ...base, status: 'awaiting-signature', attempt: 1, ctx: connected },
  signing2: { ...base, status: 'awaiting-signature', attempt: 2, ctx: connected },
  minting: { ...base, status: 'minting', attempt: 1, ctx: connected },
  minting2: { ...base, status: 'minting', attempt: 2, ctx: connected },
  saved: { ...base, status: 'saved', key: KEY, ctx: connected },
  unstored: { ...base, status: 'saved-unstored', key: KEY, error: ERR('VAULT_STORAGE_FAILED'), ctx: connected },
  failedMint: { ...base, status: 'failed', error: ERR('WALLET_REJECTED'), from: 'awaiting-signature', ctx: connected },
  failedConnect: { ...base, status: 'failed', error: ERR('WALLET_NOT_FOUND', 'install_wallet'), from: 'connecting', ctx: { wallets: [] } },
  failedSwitched: { ...base, status: 'failed', error: ERR('WALLET_ACCOUNT_CHANGED', 'reconnect_wallet'), from: 'awaiting-signature', ctx: connected },
} satisfies Record<string, MintState>;
