import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromBase64, toBase64 } from '../../../lib/vault/encoding';
import { RESET_CONFIRMATION } from '../../../lib/vault/lock-ops';
import type { StoredVault } from '../../../lib/vault/format';
import { dumpStorage, fakeSecret, freshVault, META, OTHER_PASS, PASS, prefs } from './helpers';

async function unlockedWithKeys(count: number) {
  const { vault, items } = freshVault();
  await vault.setup(PASS, PASS);
  const keys: Array<{ id: string; secret: string }> = [];
  for (let i = 0; i < count; i += 1) {
    const secret = fakeSecret(i % 2 ? 'ADMIN' : 'INFERENCE');
    keys.push({ id: (await vault.saveKey({ ...META, description: `key ${i}` }, secret)).id, secret });
  }
  return { vault, items, keys };
}

describe('vault records', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sets aside a damaged record (bad shape, edited or moved ciphertext) and keeps the rest usable', async () => {
    const { vault, items, keys } = await unlockedWithKeys(4);
    const stored = (await items.vault.getValue()) as StoredVault;
    const records = stored.records as Array<{ id: string; secret: { ct: string } }>;
    const ct = fromBase64(records[1]!.secret.ct);
    ct[3] = ct[3]! ^ 0xff;
    records[1]!.secret.ct = toBase64(ct); // edited ciphertext
    [records[2]!.secret, records[3]!.secret] = [records[3]!.secret, records[2]!.secret]; // secrets moved between records
    records.push({ id: 'not-a-uuid', nonsense: true } as never, 42 as never); // bad shapes
    await items.vault.setValue(stored);

    const status = await vault.status();
    expect(status).toMatchObject({ state: 'unlocked' });
    if (status.state !== 'unlocked') throw new Error('unreachable');
    expect(status.records.map((r) => r.id)).toEqual([keys[0]!.id]);
    expect(status.damaged).toEqual(expect.arrayContaining([
      { id: 'not-a-uuid', reason: 'shape' }, { id: '#5', reason: 'shape' },
      { id: keys[1]!.id, reason: 'changed' }, { id: keys[2]!.id, reason: 'changed' }, { id: keys[3]!.id, reason: 'changed' },
    ]));
    await expect(vault.reveal(keys[0]!.id)).resolves.toBe(keys[0]!.secret);
    await expect(vault.reveal(keys[1]!.id)).rejects.toMatchObject({ code: 'VAULT_RECORD_CHANGED', detail: `Record ${keys[1]!.id}.` });
    await expect(vault.reveal('not-a-uuid')).rejects.toMatchObject({ code: 'VAULT_RECORD_DAMAGED' });

    // Saving another key keeps the damaged records as they are (nothing is dropped silently).
    const extra = fakeSecret();
    const { id } = await vault.saveKey(META, extra);
    expect(((await items.vault.getValue()) as StoredVault).records).toHaveLength(7);
    await expect(vault.reveal(id)).resolves.toBe(extra);
    // The person may remove a damaged record by the id the status gave.
    await expect(vault.remove('#5')).resolves.toEqual({ removed: true });
    await expect(vault.remove('not-a-uuid')).resolves.toEqual({ removed: true });
    expect(((await items.vault.getValue()) as StoredVault).records).toHaveLength(5);
  });

  it('reports a vault whose header is unreadable as damaged, and lets it be reset', async () => {
    const { vault, items } = freshVault();
    await items.vault.setValue({ format: 2, id: 'x' });
    await expect(vault.status()).resolves.toEqual({ state: 'damaged' });
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code: 'VAULT_RECORD_DAMAGED' });
    await vault.reset(RESET_CONFIRMATION);
    await expect(vault.status()).resolves.toEqual({ state: 'not-set-up' });
  });

  it('changes the passphrase in one write, re-wrapping only the data key; every secret stays readable', async () => {
    const { vault, items, keys } = await unlockedWithKeys(3);
    const before = (await items.vault.getValue()) as StoredVault;
    const setSpy = vi.spyOn(fakeBrowser.storage.local, 'set');
    await vault.changePassphrase(PASS, OTHER_PASS, OTHER_PASS);
    const vaultWrites = setSpy.mock.calls.filter(([arg]) => Object.keys(arg as object).includes('vault'));
    expect(vaultWrites).toHaveLength(1);
    const after = (await items.vault.getValue()) as StoredVault;
    expect(after.records).toEqual(before.records);
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(after.wrapped).not.toEqual(before.wrapped);

    await vault.lock();
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' });
    await vault.unlock(OTHER_PASS);
    for (const { id, secret } of keys) await expect(vault.reveal(id)).resolves.toBe(secret);
  });

  it('refuses a passphrase change with a wrong current passphrase or a weak new one, changing nothing', async () => {
    const { vault, items } = await unlockedWithKeys(1);
    const before = await items.vault.getValue();
    await expect(vault.changePassphrase('wrong current pass', OTHER_PASS, OTHER_PASS)).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' });
    await expect(vault.changePassphrase(PASS, 'aaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaa')).rejects.toMatchObject({ code: 'VAULT_PASSPHRASE_WEAK' });
    await expect(vault.changePassphrase(PASS, OTHER_PASS, PASS)).rejects.toMatchObject({ code: 'VAULT_PASSPHRASE_MISMATCH' });
    expect(await items.vault.getValue()).toEqual(before);
  });

  it('reports a failing storage write (not a full one) as VAULT_STORAGE_FAILED and keeps the earlier keys', async () => {
    const { vault, keys } = await unlockedWithKeys(1);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error: database is locked'));
    const secret = fakeSecret();
    const error = await vault.saveKey(META, secret).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VAULT_STORAGE_FAILED' });
    expect(JSON.stringify(error)).not.toContain(secret.slice(-10));
    await expect(vault.reveal(keys[0]!.id)).resolves.toBe(keys[0]!.secret);
    await expect(vault.status()).resolves.toMatchObject({ records: [expect.objectContaining({ id: keys[0]!.id })] });
  });

  it('refuses what is not a Venice key, or a type that contradicts the prefix', async () => {
    const { vault } = await unlockedWithKeys(0);
    await expect(vault.saveKey(META, 'sk-not-venice-123456')).rejects.toMatchObject({ code: 'KEY_INVALID_FORMAT' });
    await expect(vault.saveKey({ ...META, type: 'ADMIN' }, fakeSecret('INFERENCE'))).rejects.toMatchObject({ code: 'KEY_INVALID_FORMAT' });
  });

  it('removes the local copy only while unlocked', async () => {
    const { vault, keys } = await unlockedWithKeys(2);
    await vault.lock();
    await expect(vault.remove(keys[0]!.id)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await vault.unlock(PASS);
    await expect(vault.remove(keys[0]!.id)).resolves.toEqual({ removed: true });
    await expect(vault.remove(keys[0]!.id)).resolves.toEqual({ removed: false });
    await expect(vault.status()).resolves.toMatchObject({ records: [expect.objectContaining({ id: keys[1]!.id })] });
  });

  it('resets a forgotten vault only with the typed confirmation, erasing every secret', async () => {
    const { vault, keys } = await unlockedWithKeys(2);
    await vault.lock();
    await expect(vault.reset('erase')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(vault.status()).resolves.toMatchObject({ state: 'locked' });
    const { local: before } = await dumpStorage();
    expect(before).toContain(keys[0]!.id);
    await vault.reset(RESET_CONFIRMATION);
    const { local, session } = await dumpStorage();
    expect(local).not.toContain(keys[0]!.id);
    expect(local).not.toContain('"ct"');
    expect(session).toBe('{}');
    await expect(vault.status()).resolves.toEqual({ state: 'not-set-up' });
  });
});

