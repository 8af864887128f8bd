/**
 * The migration of key records from envelope v1 (additional data: the record's id) to
 * v2 (every plaintext field, record-aad.ts). Re-sealing needs the data key, so it runs
 * at unlock, in the same single storage write as a KDF upgrade (lock-ops.ts): a crash
 * before that write leaves the v1 vault as it was (still readable, migrated at the next
 * unlock); a crash after it leaves a v2 vault. A record that does not fit or does not
 * open is kept exactly as it was (reported as damaged, never dropped).
 */
import { decryptSecret, encryptSecret } from './envelope';
import { StoredRecordSchema } from './record';
import { RECORD_ENVELOPE_VERSION } from './sealed';

/** The stored records with every v1 record re-sealed as v2, or null when there was none to re-seal. */
export async function upgradeRecords(dataKey: CryptoKey, records: readonly unknown[]): Promise<unknown[] | null> {
  let changed = false;
  const next = await Promise.all(
    records.map(async (value) => {
      const parsed = StoredRecordSchema.safeParse(value);
      if (!parsed.success || parsed.data.secret.v === RECORD_ENVELOPE_VERSION) return value;
      try {
        const { secret: _old, ...meta } = parsed.data;
        const secret = await encryptSecret(dataKey, meta, await decryptSecret(dataKey, parsed.data));
        changed = true;
        return { ...(value as object), secret };
      } catch {
        return value;
      }
    }),
  );
  return changed ? next : null;
}
