/**
 * Passphrase → wrapping key. PBKDF2-HMAC-SHA-256 through Web Crypto; the algorithm,
 * its parameters and the salt are stored with the vault, so the default can be
 * raised later: a vault below the current default is re-wrapped on its next unlock.
 */
import * as z from 'zod/mini';
import { randomBytes, toBase64, fromBase64, utf8 } from './encoding';

export const DEFAULT_PBKDF2_ITERATIONS = 900_000;
export const SALT_BYTES = 16;

export const KdfParamsSchema = z.strictObject({
  name: z.literal('PBKDF2'),
  hash: z.literal('SHA-256'),
  iterations: z.int().check(z.minimum(1), z.maximum(100_000_000)),
  /** base64 of SALT_BYTES random bytes. */
  salt: z.string().check(z.minLength(4), z.maxLength(200)),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

/** Fresh parameters: a new random salt with the given (default) iteration count. */
export function newKdfParams(iterations = DEFAULT_PBKDF2_ITERATIONS): KdfParams {
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(randomBytes(SALT_BYTES)) };
}

/** True when the stored parameters are weaker than the current default (then the vault is re-wrapped). */
export function kdfNeedsUpgrade(params: KdfParams, target = DEFAULT_PBKDF2_ITERATIONS): boolean {
  return params.iterations < target;
}

/** Derives the AES-GCM key that wraps the vault's data key. Non-extractable: it never leaves Web Crypto. */
export async function deriveWrappingKey(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: params.hash, salt: fromBase64(params.salt), iterations: params.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