describe('saving a minted key', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records what the mint flow knows, with the API address of the settings when none is given', async () => {
    const { mintedKeyMeta } = await import('../../../lib/vault/minted-meta');
    const { vault } = freshVault({ prefs: prefs({ apiBaseUrl: 'http://127.0.0.1:4444/api/v1' }) });
    await vault.setup(PASS, PASS);
    const secret = fakeSecret('ADMIN');
    const meta = await vault.saveKey(mintedKeyMeta({
      veniceId: 'b5a7c1f0-0000-4000-8000-000000000001', apiKeyType: 'ADMIN', description: 'minted in e2e',
      walletAddress: '0x2222222222222222222222222222222222222222', limits: { usd: null, diem: 3 }, limitPeriod: 'MONTH',
      modelPrivacy: 'PRIVATE_ONLY', expiresAt: '2031-01-01T00:00:00.000Z', createdAt: '2025-05-01T12:00:00.000Z',
    }), secret);
    expect(meta).toMatchObject({
      type: 'ADMIN', source: 'minted', apiBaseUrl: 'http://127.0.0.1:4444/api/v1', limits: { usd: null, diem: 3 },
      limitPeriod: 'MONTH', modelPrivacy: 'PRIVATE_ONLY', createdAt: '2025-05-01T12:00:00.000Z', last6: secret.slice(-6),
    });
    await expect(vault.saveKey(mintedKeyMeta({
      veniceId: 'x', apiKeyType: 'INFERENCE', description: '', walletAddress: '0x2222222222222222222222222222222222222222',
      limits: {}, expiresAt: null, createdAt: '2025-05-01T12:00:00.000Z',
    }), secret)).rejects.toMatchObject({ code: 'KEY_INVALID_FORMAT' }); // an ADMIN secret claimed as INFERENCE
  });
});
