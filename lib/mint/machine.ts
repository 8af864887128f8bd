/**
 * The mint flow as a pure reducer: (state, event) → state. No I/O, no clock, no
 * randomness; the runner (./runner.ts) performs the steps and feeds their outcome
 * back as events. An event that does not apply to a state returns that same state
 * object, which is how a second click joins the flow in progress.
 */
import type { AppError } from '../errors';
import {
  accountChanged,
  connectInterrupted,
  mintInterrupted,
  signInterrupted,
  unstoredKeyLost,
  walletChoiceNeeded,
  walletLocked,
  walletLookAlike,
} from './errors';
import type { MintEvent } from './events';
import type { KeySummary, MintContext, MintState, StateOf } from './state';

type Omitted = 'updatedAt';
type Next = { [S in MintState['status']]: Omit<StateOf<S>, Omitted> }[MintState['status']];

const to = (state: MintState, next: Next): MintState => ({ ...next, updatedAt: state.updatedAt }) as MintState;
const keep = (state: MintState) => ({ flowId: state.flowId, ctx: state.ctx });
const withCtx = (state: MintState, ctx: Partial<MintContext>) => ({ flowId: state.flowId, ctx: { ...state.ctx, ...ctx } });

/** Actions after which a retry must reconnect the wallet rather than reuse the connected account. */
const RECONNECT_ACTIONS = new Set(['reconnect_wallet', 'install_wallet']);

function fail(state: MintState, error: AppError): MintState {
  return to(state, { ...keep(state), status: 'failed', error, from: state.status });
}

export function reduce(state: MintState, event: MintEvent): MintState {
  switch (event.type) {
    case 'START': {
      if (state.status === 'needs-unlock') {
        return event.vault === 'unlocked' ? reduce(state, { type: 'UNLOCKED' }) : state;
      }
      if (state.status !== 'idle' && state.status !== 'failed' && state.status !== 'saved') return state;
      const ctx: MintContext = { wallets: [], wallet: state.ctx.wallet, options: event.options ?? state.ctx.options };
      const fresh = { flowId: event.flowId, ctx };
      // A locked vault is unlocked first. With no vault yet, the wallet and its eligibility come
      // first (issue 11: nothing asked before something useful is shown); the Mint click asks for
      // the passphrase (CONFIRM below), before any key can arrive.
      if (event.vault === 'locked') return to(state, { ...fresh, status: 'needs-unlock', vault: event.vault, resume: 'connect' });
      return to(state, { ...fresh, status: 'connecting', walletId: ctx.wallet });
    }
    case 'UNLOCKED':
      if (state.status !== 'needs-unlock') return state;
      return state.resume === 'connect'
        ? to(state, { ...keep(state), status: 'connecting', walletId: state.ctx.wallet })
        : to(state, { ...keep(state), status: 'ready' });
    case 'SELECT_WALLET':
      if (state.status !== 'ready' && state.status !== 'failed' && state.status !== 'connecting') return state;
      if (!state.ctx.wallets.some((w) => w.id === event.walletId) && state.status !== 'connecting') return state;
      return to(state, { ...withCtx(state, { wallet: event.walletId }), status: 'connecting', walletId: event.walletId });
    case 'CONNECTED': {
      if (state.status !== 'connecting') return state;
      const { address, wallet, wallets, eligibility, tokenExpiresAt } = event;
      return to(state, { ...withCtx(state, { address, wallet, wallets, eligibility }), status: 'ready', tokenExpiresAt });
    }
    case 'CHOOSE_WALLET':
      if (state.status !== 'connecting') return state;
      return to(state, {
        ...withCtx(state, { wallets: event.wallets }),
        status: 'failed',
        error: event.lookAlike ? walletLookAlike() : walletChoiceNeeded(),
        from: 'connecting',
      });
    case 'TOKEN_REFRESHED':
      return state.status === 'ready' ? to(state, { ...keep(state), status: 'ready', tokenExpiresAt: event.expiresAt }) : state;
    case 'CONFIRM':
      if (state.status === 'needs-unlock') return event.vault === 'unlocked' ? reduce(state, { type: 'UNLOCKED' }) : state;
      if (state.status !== 'ready') return state;
      if (event.vault !== 'unlocked') {
        return to(state, { ...withCtx(state, { options: event.options }), status: 'needs-unlock', vault: event.vault, resume: 'ready' });
      }
      return to(state, { ...withCtx(state, { options: event.options }), status: 'awaiting-signature', attempt: 1 });
    case 'SIGNED':
      return state.status === 'awaiting-signature' ? to(state, { ...keep(state), status: 'minting', attempt: state.attempt }) : state;
    case 'MINT_FAILED':
      if (state.status !== 'minting') return state;
      // "JWT has expired": exactly one automatic new token and signature, never a second.
      if (event.error.code === 'JWT_EXPIRED' && state.attempt === 1) {
        return to(state, { ...keep(state), status: 'awaiting-signature', attempt: 2 });
      }
      return fail(state, event.error);
    case 'SAVED':
      if (state.status !== 'minting' && !isHeldKey(state, event.key)) return state;
      return to(state, { ...keep(state), status: 'saved', key: event.key });
    case 'SAVE_FAILED':
      if (state.status !== 'minting' && !isHeldKey(state, event.key)) return state;
      return to(state, { ...keep(state), status: 'saved-unstored', key: event.key, error: event.error });
    case 'FAILED':
      // A mint request that is out ends only with its own outcome (MINT_FAILED, SAVED, SAVE_FAILED)
      // or a restart: a stray step failure must not drop the key it may bring.
      if (state.status === 'idle' || state.status === 'saved' || state.status === 'failed' || state.status === 'saved-unstored' || state.status === 'minting') {
        return state;
      }
      return fail(state, event.error);
    case 'ACCOUNT_CHANGED':
      return accountChangedIn(state, event.address);
    case 'CANCEL':
      // A mint request that is out cannot be called back: its key must still be saved.
      if (state.status === 'minting' || state.status === 'idle') return state;
      return to(state, { ...withCtx(state, { address: undefined, eligibility: undefined, wallets: [] }), status: 'idle' });
    case 'RETRY':
      return retry(state);
    case 'UNSTORED_DROPPED':
      return state.status === 'saved-unstored' ? fail(state, unstoredKeyLost(state.key.last6, 'lock')) : state;
    case 'RESTORED':
      return restored(state);
  }
}

