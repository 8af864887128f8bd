/**
 * The vault service the background runs: every action, serialised so two writes
 * never interleave. Secrets leave it only through `reveal` (to the popup) and
 * `getSecret` (to background code such as the balance poller).
 */
import { importKey, type CheckKey, type ImportInput } from './import-key';
import { metaOf, removeKey, revealKey, saveKey, undecryptable } from './key-ops';
import { changePassphrase, lock, reset, setup, unlock } from './lock-ops';
import { pausedCaps, setPausedCaps, updateKeyMeta } from './key-update';
import type { PausedCaps } from './format';
import { serialQueue } from '../async/serial';
import { makeContext, type ContextOptions, type VaultContext } from './context';
import { NO_FAILURES, remainingWait } from './backoff';
import { lockIfIdle, sessionKey } from './session';
import { GuardSchema, readParsed, readVault, type DamagedRecord, type VaultStorage } from './store';
import type { KeyMeta, KeyMetaPatch, NewKeyMeta } from './record';

export type VaultStatus =
  | { state: 'not-set-up' }
  | { state: 'damaged' }
  | { state: 'locked'; retryInMs: number; records: KeyMeta[]; damaged: DamagedRecord[] }
  | { state: 'unlocked'; records: KeyMeta[]; damaged: DamagedRecord[]; clipboardClearSeconds: number };

/** The state of the vault. Reading it is not activity: it never extends the auto-lock. */
export async function vaultStatus(ctx: VaultContext): Promise<VaultStatus> {
  // The settings and the session key are read beside the vault (issue 16: this is the popup's first
  // question, and the worker's first tick asks it too); the vault's own answer still comes first.
  const prefsRead = ctx.prefs();
  const keyRead = prefsRead.then((prefs) => sessionKey(ctx.items, ctx.now(), prefs.autoLockMinutes, false));
  keyRead.catch(() => undefined);
  const read = await readVault(ctx.items);
  if (read.kind === 'absent') return { state: 'not-set-up' };
  if (read.kind === 'damaged') return { state: 'damaged' };
  const prefs = await prefsRead;
  const dataKey = await keyRead;
  if (!dataKey) {
    const guard = await readParsed(ctx.items.guard, GuardSchema, NO_FAILURES);
    return { state: 'locked', retryInMs: remainingWait(guard, ctx.now()), records: read.records.map(metaOf), damaged: read.damaged };
  }
  const broken = await undecryptable(dataKey, read.records);
  const brokenIds = new Set(broken.map((d) => d.id));
  return {
    state: 'unlocked',
    records: read.records.filter((r) => !brokenIds.has(r.id)).map(metaOf),
    damaged: [...read.damaged, ...broken],
    clipboardClearSeconds: prefs.clipboardClearSeconds,
  };
}

export interface VaultOptions extends ContextOptions {
  /** Used by `importKey` to check a pasted key at Venice before saving it. */
  checkKey?: CheckKey;
}

export function createVault(items: VaultStorage, options: VaultOptions = {}) {
  const ctx = makeContext(items, options);
  const queue = serialQueue();
  const checkKey: CheckKey = options.checkKey ?? (async () => { throw new Error('no key checker configured'); });
  const autoLock = async () => (await ctx.prefs()).autoLockMinutes;
  return {
    status: () => queue(() => vaultStatus(ctx)),
    setup: (passphrase: string, confirm: string) => queue(() => setup(ctx, passphrase, confirm)),
    unlock: (passphrase: string) => queue(() => unlock(ctx, passphrase)),
    lock: () => queue(() => lock(ctx)),
    changePassphrase: (current: string, next: string, confirm: string) =>
      queue(() => changePassphrase(ctx, current, next, confirm)),
    reset: (confirmation: string) => queue(() => reset(ctx, confirmation)),
    /** Encrypts and stores a key (the mint flow calls this). See key-ops.ts for its errors. */
    saveKey: (meta: NewKeyMeta, secret: string) => queue(() => saveKey(ctx, meta, secret)),
    importKey: (input: ImportInput) => queue(() => importKey(ctx, checkKey, input)),
    reveal: (id: string) => queue(() => revealKey(ctx, id)),
    /**
     * For background code (the poller): a saved key's secret; VAULT_LOCKED while locked.
     * Not activity: a poll never postpones the idle auto-lock.
     */
    getSecret: (id: string) => queue(() => revealKey(ctx, id, false)),
    remove: (id: string) => queue(() => removeKey(ctx, id)),
    /** The Manage keys page: a saved key's metadata after an edit or a revoke at Venice (sealed again). */
    updateMeta: (id: string, patch: KeyMetaPatch) => queue(() => updateKeyMeta(ctx, id, patch)),
    pausedCaps: () => queue(() => pausedCaps(ctx)),
    setPausedCaps: (veniceId: string, caps: PausedCaps | null) => queue(() => setPausedCaps(ctx, veniceId, caps)),
    isUnlocked: () => queue(async () => (await sessionKey(items, ctx.now(), await autoLock(), false)) !== null),
    /** The auto-lock alarm calls this: locks when idle too long. */
    lockIfIdle: () => queue(async () => lockIfIdle(items, ctx.now(), await autoLock())),
  };
}
export type Vault = ReturnType<typeof createVault>;
