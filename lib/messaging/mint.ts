/**
 * The mint flow's contracts: the popup asks, the background runs every step.
 * Each answer is the flow's state, which never holds a secret; the one exception
 * is `mint.reveal`, which hands the popup a minted key that the vault could not
 * store, so it can be shown once.
 */
import * as z from 'zod/mini';
import { MintOptionsSchema } from '../mint/options';
import { MintStateSchema } from '../mint/state';
import { contract } from './protocol';

const none = z.strictObject({});

export const mintContracts = {
  /** The current state (in ready, the background also makes sure a fresh token is held). */
  'mint.get': contract(none, MintStateSchema),
  /** Connects a wallet (after the vault check). While a flow is in progress, returns its state instead. */
  'mint.start': contract(z.strictObject({ options: z.optional(MintOptionsSchema) }), MintStateSchema),
  /** The Mint click: signature, then one mint request. Joins a mint already in progress. */
  'mint.confirm': contract(z.strictObject({ options: MintOptionsSchema }), MintStateSchema),
  /** Back to idle (not while the mint request is out); also dismisses an unsaved key. */
  'mint.cancel': contract(none, MintStateSchema),
  /** After a failure: back to ready with a fresh token (or reconnect); for an unsaved key, saves again. */
  'mint.retry': contract(none, MintStateSchema),
  'mint.selectWallet': contract(z.strictObject({ walletId: z.string().check(z.minLength(1), z.maxLength(200)) }), MintStateSchema),
  /** The minted key the vault could not store, only in state saved-unstored. */
  'mint.reveal': contract(none, z.strictObject({ apiKey: z.nullable(z.string().check(z.minLength(1), z.maxLength(300))) })),
};
