/**
 * The vault's contracts: what the popup (and options page) may ask the background.
 * All are for extension pages only; a content script can call none of them.
 * Secrets cross only in `vault.reveal`'s answer, to the page that asked.
 */
import * as z from 'zod/mini';
import { contract } from './protocol';
import { KeyMetaSchema } from '../vault/record';

const passphrase = z.string().check(z.minLength(1), z.maxLength(1024));
const recordId = z.string().check(z.minLength(1), z.maxLength(100));
const ok = z.strictObject({ ok: z.literal(true) });
const none = z.strictObject({});

const DamagedSchema = z.strictObject({ id: z.string(), reason: z.enum(['shape', 'decrypt', 'changed']) });

export const VaultStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('not-set-up') }),
  z.strictObject({ state: z.literal('damaged') }),
  z.strictObject({
    state: z.literal('locked'),
    retryInMs: z.number().check(z.gte(0)),
    records: z.array(KeyMetaSchema),
    damaged: z.array(DamagedSchema),
  }),
  z.strictObject({
    state: z.literal('unlocked'),
    records: z.array(KeyMetaSchema),
    damaged: z.array(DamagedSchema),
    clipboardClearSeconds: z.number().check(z.gte(0)),
  }),
]);
export type VaultStatusView = z.infer<typeof VaultStatusSchema>;

export const vaultContracts = {
  'vault.status': contract(none, VaultStatusSchema),
  'vault.setup': contract(z.strictObject({ passphrase, confirm: passphrase }), ok),
  'vault.unlock': contract(z.strictObject({ passphrase }), z.strictObject({ upgradedKdf: z.boolean() })),
  'vault.lock': contract(none, ok),
  'vault.reveal': contract(z.strictObject({ id: recordId }), z.strictObject({ secret: z.string().check(z.minLength(1), z.maxLength(300)) })),
  'vault.import': contract(
    z.strictObject({
      secret: z.string().check(z.minLength(1), z.maxLength(400)),
      description: z.optional(z.string().check(z.maxLength(64))),
    }),
    KeyMetaSchema,
  ),
  'vault.remove': contract(z.strictObject({ id: recordId }), z.strictObject({ removed: z.boolean() })),
  'vault.changePassphrase': contract(z.strictObject({ current: passphrase, next: passphrase, confirm: passphrase }), ok),
  'vault.reset': contract(z.strictObject({ confirmation: z.string().check(z.maxLength(32)) }), ok),
};
