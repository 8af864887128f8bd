// The popup checks mint options with its own zod/mini schema (lib/mint/options.ts);
// the background sends them inside the Venice client's mint body. Both must give
// the same answer, with the same messages, for every input.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { MintOptionsSchema, checkOptions } from '../../../lib/mint/options';
import { MintKeyBodySchema } from '../../../lib/venice/schemas/web3';

const ClientOptionsSchema = z.omit(MintKeyBodySchema, { address: true, signature: true, token: true });

const VALID = {
  apiKeyType: 'INFERENCE',
  description: 'Venice Key Wallet 2030-01-01',
  expiresAt: '2030-01-31',
  consumptionLimit: { usd: 12.5, diem: null, vcu: 0 },
  limitPeriod: 'MONTH',
  modelPrivacy: 'PRIVATE_TEXT',
};

const CASES: [string, unknown, boolean][] = [
  ['all fields', VALID, true],
  ['only the type', { apiKeyType: 'ADMIN' }, true],
  ['no type', { description: 'd' }, false],
  ['unknown type', { apiKeyType: 'OWNER' }, false],
  ['64-character description', { apiKeyType: 'ADMIN', description: 'd'.repeat(64) }, true],
  ['65-character description', { apiKeyType: 'ADMIN', description: 'd'.repeat(65) }, false],
  ['never expires', { ...VALID, expiresAt: '' }, true],
  ['date and time', { ...VALID, expiresAt: '2030-01-31T23:59:59.999Z' }, true],
  ['February 30th', { ...VALID, expiresAt: '2030-02-30' }, false],
  ['hour 24', { ...VALID, expiresAt: '2030-01-31T24:00:00Z' }, false],
  ['date without zero padding', { ...VALID, expiresAt: '2030-1-31' }, false],
  ['null expiry', { ...VALID, expiresAt: null }, false],
  ['empty caps', { ...VALID, consumptionLimit: {} }, true],
  ['negative cap', { ...VALID, consumptionLimit: { usd: -1 } }, false],
  ['cap above the maximum', { ...VALID, consumptionLimit: { diem: 1e10 } }, false],
  ['unknown cap', { ...VALID, consumptionLimit: { eur: 1 } }, false],
  ['unknown period', { ...VALID, limitPeriod: 'WEEK' }, false],
  ['unknown privacy', { ...VALID, modelPrivacy: 'NONE' }, false],
  ['address is not an option', { ...VALID, address: `0x${'a'.repeat(40)}` }, false],
  ['token is not an option', { ...VALID, token: 'a.b.c' }, false],
  ['not an object', 'INFERENCE', false],
];

describe('mint options schema (zod/mini) against the Venice client mint body', () => {
  it.each(CASES)('%s', (_label, input, ok) => {
    const mini = MintOptionsSchema.safeParse(input);
    const classic = ClientOptionsSchema.safeParse(input);
    expect(mini.success).toBe(ok);
    expect(classic.success).toBe(ok);
    expect(mini.success ? mini.data : mini.error.issues).toEqual(classic.success ? classic.data : classic.error.issues);
  });

  it('names each refused field, with the client schema message', () => {
    const result = checkOptions({ ...VALID, description: 'd'.repeat(65), expiresAt: '2030-02-30', consumptionLimit: { usd: -1 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(['consumptionLimit.usd', 'description', 'expiresAt']);
    expect(result.problems.find((p) => p.field === 'description')?.reason).toBe('At most 64 characters');
  });

  it('has the same fields as the client body without address, signature and token', () => {
    expect(Object.keys(MintOptionsSchema.shape).sort()).toEqual(Object.keys(ClientOptionsSchema.shape).sort());
  });
});
