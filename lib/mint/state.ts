/**
 * The mint flow's state, as persisted in storage.session and sent to the popup.
 * It never holds a secret: no API key, token or signature (a minted key appears
 * only as its ids and last six characters).
 */
import * as z from 'zod/mini';
import { AppErrorSchema } from '../errors/app-error';
import { ApiKeyTypeSchema, MintOptionsSchema } from './options';
import { WALLET_ICON_MAX, WALLET_ICON_PATTERN } from './wallet-icon';

/** An EVM address (checksummed or not). */
const EvmAddressSchema = z.string().check(z.regex(/^0x[0-9a-fA-F]{40}$/, 'Not an EVM address'));
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));


export const WalletChoiceSchema = z.strictObject({
  /** The wallet's EIP-6963 rdns: stable across page loads, unlike its uuid. */
  id: text(1, 200),
  name: z.string().check(z.maxLength(100)),
  rdns: z.optional(z.string().check(z.maxLength(200))),
  /** Another wallet in the page claims the same rdns or name: `id` is then this page's uuid for it. */
  lookAlike: z.optional(z.boolean()),
  /** The wallet's EIP-6963 icon (a data: image; a larger one is not kept). */
  icon: z.optional(z.string().check(z.maxLength(WALLET_ICON_MAX), z.regex(WALLET_ICON_PATTERN))),
});
export type WalletChoice = z.infer<typeof WalletChoiceSchema>;

const wei = z.string().check(z.regex(/^\d{1,80}$/));
export const EligibilitySchema = z.strictObject({
  /** sVVV (staked VVV) and VVV balances in wei, as decimal strings. */
  staked: wei,
  liquid: wei,
  eligible: z.boolean(),
  /** none: holds nothing; liquid-not-staked: holds VVV but none staked; rpc-unreachable: could not check. */
  reason: z.optional(z.enum(['none', 'liquid-not-staked', 'rpc-unreachable'])),
});
export type Eligibility = z.infer<typeof EligibilitySchema>;

export const KeySummarySchema = z.strictObject({
  /** The vault record id, once stored. */
  recordId: z.optional(text(1, 100)),
  /** Venice's id of the key. */
  veniceId: text(1, 100),
  last6: text(1, 6),
  apiKeyType: ApiKeyTypeSchema,
  description: z.string().check(z.maxLength(64)),
});
export type KeySummary = z.infer<typeof KeySummarySchema>;

/** What the flow knows across steps: the connected wallet, its eligibility and the chosen options. */
export const MintContextSchema = z.strictObject({
  address: z.optional(EvmAddressSchema),
  wallet: z.optional(text(1, 200)),
  wallets: z.array(WalletChoiceSchema).check(z.maxLength(20)),
  eligibility: z.optional(EligibilitySchema),
  options: z.optional(MintOptionsSchema),
});
export type MintContext = z.infer<typeof MintContextSchema>;

const base = {
  flowId: z.string().check(z.maxLength(100)),
  updatedAt: z.number(),
  ctx: MintContextSchema,
};

export const FLOW_STATUSES = [
  'idle',
  'needs-unlock',
  'connecting',
  'ready',
  'awaiting-signature',
  'minting',
  'saved',
  'saved-unstored',
  'failed',
] as const;
export type MintStatus = (typeof FLOW_STATUSES)[number];

export const MintStateSchema = z.discriminatedUnion('status', [
  z.strictObject({ ...base, status: z.literal('idle') }),
  z.strictObject({
    ...base,
    status: z.literal('needs-unlock'),
    vault: z.enum(['locked', 'uninitialized']),
    /** Where the flow goes once the vault is unlocked. */
    resume: z.enum(['connect', 'ready']),
  }),
  z.strictObject({ ...base, status: z.literal('connecting'), walletId: z.optional(text(1, 200)) }),
  z.strictObject({ ...base, status: z.literal('ready'), tokenExpiresAt: z.optional(z.number()) }),
  z.strictObject({ ...base, status: z.literal('awaiting-signature'), attempt: z.union([z.literal(1), z.literal(2)]) }),
  z.strictObject({ ...base, status: z.literal('minting'), attempt: z.union([z.literal(1), z.literal(2)]) }),
  z.strictObject({ ...base, status: z.literal('saved'), key: KeySummarySchema }),
  z.strictObject({ ...base, status: z.literal('saved-unstored'), key: KeySummarySchema, error: AppErrorSchema }),
  z.strictObject({ ...base, status: z.literal('failed'), error: AppErrorSchema, from: z.enum(FLOW_STATUSES) }),
]);
export type MintState = z.infer<typeof MintStateSchema>;
export type StateOf<S extends MintStatus> = Extract<MintState, { status: S }>;

export const IDLE: MintState = Object.freeze({ status: 'idle', flowId: '', updatedAt: 0, ctx: Object.freeze({ wallets: [] }) }) as MintState;

/** Reads any stored value as a flow state; a value that does not fit is the idle state. */
export function parseMintState(raw: unknown): MintState {
  const parsed = MintStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : IDLE;
}

/** States with a step in progress: a start or a mint click joins them instead of starting anew. */
export const BUSY_STATUSES: ReadonlySet<MintStatus> = new Set(['connecting', 'awaiting-signature', 'minting']);
export const isBusy = (state: MintState): boolean => BUSY_STATUSES.has(state.status);

/** Where the runner keeps its state (storage.session in the extension, memory in tests). */
export interface MintStore {
  get(): Promise<MintState>;
  set(state: MintState): Promise<void>;
}

/**
 * The runner's store over the stored item (lib/storage/items.ts `mintFlow`); every read from storage
 * is checked. The runner is the item's only writer and a worker runs once per extension, so after
 * its first read or write this worker's copy is the stored value: reads after that need no storage
 * round trip (three per Mint click; issue 16). storage.session is cleared only with the worker gone.
 */
export function mintStore(item: { getValue(): Promise<unknown>; setValue(value: MintState): Promise<void> }): MintStore {
  let known: MintState | undefined;
  return {
    get: async () => {
      if (known) return known;
      const read = parseMintState(await item.getValue());
      return (known ??= read); // a write during the read wins: it is newer
    },
    set: async (state) => {
      await item.setValue(state);
      known = state;
    },
  };
}
