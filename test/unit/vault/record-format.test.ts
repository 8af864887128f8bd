// Key records are authenticated (record envelope v2): the additional data of each secret binds every
// plaintext field of its record (lib/vault/record-aad.ts). A vault written by the previous format
// (record envelope v1, the committed fixture) is re-sealed at unlock in one write, loses nothing,
// and survives a crash on either side of that write. A record whose metadata was rewritten in
// storage.local no longer opens (VAULT_RECORD_CHANGED) and is not listed for use.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BOUND_FIELDS } from '../../../lib/vault/record-aad';
import { KeyMetaSchema } from '../../../lib/vault/record';
import type { StoredVault } from '../../../lib/vault/format';
import type { VaultStorage } from '../../../lib/vault/store';
import fixture from './fixtures/vault-records-v1.json';
import { reopen } from './helpers';

type StoredRecord = { id: string; secret: { v: number } } & Record<string, unknown>;
const stored = async (items: VaultStorage) => (await items.vault.getValue()) as Omit<StoredVault, 'records'> & { records: StoredRecord[] };
const metaOnly = (records: StoredRecord[]) => records.map(({ secret: _secret, ...meta }) => meta);

async function loadFixture() {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(structuredClone(fixture.local));
  return reopen();
}

/** Makes the item's next `setValue` fail, as a browser killed in the middle of it would. */
function failNextWrite(item: VaultStorage['vault']) {
  const real = item.setValue.bind(item);
  item.setValue = async () => {
    item.setValue = real;
    throw new Error('the browser closed');
  };
}

describe('record envelope v2: migration from a vault written by the previous format', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the fixture is the previous format: every record sealed as envelope v1', () => {
    expect(fixture.local.vault.records.map((r) => r.secret.v)).toEqual([1, 1, 1]);
  });

  it('unlocking re-seals every record to its metadata; every key reads back, nothing is lost', async () => {
    const { vault, items } = await loadFixture();
    const before = await stored(items);
    const locked = await vault.status();
    expect(locked).toMatchObject({ state: 'locked', damaged: [] });

    await vault.unlock(fixture.passphrase);
    const after = await stored(items);
    expect(after.records.map((r) => r.secret.v)).toEqual([2, 2, 2]);
    expect(metaOnly(after.records)).toEqual(metaOnly(before.records));
    expect({ ...after, records: [] }).toEqual({ ...before, records: [] });

    const status = await vault.status();
    expect(status).toMatchObject({ state: 'unlocked', damaged: [] });
    if (status.state !== 'unlocked') throw new Error('unreachable');
    expect(status.records).toEqual(fixture.keys.map((k) => k.meta));
    for (const key of fixture.keys) await expect(vault.reveal(key.meta.id)).resolves.toBe(key.secret);

    // A restarted worker reads the migrated vault as it is: nothing is re-sealed again.
    await vault.lock();
    const { vault: again, items: againItems } = reopen();
    await again.unlock(fixture.passphrase);
    expect(await stored(againItems)).toEqual(after);
  });

  it('a crash before the vault write leaves the old vault as it was; the next unlock migrates it', async () => {
    const { vault, items } = await loadFixture();
    const before = await stored(items);
    failNextWrite(items.vault);
    await expect(vault.unlock(fixture.passphrase)).rejects.toMatchObject({ code: 'VAULT_STORAGE_FAILED' });
    expect(await stored(items)).toEqual(before);

    const { vault: restarted, items: restartedItems } = reopen();
    await restarted.unlock(fixture.passphrase);
    expect((await stored(restartedItems)).records.map((r) => r.secret.v)).toEqual([2, 2, 2]);
    for (const key of fixture.keys) await expect(restarted.reveal(key.meta.id)).resolves.toBe(key.secret);
  });

  it('a crash between the two writes (vault written, session not) recovers: the next unlock opens the migrated vault', async () => {
    const { vault, items } = await loadFixture();
    failNextWrite(items.session);
    await expect(vault.unlock(fixture.passphrase)).rejects.toThrow();
    const migrated = await stored(items);
    expect(migrated.records.map((r) => r.secret.v)).toEqual([2, 2, 2]);
    await expect(vault.status()).resolves.toMatchObject({ state: 'locked' });

    const { vault: restarted, items: restartedItems } = reopen();
    await restarted.unlock(fixture.passphrase);
    expect(await stored(restartedItems)).toEqual(migrated);
    for (const key of fixture.keys) await expect(restarted.reveal(key.meta.id)).resolves.toBe(key.secret);
  });

  it('a record that does not open is kept exactly as it was, and the others are migrated', async () => {
    fakeBrowser.reset();
    const local = structuredClone(fixture.local);
    const broken = local.vault.records[1]!;
    broken.secret.ct = `A${broken.secret.ct.slice(1)}`;
    await fakeBrowser.storage.local.set(local);
    const { vault, items } = reopen();
    await vault.unlock(fixture.passphrase);
    const after = await stored(items);
    expect(after.records.map((r) => r.secret.v)).toEqual([2, 1, 2]);
    expect(after.records[1]).toEqual(broken);
    await expect(vault.reveal(fixture.keys[0]!.meta.id)).resolves.toBe(fixture.keys[0]!.secret);
  });
});

describe('a record whose metadata was rewritten in storage.local', () => {
  it('binds every field of a key record (a field added to KeyMeta must be bound too)', () => {
    expect([...BOUND_FIELDS].sort()).toEqual(Object.keys(KeyMetaSchema.shape).sort());
  });

  const edits: Record<(typeof BOUND_FIELDS)[number], unknown> = {
    id: crypto.randomUUID(),
    veniceId: 'another-venice-id',
    last6: 'zzzzzz',
    type: 'ADMIN',
    description: 'renamed',
    source: 'imported',
    walletAddress: '0x2222222222222222222222222222222222222222',
    apiBaseUrl: 'https://api.attacker.example/api/v1',
    createdAt: '2020-01-01T00:00:00.000Z',
    limits: { usd: 999, diem: null },
    limitPeriod: 'LIFETIME',
    modelPrivacy: 'PRIVATE_ONLY',
    expiresAt: '2099-01-01T00:00:00.000Z',
    revokedAt: '2030-01-01T00:00:00.000Z',
  };

  it.each(Object.entries(edits))('%s changed: the record fails to open (VAULT_RECORD_CHANGED) and is not offered for use', async (field, value) => {
    const { vault, items } = await loadFixture();
    await vault.unlock(fixture.passphrase); // migrated: every record is v2
    const vaultValue = await stored(items);
    const target = vaultValue.records[0]!;
    expect(target[field]).not.toEqual(value);
    target[field] = value;
    await items.vault.setValue(vaultValue);

    const id = target.id;
    const status = await vault.status();
    if (status.state !== 'unlocked') throw new Error('unreachable');
    expect(status.records.map((r) => r.id)).not.toContain(id);
    expect(status.damaged).toEqual([{ id, reason: 'changed' }]);
    await expect(vault.reveal(id)).rejects.toMatchObject({ code: 'VAULT_RECORD_CHANGED', message: expect.stringMatching(/changed outside the extension/) });
    await expect(vault.getSecret(id)).rejects.toMatchObject({ code: 'VAULT_RECORD_CHANGED' });
    // The other keys stay usable.
    await expect(vault.reveal(fixture.keys[1]!.meta.id)).resolves.toBe(fixture.keys[1]!.secret);
  });
});
