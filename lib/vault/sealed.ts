/**
 * The stored shape of one sealed value (envelope.ts seals and opens it): the envelope
 * version, the IV and the AES-GCM ciphertext, base64. A schema only, no crypto, so the
 * popup can check the records it reads for its first paint without the vault's code.
 */
import * as z from 'zod/mini';

export const ENVELOPE_VERSION = 1;

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/), z.maxLength(20_000));

export const SealedSchema = z.strictObject({
  v: z.literal(ENVELOPE_VERSION),
  iv: base64,
  ct: base64,
});
export type Sealed = z.infer<typeof SealedSchema>;
