import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromBase64 } from '../../../lib/vault/encoding';
import { SessionSchema } from '../../../lib/vault/store';
import { dumpStorage, fakeSecret, freshVault, manualClock, META, OTHER_PASS, PASS, reopen } from './helpers';

const hex = (b64: string) => Array.from(fromBase64(b64), (b) => b.toString(16).padStart(2, '0')).join('');

describe('vault: set up, unlock, lock', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts not set up, and refuses to save a key before set-up', async () => {
    const { vault } = freshVault();
    await expect(vault.status()).resolves.toEqual({ state: 'not-set-up' });
    await expect(vault.saveKey(META, fakeSecret())).rejects.toMatchObject({ code: 'VAULT_NOT_SET_UP' });
  });

  it('refuses mismatched and weak passphrases with a reason, storing nothing', async () => {
    const { vault } = freshVault();
    await expect(vault.setup(PASS, `${PASS}x`)).rejects.toMatchObject({ code: 'VAULT_PASSPHRASE_MISMATCH' });
    await expect(vault.setup('password1234', 'password1234')).rejects.toMatchObject({
      code: 'VAULT_PASSPHRASE_WEAK', detail: 'Reason: common.',
    });
    await expect(vault.status()).resolves.toEqual({ state: 'not-set-up' });
  });

  it('round-trips a key through set-up, lock and unlock; nothing secret in storage.local', async () => {
    const { vault, items } = freshVault();
    await vault.setup(PASS, PASS);
    const secret = fakeSecret();
    const meta = await vault.saveKey(META, secret);
    expect(meta).toMatchObject({ type: 'INFERENCE', last6: secret.slice(-6), description: 'laptop', source: 'minted' });
    await expect(vault.reveal(meta.id)).resolves.toBe(secret);

    const sessionKey = SessionSchema.parse(await items.session.getValue()).key;
    const { local } = await dumpStorage();
    for (const needle of [secret, secret.slice(21), sessionKey, hex(sessionKey), btoa(secret)]) {
      expect(local).not.toContain(needle);
    }

    await vault.lock();
    await expect(items.session.getValue()).resolves.toBeNull();
    expect((await dumpStorage()).session).not.toContain(sessionKey);
    await expect(vault.reveal(meta.id)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await expect(vault.status()).resolves.toMatchObject({ state: 'locked', records: [meta] });

    await vault.unlock(PASS);
    await expect(vault.reveal(meta.id)).resolves.toBe(secret);
  });

  it('refuses a second set-up over an existing vault', async () => {
    const { vault } = freshVault();
    await vault.setup(PASS, PASS);
    await expect(vault.setup(OTHER_PASS, OTHER_PASS)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await vault.lock();
    await expect(vault.unlock(PASS)).resolves.toBeDefined();
  });

  it('stays unlocked for a restarted service worker (same storage.session)', async () => {
    const { vault } = freshVault();
    await vault.setup(PASS, PASS);
    const secret = fakeSecret('ADMIN');
    const { id } = await vault.saveKey(META, secret);
    const restarted = reopen().vault;
    await expect(restarted.status()).resolves.toMatchObject({ state: 'unlocked' });
    await expect(restarted.reveal(id)).resolves.toBe(secret);
  });

  it('is locked when the browser closes (storage.session emptied)', async () => {
    const { vault } = freshVault();
    await vault.setup(PASS, PASS);
    await fakeBrowser.storage.session.clear();
    await expect(reopen().vault.status()).resolves.toMatchObject({ state: 'locked' });
  });

  it('answers a wrong passphrase with VAULT_WRONG_PASSPHRASE, then a growing, persisted wait; erases nothing', async () => {
    const clock = manualClock();
    const { vault } = freshVault({ now: clock.now });
    await vault.setup(PASS, PASS);
    const secret = fakeSecret();
    const { id } = await vault.saveKey(META, secret);
    await vault.lock();

    for (let i = 0; i < 2; i += 1) await expect(vault.unlock('not the passphrase')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' });
    await expect(vault.unlock('not the passphrase')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE', detail: 'Wait 2 s before the next try.' });
    // During the wait even the right passphrase is not tried, and a reopened popup/worker sees the same wait.
    const again = reopen({ now: clock.now }).vault;
    await expect(again.unlock(PASS)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(again.status()).resolves.toMatchObject({ state: 'locked', retryInMs: 2_000 });

    clock.advance(2_000);
    await expect(again.unlock('still wrong')).rejects.toMatchObject({ detail: 'Wait 4 s before the next try.' });
    clock.advance(4_000);
    await again.unlock(PASS);
    await expect(again.reveal(id)).resolves.toBe(secret);
    // Success clears the count: the next mistake is free again.
    await again.lock();
    await expect(again.unlock('wrong once more')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE', detail: undefined });
  });
});
