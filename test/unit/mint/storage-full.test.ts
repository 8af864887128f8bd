import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_TABLE } from '../../../lib/errors';
import { mintedKeyMeta } from '../../../lib/vault/minted-meta';
import { fakeSecret, freshVault, META, PASS } from '../vault/helpers';
import { bytesInUse, firefoxQuotaError, limitLocalStorage } from '../vault/quota-double';
import { OPTIONS } from './fixtures';
import { fakeDeps, SECRET } from './fakes';
import { connected, until } from './runner-steps';

/** The mint runner over the real vault, on a storage.local that is full. */
async function mintIntoFullStorage(refusal?: () => unknown) {
  const { vault, items } = freshVault();
  await vault.setup(PASS, PASS);
  const earlier = { secret: fakeSecret(), id: '' };
  earlier.id = (await vault.saveKey(META, earlier.secret)).id;
  const before = structuredClone(await items.vault.getValue());
  limitLocalStorage((await bytesInUse()) + 50, refusal);

  const fake = fakeDeps();
  fake.deps.vault = {
    status: async () => 'unlocked',
    saveKey: async (meta, secret) => vault.saveKey(mintedKeyMeta(meta), secret),
  };
  const { runner } = await connected(fake);
  await runner.confirm(OPTIONS);
  return { runner, fake, vault, items, earlier, before, state: await until(fake, 'saved-unstored') };
}

describe('mint into a full storage.local', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([['Chrome', undefined], ['Firefox', firefoxQuotaError]])(
    '(%s) holds the minted key for showing once, says storage is full, and leaves the earlier key readable',
    async (_browser, refusal) => {
      const { runner, fake, vault, items, earlier, before, state } = await mintIntoFullStorage(refusal);
      expect(state).toMatchObject({ error: { code: 'STORAGE_FULL', message: ERROR_TABLE.STORAGE_FULL.message, action: 'retry' } });
      expect(JSON.stringify(state)).not.toContain(SECRET);
      await expect(runner.reveal()).resolves.toBe(SECRET);
      expect(fake.calls.posts).toHaveLength(1);
      expect(await items.vault.getValue()).toEqual(before);
      await expect(vault.reveal(earlier.id)).resolves.toBe(earlier.secret);
    },
  );

  it('"Try saving again" after space is freed stores the same key, with no second mint', async () => {
    const { runner, fake, vault } = await mintIntoFullStorage();
    vi.restoreAllMocks(); // space freed
    await runner.retry();
    const saved = await until(fake, 'saved');
    expect(fake.calls.posts).toHaveLength(1);
    const recordId = saved.status === 'saved' ? saved.key.recordId : undefined;
    await expect(vault.reveal(recordId ?? '')).resolves.toBe(SECRET);
  });
});
