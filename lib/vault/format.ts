/**
 * The stored vault, format v2, and the migration from v1.
 *
 * v1 (the first release) kept the KDF implicit (PBKDF2-SHA-256, 600,000 iterations),
 * the salt, IV and wrapped key as loose header fields, and each record's IV and
 * ciphertext flat beside its metadata, with no envelope version.
 * v2 states the KDF (algorithm, hash, iterations, salt) so it can be raised, and
 * nests every ciphertext as `{ v, iv, ct }` so the envelope can change later.
 * The additional data is the same in both (envelope v1), so migrating needs no key.
 */
import * as z from 'zod/mini';
import { ENVELOPE_VERSION, SealedSchema } from './envelope';
import { KdfParamsSchema } from './kdf';

export const VAULT_FORMAT = 2;

const cap = z.nullable(z.number().check(z.gte(0), z.lte(9_999_999_999)));
/** A key's USD and DIEM caps before a pause (null: no cap). Not secret; kept beside the records. */
export const PausedCapsSchema = z.strictObject({ usd: cap, diem: cap });
export type PausedCaps = z.infer<typeof PausedCapsSchema>;
export const V1_ITERATIONS = 600_000;

export const VaultHeaderSchema = z.strictObject({
  format: z.literal(VAULT_FORMAT),
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  kdf: KdfParamsSchema,
  wrapped: SealedSchema,
  /** Parsed one by one (see store.ts), so a damaged record does not take the others down. */
  records: z.array(z.unknown()).check(z.maxLength(10_000)),
  /** Caps of keys paused on the Manage keys page (Venice id → caps before the pause), restored by Resume. */
  paused: z.optional(z.record(z.string().check(z.maxLength(100)), PausedCapsSchema)),
});
export type StoredVault = z.infer<typeof VaultHeaderSchema>;

const V1HeaderSchema = z.looseObject({
  id: z.string(),
  createdAt: z.string(),
  salt: z.string(),
  iv: z.string(),
  wrappedKey: z.string(),
  records: z.array(z.unknown()),
});
const V1RecordSchema = z.looseObject({ iv: z.string(), ct: z.string() });

function migrateRecord(record: unknown): unknown {
  const v1 = V1RecordSchema.safeParse(record);
  if (!v1.success) return record; // kept as it is: reported as damaged, never dropped
  const { iv, ct, ...meta } = v1.data;
  return { ...meta, secret: { v: ENVELOPE_VERSION, iv, ct } };
}

/**
 * v1 → v2. Total: a value that is not a v1 vault is returned unchanged, so it
 * shows up as damaged instead of being lost by a failed migration.
 */
export function migrateV1ToV2(value: unknown): unknown {
  const v1 = V1HeaderSchema.safeParse(value);
  if (!v1.success) return value;
  const { id, createdAt, salt, iv, wrappedKey, records } = v1.data;
  return {
    format: VAULT_FORMAT,
    id,
    createdAt,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: V1_ITERATIONS, salt },
    wrapped: { v: ENVELOPE_VERSION, iv, ct: wrappedKey },
    records: records.map(migrateRecord),
  };
}
