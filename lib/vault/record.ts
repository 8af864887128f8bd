/** The plaintext metadata of one saved key. The secret itself is stored only sealed (sealed.ts, envelope.ts). */
import * as z from 'zod/mini';
import { SealedSchema } from './sealed';

export const KeyTypeSchema = z.enum(['INFERENCE', 'ADMIN']);
export type KeyType = z.infer<typeof KeyTypeSchema>;

const limit = z.optional(z.nullable(z.number().check(z.gte(0), z.lte(9_999_999_999))));

export const KeyMetaSchema = z.strictObject({
  /** Local record id (a UUID). Every field here is bound into the additional data of the record's ciphertext (record-aad.ts). */
  id: z.uuid(),
  /** Venice's own id of the key, when known (minted keys). */
  veniceId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  last6: z.string().check(z.length(6)),
  type: KeyTypeSchema,
  description: z.string().check(z.maxLength(64)),
  /** minted from a wallet, imported by pasting, or created with an ADMIN key on the Manage keys page. */
  source: z.enum(['minted', 'imported', 'created']),
  /** The wallet that minted the key, when minted from a wallet. */
  walletAddress: z.optional(z.string().check(z.regex(/^0x[0-9a-fA-F]{40}$/))),
  apiBaseUrl: z.url().check(z.maxLength(200)),
  createdAt: z.iso.datetime(),
  limits: z._default(z.strictObject({ usd: limit, diem: limit }), {}),
  limitPeriod: z.optional(z.enum(['EPOCH', 'MONTH', 'LIFETIME'])),
  modelPrivacy: z.optional(z.enum(['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY'])),
  /** null = never expires. */
  expiresAt: z._default(z.nullable(z.string().check(z.maxLength(40))), null),
  /** When the key was revoked at Venice from this extension; the record is kept until the person removes it. */
  revokedAt: z.optional(z.iso.datetime()),
});
export type KeyMeta = z.infer<typeof KeyMetaSchema>;

/** What a caller gives when saving a key: everything but what the vault works out itself. */
export const NewKeyMetaSchema = z.extend(z.omit(KeyMetaSchema, { id: true, last6: true, type: true, createdAt: true }), {
  type: z.optional(KeyTypeSchema),
  createdAt: z.optional(z.iso.datetime()),
  /** Defaults to the API address in the settings at the time of saving. */
  apiBaseUrl: z.optional(z.url().check(z.maxLength(200))),
});
export type NewKeyMeta = z.input<typeof NewKeyMetaSchema>;

/** What the Manage keys page may change in a saved key's metadata (the record is sealed again). */
export type KeyMetaPatch = Partial<Pick<KeyMeta, 'description' | 'limits' | 'limitPeriod' | 'modelPrivacy' | 'expiresAt' | 'revokedAt'>>;

export const StoredRecordSchema = z.extend(KeyMetaSchema, { secret: SealedSchema });
export type StoredRecord = z.infer<typeof StoredRecordSchema>;
