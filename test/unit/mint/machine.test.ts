import { describe, expect, it } from 'vitest';
import type { MintEvent } from '../../../lib/mint/events';
import { reduce } from '../../../lib/mint/machine';
import { MintStateSchema, type MintState } from '../../../lib/mint/state';
import { ADDRESS, ELIGIBLE, ERR, KEY, OPTIONS, OTHER, S, WALLETS } from './fixtures';

const START: MintEvent = { type: 'START', flowId: 'f2', vault: 'unlocked' };
const START_LOCKED: MintEvent = { type: 'START', flowId: 'f2', vault: 'locked' };
const CONNECTED: MintEvent = { type: 'CONNECTED', address: ADDRESS, wallet: 'wallet-a', wallets: WALLETS, eligibility: ELIGIBLE, tokenExpiresAt: 42 };
const CONFIRM: MintEvent = { type: 'CONFIRM', options: { apiKeyType: 'ADMIN', description: 'Ops' }, vault: 'unlocked' };
const CONFIRM_LOCKED: MintEvent = { type: 'CONFIRM', options: OPTIONS, vault: 'locked' };
const SAME = 'same' as const;
/** The wallet remembered is gone from the signing tab and several others are there: the person picks. */
const CHOOSE: MintEvent = { type: 'CHOOSE_WALLET', wallets: WALLETS };
const CHOOSING: MintState = {
  ...S.connecting,
  status: 'failed',
  from: 'connecting',
  error: { code: 'WALLET_CHOICE_NEEDED', message: 'x', action: 'choose_wallet' },
  ctx: { wallet: 'io.gone', wallets: WALLETS },
};

/** Like toMatchObject, but an `undefined` in the expectation also accepts an absent key. */
function expectShape(actual: unknown, expected: Record<string, unknown>, path = 'state'): void {
  for (const [key, want] of Object.entries(expected)) {
    const got = (actual as Record<string, unknown> | undefined)?.[key];
    if (want !== null && typeof want === 'object' && !Array.isArray(want)) expectShape(got, want as Record<string, unknown>, `${path}.${key}`);
    else expect(got, `${path}.${key}`).toEqual(want);
  }
}

type Row = [label: string, state: MintState, event: MintEvent, expected: typeof SAME | Record<string, unknown>];

