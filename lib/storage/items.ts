/**
 * Every stored item, declared once with WXT's storage module: key (./keys.ts), schema
 * version, default and migrations. Background only: declaring the vault item runs its migration,
 * so pages read storage through ./keys.ts and the schemas instead. Domain code never
 * imports this file; the composition root (entrypoints/background/services.ts) passes
 * each item to the service that owns it.
 */
import { storage } from 'wxt/utils/storage';
import { IDLE } from '../mint/state';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';
import { migrateV1ToV2, VAULT_FORMAT } from '../vault/format';
import { STORED, type StoredName } from './keys';

const itemKey = (name: StoredName) => `${STORED[name].area}:${STORED[name].key}` as const;

/** Declares every item (call once per context: the vault's migration runs on declaration). */
export function defineStoredItems() {
  return {
    settings: storage.defineItem<Settings>(itemKey('settings'), { fallback: DEFAULT_SETTINGS, version: 1 }),
    vault: storage.defineItem<unknown>(itemKey('vault'), { version: VAULT_FORMAT, migrations: { 2: migrateV1ToV2 } }),
    vaultGuard: storage.defineItem<unknown>(itemKey('vaultGuard')),
    vaultSession: storage.defineItem<unknown>(itemKey('vaultSession')),
    pollCache: storage.defineItem<Record<string, unknown>>(itemKey('pollCache'), { fallback: {}, version: 1 }),
    notifyMemory: storage.defineItem<Record<string, unknown>>(itemKey('notifyMemory'), { fallback: {}, version: 1 }),
    mintFlow: storage.defineItem<unknown>(itemKey('mintFlow'), { fallback: IDLE, version: 1 }),
    signingTab: storage.defineItem<unknown>(itemKey('signingTab')),
    clipboardClear: storage.defineItem<unknown>(itemKey('clipboardClear')),
  };
}
export type StoredItems = ReturnType<typeof defineStoredItems>;
