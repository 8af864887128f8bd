/**
 * The additional data of a key record's ciphertext (record envelope v2): every plaintext
 * field of the record, in a fixed order, as one JSON array. Anything that can write
 * storage.local can rewrite a record's plaintext; with its fields bound here, a record
 * whose API address, type, wallet, name, limits or dates changed no longer opens.
 * A field added to KeyMeta must be added here (test/unit/vault/record-format.test.ts checks it).
 */
import { RECORD_ENVELOPE_VERSION } from './sealed';
import type { KeyMeta } from './record';
import { utf8 } from './encoding';

/** The KeyMeta fields of record envelope v2 as first written, in the order they are bound. */
const FIRST_FIELDS = [
  'id', 'veniceId', 'last6', 'type', 'description', 'source', 'walletAddress', 'apiBaseUrl', 'createdAt',
  'limits', 'limitPeriod', 'modelPrivacy', 'expiresAt',
] as const satisfies ReadonlyArray<keyof KeyMeta>;
/**
 * Optional fields added later: bound as `[name, value]` pairs after the first ones, only when
 * present, so a record sealed before they existed still opens, and one that has them
 * (a revoked key) no longer opens once they are removed or changed.
 */
const LATER_FIELDS = ['revokedAt'] as const satisfies ReadonlyArray<keyof KeyMeta>;

/** Every KeyMeta field that is bound. */
export const BOUND_FIELDS = [...FIRST_FIELDS, ...LATER_FIELDS] as const;

/** The fields as plain JSON values: an absent optional field and null are the same. */
function boundValues(meta: KeyMeta): unknown[] {
  const first = FIRST_FIELDS.map((field) => {
    if (field === 'limits') return [meta.limits.usd ?? null, meta.limits.diem ?? null];
    return meta[field] ?? null;
  });
  const later = LATER_FIELDS.filter((field) => meta[field] != null).map((field) => [field, meta[field]]);
  return [...first, ...later];
}

export const recordMetaAad = (meta: KeyMeta) =>
  utf8(JSON.stringify(['venice-key-wallet/record', RECORD_ENVELOPE_VERSION, ...boundValues(meta)]));
