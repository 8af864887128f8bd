/**
 * The one storage read behind the popup's first paint (cached-state.ts): one
 * storage.local.get and one storage.session.get of exactly these items (lib/storage/keys.ts),
 * started by first-read.ts before the rest of the popup's code is evaluated.
 */
import { keysIn, STORED, versionKeyOf, type StoredName } from '../../lib/storage/keys';

const FIRST_PAINT: StoredName[] = ['vault', 'settings', 'pollCache', 'vaultSession', 'mintFlow'];

/** storage.local: the vault (and its WXT version entry `vault$`), the settings, the poll cache. */
export const LOCAL_KEYS = keysIn('local', FIRST_PAINT).flatMap((key) => (key === STORED.vault.key ? [key, versionKeyOf(key)] : [key]));
/** storage.session: the open session, the mint flow. */
export const SESSION_KEYS = keysIn('session', FIRST_PAINT);

export type StoredValues = [local: Record<string, unknown>, session: Record<string, unknown>];
type Area = { get(keys: string[]): Promise<Record<string, unknown>> };
export interface StorageAreas {
  local: Area;
  session: Area;
}

export function readStored(areas: StorageAreas): Promise<StoredValues> {
  return Promise.all([areas.local.get(LOCAL_KEYS), areas.session.get(SESSION_KEYS)]);
}
