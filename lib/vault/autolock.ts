/** The idle auto-lock: an alarm checks once a minute whether the vault sat unused too long. */
import { browser } from 'wxt/browser';
import type { Vault } from './vault';

export const AUTO_LOCK_ALARM = 'vault-auto-lock';

/** Call at the top level of the background (listeners must be registered synchronously). */
export function startAutoLock(vault: Pick<Vault, 'lockIfIdle'>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) void vault.lockIfIdle().catch(() => undefined);
  });
  void browser.alarms.create(AUTO_LOCK_ALARM, { periodInMinutes: 1 });
}
