/** The idle auto-lock: an alarm checks once a minute whether the vault sat unused too long. */
/** The part of browser.alarms the auto-lock uses. */
export interface AlarmsApi {
  create(name: string, info: { periodInMinutes: number }): unknown;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export const AUTO_LOCK_ALARM = 'vault-auto-lock';

/** True when the session has sat idle longer than the auto-lock setting allows (0 = never). */
export function isIdleExpired(lastActivity: number, now: number, autoLockMinutes: number): boolean {
  return autoLockMinutes > 0 && now - lastActivity >= autoLockMinutes * 60_000;
}

/** Call at the top level of the background (listeners must be registered synchronously). */
export function startAutoLock(vault: { lockIfIdle(): Promise<unknown> }, alarms: AlarmsApi): void {
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) void vault.lockIfIdle().catch(() => undefined);
  });
  // Rejects when the browser is shutting down: nothing to do then.
  void Promise.resolve(alarms.create(AUTO_LOCK_ALARM, { periodInMinutes: 1 })).catch(() => undefined);
}
