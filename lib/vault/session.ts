/**
 * The unlocked state. The data key lives only in storage.session (memory, cleared
 * when the browser closes, kept across a service-worker restart), restricted to
 * trusted contexts so no content script can read it. Locking removes it.
 */
import { fromBase64, toBase64, wipe } from './encoding';
import { isIdleExpired } from './autolock';
import { importDataKey } from './envelope';
import { SessionSchema, type VaultStorage } from './store';

/** The part of a storage area that can keep it from content scripts (Chrome only). */
export interface SessionArea {
  setAccessLevel?: (o: { accessLevel: string }) => Promise<void>;
}

/**
 * Keeps a storage area (storage.session, and storage.local at the worker's start) out of
 * content scripts where the browser can (Chrome); where the method is absent (Firefox,
 * which never exposes storage.session to them) it does nothing.
 */
export async function restrictSessionAccess(area: SessionArea | undefined): Promise<void> {
  if (typeof area?.setAccessLevel === 'function') await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/** Stores the data key; `restrict` (restrictSessionAccess over the real area) runs first. */
export async function openSession(items: VaultStorage, raw: Uint8Array<ArrayBuffer>, now: number, restrict: () => Promise<void>): Promise<void> {
  await restrict();
  await items.session.setValue({ key: toBase64(raw), lastActivity: now });
}

export async function closeSession(items: VaultStorage): Promise<void> {
  await items.session.removeValue();
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
