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

/** Every KeyMeta field, in the order it is bound. */
export const BOUND_FIELDS = [
  'id', 'veniceId', 'last6', 'type', 'description', 'source', 'walletAddress', 'apiBaseUrl', 'createdAt',
  'limits', 'limitPeriod', 'modelPrivacy', 'expiresAt',
] as const satisfies ReadonlyArray<keyof KeyMeta>;

/** The fields as plain JSON values: an absent optional field and null are the same. */
function boundValues(meta: KeyMeta): unknown[] {
  return BOUND_FIELDS.map((field) => {
    if (field === 'limits') return [meta.limits.usd ?? null, meta.limits.diem ?? null];
    return meta[field] ?? null;
  });
}

export const recordMetaAad = (meta: KeyMeta) =>
  utf8(JSON.stringify(['venice-key-wallet/record', RECORD_ENVELOPE_VERSION, ...boundValues(meta)]));