const rows: Row[] = [
  // START: connect from a resting state, after the vault check; join anything in progress.
  ['idle + START → connecting, new flow', S.idle, START, { status: 'connecting', flowId: 'f2' }],
  ['idle + START (locked vault) → needs-unlock before the wallet', S.idle, START_LOCKED, { status: 'needs-unlock', resume: 'connect', vault: 'locked' }],
  ['idle + START (no vault yet) → connecting: the wallet before the passphrase', S.idle, { ...START, vault: 'uninitialized' }, { status: 'connecting', flowId: 'f2' }],
  ['ready + CONFIRM (no vault yet) → needs-unlock, back to ready after', S.ready, { ...CONFIRM, vault: 'uninitialized' }, { status: 'needs-unlock', vault: 'uninitialized', resume: 'ready' }],
  ['failed + START → connecting, context reset', S.failedMint, START, { status: 'connecting', ctx: { wallets: [], wallet: 'wallet-a' } }],
  ['saved + START → connecting', S.saved, START, { status: 'connecting', flowId: 'f2' }],
  ['START keeps the options given', S.idle, { ...START, options: OPTIONS }, { ctx: { options: OPTIONS } }],
  ['connecting + START joins', S.connecting, START, SAME],
  ['ready + START joins', S.ready, START, SAME],
  ['awaiting-signature + START joins', S.signing, START, SAME],
  ['minting + START joins', S.minting, START, SAME],
  ['saved-unstored + START keeps the unsaved key on screen', S.unstored, START, SAME],
  ['needs-unlock + START (still locked) stays', S.unlockConnect, START_LOCKED, SAME],
  ['needs-unlock + START (now unlocked) resumes connecting', S.unlockConnect, START, { status: 'connecting', flowId: 'f1' }],
  // UNLOCKED
  ['needs-unlock(connect) + UNLOCKED → connecting', S.unlockConnect, { type: 'UNLOCKED' }, { status: 'connecting' }],
  ['needs-unlock(ready) + UNLOCKED → ready', S.unlockReady, { type: 'UNLOCKED' }, { status: 'ready', ctx: { address: ADDRESS } }],
  ['idle + UNLOCKED ignored', S.idle, { type: 'UNLOCKED' }, SAME],
  // CONNECTED
  ['connecting + CONNECTED → ready with eligibility and token', S.connecting, CONNECTED, { status: 'ready', tokenExpiresAt: 42, ctx: { address: ADDRESS, eligibility: ELIGIBLE, wallets: WALLETS } }],
  ['idle + CONNECTED (cancelled) ignored', S.idle, CONNECTED, SAME],
  ['failed + CONNECTED ignored', S.failedConnect, CONNECTED, SAME],
  // SELECT_WALLET
  ['ready + SELECT_WALLET → connecting that wallet', S.ready, { type: 'SELECT_WALLET', walletId: 'wallet-b' }, { status: 'connecting', walletId: 'wallet-b', ctx: { wallet: 'wallet-b' } }],
  ['ready + SELECT_WALLET of an unknown wallet ignored', S.ready, { type: 'SELECT_WALLET', walletId: 'nope' }, SAME],
  ['minting + SELECT_WALLET ignored', S.minting, { type: 'SELECT_WALLET', walletId: 'wallet-b' }, SAME],
  ['idle + SELECT_WALLET ignored (START checks the vault first)', S.idle, { type: 'SELECT_WALLET', walletId: 'wallet-b' }, SAME],
  // CHOOSE_WALLET, then the person's pick
  ['connecting + CHOOSE_WALLET → failed, asking to choose among the wallets found', { ...S.connecting, ctx: { wallet: 'io.gone', wallets: [] } }, CHOOSE,
    { status: 'failed', from: 'connecting', error: { code: 'WALLET_CHOICE_NEEDED', action: 'choose_wallet' }, ctx: { wallets: WALLETS, wallet: 'io.gone' } }],
  ['connecting + CHOOSE_WALLET with a look-alike → failed, saying two wallets look alike', { ...S.connecting, ctx: { wallets: [] } }, { ...CHOOSE, lookAlike: true },
    { status: 'failed', from: 'connecting', error: { code: 'WALLET_LOOK_ALIKE', action: 'choose_wallet' }, ctx: { wallets: WALLETS } }],
  ['ready + CHOOSE_WALLET ignored', S.ready, CHOOSE, SAME],
  ['asked to choose + SELECT_WALLET → connecting that wallet', CHOOSING, { type: 'SELECT_WALLET', walletId: 'wallet-b' }, { status: 'connecting', walletId: 'wallet-b', ctx: { wallet: 'wallet-b' } }],
  // TOKEN_REFRESHED
  ['ready + TOKEN_REFRESHED updates the expiry', S.ready, { type: 'TOKEN_REFRESHED', expiresAt: 99 }, { status: 'ready', tokenExpiresAt: 99 }],
  ['awaiting-signature + TOKEN_REFRESHED ignored', S.signing, { type: 'TOKEN_REFRESHED', expiresAt: 99 }, SAME],
  // CONFIRM: the Mint click
  ['ready + CONFIRM → awaiting-signature, attempt 1, options kept', S.ready, CONFIRM, { status: 'awaiting-signature', attempt: 1, ctx: { options: { apiKeyType: 'ADMIN', description: 'Ops' } } }],
  ['ready + CONFIRM (vault locked meanwhile) → needs-unlock, back to ready after', S.ready, CONFIRM_LOCKED, { status: 'needs-unlock', resume: 'ready' }],
  ['needs-unlock(ready) + CONFIRM (unlocked) → ready', S.unlockReady, CONFIRM, { status: 'ready' }],
  ['awaiting-signature + CONFIRM joins (no second signature)', S.signing, CONFIRM, SAME],
  ['minting + CONFIRM joins (no second mint)', S.minting, CONFIRM, SAME],
  ['idle + CONFIRM ignored', S.idle, CONFIRM, SAME],
  ['connecting + CONFIRM ignored', S.connecting, CONFIRM, SAME],
  // SIGNED / MINT_FAILED / SAVED
  ['awaiting-signature + SIGNED → minting', S.signing, { type: 'SIGNED' }, { status: 'minting', attempt: 1 }],
  ['awaiting-signature(2) + SIGNED → minting(2)', S.signing2, { type: 'SIGNED' }, { status: 'minting', attempt: 2 }],
  ['idle + SIGNED (cancelled) ignored', S.idle, { type: 'SIGNED' }, SAME],
  ['minting + MINT_FAILED JWT_EXPIRED → one new signature', S.minting, { type: 'MINT_FAILED', error: ERR('JWT_EXPIRED', 'new_token') }, { status: 'awaiting-signature', attempt: 2 }],
  ['minting(2) + MINT_FAILED JWT_EXPIRED → failed, never a third', S.minting2, { type: 'MINT_FAILED', error: ERR('JWT_EXPIRED', 'new_token') }, { status: 'failed', from: 'minting', error: { code: 'JWT_EXPIRED' } }],
  ['minting + MINT_FAILED NO_STAKED_VVV → failed', S.minting, { type: 'MINT_FAILED', error: ERR('NO_STAKED_VVV', 'stake_vvv') }, { status: 'failed', error: { code: 'NO_STAKED_VVV' } }],
  ['minting + MINT_FAILED RATE_LIMITED → failed', S.minting, { type: 'MINT_FAILED', error: ERR('RATE_LIMITED', 'retry_later') }, { status: 'failed', error: { code: 'RATE_LIMITED' } }],
  ['minting + SAVED → saved', S.minting, { type: 'SAVED', key: KEY }, { status: 'saved', key: KEY }],
  ['minting + SAVE_FAILED → saved-unstored', S.minting, { type: 'SAVE_FAILED', key: KEY, error: ERR('VAULT_STORAGE_FAILED') }, { status: 'saved-unstored', error: { code: 'VAULT_STORAGE_FAILED' } }],
  ['saved-unstored + SAVED (second try) → saved', S.unstored, { type: 'SAVED', key: KEY }, { status: 'saved' }],
  // Found by machine.property.test.ts: the key held for showing is never replaced by another key's outcome.
  ['saved-unstored + SAVED of another key ignored', S.unstored, { type: 'SAVED', key: { ...KEY, veniceId: 'other', last6: 'zzz999' } }, SAME],
  ['saved-unstored + SAVE_FAILED of another key ignored', S.unstored, { type: 'SAVE_FAILED', key: { ...KEY, veniceId: 'other', last6: 'zzz999' }, error: ERR('STORAGE_FULL') }, SAME],
  ['saved-unstored + SAVE_FAILED of the same key (second try failed) → saved-unstored, new error', S.unstored, { type: 'SAVE_FAILED', key: KEY, error: ERR('STORAGE_FULL') }, { status: 'saved-unstored', key: KEY, error: { code: 'STORAGE_FULL' } }],
  ['ready + SAVED ignored', S.ready, { type: 'SAVED', key: KEY }, SAME],
  // FAILED
  ['connecting + FAILED → failed from connecting', S.connecting, { type: 'FAILED', error: ERR('WALLET_NOT_FOUND') }, { status: 'failed', from: 'connecting' }],
  ['awaiting-signature + FAILED (declined) → failed', S.signing, { type: 'FAILED', error: ERR('WALLET_REJECTED') }, { status: 'failed', from: 'awaiting-signature', error: { code: 'WALLET_REJECTED' } }],
  ['idle + FAILED ignored', S.idle, { type: 'FAILED', error: ERR('UNKNOWN') }, SAME],
  ['saved + FAILED ignored', S.saved, { type: 'FAILED', error: ERR('UNKNOWN') }, SAME],
  ['saved-unstored + FAILED keeps the key on screen', S.unstored, { type: 'FAILED', error: ERR('UNKNOWN') }, SAME],
  // Found by machine.property.test.ts: a stray step failure while the mint request is out must not drop its key.
  ['minting + FAILED ignored: only the mint\'s own outcome ends it', S.minting, { type: 'FAILED', error: ERR('JWT_EXPIRED', 'new_token') }, SAME],
  // ACCOUNT_CHANGED
  ['awaiting-signature + ACCOUNT_CHANGED → failed', S.signing, { type: 'ACCOUNT_CHANGED', address: OTHER }, { status: 'failed', error: { code: 'WALLET_ACCOUNT_CHANGED' } }],
  ['awaiting-signature + same account (other case) ignored', S.signing, { type: 'ACCOUNT_CHANGED', address: ADDRESS.toUpperCase().replace('0X', '0x') }, SAME],
  ['ready + ACCOUNT_CHANGED → connecting (eligibility again)', S.ready, { type: 'ACCOUNT_CHANGED', address: OTHER }, { status: 'connecting', ctx: { address: undefined } }],
  ['ready + no account any more → failed WALLET_LOCKED', S.ready, { type: 'ACCOUNT_CHANGED' }, { status: 'failed', error: { code: 'WALLET_LOCKED' } }],
  ['minting + ACCOUNT_CHANGED ignored (the request is out)', S.minting, { type: 'ACCOUNT_CHANGED', address: OTHER }, SAME],
  // CANCEL
  ['ready + CANCEL → idle', S.ready, { type: 'CANCEL' }, { status: 'idle', ctx: { wallets: [], wallet: 'wallet-a' } }],
  ['awaiting-signature + CANCEL → idle', S.signing, { type: 'CANCEL' }, { status: 'idle' }],
  ['minting + CANCEL ignored (the key must still be saved)', S.minting, { type: 'CANCEL' }, SAME],
  ['saved-unstored + CANCEL → idle (dismissed)', S.unstored, { type: 'CANCEL' }, { status: 'idle' }],
  ['saved-unstored + UNSTORED_DROPPED (vault locked after it was shown) → failed, revoke it', S.unstored, { type: 'UNSTORED_DROPPED' }, { status: 'failed', error: { code: 'VAULT_STORAGE_FAILED', action: 'check_key', detail: 'Key ending in abc123' } }],
  ['saved + UNSTORED_DROPPED ignored', S.saved, { type: 'UNSTORED_DROPPED' }, SAME],
  ['idle + CANCEL ignored', S.idle, { type: 'CANCEL' }, SAME],
  // RETRY
  ['failed (declined) + RETRY → ready, token to fetch', S.failedMint, { type: 'RETRY' }, { status: 'ready', tokenExpiresAt: undefined, ctx: { address: ADDRESS } }],
  ['failed (no wallet) + RETRY → connecting', S.failedConnect, { type: 'RETRY' }, { status: 'connecting' }],
  ['failed (account switched) + RETRY → connecting again', S.failedSwitched, { type: 'RETRY' }, { status: 'connecting', ctx: { address: undefined } }],
  ['ready + RETRY → connecting (check eligibility again)', S.ready, { type: 'RETRY' }, { status: 'connecting' }],
  ['minting + RETRY ignored', S.minting, { type: 'RETRY' }, SAME],
  ['idle + RETRY ignored', S.idle, { type: 'RETRY' }, SAME],
  // RESTORED: the service worker started again
  ['connecting + RESTORED → failed, retry', S.connecting, { type: 'RESTORED' }, { status: 'failed', error: { code: 'ABORTED', action: 'retry' } }],
  ['awaiting-signature + RESTORED → failed, retry', S.signing, { type: 'RESTORED' }, { status: 'failed', error: { code: 'ABORTED', action: 'retry' } }],
  ['minting + RESTORED → failed, check your keys, never re-sent', S.minting, { type: 'RESTORED' }, { status: 'failed', from: 'minting', error: { action: 'check_key' } }],
  ['saved-unstored + RESTORED → failed, key lost, revoke it', S.unstored, { type: 'RESTORED' }, { status: 'failed', error: { code: 'VAULT_STORAGE_FAILED', action: 'check_key', detail: 'Key ending in abc123' } }],
  ['ready + RESTORED → ready without a token', S.ready, { type: 'RESTORED' }, { status: 'ready', tokenExpiresAt: undefined }],
  ['saved + RESTORED unchanged', S.saved, { type: 'RESTORED' }, SAME],
  ['needs-unlock + RESTORED unchanged', S.unlockConnect, { type: 'RESTORED' }, SAME],
  ['idle + RESTORED unchanged', S.idle, { type: 'RESTORED' }, SAME],
];

