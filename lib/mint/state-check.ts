/**
 * The stored mint flow checked by hand, for the popup's mint panel (entrypoints/popup/mint-slot.tsx),
 * which follows storage.session without zod. The same answers as state.ts's parseMintState
 * (test/unit/shape/mint-state-check.test.ts holds the two together); the background reads it with
 * the schema.
 */
import { ERROR_ACTIONS, ERROR_CODES } from '../errors/codes';
import { arrayOf, bool, num, oneOf, optional, shape, text, type Guard } from '../shape/guards';
import { API_KEY_TYPES, isMintOptions } from './options-plain';
import type { MintState } from './state';
import { WALLET_ICON_MAX, WALLET_ICON_PATTERN } from './wallet-icon';

/** state.ts's FLOW_STATUSES (not imported: that file builds zod schemas). */
const STATUSES = ['idle', 'needs-unlock', 'connecting', 'ready', 'awaiting-signature', 'minting', 'saved', 'saved-unstored', 'failed'];

const wei = text(1, 80, /^\d{1,80}$/);
const ctx = shape({
  address: optional(text(0, Infinity, /^0x[0-9a-fA-F]{40}$/)),
  wallet: optional(text(1, 200)),
  wallets: arrayOf(
    shape({
      id: text(1, 200),
      name: text(0, 100),
      rdns: optional(text(0, 200)),
      lookAlike: optional(bool),
      icon: optional(text(0, WALLET_ICON_MAX, WALLET_ICON_PATTERN)),
    }),
    20,
  ),
  eligibility: optional(
    shape({ staked: wei, liquid: wei, eligible: bool, reason: optional(oneOf(['none', 'liquid-not-staked', 'rpc-unreachable'])) }),
  ),
  options: optional(isMintOptions),
});
const key = shape({
  recordId: optional(text(1, 100)),
  veniceId: text(1, 100),
  last6: text(1, 6),
  apiKeyType: oneOf(API_KEY_TYPES),
  description: text(0, 64),
});
const error = shape({ code: oneOf(ERROR_CODES), message: text(1, 500), action: oneOf(ERROR_ACTIONS), detail: optional(text(0, 300)) });
const attempt = oneOf([1, 2]);

/** What each status adds to the fields every state has. */
const BY_STATUS: Record<string, Record<string, Guard>> = {
  idle: {},
  'needs-unlock': { vault: oneOf(['locked', 'uninitialized']), resume: oneOf(['connect', 'ready']) },
  connecting: { walletId: optional(text(1, 200)) },
  ready: { tokenExpiresAt: optional(num()) },
  'awaiting-signature': { attempt },
  minting: { attempt },
  saved: { key },
  'saved-unstored': { key, error },
  failed: { error, from: oneOf(STATUSES) },
};

const IDLE: MintState = Object.freeze({ status: 'idle', flowId: '', updatedAt: 0, ctx: Object.freeze({ wallets: [] }) }) as MintState;

/** Reads any stored value as a flow state; a value that does not fit is the idle state (as parseMintState). */
export function readMintState(raw: unknown): MintState {
  const status = (raw as { status?: unknown } | null)?.status;
  const extra = typeof status === 'string' && Object.hasOwn(BY_STATUS, status) ? BY_STATUS[status] : undefined;
  if (!extra) return IDLE;
  const fits = shape({ flowId: text(0, 100), updatedAt: num(), ctx, status: oneOf([status]), ...extra });
  return fits(raw) ? (raw as MintState) : IDLE;
}
