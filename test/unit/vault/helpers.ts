import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toBase64 } from '../../../lib/vault/encoding';
import { DEFAULT_VAULT_PREFS, type VaultPrefs } from '../../../lib/vault/context';
import { defineStoredItems } from '../../../lib/storage/items';
import type { VaultStorage } from '../../../lib/vault/store';
import { createVault, type VaultOptions } from '../../../lib/vault/vault';
import type { NewKeyMeta } from '../../../lib/vault/record';

/** The vault's three items as the background declares them (lib/storage/items.ts). */
export function vaultItems(): VaultStorage {
  const { vault, vaultGuard: guard, vaultSession: session } = defineStoredItems();
  return { vault, guard, session };
}

/** Few iterations keep the unit tests fast; the real default is measured in test/bench/vault.ts. */
export const FAST_ITERATIONS = 1_000;
export const PASS = 'violet-harbor-51-lantern';
export const OTHER_PASS = 'quiet copper meadow 2031';

export function fakeSecret(kind: 'INFERENCE' | 'ADMIN' = 'INFERENCE'): string {
  const tail = Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `VENICE_${kind}_KEY_${tail}`;
}

export const META: NewKeyMeta = {
  description: 'laptop',
  source: 'minted',
  apiBaseUrl: 'https://api.venice.ai/api/v1',
  walletAddress: '0x1111111111111111111111111111111111111111',
  limits: { usd: 5 },
  limitPeriod: 'EPOCH',
  modelPrivacy: 'ALL',
  expiresAt: null,
};

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2025-05-01T10:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

/** A fresh fake browser, the vault's storage items, and a vault over them. */
export function freshVault(options: VaultOptions & { prefs?: () => Promise<VaultPrefs> } = {}) {
  fakeBrowser.reset();
  const items = vaultItems();
  const vault = createVault(items, { iterations: FAST_ITERATIONS, ...options });
  return { items, vault };
}

/** A second vault over the same storage, as a restarted service worker would build it. */
export function reopen(options: VaultOptions = {}) {
  const items = vaultItems();
  return { items, vault: createVault(items, { iterations: FAST_ITERATIONS, ...options }) };
}

export const prefs = (p: Partial<VaultPrefs>) => async (): Promise<VaultPrefs> => ({ ...DEFAULT_VAULT_PREFS, ...p });

/** Everything in chrome.storage.local and .session, as one string, to search for leaks. */
export async function dumpStorage(): Promise<{ local: string; session: string }> {
  return {
    local: JSON.stringify(await fakeBrowser.storage.local.get(null)),
    session: JSON.stringify(await fakeBrowser.storage.session.get(null)),
  };
}

/**
 * A secret sealed as record envelope v1 was (before v2): AES-GCM with the record's id and
 * the version as the only additional data (the code of lib/vault/envelope.ts at commit 79864e0).
 */
export async function sealV1(dataKey: CryptoKey, recordId: string, secret: string): Promise<{ v: 1; iv: string; ct: string }> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const additionalData = new TextEncoder().encode(`venice-key-wallet/record/v1/${recordId}`);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, dataKey, new TextEncoder().encode(secret));
  return { v: 1, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}
