/** The plaintext metadata of one saved key. The secret itself is stored only sealed (see envelope.ts). */
import { z } from 'zod';
import { SealedSchema } from './envelope';

export const KeyTypeSchema = z.enum(['INFERENCE', 'ADMIN']);
export type KeyType = z.infer<typeof KeyTypeSchema>;

const limit = z.number().min(0).max(9_999_999_999).nullable().optional();

export const KeyMetaSchema = z.strictObject({
  /** Local record id (a UUID); also the additional data of the record's ciphertext. */
  id: z.uuid(),
  /** Venice's own id of the key, when known (minted keys). */
  veniceId: z.string().min(1).max(100).optional(),
  last6: z.string().length(6),
  type: KeyTypeSchema,
  description: z.string().max(64),
  source: z.enum(['minted', 'imported']),
  /** The wallet that minted the key, when minted from a wallet. */
  walletAddress: z.string().regex(/^0x[0-9a-fA-F]{40}$/).optional(),
  apiBaseUrl: z.url().max(200),
  createdAt: z.iso.datetime(),
  limits: z.strictObject({ usd: limit, diem: limit }).default({}),
  limitPeriod: z.enum(['EPOCH', 'MONTH', 'LIFETIME']).optional(),
  modelPrivacy: z.enum(['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY']).optional(),
  /** null = never expires. */
  expiresAt: z.string().max(40).nullable().default(null),
});
export type KeyMeta = z.infer<typeof KeyMetaSchema>;

/** What a caller gives when saving a key: everything but what the vault works out itself. */
export const NewKeyMetaSchema = KeyMetaSchema.omit({ id: true, last6: true, type: true, createdAt: true }).extend({
  type: KeyTypeSchema.optional(),
  createdAt: z.iso.datetime().optional(),
  /** Defaults to the API address in the settings at the time of saving. */
  apiBaseUrl: z.url().max(200).optional(),
});
export type NewKeyMeta = z.input<typeof NewKeyMetaSchema>;

export const StoredRecordSchema = KeyMetaSchema.extend({ secret: SealedSchema });
export type StoredRecord = z.infer<typeof StoredRecordSchema>;
