// Property tests of the mint flow's reducer (lib/mint/machine.ts): any sequence of events, from
// the idle state, keeps the flow's invariants. fast-check prints the seed and the shrunk
// sequence on a failure; replay with `{ seed, path }` in the options of `it.prop`.
import { it } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { appError, ERROR_CODES } from '../../../lib/errors';
import type { MintEvent } from '../../../lib/mint/events';
import { reduce } from '../../../lib/mint/machine';
import { IDLE, MintStateSchema, type MintState } from '../../../lib/mint/state';
import { ADDRESS, ELIGIBLE, OPTIONS, OTHER, WALLETS } from './fixtures';

const vault = fc.constantFrom('unlocked', 'unlocked', 'locked', 'uninitialized' as const);
const error = fc.oneof(fc.constant(appError('JWT_EXPIRED')), fc.constantFrom(...ERROR_CODES).map((code) => appError(code)));
const key = fc.record({
  veniceId: fc.constantFrom('venice-1', 'venice-2'),
  last6: fc.constantFrom('abc123', 'XYZ987'),
  apiKeyType: fc.constantFrom('INFERENCE', 'ADMIN' as const),
  description: fc.constant('Test'),
});

/**
 * Every event the flow knows, with plausible payloads (the runner's and the person's). The
 * happy path's events weigh more, so most sequences get as far as minting and saving.
 */
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const event: fc.Arbitrary<MintEvent> = fc.oneof(
  w(4, fc.record({ type: fc.constant('START' as const), flowId: fc.constantFrom('f1', 'f2', 'f3'), vault })),
  w(1, fc.constant({ type: 'UNLOCKED' as const })),
  w(1, fc.record({ type: fc.constant('SELECT_WALLET' as const), walletId: fc.constantFrom('wallet-a', 'wallet-b', 'gone') })),
  w(4, fc.record({
    type: fc.constant('CONNECTED' as const),
    address: fc.constantFrom(ADDRESS, OTHER),
    wallet: fc.constant('wallet-a'),
    wallets: fc.constant(WALLETS),
    eligibility: fc.constant({ ...ELIGIBLE }),
    tokenExpiresAt: fc.option(fc.nat(), { nil: undefined }),
  })),
  w(1, fc.constant({ type: 'CHOOSE_WALLET' as const, wallets: WALLETS })),
  w(1, fc.record({ type: fc.constant('TOKEN_REFRESHED' as const), expiresAt: fc.nat() })),
  w(4, fc.record({ type: fc.constant('CONFIRM' as const), options: fc.constant({ ...OPTIONS }), vault })),
  w(4, fc.constant({ type: 'SIGNED' as const })),
  w(1, fc.record({ type: fc.constant('MINT_FAILED' as const), error })),
  w(1, fc.record({ type: fc.constant('SAVED' as const), key })),
  w(1, fc.record({ type: fc.constant('SAVE_FAILED' as const), key, error })),
  w(1, fc.record({ type: fc.constant('FAILED' as const), error })),
  w(1, fc.record({ type: fc.constant('ACCOUNT_CHANGED' as const), address: fc.constantFrom(ADDRESS, OTHER, undefined) })),
  w(1, fc.constant({ type: 'CANCEL' as const })),
  w(1, fc.constant({ type: 'RETRY' as const })),
  w(1, fc.constant({ type: 'UNSTORED_DROPPED' as const })),
  w(1, fc.constant({ type: 'RESTORED' as const })),
);

/** The event that moves `state` one step along the flow (`n` picks among a step's outcomes). */
function advance(state: MintState, n: number): MintEvent {
  const key = { veniceId: `venice-${n}`, last6: `abc12${n}`, apiKeyType: 'INFERENCE' as const, description: 'Test' };
  switch (state.status) {
    case 'needs-unlock':
      return { type: 'UNLOCKED' };
    case 'connecting':
      return { type: 'CONNECTED', address: ADDRESS, wallet: 'wallet-a', wallets: WALLETS, eligibility: { ...ELIGIBLE } };
    case 'ready':
      return { type: 'CONFIRM', options: { ...OPTIONS }, vault: 'unlocked' };
    case 'awaiting-signature':
      return { type: 'SIGNED' };
    case 'minting':
      if (n < 4) return { type: 'SAVED', key };
      if (n < 7) return { type: 'SAVE_FAILED', key, error: appError(n === 4 ? 'STORAGE_FULL' : 'VAULT_STORAGE_FAILED') };
      return { type: 'MINT_FAILED', error: appError(n < 9 ? 'JWT_EXPIRED' : 'NETWORK_ERROR') };
    case 'saved-unstored':
      return n < 5 ? { type: 'SAVED', key: state.key } : { type: 'CANCEL' };
    default:
      return { type: 'START', flowId: `f${n}`, vault: 'unlocked' };
  }
}

