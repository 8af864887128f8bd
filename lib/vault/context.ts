/** What every vault operation needs, passed in (storage items, clock, settings, KDF strength), plus shared helpers. */
import { AppException, appError, storageWriteError, type ErrorCode } from '../errors';
import { DEFAULT_PBKDF2_ITERATIONS } from './kdf';
import { readVault, type VaultStorage } from './store';
import type { StoredVault } from './format';

/** The settings the vault reads (lib/settings holds them; tests pass plain values). */
export interface VaultPrefs {
  /** Idle minutes before the vault locks itself; 0 = only when the browser closes. */
  autoLockMinutes: number;
  /** Seconds before the popup clears a copied key from the clipboard; 0 = never. */
  clipboardClearSeconds: number;
  /** The API that imported keys are checked against and recorded with. */
  apiBaseUrl: string;
}
export const DEFAULT_VAULT_PREFS: VaultPrefs = {
  autoLockMinutes: 0,
  clipboardClearSeconds: 30,
  apiBaseUrl: 'https://api.venice.ai/api/v1',
};

export interface VaultContext {
  items: VaultStorage;
  now: () => number;
  prefs: () => Promise<VaultPrefs>;
  /** PBKDF2 iterations for new and re-wrapped vaults (tests pass a small number). */
  iterations: number;
  /** Keeps the session's storage from content scripts; runs before each session write. */
  restrictSession: () => Promise<void>;
}

export interface ContextOptions {
  now?: () => number;
  prefs?: () => Promise<VaultPrefs>;
  iterations?: number;
  restrictSession?: () => Promise<void>;
}

export function makeContext(items: VaultStorage, options: ContextOptions = {}): VaultContext {
  return {
    items,
    now: options.now ?? Date.now,
    prefs: options.prefs ?? (async () => DEFAULT_VAULT_PREFS),
    iterations: options.iterations ?? DEFAULT_PBKDF2_ITERATIONS,
    restrictSession: options.restrictSession ?? (async () => undefined),
  };
}

/** Throws an AppException of the error table. `detail` must never hold a secret. */
export function fail(code: ErrorCode, detail?: string): never {
  throw new AppException(appError(code, detail));
}

/** The vault, or the error that says why there is none to use. */
export async function requireVault(ctx: VaultContext) {
  const read = await readVault(ctx.items);
  if (read.kind === 'absent') fail('VAULT_NOT_SET_UP');
  if (read.kind === 'damaged') fail('VAULT_RECORD_DAMAGED', 'The vault header cannot be read; reset the vault to start again.');
  return read;
}

/**
 * Writes the whole vault in one storage write (one `storage.local.set`: the browser applies it
 * whole or not at all, so a refused write leaves the stored vault as it was). A full storage
 * becomes STORAGE_FULL, any other failure VAULT_STORAGE_FAILED.
 */
export async function writeVault(ctx: VaultContext, vault: StoredVault): Promise<void> {
  try {
    await ctx.items.vault.setValue(vault);
  } catch (error) {
    throw new AppException(storageWriteError(error), { cause: error });
  }
}

