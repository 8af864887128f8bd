/**
 * The popup's first paint without a round trip to the background: the vault's key
 * metadata, whether a session is open, the settings and the last poll, read straight
 * from storage (extension pages are trusted contexts) in one storage.local.get and one
 * storage.session.get (stored-read.ts), checked by hand with the same answers as the schemas the
 * background uses (lib/vault/record-check.ts, lib/toolbar/poll-entry-check.ts, lib/settings/stored-timings.ts),
 * and shaped as the background would answer vault.status and toolbar.get.
 *
 * Read-only: the background stays the owner of every write, and the popup still asks it
 * (vault.status, toolbar.get, toolbar.refresh) right after the first paint, to confirm or
 * correct what is shown. Only an unlocked vault is read here; any other state, or a value
 * that does not fit, gives null and the popup waits for the background as before.
 * The session's data key is looked at for its presence only and never kept.
 */
import { browser } from 'wxt/browser';
import type { HomeKey, HomeSnapshot } from '../../components/home-api';
import type { VaultStatusView } from '../../lib/messaging/vault';
import { isWaitingForWallet } from '../../lib/mint/waiting';
import { MINT_FLOW_ITEM, POLL_CACHE_ITEM, SETTINGS_ITEM, VAULT_ITEM, VAULT_SESSION_ITEM, versionKeyOf } from '../../lib/storage/keys';
import type { PollEntry } from '../../lib/toolbar/cache';
import { pollEntryOf } from '../../lib/toolbar/poll-entry-check';
import { nextDueAt, periodMs } from '../../lib/toolbar/schedule';
import { metaOf, pickActive } from '../../lib/toolbar/vault-source';
import { storedTimings } from '../../lib/settings/stored-timings';
import { isIdleExpired } from '../../lib/vault/autolock';
import type { KeyMeta } from '../../lib/vault/record';
import { storedRecordMeta } from '../../lib/vault/record-check';
import { readStored, type StorageAreas, type StoredValues } from './stored-read';

/** The saved keys as the home screen lists them: metadata only. */
export const homeKeysOf = (records: KeyMeta[]): HomeKey[] =>
  records.map(({ id, description, last6, expiresAt }) => ({ id, description, last6, expiresAt }));

export type UnlockedVaultView = Extract<VaultStatusView, { state: 'unlocked' }>;

export interface CachedPopup {
  vault: UnlockedVaultView;
  home: HomeSnapshot;
}

/** The vault is read only at the version the background migrated it to (WXT keeps it under `vault$`). */
const VAULT_VERSION = VAULT_ITEM.version;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True while an unlocked session is stored and not idle longer than the auto-lock allows (lib/vault/session.ts). */
function sessionOpen(raw: unknown, autoLockMinutes: number, now: number): boolean {
  if (!isRecord(raw) || typeof raw.key !== 'string' || raw.key.length < 40 || typeof raw.lastActivity !== 'number') return false;
  return !isIdleExpired(raw.lastActivity, now, autoLockMinutes);
}

/** The saved keys' metadata; null when the vault is absent, not yet migrated, or its header does not fit. */
function vaultRecords(local: Record<string, unknown>): { records: KeyMeta[]; damaged: UnlockedVaultView['damaged'] } | null {
  const meta = local[versionKeyOf(VAULT_ITEM.key)];
  const vault = local[VAULT_ITEM.key];
  if (!isRecord(meta) || meta.v !== VAULT_VERSION || !isRecord(vault) || vault.format !== VAULT_VERSION) return null;
  if (!Array.isArray(vault.records)) return null;
  const records: KeyMeta[] = [];
  const damaged: UnlockedVaultView['damaged'] = [];
  vault.records.forEach((value: unknown, index) => {
    const keyMeta = storedRecordMeta(value);
    if (keyMeta) {
      records.push(keyMeta);
    } else {
      const id = isRecord(value) && typeof value.id === 'string' && value.id.length <= 100 ? value.id : `#${index}`;
      damaged.push({ id, reason: 'shape' });
    }
  });
  return { records, damaged };
}

/** What vault.status and toolbar.get would answer, from the stored values; null unless the vault is unlocked. */
export function cachedPopupOf(local: Record<string, unknown>, session: Record<string, unknown>, now: number): CachedPopup | null {
  const settings = storedTimings(local[SETTINGS_ITEM.key]);
  if (!sessionOpen(session[VAULT_SESSION_ITEM.key], settings.autoLockMinutes, now)) return null;
  const read = vaultRecords(local);
  if (!read) return null;
  const vault: UnlockedVaultView = { state: 'unlocked', ...read, clipboardClearSeconds: settings.clipboardClearSeconds };

  const active = pickActive(read.records, settings.activeKeyId);
  const key = active ? metaOf(active) : null;
  const pollCache = local[POLL_CACHE_ITEM.key];
  const cache = isRecord(pollCache) ? pollCache : {};
  const entry: PollEntry | null = active ? pollEntryOf(cache[active.id]) : null;
  const waitingForWallet = isWaitingForWallet(session[MINT_FLOW_ITEM.key]);
  const { pollMinutes } = settings;
  const status: HomeSnapshot['status'] = {
    vault: 'unlocked',
    waitingForWallet,
    key,
    entry,
    nextPollAt: key ? nextDueAt(entry, periodMs(pollMinutes), now) : null,
    now,
  };
  return { vault, home: { status, keys: homeKeysOf(read.records), pollMinutes } };
}

/**
 * The stored state the first paint needs (stored-read.ts), from the read already started
 * (first-read.ts) when there is one, else one storage.local.get and one storage.session.get.
 */
export async function readCachedPopup(
  areas: StorageAreas = browser.storage,
  now: () => number = Date.now,
  started?: Promise<StoredValues>,
): Promise<CachedPopup | null> {
  const [local, session] = await (started ?? readStored(areas));
  return cachedPopupOf(local, session, now());
}