/** A sequence mixes steps along the flow with any event at all (a click, a late or stray outcome). */
const events = fc.array(fc.oneof(w(3, fc.nat(9)), w(2, event)), { minLength: 1, maxLength: 60, size: 'max' });

/** Every state a sequence passes through, with the event that led there. */
function walk(sequence: (number | MintEvent)[]) {
  const steps: { prev: MintState; event: MintEvent; next: MintState }[] = [];
  let state = IDLE;
  for (const item of sequence) {
    const e = typeof item === 'number' ? advance(state, item) : item;
    const next = reduce(state, e);
    steps.push({ prev: state, event: e, next });
    state = next;
  }
  return steps;
}

const RUNS = { numRuns: 400 };

describe('mint machine (property)', () => {
  it.prop([events], RUNS)('every state it reaches is a valid, storable flow state', (sequence) => {
    for (const { next } of walk(sequence)) expect(MintStateSchema.safeParse(next).success).toBe(true);
  });

  it.prop([events], RUNS)('one Mint click sends at most one mint request, plus the one renewal after an expired token', (sequence) => {
    let sinceClick = 0;
    for (const { prev, event: e, next } of walk(sequence)) {
      if (e.type === 'CONFIRM' && next !== prev) sinceClick = 0;
      if (next.status === 'minting' && prev.status !== 'minting') {
        sinceClick += 1;
        expect(sinceClick).toBeLessThanOrEqual(next.attempt);
        if (next.attempt === 2) expect(prev).toMatchObject({ status: 'awaiting-signature', attempt: 2 });
      }
      if (next !== prev && next.status === 'awaiting-signature' && next.attempt === 2) {
        expect(e.type === 'MINT_FAILED' && e.error.code === 'JWT_EXPIRED').toBe(true);
      }
    }
  });

  it.prop([events], RUNS)('a minted key is saved or held for showing; it leaves only when dismissed or the person is told to revoke it', (sequence) => {
    for (const { prev, event: e, next } of walk(sequence)) {
      if (prev.status === 'minting' && next !== prev) {
        // The mint request is out: only its outcome, or a restart, ends this state.
        expect(['MINT_FAILED', 'SAVED', 'SAVE_FAILED', 'RESTORED']).toContain(e.type);
        if (e.type === 'RESTORED') expect(next).toMatchObject({ status: 'failed', error: { action: 'check_key' } });
      }
      if (e.type === 'SAVE_FAILED' && prev.status === 'minting') expect(next).toMatchObject({ status: 'saved-unstored', key: e.key });
      if (prev.status === 'saved-unstored' && next !== prev) {
        if (next.status === 'failed') {
          expect(next.error).toMatchObject({ action: 'check_key', detail: `Key ending in ${prev.key.last6}` });
        } else if (next.status === 'idle') {
          expect(e.type).toBe('CANCEL'); // "I have saved it"
        } else {
          // Saved at last, or a save tried again that failed again: the same key either way.
          expect(['saved', 'saved-unstored']).toContain(next.status);
          expect(next).toMatchObject({ key: { veniceId: prev.key.veniceId } });
        }
      }
    }
  });

  it.prop([events], RUNS)('is never stuck: from any state, a restart and a Close lead back to idle', (sequence) => {
    const steps = walk(sequence);
    const last = steps.at(-1)?.next ?? IDLE;
    expect(reduce(reduce(last, { type: 'RESTORED' }), { type: 'CANCEL' }).status).toBe('idle');
  });
});
