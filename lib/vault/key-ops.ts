/** Saving, listing, revealing and removing keys. Each needs the vault unlocked except listing. */
import { fail, requireVault, writeVault, type VaultContext } from './context';
import { decryptSecret, encryptSecret } from './envelope';
import { keyTypeOf, last6Of } from './key-format';
import { NewKeyMetaSchema, type KeyMeta, type NewKeyMeta, type StoredRecord } from './record';
import { RECORD_ENVELOPE_VERSION } from './sealed';
import { sessionKey } from './session';
import type { DamagedRecord } from './store';

/**
 * The data key, or VAULT_LOCKED. A person's use counts as activity for the auto-lock;
 * background reads (the poller) pass `touch = false`, so they never keep the vault open.
 */
export async function requireDataKey(ctx: VaultContext, touch = true): Promise<CryptoKey> {
  const { autoLockMinutes } = await ctx.prefs();
  return (await sessionKey(ctx.items, ctx.now(), autoLockMinutes, touch)) ?? fail('VAULT_LOCKED');
}

export function metaOf(record: StoredRecord): KeyMeta {
  const { secret: _secret, ...meta } = record;
  return meta;
}

/**
 * Encrypts and stores a key. Throws KEY_INVALID_FORMAT, VAULT_NOT_SET_UP,
 * VAULT_LOCKED or VAULT_STORAGE_FAILED; on any of them the caller still holds
 * the secret and must show it once (components/KeyShownOnce.tsx) rather than lose it.
 */
export async function saveKey(ctx: VaultContext, meta: NewKeyMeta, secret: string): Promise<KeyMeta> {
  const type = keyTypeOf(secret);
  const parsed = NewKeyMetaSchema.safeParse(meta);
  if (!type || !parsed.success || (parsed.data.type && parsed.data.type !== type)) fail('KEY_INVALID_FORMAT');
  // The session key's reads start beside the vault's (issue 16: the mint's save); the vault's failure is reported first.
  const dataKeyRead = requireDataKey(ctx);
  dataKeyRead.catch(() => undefined);
  const read = await requireVault(ctx);
  const dataKey = await dataKeyRead;
  const id = crypto.randomUUID();
  const keyMeta: KeyMeta = {
    ...parsed.data,
    apiBaseUrl: parsed.data.apiBaseUrl ?? (await ctx.prefs()).apiBaseUrl,
    id,
    type,
    last6: last6Of(secret),
    createdAt: parsed.data.createdAt ?? new Date(ctx.now()).toISOString(),
  };
  // Sealed to every field of its record (record-aad.ts): a rewritten field no longer opens.
  const record: StoredRecord = { ...keyMeta, secret: await encryptSecret(dataKey, keyMeta, secret) };
  await writeVault(ctx, { ...read.vault, records: [...read.vault.records, record] });
  return metaOf(record);
}

/**
 * Decrypts one key's secret. Unknown id → KEY_NOT_FOUND; a record that does not fit →
 * VAULT_RECORD_DAMAGED; a failed decryption → VAULT_RECORD_CHANGED for a record sealed
 * to its metadata (envelope v2: its fields or ciphertext were changed outside the
 * extension), VAULT_RECORD_DAMAGED for an older record. Either way the key is not used.
 */
export async function revealKey(ctx: VaultContext, id: string, touch = true): Promise<string> {
  const read = await requireVault(ctx);
  const dataKey = await requireDataKey(ctx, touch);
  const damaged = read.damaged.some((d) => d.id === id);
  const record = read.records.find((r) => r.id === id);
  if (damaged) fail('VAULT_RECORD_DAMAGED', `Record ${id}.`);
  if (!record) fail('KEY_NOT_FOUND');
  try {
    return await decryptSecret(dataKey, record);
  } catch {
    return fail(record.secret.v === RECORD_ENVELOPE_VERSION ? 'VAULT_RECORD_CHANGED' : 'VAULT_RECORD_DAMAGED', `Record ${id}.`);
  }
}

/** Ids whose secret no longer opens with the data key (edited, moved or corrupted ciphertext, or rewritten metadata). */
export async function undecryptable(dataKey: CryptoKey, records: StoredRecord[]): Promise<DamagedRecord[]> {
  const results = await Promise.all(
    records.map((r): Promise<DamagedRecord | null> =>
      decryptSecret(dataKey, r).then(() => null, () => ({ id: r.id, reason: r.secret.v === RECORD_ENVELOPE_VERSION ? 'changed' : 'decrypt' })),
    ),
  );
  return results.filter((d): d is DamagedRecord => d !== null);
}

/**
 * Removes the local copy of a key (or a damaged record) by id. This does NOT revoke
 * the key at Venice. Needs the vault unlocked, so a passer-by cannot delete keys.
 */
export async function removeKey(ctx: VaultContext, id: string): Promise<{ removed: boolean }> {
  const read = await requireVault(ctx);
  await requireDataKey(ctx);
  const kept = read.vault.records.filter((value, index) => {
    const recordId = (value as { id?: unknown } | null)?.id;
    return recordId !== id && `#${index}` !== id;
  });
  if (kept.length === read.vault.records.length) return { removed: false };
  await writeVault(ctx, { ...read.vault, records: kept });
  return { removed: true };
}
