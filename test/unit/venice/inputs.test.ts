import { describe, expect, it } from 'vitest';
import type { CreateKeyBody, UpdateKeyBody } from '../../../lib/venice/schemas/keys';
import type { MintKeyBody } from '../../../lib/venice/schemas/web3';
import type { VeniceError } from '../../../lib/venice/venice-error';
import { KEY_ID, MINT_BODIES, SIWX, WALLET } from './fixtures';
import { harness, rejectionOf } from './harness';

/** Every case must fail before any request is sent. */
async function failsLocally(run: (c: ReturnType<typeof harness>['client']) => Promise<unknown>, options = {}) {
  const { client, calls } = harness(() => ({ json: {} }), options);
  const e = (await rejectionOf(run(client))) as VeniceError;
  expect(calls).toHaveLength(0);
  return e;
}

describe('bad inputs never reach the network', () => {
  it.each([
    ['a 65-character description', { apiKeyType: 'INFERENCE', description: 'x'.repeat(65) }],
    ['a missing description', { apiKeyType: 'INFERENCE' }],
    ['an unknown field', { apiKeyType: 'INFERENCE', description: 'a', colour: 'red' }],
    ['an unknown key type', { apiKeyType: 'ROOT', description: 'a' }],
    ['a negative limit', { apiKeyType: 'INFERENCE', description: 'a', consumptionLimit: { usd: -1 } }],
    ['a limit over 9999999999', { apiKeyType: 'INFERENCE', description: 'a', consumptionLimit: { diem: 1e10 } }],
    ['an unknown limit currency', { apiKeyType: 'INFERENCE', description: 'a', consumptionLimit: { eur: 1 } }],
    ['a bad expiry format', { apiKeyType: 'INFERENCE', description: 'a', expiresAt: '31/12/2026' }],
    ['an impossible date', { apiKeyType: 'INFERENCE', description: 'a', expiresAt: '2026-02-30' }],
    ['a null expiry on create', { apiKeyType: 'INFERENCE', description: 'a', expiresAt: null }],
  ])('createKey with %s -> INVALID_REQUEST', async (_label, body) => {
    const e = await failsLocally((c) => c.createKey(body as CreateKeyBody));
    expect([e.code, e.action]).toEqual(['INVALID_REQUEST', 'fix_input']);
    expect(e.detail).toMatch(/^Check /);
  });

  it('names an unknown field in the hint', async () => {
    const e = await failsLocally((c) => c.createKey({ apiKeyType: 'INFERENCE', description: 'a', colour: 'red' } as CreateKeyBody));
    expect(e.detail).toContain('colour');
  });

  it.each([
    ['no id', { description: 'a' }],
    ['an apiKeyType change', { id: KEY_ID, apiKeyType: 'ADMIN' }],
    ['an id that names another route', { id: 'rate_limits' }],
  ])('updateKey with %s -> INVALID_REQUEST', async (_label, body) => {
    expect((await failsLocally((c) => c.updateKey(body as UpdateKeyBody))).code).toBe('INVALID_REQUEST');
  });

  it.each(['', 'rate_limits', 'generate_web3_key', '../billing/balance', 'a b', 'x'.repeat(129)])(
    'getKey / deleteKey refuse the id %j',
    async (id) => {
      expect((await failsLocally((c) => c.getKey(id))).code).toBe('INVALID_REQUEST');
      expect((await failsLocally((c) => c.deleteKey(id))).code).toBe('INVALID_REQUEST');
    },
  );

  it.each([
    ['address', { ...MINT_BODIES[0], address: '0x1234' }, 'INVALID_WALLET_ADDRESS'],
    ['token', { ...MINT_BODIES[0], token: 'not-a-jwt' }, 'JWT_MALFORMED'],
    ['signature (not hex)', { ...MINT_BODIES[0], signature: '0xnothex' }, 'INVALID_REQUEST'],
    ['signature (half a byte)', { ...MINT_BODIES[0], signature: '0xabc' }, 'INVALID_REQUEST'],
    ['signature (no 0x)', { ...MINT_BODIES[0], signature: 'ab'.repeat(65) }, 'INVALID_REQUEST'],
    ['extra field', { ...MINT_BODIES[0], chainId: 8453 }, 'INVALID_REQUEST'],
  ])('mintWeb3Key with a bad %s -> %s', async (_label, body, code) => {
    expect((await failsLocally((c) => c.mintWeb3Key(body as MintKeyBody))).code).toBe(code);
  });

  it('getX402Balance checks the wallet and the SIWX value', async () => {
    expect((await failsLocally((c) => c.getX402Balance('0xnothex', SIWX))).code).toBe('INVALID_WALLET_ADDRESS');
    expect((await failsLocally((c) => c.getX402Balance(WALLET, 'has spaces\n'))).code).toBe('X402_INVALID_SIGN_IN');
  });

  it('a keyed route without a key, or with a key that cannot be a header, sends nothing', async () => {
    const none = await failsLocally((c) => c.listKeys(), { apiKey: undefined });
    expect([none.code, none.action]).toEqual(['AUTHENTICATION_FAILED', 'check_key']);
    const bad = await failsLocally((c) => c.getRateLimits({ apiKey: 'VENICE_ADMIN_KEY_abc\ndef' }));
    expect(bad.code).toBe('KEY_INVALID_FORMAT');
  });
});
