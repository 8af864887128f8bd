/**
 * Connects the poller to the vault: which key is active, and its secret only at the
 * moment a request is sent. Keys are polled against the API they were saved for.
 */
import type { BadgeKey } from '../badge/schema';
import type { ActiveKey, VaultState } from './poller';

/** The vault record fields the poller reads (lib/vault KeyMeta has these and more). */
export interface VaultRecord {
  id: string;
  description: string;
  last6: string;
  apiBaseUrl: string;
  createdAt: string;
  limits?: { usd?: number | null; diem?: number | null };
  limitPeriod?: 'EPOCH' | 'MONTH' | 'LIFETIME';
}

export interface VaultLike {
  status(): Promise<{ state: string; records?: VaultRecord[] }>;
  getSecret(id: string): Promise<string>;
}

export function toVaultState(state: string): VaultState {
  if (state === 'unlocked') return 'unlocked';
  if (state === 'locked') return 'locked';
  return 'empty'; // not set up, or damaged: no key can be used
}

/** The chosen key when it still exists, else the newest one. */
export function pickActive(records: VaultRecord[], activeKeyId: string | null): VaultRecord | null {
  const chosen = activeKeyId ? records.find((r) => r.id === activeKeyId) : undefined;
  if (chosen) return chosen;
  return [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

export function metaOf(record: VaultRecord): BadgeKey {
  const meta: BadgeKey = { id: record.id, description: record.description, last6: record.last6 };
  if (record.limits) meta.limits = { usd: record.limits.usd ?? null, diem: record.limits.diem ?? null };
  if (record.limitPeriod) meta.limitPeriod = record.limitPeriod;
  return meta;
}

export function vaultKeySource(vault: VaultLike, activeKeyId: () => Promise<string | null>) {
  return {
    getVaultState: async (): Promise<VaultState> => toVaultState((await vault.status()).state),
    getActiveKey: async (): Promise<ActiveKey | null> => {
      const status = await vault.status();
      if (status.state !== 'unlocked' || !status.records) return null;
      const record = pickActive(status.records, await activeKeyId());
      return record ? { id: record.id, apiBaseUrl: record.apiBaseUrl, meta: metaOf(record) } : null;
    },
    secretOf: (key: ActiveKey): Promise<string> => vault.getSecret(key.id),
  };
}
