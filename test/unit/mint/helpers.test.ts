import { describe, expect, it } from 'vitest';
import { formatTokenAmount, shortAddress } from '../../../lib/mint/format';
import { checkForm, formToOptions, initialForm } from '../../../lib/mint/form';
import { tokenExpiresAt, TOKEN_LIFETIME_MS } from '../../../lib/mint/jwt';
import { jwt, T0 } from './fakes';

describe('token expiry from the JWT payload', () => {
  const cases: [string, string, number][] = [
    ['iat and exp: lifetime measured on the local clock', jwt(T0 - 3_600_000, 900), T0 + 900_000],
    ['a shorter lifetime is honoured', jwt(T0, 600), T0 + 600_000],
    ['a longer one is capped at 15 minutes', jwt(T0, 7200), T0 + TOKEN_LIFETIME_MS],
    ['no claims: 15 minutes', 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln', T0 + TOKEN_LIFETIME_MS],
    ['not a JWT: 15 minutes', 'garbage', T0 + TOKEN_LIFETIME_MS],
    ['bad base64 payload: 15 minutes', 'a.%%%.b', T0 + TOKEN_LIFETIME_MS],
  ];
  it.each(cases)('%s', (_label, token, expected) => {
    expect(tokenExpiresAt(token, T0)).toBe(expected);
  });
});

describe('mint options form', () => {
  const base = initialForm(T0);

  it('starts with an INFERENCE key and a dated description', () => {
    expect(base).toMatchObject({ apiKeyType: 'INFERENCE', description: 'Venice Key Wallet 2025-06-01', expires: '', usd: '', diem: '' });
  });

  it.each([
    ['defaults', {}, { apiKeyType: 'INFERENCE', description: 'Venice Key Wallet 2025-06-01', limitPeriod: 'EPOCH', modelPrivacy: 'ALL' }],
    ['empty description is left to the server default', { description: '  ' }, { description: undefined }],
    ['caps as numbers, blank cap omitted', { usd: '12.5', diem: '' }, { consumptionLimit: { usd: 12.5 } }],
    ['zero is a cap, not "none"', { diem: '0' }, { consumptionLimit: { diem: 0 } }],
    ['expiry date kept as YYYY-MM-DD', { expires: '2030-01-31' }, { expiresAt: '2030-01-31' }],
  ] as const)('%s', (_label, patch, expected) => {
    const result = checkForm({ ...base, ...patch }, T0);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.options).toEqual({ ...formToOptions(base), ...expected });
  });

  it.each([
    ['65-character description', { description: 'x'.repeat(65) }, { description: 'description' }],
    ['negative cap', { usd: '-1' }, { usd: 'amount' }],
    ['text in a cap', { diem: 'ten' }, { diem: 'amount' }],
    ['cap above the API maximum', { usd: '99999999999' }, { usd: 'amount' }],
    ['expiry today', { expires: '2025-06-01' }, { expires: 'expires_past' }],
    ['expiry that is not a date', { expires: '2030-02-30' }, { expires: 'generic' }],
  ] as const)('refuses %s', (_label, patch, problems) => {
    const result = checkForm({ ...base, ...patch }, T0);
    expect(result).toEqual({ ok: false, problems });
  });
});

describe('display helpers', () => {
  it.each([
    ['0', '0'],
    ['1000000000000000000', '1'],
    ['1234567800000000000000', '1,234.5678'],
    ['1500000000000000000', '1.5'],
    ['1', '<0.0001'],
    ['oops', '0'],
    // The cases of the former lib/chain/format.ts (one formatTokenAmount now):
    ['1234500000000000000000', '1,234.5'],
    ['1000000000000000000000000', '1,000,000'],
    ['123456789000000000000', '123.4567'], // cut, not rounded up to 123.4568
    ['100000000000000', '0.0001'],
  ])('%s wei → %s', (wei, text) => {
    expect(formatTokenAmount(wei)).toBe(text);
  });

  it('takes other decimals and precisions', () => {
    expect(formatTokenAmount('1234567', 6, 2)).toBe('1.23');
    expect(formatTokenAmount('5', 6, 2)).toBe('<0.01');
  });

  it('shortens an address', () => {
    expect(shortAddress('0x1234567890abcdef1234567890abcdef12345678')).toBe('0x1234…5678');
  });
});
