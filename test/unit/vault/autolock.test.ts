import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUTO_LOCK_ALARM, startAutoLock } from '../../../lib/vault/autolock';
import { fakeSecret, freshVault, manualClock, META, PASS, prefs } from './helpers';

describe('auto-lock', () => {
  beforeEach(() => fakeBrowser.reset());

  it('locks after the idle minutes, counting each vault use as activity', async () => {
    const clock = manualClock();
    const { vault, items } = freshVault({ now: clock.now, prefs: prefs({ autoLockMinutes: 10 }) });
    await vault.setup(PASS, PASS);
    const { id } = await vault.saveKey(META, fakeSecret());
    clock.advance(9 * 60_000);
    await expect(vault.lockIfIdle()).resolves.toBe(false);
    await vault.reveal(id); // activity
    clock.advance(9 * 60_000);
    await expect(vault.lockIfIdle()).resolves.toBe(false);
    await vault.status(); // looking is not activity
    clock.advance(60_000);
    await expect(vault.lockIfIdle()).resolves.toBe(true);
    await expect(items.session.getValue()).resolves.toBeNull();
    await expect(vault.status()).resolves.toMatchObject({ state: 'locked' });
  });

  it('refuses a use after the idle time even before the alarm fires', async () => {
    const clock = manualClock();
    const { vault, items } = freshVault({ now: clock.now, prefs: prefs({ autoLockMinutes: 5 }) });
    await vault.setup(PASS, PASS);
    const { id } = await vault.saveKey(META, fakeSecret());
    clock.advance(5 * 60_000);
    await expect(vault.reveal(id)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await expect(items.session.getValue()).resolves.toBeNull();
  });

  it('never locks on idle time when the setting is 0 (only a browser restart locks)', async () => {
    const clock = manualClock();
    const { vault } = freshVault({ now: clock.now, prefs: prefs({ autoLockMinutes: 0 }) });
    await vault.setup(PASS, PASS);
    clock.advance(30 * 24 * 60 * 60_000);
    await expect(vault.lockIfIdle()).resolves.toBe(false);
    await expect(vault.isUnlocked()).resolves.toBe(true);
  });

  it('checks once a minute through an alarm and locks when it fires past the idle time', async () => {
    const clock = manualClock();
    const { vault } = freshVault({ now: clock.now, prefs: prefs({ autoLockMinutes: 1 }) });
    startAutoLock(vault, fakeBrowser.alarms);
    await expect(fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).resolves.toMatchObject({ periodInMinutes: 1 });
    await vault.setup(PASS, PASS);
    clock.advance(61_000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUTO_LOCK_ALARM, scheduledTime: clock.now() });
    await expect(vault.isUnlocked()).resolves.toBe(false);
  });
});

describe('auto-lock and background reads', () => {
  beforeEach(() => fakeBrowser.reset());

  it('does not count the poller reading a secret (getSecret) as activity', async () => {
    const clock = manualClock();
    const { vault } = freshVault({ now: clock.now, prefs: prefs({ autoLockMinutes: 10 }) });
    await vault.setup(PASS, PASS);
    const secret = fakeSecret();
    const { id } = await vault.saveKey(META, secret);
    for (let i = 0; i < 3; i += 1) {
      clock.advance(3 * 60_000);
      await expect(vault.getSecret(id)).resolves.toBe(secret);
    }
    clock.advance(60_000); // 10 minutes since the last use by a person
    await expect(vault.lockIfIdle()).resolves.toBe(true);
    await expect(vault.getSecret(id)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});
