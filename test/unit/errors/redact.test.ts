import { describe, expect, it } from 'vitest';
import { redactKnown, redactSecrets } from '../../../lib/errors';
import { keyTypeOf } from '../../../lib/vault/key-format';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const SIG = `0x${'ab12'.repeat(32)}1c`; // 65 bytes
const KEY = 'VENICE_INFERENCE_KEY_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z';
const ADDRESS = '0x45B73055F3aDcC4577Bb709db10B19d11b5c94eE';

describe('redactSecrets', () => {
  it.each([
    ['a Venice inference key', `bad key ${KEY} here`, KEY],
    ['a Venice admin key', 'VENICE_ADMIN_KEY_zz_09-AbC', 'VENICE_ADMIN_KEY_zz_09-AbC'],
    ['a JWT', `token=${JWT}`, JWT],
    ['a JWT made of non-eyJ segments', 'x abcdefghijk.lmnopqrstuv.wxyzABCDEFG y', 'abcdefghijk.lmnopqrstuv.wxyzABCDEFG'],
    ['a 65-byte signature', `signature ${SIG} does not match`, SIG],
    ['a signature without 0x', `sig ${'f'.repeat(130)}`, 'f'.repeat(130)],
    ['a Bearer value', 'Authorization: Bearer abc.def-123', 'abc.def-123'],
    ['a base64 SIWX header', `header ${btoa(JSON.stringify({ address: ADDRESS, signature: SIG }))}`, 'eyJ'],
  ])('removes %s', (_label, text, secret) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted');
  });

  it.each(['.', '_', '~', '+', '/', '=', '-'])('removes a whole key whose body holds %s, as the key format accepts', (char) => {
    const key = `VENICE_INFERENCE_KEY_aB3${char}dE5${char}${char}fG7${char}`;
    expect(keyTypeOf(key)).toBe('INFERENCE');
    const out = redactSecrets(`bad key ${key} here`);
    expect(out).toBe('bad key [redacted key] here');
  });

  it('removes a key holding every character the key format accepts', () => {
    const key = 'VENICE_ADMIN_KEY_aZ09._~+/=-tail';
    expect(keyTypeOf(key)).toBe('ADMIN');
    expect(redactSecrets(`"${key}"`)).toBe('"[redacted key]"');
  });

  it('keeps ordinary text, wallet addresses, ids and numbers', () => {
    const text = `heyJude: Wallet ${ADDRESS} has no staked VVV on Base. Key e28e82dc-9df2-4b47-b726-d0a222ef2ab5, limit 9999999999, api.venice.ai`;
    expect(redactSecrets(text)).toBe(text);
  });

  it('redactKnown also removes exact values the patterns would miss', () => {
    const secret = 'short-secret-value';
    expect(redactKnown(`echo: ${secret}!`, [secret, undefined])).toBe('echo: [redacted]!');
  });
});
