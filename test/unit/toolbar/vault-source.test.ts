import { describe, expect, it } from 'vitest';
import { pickActive, toVaultState, vaultKeySource, type VaultRecord } from '../../../lib/toolbar/vault-source';

const rec = (id: string, createdAt: string, extra: Partial<VaultRecord> = {}): VaultRecord => ({
  id,
  description: `key ${id}`,
  last6: 'abcdef',
  apiBaseUrl: 'http://127.0.0.1:8787/api/v1',
  createdAt,
  ...extra,
});
const older = rec('a', '2025-01-01T00:00:00Z');
const newer = rec('b', '2025-03-01T00:00:00Z', { limits: { usd: 10 }, limitPeriod: 'MONTH' });

describe('vault key source', () => {
  it('maps the vault states', () => {
    expect(['unlocked', 'locked', 'not-set-up', 'damaged'].map(toVaultState)).toEqual(['unlocked', 'locked', 'empty', 'empty']);
  });

  it('uses the chosen key, else the newest', () => {
    expect(pickActive([older, newer], 'a')).toBe(older);
    expect(pickActive([older, newer], null)).toBe(newer);
    expect(pickActive([older, newer], 'gone')).toBe(newer);
    expect(pickActive([], null)).toBeNull();
  });

  it('gives the key without its secret, and reads the secret only on demand', async () => {
    let reads = 0;
    const source = vaultKeySource(
      { status: async () => ({ state: 'unlocked', records: [older, newer] }), getSecret: async () => { reads += 1; return 'S'; } },
      async () => null,
    );
    const key = await source.getActiveKey();
    expect(key).toEqual({
      id: 'b',
      apiBaseUrl: 'http://127.0.0.1:8787/api/v1',
      meta: { id: 'b', description: 'key b', last6: 'abcdef', limits: { usd: 10, diem: null }, limitPeriod: 'MONTH' },
    });
    expect(reads).toBe(0);
    await expect(source.secretOf(key!)).resolves.toBe('S');
    expect(reads).toBe(1);
  });

  it('has no active key while locked', async () => {
    const source = vaultKeySource({ status: async () => ({ state: 'locked', records: [older] }), getSecret: async () => 'S' }, async () => 'a');
    expect(await source.getActiveKey()).toBeNull();
    expect(await source.getVaultState()).toBe('locked');
  });
});
