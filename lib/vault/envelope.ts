/**
 * Envelope encryption. A random 256-bit data key encrypts every secret with
 * AES-GCM (fresh 96-bit IV each time); the data key itself is stored only wrapped
 * by the passphrase-derived key. Additional data binds each ciphertext to where
 * it belongs: the wrapped key to the vault's id; a key record (envelope v2) to all
 * of its plaintext fields (record-aad.ts), so a moved or edited ciphertext, or a
 * record whose metadata was rewritten, fails to open. Records of envelope v1 bound
 * only their id; the vault re-seals them as v2 at unlock (record-upgrade.ts).
 */
import { fromBase64, fromUtf8, randomBytes, toBase64, utf8 } from './encoding';
import { recordMetaAad } from './record-aad';
import type { KeyMeta, StoredRecord } from './record';
import { ENVELOPE_VERSION, RECORD_ENVELOPE_VERSION, type Sealed } from './sealed';

export { ENVELOPE_VERSION, SealedSchema, type Sealed } from './sealed';
export const DATA_KEY_BYTES = 32;
export const IV_BYTES = 12;

/** The additional data of a v1 record: its id only (read, never written any more). */
const legacyRecordAad = (recordId: string) => utf8(`venice-key-wallet/record/v${ENVELOPE_VERSION}/${recordId}`);
export const wrapAad = (vaultId: string, v = ENVELOPE_VERSION) => utf8(`venice-key-wallet/vault/v${v}/${vaultId}`);

async function seal(key: CryptoKey, plaintext: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>, v: Sealed['v']): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plaintext);
  return { v, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Opens a sealed value; throws if the key, IV, ciphertext or additional data differ in any bit. */
async function open(key: CryptoKey, sealed: Sealed, aad: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const iv = fromBase64(sealed.iv);
  if (iv.length !== IV_BYTES) throw new Error('bad iv length');
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, fromBase64(sealed.ct));
  return new Uint8Array(plain);
}

export const newDataKeyBytes = (): Uint8Array<ArrayBuffer> => randomBytes(DATA_KEY_BYTES);

/** Imports raw data-key bytes as a non-extractable AES-GCM key for encrypting and decrypting secrets. */
export function importDataKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (raw.length !== DATA_KEY_BYTES) throw new Error('bad data key length');
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export const wrapDataKey = (wrappingKey: CryptoKey, raw: Uint8Array<ArrayBuffer>, vaultId: string) =>
  seal(wrappingKey, raw, wrapAad(vaultId), ENVELOPE_VERSION);

export async function unwrapDataKey(wrappingKey: CryptoKey, sealed: Sealed, vaultId: string) {
  const raw = await open(wrappingKey, sealed, wrapAad(vaultId, sealed.v));
  if (raw.length !== DATA_KEY_BYTES) throw new Error('bad data key length');
  return raw;
}

/** Seals a key's secret to its record: every field of `meta` becomes part of the additional data (envelope v2). */
export const encryptSecret = (dataKey: CryptoKey, meta: KeyMeta, secret: string) =>
  seal(dataKey, utf8(secret), recordMetaAad(meta), RECORD_ENVELOPE_VERSION);

/**
 * Opens a record's secret: a v2 record only with exactly the metadata it was sealed
 * with, a v1 record (written before v2) with its id. Throws when anything differs.
 */
export async function decryptSecret(dataKey: CryptoKey, record: StoredRecord): Promise<string> {
  const { secret: sealed, ...meta } = record;
  const aad = sealed.v === RECORD_ENVELOPE_VERSION ? recordMetaAad(meta) : legacyRecordAad(record.id);
  return fromUtf8(await open(dataKey, sealed, aad));
}