/** In saved-unstored, only the outcome of saving the key held there applies: another key never takes its place. */
function isHeldKey(state: MintState, key: KeySummary): boolean {
  return state.status === 'saved-unstored' && state.key.veniceId === key.veniceId;
}

function accountChangedIn(state: MintState, address: string | undefined): MintState {
  const same = address !== undefined && address.toLowerCase() === state.ctx.address?.toLowerCase();
  if (same) return state;
  switch (state.status) {
    case 'ready':
      if (!address) return fail(state, walletLocked());
      return to(state, { ...withCtx(state, { address: undefined, eligibility: undefined }), status: 'connecting', walletId: state.ctx.wallet });
    case 'awaiting-signature':
      return fail(state, accountChanged());
    default:
      return state;
  }
}

function retry(state: MintState): MintState {
  if (state.status === 'ready') {
    return to(state, { ...keep(state), status: 'connecting', walletId: state.ctx.wallet });
  }
  if (state.status !== 'failed') return state;
  const reuse = state.ctx.address && state.from !== 'connecting' && !RECONNECT_ACTIONS.has(state.error.action);
  if (reuse) return to(state, { ...keep(state), status: 'ready' });
  return to(state, { ...withCtx(state, { address: undefined, eligibility: undefined }), status: 'connecting', walletId: state.ctx.wallet });
}

function restored(state: MintState): MintState {
  switch (state.status) {
    case 'connecting':
      return fail(state, connectInterrupted());
    case 'awaiting-signature':
      return fail(state, signInterrupted());
    case 'minting':
      return fail(state, mintInterrupted());
    case 'saved-unstored':
      return fail(state, unstoredKeyLost(state.key.last6));
    case 'ready':
      // The token lived in memory only: the runner fetches a new one.
      return state.tokenExpiresAt === undefined ? state : to(state, { ...keep(state), status: 'ready' });
    default:
      return state;
  }
}