describe('mint flow reducer', () => {
  it.each(rows)('%s', (_label, state, event, expected) => {
    const frozen = structuredClone(state);
    const next = reduce(state, event);
    expect(state).toEqual(frozen); // never mutates
    if (expected === SAME) {
      expect(next).toBe(state);
      return;
    }
    expectShape(next, expected);
    // Every state the reducer produces is one the store accepts back.
    expect(MintStateSchema.safeParse(next).success).toBe(true);
  });

  it('never puts a secret-looking value in a state (only id and last six characters)', () => {
    const saved = reduce(S.minting, { type: 'SAVED', key: KEY });
    expect(JSON.stringify(saved)).not.toMatch(/VENICE_|eyJ|0x[0-9a-f]{130}/i);
  });

  it('lets at most two signatures happen per Mint click, whatever the errors', () => {
    let state: MintState = reduce(S.ready, CONFIRM);
    let signatures = 0;
    for (let i = 0; i < 5 && state.status === 'awaiting-signature'; i += 1) {
      signatures += 1;
      state = reduce(state, { type: 'SIGNED' });
      state = reduce(state, { type: 'MINT_FAILED', error: ERR('JWT_EXPIRED', 'new_token') });
    }
    expect(signatures).toBe(2);
    expect(state.status).toBe('failed');
  });
});
