/**
 * The unlocked state. The data key lives only in storage.session (memory, cleared
 * when the browser closes, kept across a service-worker restart), restricted to
 * trusted contexts so no content script can read it. Locking removes it.
 */
import { browser } from 'wxt/browser';
import { fromBase64, toBase64, wipe } from './encoding';
import { importDataKey } from './envelope';
import { SessionSchema, type VaultStorage } from './store';

/** Keeps storage.session out of content scripts (Chrome; Firefox never exposes it to them). */
export async function restrictSessionAccess(): Promise<void> {
  const area = browser.storage.session as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } | undefined;
  if (typeof area?.setAccessLevel === 'function') await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}

export async function openSession(items: VaultStorage, raw: Uint8Array<ArrayBuffer>, now: number): Promise<void> {
  await restrictSessionAccess();
  await items.session.setValue({ key: toBase64(raw), lastActivity: now });
}

export async function closeSession(items: VaultStorage): Promise<void> {
  await items.session.removeValue();
}

/** True when the session has sat idle longer than the auto-lock setting allows. */
export function isIdleExpired(lastActivity: number, now: number, autoLockMinutes: number): boolean {
  return autoLockMinutes > 0 && now - lastActivity >= autoLockMinutes * 60_000;
}

/**
 * The data key when unlocked and not idle too long, else null (an expired session is
 * wiped on the spot). A use counts as activity unless `touch` is false.
 */
export async function sessionKey(
  items: VaultStorage,
  now: number,
  autoLockMinutes: number,
  touch = true,
): Promise<CryptoKey | null> {
  const session = SessionSchema.safeParse(await items.session.getValue());
  if (!session.success) return null;
  if (isIdleExpired(session.data.lastActivity, now, autoLockMinutes)) {
    await closeSession(items);
    return null;
  }
  const raw = fromBase64(session.data.key);
  try {
    const key = await importDataKey(raw);
    if (touch) await items.session.setValue({ ...session.data, lastActivity: now });
    return key;
  } finally {
    wipe(raw);
  }
}

/** Called by the auto-lock alarm: locks an idle session. Returns true when it locked. */
export async function lockIfIdle(items: VaultStorage, now: number, autoLockMinutes: number): Promise<boolean> {
  const session = SessionSchema.safeParse(await items.session.getValue());
  if (!session.success) return false;
  if (!isIdleExpired(session.data.lastActivity, now, autoLockMinutes)) return false;
  await closeSession(items);
  return true;
}
