/**
 * The background's vault: one instance over the real storage, reading the
 * settings for auto-lock, clipboard delay and API address. Background only:
 * the popup imports nothing from here (it talks to it through lib/messaging/vault.ts).
 */
import { readSettings } from '../settings';
import { veniceKeyChecker } from './check-key';
import type { VaultPrefs } from './context';
import type { NewKeyMeta } from './record';
import { defineVaultStorage } from './store';
import { mintedKeyMeta, type MintedKeyInfo } from './minted-meta';
import { createVault, type Vault } from './vault';

export { createVault, vaultStatus, type Vault, type VaultStatus } from './vault';
export { vaultHandlers, vaultWireError } from './handlers';
export { startAutoLock, AUTO_LOCK_ALARM } from './autolock';
export { restrictSessionAccess } from './session';
export { defineVaultStorage } from './store';
export type { KeyMeta, NewKeyMeta, KeyType } from './record';
export type { VaultPrefs } from './context';
export { envLine, keyTypeOf } from './key-format';
export { mintedKeyMeta, type MintedKeyInfo } from './minted-meta';

async function settingsPrefs(): Promise<VaultPrefs> {
  const { autoLockMinutes, clipboardClearSeconds, apiBaseUrl } = await readSettings();
  return { autoLockMinutes, clipboardClearSeconds, apiBaseUrl };
}

let instance: Vault | undefined;

/** The one vault of the background, created on first use. */
export function backgroundVault(): Vault {
  instance ??= createVault(defineVaultStorage(), { prefs: settingsPrefs, checkKey: veniceKeyChecker() });
  return instance;
}

/**
 * For the mint flow: encrypts and stores a freshly minted key before anything shows it.
 * Throws (AppException) KEY_INVALID_FORMAT, VAULT_NOT_SET_UP, VAULT_LOCKED or
 * VAULT_STORAGE_FAILED; then the caller still holds the secret and must show it
 * once (components/KeyShownOnce.tsx) rather than lose it.
 */
export const saveKey = (meta: NewKeyMeta, secret: string) => backgroundVault().saveKey(meta, secret);

/** The same, taking the mint flow's own description of the key (lib/mint SaveMeta). */
export const saveMintedKey = (info: MintedKeyInfo, secret: string) => saveKey(mintedKeyMeta(info), secret);

/** For the poller: a saved key's secret, or VAULT_LOCKED. Never send it to a page or a log. */
export const getSecret = (id: string) => backgroundVault().getSecret(id);

/** 'not-set-up' | 'damaged' | 'locked' | 'unlocked', for the flow and the poller. */
export const vaultState = async () => (await backgroundVault().status()).state;
