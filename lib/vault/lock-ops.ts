/** Setting up, unlocking, locking, changing the passphrase and resetting the vault. */
import { fail, requireVault, writeVault, type VaultContext } from './context';
import { NO_FAILURES, recordFailure, remainingWait } from './backoff';
import { wipe } from './encoding';
import { importDataKey, newDataKeyBytes, unwrapDataKey, wrapDataKey } from './envelope';
import { VAULT_FORMAT, type StoredVault } from './format';
import { deriveWrappingKey, kdfNeedsUpgrade, newKdfParams } from './kdf';
import { checkPassphrase } from './passphrase-policy';
import { upgradeRecords } from './record-upgrade';
import { closeSession, openSession } from './session';
import { GuardSchema, readParsed, readVault } from './store';
import { RESET_CONFIRMATION } from './reset-confirmation';

export { RESET_CONFIRMATION };

function checkNewPassphrase(passphrase: string, confirm: string): void {
  if (passphrase !== confirm) fail('VAULT_PASSPHRASE_MISMATCH');
  const problem = checkPassphrase(passphrase);
  if (problem) fail('VAULT_PASSPHRASE_WEAK', `Reason: ${problem}.`);
}

async function wrapWithNewPassphrase(ctx: VaultContext, vault: Pick<StoredVault, 'id'>, raw: Uint8Array<ArrayBuffer>, passphrase: string) {
  const kdf = newKdfParams(ctx.iterations);
  const wrapped = await wrapDataKey(await deriveWrappingKey(passphrase, kdf), raw, vault.id);
  return { kdf, wrapped };
}

export async function setup(ctx: VaultContext, passphrase: string, confirm: string): Promise<void> {
  checkNewPassphrase(passphrase, confirm);
  if ((await readVault(ctx.items)).kind !== 'absent') fail('INVALID_REQUEST', 'A vault already exists. Unlock it, or reset it first.');
  const raw = newDataKeyBytes();
  try {
    const id = crypto.randomUUID();
    const sealed = await wrapWithNewPassphrase(ctx, { id }, raw, passphrase);
    await writeVault(ctx, { format: VAULT_FORMAT, id, createdAt: new Date(ctx.now()).toISOString(), ...sealed, records: [] });
    await ctx.items.guard.setValue(NO_FAILURES);
    await openSession(ctx.items, raw, ctx.now(), ctx.restrictSession);
  } finally {
    wipe(raw);
  }
}

/**
 * Opens the data key with a passphrase, counting failures: a wrong passphrase
 * (or a damaged salt or wrapped key, which look the same) adds to the wait.
 */
async function openDataKey(ctx: VaultContext, vault: StoredVault, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const guard = await readParsed(ctx.items.guard, GuardSchema, NO_FAILURES);
  const wait = remainingWait(guard, ctx.now());
  if (wait > 0) fail('RATE_LIMITED', `Wait ${Math.ceil(wait / 1000)} s before the next try.`);
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await unwrapDataKey(await deriveWrappingKey(passphrase, vault.kdf), vault.wrapped, vault.id);
  } catch {
    const next = recordFailure(guard, ctx.now());
    // A storage that refuses the count (full, or failing) must not hide the answer: the passphrase is wrong.
    await ctx.items.guard.setValue(next).catch(() => undefined);
    const seconds = Math.ceil(remainingWait(next, ctx.now()) / 1000);
    return fail('VAULT_WRONG_PASSPHRASE', seconds > 0 ? `Wait ${seconds} s before the next try.` : undefined);
  }
  // Clearing the count is best effort: a refused write never turns a right passphrase into a wrong one.
  if (guard.failures > 0) await ctx.items.guard.setValue(NO_FAILURES).catch(() => undefined);
  return raw;
}

export async function unlock(ctx: VaultContext, passphrase: string): Promise<{ upgradedKdf: boolean }> {
  const { vault } = await requireVault(ctx);
  const raw = await openDataKey(ctx, vault, passphrase);
  try {
    // One storage write for both upgrades: a raised KDF default re-wraps the same data key;
    // key records still in envelope v1 are re-sealed to their metadata (record-upgrade.ts).
    const upgradedKdf = kdfNeedsUpgrade(vault.kdf, ctx.iterations);
    const rewrapped = upgradedKdf ? { ...vault, ...(await wrapWithNewPassphrase(ctx, vault, raw, passphrase)) } : vault;
    const records = await upgradeRecords(await importDataKey(raw), vault.records);
    if (upgradedKdf || records) await writeVault(ctx, records ? { ...rewrapped, records } : rewrapped);
    await openSession(ctx.items, raw, ctx.now(), ctx.restrictSession);
    return { upgradedKdf };
  } finally {
    wipe(raw);
  }
}

export const lock = (ctx: VaultContext): Promise<void> => closeSession(ctx.items);

/** Re-wraps only the data key under the new passphrase, in one storage write; every secret stays as it is. */
export async function changePassphrase(ctx: VaultContext, current: string, next: string, confirm: string): Promise<void> {
  checkNewPassphrase(next, confirm);
  const { vault } = await requireVault(ctx);
  const raw = await openDataKey(ctx, vault, current);
  try {
    await writeVault(ctx, { ...vault, ...(await wrapWithNewPassphrase(ctx, vault, raw, next)) });
    await openSession(ctx.items, raw, ctx.now(), ctx.restrictSession);
  } finally {
    wipe(raw);
  }
}

/** Erases the vault, every stored secret with it, after the typed confirmation. */
export async function reset(ctx: VaultContext, confirmation: string): Promise<void> {
  if (confirmation !== RESET_CONFIRMATION) fail('INVALID_REQUEST', `Type ${RESET_CONFIRMATION} to confirm.`);
  await closeSession(ctx.items);
  try {
    await ctx.items.vault.removeValue();
    await ctx.items.guard.removeValue();
  } catch {
    fail('VAULT_STORAGE_FAILED');
  }
}
