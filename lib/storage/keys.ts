/**
 * Every item the extension keeps in browser storage, by area, key and schema version:
 * the one list of names. Pure data, no storage library, so the popup's first read
 * (entrypoints/popup/stored-read.ts) uses it without loading anything heavy.
 * The items themselves (defaults, parse, migrations) are declared in ./items.ts.
 */
export const STORED = {
  /** The settings (lib/settings/schema.ts), checked with zod on every read. */
  settings: { area: 'local', key: 'settings', version: 1 },
  /** The sealed vault (lib/vault/format.ts), migrated from format v1 on load. */
  vault: { area: 'local', key: 'vault', version: 2 },
  /** Failed unlock attempts and the wait they impose. */
  vaultGuard: { area: 'local', key: 'vaultGuard', version: 1 },
  /** The unlocked data key and the last activity time: memory only, kept from content scripts. */
  vaultSession: { area: 'session', key: 'vaultSession', version: 1 },
  /** The last poll of each key (lib/toolbar/cache.ts): balances and limits, never a secret. */
  pollCache: { area: 'local', key: 'pollCache', version: 1 },
  /** Which notification conditions each key was last seen in (lib/notify). */
  notifyMemory: { area: 'local', key: 'notifyMemory', version: 1 },
  /** The mint flow's state (lib/mint/state.ts): survives a worker restart, never holds a secret. */
  mintFlow: { area: 'session', key: 'mintFlow', version: 1 },
  /** The signing tab the extension opened and the wallet chosen in it (lib/wallet/signing-tab.ts). */
  signingTab: { area: 'session', key: 'walletSigningTab', version: 1 },
} as const;

export type StoredName = keyof typeof STORED;
export type StorageAreaName = 'local' | 'session';

/** WXT keeps an item's schema version under `<key>$` (a `{ v }` object) beside the value. */
export const versionKeyOf = (key: string) => `${key}$`;

/** The keys of one area's items, for a single `storage.<area>.get(keys)`. */
export function keysIn(area: StorageAreaName, names: readonly StoredName[]): string[] {
  return names.filter((name) => STORED[name].area === area).map((name) => STORED[name].key);
}
