/**
 * The stored shape of one sealed value (envelope.ts seals and opens it): the envelope
 * version, the IV and the AES-GCM ciphertext, base64. A schema only, no crypto, so the
 * popup can check the records it reads for its first paint without the vault's code.
 */
import * as z from 'zod/mini';

/** The envelope of the wrapped data key, and of key records written before record envelope v2. */
export const ENVELOPE_VERSION = 1;
/**
 * Key records from v2 on: the additional data binds every plaintext field of the record
 * (record-aad.ts), so a record whose address, type or details were rewritten fails to open.
 */
export const RECORD_ENVELOPE_VERSION = 2;

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/), z.maxLength(20_000));

export const SealedSchema = z.strictObject({
  v: z.union([z.literal(ENVELOPE_VERSION), z.literal(RECORD_ENVELOPE_VERSION)]),
  iv: base64,
  ct: base64,
});
export type Sealed = z.infer<typeof SealedSchema>;
