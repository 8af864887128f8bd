import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toBase64 } from '../../../lib/vault/encoding';
import { importDataKey, newDataKeyBytes, wrapDataKey } from '../../../lib/vault/envelope';
import { migrateV1ToV2, V1_ITERATIONS, VAULT_FORMAT, type StoredVault } from '../../../lib/vault/format';
import { DEFAULT_PBKDF2_ITERATIONS, deriveWrappingKey } from '../../../lib/vault/kdf';
import { fakeSecret, PASS, reopen, sealV1 } from './helpers';

/** A vault exactly as the v1 release wrote it: implicit KDF, flat IV/ciphertext fields. */
async function v1Vault(secrets: string[]) {
  const raw = newDataKeyBytes();
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  const id = crypto.randomUUID();
  const wrapped = await wrapDataKey(
    await deriveWrappingKey(PASS, { name: 'PBKDF2', hash: 'SHA-256', iterations: V1_ITERATIONS, salt }), raw, id,
  );
  const dataKey = await importDataKey(raw);
  const records = await Promise.all(secrets.map(async (secret, i) => {
    const recordId = crypto.randomUUID();
    const { iv, ct } = await sealV1(dataKey, recordId, secret);
    return {
      id: recordId, last6: secret.slice(-6), type: secret.includes('ADMIN') ? 'ADMIN' : 'INFERENCE', description: `old ${i}`,
      source: 'minted', apiBaseUrl: 'https://api.venice.ai/api/v1', createdAt: '2025-01-02T03:04:05.000Z',
      limits: { usd: 10 }, expiresAt: null, iv, ct,
    };
  }));
  return { id, createdAt: '2025-01-01T00:00:00.000Z', salt, iv: wrapped.iv, wrappedKey: wrapped.ct, records };
}

describe('vault format migration v1 → v2', () => {
  beforeEach(() => fakeBrowser.reset());

  it('maps every v1 field to v2 and leaves a value that is not v1 untouched', () => {
    const v1 = { id: 'a', createdAt: 'b', salt: 'c', iv: 'd', wrappedKey: 'e', records: [{ id: 'r', iv: 'f', ct: 'g', last6: 'h' }, 7] };
    expect(migrateV1ToV2(v1)).toEqual({
      format: 2, id: 'a', createdAt: 'b',
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: 'c' },
      wrapped: { v: 1, iv: 'd', ct: 'e' },
      records: [{ id: 'r', last6: 'h', secret: { v: 1, iv: 'f', ct: 'g' } }, 7],
    });
    expect(migrateV1ToV2('garbage')).toBe('garbage');
    expect(migrateV1ToV2(null)).toBe(null);
  });

  it('migrates a stored v1 vault on load, unlocks it, and re-wraps it with the raised KDF default', async () => {
    const secrets = [fakeSecret(), fakeSecret('ADMIN')];
    await fakeBrowser.storage.local.set({ vault: await v1Vault(secrets) }); // v1 wrote no version meta (= v1)
    const { vault, items } = reopen({ iterations: DEFAULT_PBKDF2_ITERATIONS });

    const migrated = (await items.vault.getValue()) as StoredVault;
    expect(migrated.format).toBe(VAULT_FORMAT);
    expect(migrated.kdf.iterations).toBe(V1_ITERATIONS);
    await expect(fakeBrowser.storage.local.get('vault$')).resolves.toEqual({ vault$: { v: 2 } });

    const status = await vault.status();
    expect(status).toMatchObject({ state: 'locked', records: [{ description: 'old 0', limits: { usd: 10 } }, { type: 'ADMIN' }] });
    if (status.state !== 'locked') throw new Error('unreachable');

    await expect(vault.unlock(PASS)).resolves.toEqual({ upgradedKdf: true });
    const upgraded = (await items.vault.getValue()) as StoredVault;
    expect(upgraded.kdf.iterations).toBe(DEFAULT_PBKDF2_ITERATIONS);
    expect(upgraded.kdf.salt).not.toBe(migrated.kdf.salt);
    // The same records, each re-sealed to its metadata (record envelope v2) in the same write.
    const metaOnly = (records: unknown[]) => (records as Array<{ secret: unknown }>).map(({ secret: _s, ...meta }) => meta);
    expect(metaOnly(upgraded.records)).toEqual(metaOnly(migrated.records));
    expect((upgraded.records as Array<{ secret: { v: number } }>).map((r) => r.secret.v)).toEqual([2, 2]);
    for (const [i, record] of status.records.entries()) await expect(vault.reveal(record.id)).resolves.toBe(secrets[i]);

    await vault.lock();
    await expect(vault.unlock(PASS)).resolves.toEqual({ upgradedKdf: false });
  });

  it('keeps a v1 value it cannot read, reporting the vault as damaged instead of losing it', async () => {
    await fakeBrowser.storage.local.set({ vault: { something: 'else' } });
    const { vault } = reopen();
    await expect(vault.status()).resolves.toEqual({ state: 'damaged' });
    await expect(fakeBrowser.storage.local.get('vault')).resolves.toEqual({ vault: { something: 'else' } });
  });
});
