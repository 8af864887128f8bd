/**
 * The vault's three stored items (declared in lib/storage/items.ts), their zod parse on read.
 * - vault         the sealed vault (format v2, migrated from v1 on load)
 * - guard         failed unlock attempts and the wait they impose (survives a popup reopen)
 * - session       the unlocked data key (raw bytes, base64) and the last activity time (storage.session)
 */
import * as z from 'zod/mini';
import { StoredRecordSchema, type StoredRecord } from './record';
import { VaultHeaderSchema, type StoredVault } from './format';

export const GuardSchema = z.strictObject({
  failures: z.int().check(z.minimum(0)),
  blockedUntil: z.number().check(z.minimum(0)),
});
export type Guard = z.infer<typeof GuardSchema>;

export const SessionSchema = z.strictObject({
  /** base64 of the raw 256-bit data key; present only while unlocked. */
  key: z.string().check(z.minLength(40), z.maxLength(60)),
  lastActivity: z.number(),
});

/** One stored item as the vault uses it (WXT's storage item, or a fake in tests). */
export interface VaultItem {
  getValue(): Promise<unknown>;
  setValue(value: unknown): Promise<void>;
  removeValue(): Promise<void>;
}

export interface VaultStorage {
  vault: VaultItem;
  guard: VaultItem;
  session: VaultItem;
}

export interface DamagedRecord {
  /** The record's id when it can still be read, else its position as `#<index>`. */
  id: string;
  /** shape: it does not fit; decrypt: an older record that no longer opens; changed: a record whose metadata or ciphertext was rewritten. */
  reason: 'shape' | 'decrypt' | 'changed';
}

export type VaultRead =
  | { kind: 'absent' }
  | { kind: 'damaged' }
  | { kind: 'ok'; vault: StoredVault; records: StoredRecord[]; damaged: DamagedRecord[] };

const idOf = (value: unknown, index: number): string => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 100 ? id : `#${index}`;
};

/** Reads and checks the vault. A record that does not fit is set aside and reported; the rest stay usable. */
export async function readVault(items: VaultStorage): Promise<VaultRead> {
  const raw = await items.vault.getValue();
  if (raw == null) return { kind: 'absent' };
  const header = VaultHeaderSchema.safeParse(raw);
  if (!header.success) return { kind: 'damaged' };
  const records: StoredRecord[] = [];
  const damaged: DamagedRecord[] = [];
  header.data.records.forEach((value, index) => {
    const record = StoredRecordSchema.safeParse(value);
    if (record.success) records.push(record.data);
    else damaged.push({ id: idOf(value, index), reason: 'shape' });
  });
  return { kind: 'ok', vault: header.data, records, damaged };
}

export async function readParsed<T>(item: { getValue(): Promise<unknown> }, schema: z.ZodMiniType<T>, fallback: T): Promise<T> {
  const parsed = schema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : fallback;
}
