/**
 * The mint flow's contracts: the popup asks, the background runs every step.
 * Each answer is the flow's state, which never holds a secret; the one exception
 * is `flow.reveal`, which hands the popup a minted key that the vault could not
 * store, so it can be shown once.
 */
import * as z from 'zod/mini';
import { MintOptionsSchema } from '../flow/options';
import { FlowStateSchema } from '../flow/state';
import { contract } from './protocol';

const none = z.strictObject({});

export const flowContracts = {
  /** The current state (in ready, the background also makes sure a fresh token is held). */
  'flow.get': contract(none, FlowStateSchema),
  /** Connects a wallet (after the vault check). While a flow is in progress, returns its state instead. */
  'flow.start': contract(z.strictObject({ options: z.optional(MintOptionsSchema) }), FlowStateSchema),
  /** The Mint click: signature, then one mint request. Joins a mint already in progress. */
  'flow.confirm': contract(z.strictObject({ options: MintOptionsSchema }), FlowStateSchema),
  /** Back to idle (not while the mint request is out); also dismisses an unsaved key. */
  'flow.cancel': contract(none, FlowStateSchema),
  /** After a failure: back to ready with a fresh token (or reconnect); for an unsaved key, saves again. */
  'flow.retry': contract(none, FlowStateSchema),
  'flow.selectWallet': contract(z.strictObject({ walletId: z.string().check(z.minLength(1), z.maxLength(200)) }), FlowStateSchema),
  /** The minted key the vault could not store, only in state saved-unstored. */
  'flow.reveal': contract(none, z.strictObject({ apiKey: z.nullable(z.string().check(z.minLength(1), z.maxLength(300))) })),
};
export type FlowContracts = typeof flowContracts;
