import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/vault/encoding';
import {
  decryptSecret, encryptSecret, importDataKey, newDataKeyBytes, unwrapDataKey, wrapDataKey, type Sealed,
} from '../../../lib/vault/envelope';
import type { KeyMeta } from '../../../lib/vault/record';
import { deriveWrappingKey, newKdfParams } from '../../../lib/vault/kdf';
import { fakeSecret, FAST_ITERATIONS, PASS } from './helpers';

/** Flips one bit of a base64 field. */
function flip(b64: string, index = 0): string {
  const bytes = fromBase64(b64);
  bytes[index] = bytes[index]! ^ 0x01;
  return toBase64(bytes);
}

describe('envelope encryption', () => {
  const recordId = crypto.randomUUID();
  const meta: KeyMeta = {
    id: recordId, last6: 'abcdef', type: 'INFERENCE', description: 'laptop', source: 'minted',
    apiBaseUrl: 'https://api.venice.ai/api/v1', createdAt: '2026-12-01T09:00:00.000Z', limits: {}, expiresAt: null,
  };
  const record = (secret: Sealed) => ({ ...meta, secret });

  it('round-trips a secret and never stores it in plain', async () => {
    const key = await importDataKey(newDataKeyBytes());
    const secret = fakeSecret();
    const sealed = await encryptSecret(key, meta, secret);
    expect(JSON.stringify(sealed)).not.toContain(secret.slice(-12));
    expect(fromBase64(sealed.iv)).toHaveLength(12);
    await expect(decryptSecret(key, record(sealed))).resolves.toBe(secret);
  });

  it('uses a fresh IV every time', async () => {
    const key = await importDataKey(newDataKeyBytes());
    const a = await encryptSecret(key, meta, 'VENICE_INFERENCE_KEY_same');
    const b = await encryptSecret(key, meta, 'VENICE_INFERENCE_KEY_same');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it('makes the data key non-extractable', async () => {
    const key = await importDataKey(newDataKeyBytes());
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  const tamper: Array<[string, (s: Sealed) => Sealed]> = [
    ['a flipped IV byte', (s) => ({ ...s, iv: flip(s.iv, 5) })],
    ['a flipped first ciphertext byte', (s) => ({ ...s, ct: flip(s.ct, 0) })],
    ['a flipped tag byte', (s) => ({ ...s, ct: flip(s.ct, fromBase64(s.ct).length - 1) })],
    ['a truncated IV', (s) => ({ ...s, iv: toBase64(fromBase64(s.iv).slice(0, 8)) })],
  ];
  it.each(tamper)('detects %s', async (_name, edit) => {
    const key = await importDataKey(newDataKeyBytes());
    const sealed = await encryptSecret(key, meta, fakeSecret());
    await expect(decryptSecret(key, record(edit(sealed)))).rejects.toThrow();
  });

  it('detects a ciphertext moved to another record (the additional data holds the record id)', async () => {
    const key = await importDataKey(newDataKeyBytes());
    const sealed = await encryptSecret(key, meta, fakeSecret());
    await expect(decryptSecret(key, { ...record(sealed), id: crypto.randomUUID() })).rejects.toThrow();
  });

  it('detects a record relabelled as envelope v1 (whose additional data held the id only)', async () => {
    const key = await importDataKey(newDataKeyBytes());
    const sealed = await encryptSecret(key, meta, fakeSecret());
    expect(sealed.v).toBe(2);
    await expect(decryptSecret(key, record({ ...sealed, v: 1 }))).rejects.toThrow();
  });

  it('wraps the data key under the passphrase and detects a changed salt, vault id or wrong passphrase', async () => {
    const raw = newDataKeyBytes();
    const kdf = newKdfParams(FAST_ITERATIONS);
    const vaultId = crypto.randomUUID();
    const wrapped = await wrapDataKey(await deriveWrappingKey(PASS, kdf), raw, vaultId);
    expect(wrapped.ct).not.toContain(toBase64(raw));
    const opened = await unwrapDataKey(await deriveWrappingKey(PASS, kdf), wrapped, vaultId);
    expect(toBase64(opened)).toBe(toBase64(raw));

    const saltFlipped = { ...kdf, salt: flip(kdf.salt, 3) };
    await expect(unwrapDataKey(await deriveWrappingKey(PASS, saltFlipped), wrapped, vaultId)).rejects.toThrow();
    await expect(unwrapDataKey(await deriveWrappingKey(PASS, kdf), wrapped, crypto.randomUUID())).rejects.toThrow();
    await expect(unwrapDataKey(await deriveWrappingKey(`${PASS}!`, kdf), wrapped, vaultId)).rejects.toThrow();
    await expect(unwrapDataKey(await deriveWrappingKey(PASS, { ...kdf, iterations: FAST_ITERATIONS + 1 }), wrapped, vaultId)).rejects.toThrow();
  });
});
