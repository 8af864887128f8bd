/**
 * The one storage read behind the popup's first paint (cached-state.ts): one
 * storage.local.get and one storage.session.get of exactly these items. The tiny
 * classic script entrypoints/popup-prefetch.ts starts it while the popup's modules
 * are still loading and leaves the promise on the window for the popup to take.
 * No imports: the prefetch script must stay a few hundred bytes.
 */

/** storage.local: the vault (and its WXT version entry `vault$`), the settings, the poll cache. */
export const LOCAL_KEYS = ['vault', 'vault$', 'settings', 'pollCache'];
/** storage.session: the open session (lib/vault/session.ts), the mint flow (lib/flow/storage.ts). */
export const SESSION_KEYS = ['vaultSession', 'mintFlow'];

export type StoredValues = [local: Record<string, unknown>, session: Record<string, unknown>];
type Area = { get(keys: string[]): Promise<Record<string, unknown>> };
export interface StorageAreas {
  local: Area;
  session: Area;
}

/** Where the prefetch script leaves its read; null once the popup has read (or taken it). */
const EARLY = '__veniceKeyWalletPopupRead';
type Holder = { [EARLY]?: Promise<StoredValues> | null };

export function readStored(areas: StorageAreas): Promise<StoredValues> {
  return Promise.all([areas.local.get(LOCAL_KEYS), areas.session.get(SESSION_KEYS)]);
}

/**
 * Starts the read and leaves it for `takeEarlyRead` (a failure is taken there, not reported
 * as unhandled). Does nothing when the popup already read without it (the script came late).
 */
export function startEarlyRead(areas: StorageAreas, holder: object = globalThis): void {
  if ((holder as Holder)[EARLY] === null) return;
  const read = readStored(areas);
  read.catch(() => undefined);
  (holder as Holder)[EARLY] = read;
}

/**
 * The read the prefetch script started, once, or undefined when it has not run; either way
 * the window keeps no copy and a prefetch script running later reads nothing.
 */
export function takeEarlyRead(holder: object = globalThis): Promise<StoredValues> | undefined {
  const read = (holder as Holder)[EARLY] ?? undefined;
  (holder as Holder)[EARLY] = null;
  return read;
}
