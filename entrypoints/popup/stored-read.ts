/**
 * The one storage read behind the popup's first paint (cached-state.ts): one
 * storage.local.get and one storage.session.get of exactly these items (lib/storage/keys.ts),
 * started by first-read.ts before the rest of the popup's code is evaluated.
 */
import { MINT_FLOW_ITEM, POLL_CACHE_ITEM, SETTINGS_ITEM, VAULT_ITEM, VAULT_SESSION_ITEM, versionKeyOf } from '../../lib/storage/keys';

/** storage.local: the vault (and its WXT version entry `vault$`), the settings, the poll cache. */
export const LOCAL_KEYS = [VAULT_ITEM.key, versionKeyOf(VAULT_ITEM.key), SETTINGS_ITEM.key, POLL_CACHE_ITEM.key];
/** storage.session: the open session, the mint flow. */
export const SESSION_KEYS = [VAULT_SESSION_ITEM.key, MINT_FLOW_ITEM.key];

export type StoredValues = [local: Record<string, unknown>, session: Record<string, unknown>];
type Area = { get(keys: string[]): Promise<Record<string, unknown>> };
export interface StorageAreas {
  local: Area;
  session: Area;
}

export function readStored(areas: StorageAreas): Promise<StoredValues> {
  return Promise.all([areas.local.get(LOCAL_KEYS), areas.session.get(SESSION_KEYS)]);
}
