/**
 * Unlock cost of the vault: PBKDF2-SHA-256 derivation plus unwrapping the data key,
 * exactly as `unlock` does it. Run alone: `npx tsx test/bench/vault.ts [iterations]`.
 */
import { pathToFileURL } from 'node:url';
import { newDataKeyBytes, unwrapDataKey, wrapDataKey } from '../../lib/vault/envelope';
import { DEFAULT_PBKDF2_ITERATIONS, deriveWrappingKey, newKdfParams } from '../../lib/vault/kdf';

const PASSPHRASE = 'bench-passphrase-not-secret';

/** Median of `runs` unlock times in milliseconds (Node's Web Crypto). */
export async function measureUnlock(iterations = DEFAULT_PBKDF2_ITERATIONS, runs = 10): Promise<number> {
  const kdf = newKdfParams(iterations);
  const vaultId = crypto.randomUUID();
  const wrapped = await wrapDataKey(await deriveWrappingKey(PASSPHRASE, kdf), newDataKeyBytes(), vaultId);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await unwrapDataKey(await deriveWrappingKey(PASSPHRASE, kdf), wrapped, vaultId);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
}

/** Section for test/bench/run.ts: `vault: () => import('./vault'),`. */
export async function bench(): Promise<Record<string, number | string>> {
  return {
    kdf: `PBKDF2-SHA-256 × ${DEFAULT_PBKDF2_ITERATIONS}`,
    unlock_median_ms: Math.round(await measureUnlock(DEFAULT_PBKDF2_ITERATIONS)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const iterations = Number(process.argv[2] ?? DEFAULT_PBKDF2_ITERATIONS);
  const ms = await measureUnlock(iterations);
  console.log(`vault unlock, PBKDF2-SHA-256 × ${iterations.toLocaleString('en')}: median of 10 = ${ms.toFixed(1)} ms`);
}
