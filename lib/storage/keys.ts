/**
 * Every item the extension keeps in browser storage, by area and key: the one list of
 * names (STORED at the end). Versions, defaults and migrations are declared with the
 * items (./items.ts), except the vault's version, which the popup's first read checks. Pure data, no storage library, so the
 * popup's first read (entrypoints/popup/stored-read.ts) imports the few it reads without
 * loading anything heavy. The items themselves (defaults, migrations) are declared in ./items.ts.
 */

/** The settings (lib/settings/schema.ts), checked with zod on every read. */
export const SETTINGS_ITEM = { area: 'local', key: 'settings' } as const;
/** The sealed vault (lib/vault/format.ts), migrated from format v1 on load. */
export const VAULT_ITEM = { area: 'local', key: 'vault', version: 2 } as const; // = VAULT_FORMAT (tested)
/** Failed unlock attempts and the wait they impose. */
export const VAULT_GUARD_ITEM = { area: 'local', key: 'vaultGuard' } as const;
/** The unlocked data key and the last activity time: memory only, kept from content scripts. */
export const VAULT_SESSION_ITEM = { area: 'session', key: 'vaultSession' } as const;
/** The last poll of each key (lib/toolbar/cache.ts): balances and limits, never a secret. */
export const POLL_CACHE_ITEM = { area: 'local', key: 'pollCache' } as const;
/** Which notification conditions each key was last seen in (lib/notify). */
export const NOTIFY_MEMORY_ITEM = { area: 'local', key: 'notifyMemory' } as const;
/** The mint flow's state (lib/mint/state.ts): survives a worker restart, never holds a secret. */
export const MINT_FLOW_ITEM = { area: 'session', key: 'mintFlow' } as const;
/** The signing tab the extension opened and the wallet chosen in it (lib/wallet/signing-tab.ts). */
export const SIGNING_TAB_ITEM = { area: 'session', key: 'walletSigningTab' } as const;

/** The pending clear of a copied key (lib/clipboard/pending.ts): its digest and when, never the key. */
export const CLIPBOARD_CLEAR_ITEM = { area: 'session', key: 'clipboardClear' } as const;

/** Every stored item by name. */
export const STORED = {
  settings: SETTINGS_ITEM,
  vault: VAULT_ITEM,
  vaultGuard: VAULT_GUARD_ITEM,
  vaultSession: VAULT_SESSION_ITEM,
  pollCache: POLL_CACHE_ITEM,
  notifyMemory: NOTIFY_MEMORY_ITEM,
  mintFlow: MINT_FLOW_ITEM,
  signingTab: SIGNING_TAB_ITEM,
  clipboardClear: CLIPBOARD_CLEAR_ITEM,
} as const;

export type StoredName = keyof typeof STORED;

/** WXT keeps an item's schema version under `<key>$` (a `{ v }` object) beside the value. */
export const versionKeyOf = (key: string) => `${key}$`;
