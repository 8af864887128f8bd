/**
 * Changing what the vault knows about a saved key, for the Manage keys page: its metadata
 * after an edit or a revoke at Venice (the record is opened and sealed again, since every
 * field is bound to its ciphertext), and the caps remembered while a key is paused.
 */
import { fail, requireVault, writeVault, type VaultContext } from './context';
import { decryptSecret, encryptSecret } from './envelope';
import type { PausedCaps } from './format';
import { metaOf, requireDataKey } from './key-ops';
import type { KeyMeta, KeyMetaPatch, StoredRecord } from './record';

/**
 * Applies `patch` to the record `id` and seals its secret again to the new metadata, in one
 * storage write. Unknown id → KEY_NOT_FOUND; a record that does not open → VAULT_RECORD_CHANGED
 * (it is left as it was).
 */
export async function updateKeyMeta(ctx: VaultContext, id: string, patch: KeyMetaPatch): Promise<KeyMeta> {
  const read = await requireVault(ctx);
  const dataKey = await requireDataKey(ctx);
  const record = read.records.find((r) => r.id === id);
  if (!record) fail('KEY_NOT_FOUND');
  let secret: string;
  try {
    secret = await decryptSecret(dataKey, record);
  } catch {
    return fail('VAULT_RECORD_CHANGED', `Record ${id}.`);
  }
  const { secret: _old, ...meta } = record;
  const next: KeyMeta = { ...meta, ...patch };
  const sealed: StoredRecord = { ...next, secret: await encryptSecret(dataKey, next, secret) };
  const records = read.vault.records.map((value) => ((value as { id?: unknown } | null)?.id === id ? sealed : value));
  await writeVault(ctx, { ...read.vault, records });
  return metaOf(sealed);
}

/** The caps remembered for paused keys, by Venice id. */
export async function pausedCaps(ctx: VaultContext): Promise<Record<string, PausedCaps>> {
  const read = await requireVault(ctx);
  return read.vault.paused ?? {};
}

/** Remembers (or, with null, forgets) the caps a key had before its pause. Needs the vault unlocked. */
export async function setPausedCaps(ctx: VaultContext, veniceId: string, caps: PausedCaps | null): Promise<void> {
  const read = await requireVault(ctx);
  await requireDataKey(ctx);
  const { [veniceId]: _previous, ...others } = read.vault.paused ?? {};
  const paused = caps ? { ...others, [veniceId]: caps } : others;
  await writeVault(ctx, { ...read.vault, paused });
}
