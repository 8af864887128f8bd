/**
 * The one storage read behind the popup's first paint (cached-state.ts): one
 * storage.local.get and one storage.session.get of exactly these items, started by
 * first-read.ts before the rest of the popup's code is evaluated.
 */

/** storage.local: the vault (and its WXT version entry `vault$`), the settings, the poll cache. */
export const LOCAL_KEYS = ['vault', 'vault$', 'settings', 'pollCache'];
/** storage.session: the open session (lib/vault/session.ts), the mint flow (lib/mint/storage.ts). */
export const SESSION_KEYS = ['vaultSession', 'mintFlow'];

export type StoredValues = [local: Record<string, unknown>, session: Record<string, unknown>];
type Area = { get(keys: string[]): Promise<Record<string, unknown>> };
export interface StorageAreas {
  local: Area;
  session: Area;
}

export function readStored(areas: StorageAreas): Promise<StoredValues> {
  return Promise.all([areas.local.get(LOCAL_KEYS), areas.session.get(SESSION_KEYS)]);
}
