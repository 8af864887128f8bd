import { describe, expect, it } from 'vitest';
import type { VeniceError } from '../../../lib/venice/venice-error';
import { ANSWERS, MINT_BODIES } from './fixtures';
import { harness, rejectionOf } from './harness';

const full = JSON.stringify(ANSWERS['POST /api_keys/generate_web3_key']);

describe('answers that do not fit: MALFORMED_RESPONSE', () => {
  it.each([
    ['not JSON', '<html><body>Bad gateway</body></html>'],
    ['an empty body', ''],
    ['truncated JSON', full.slice(0, full.length - 7)],
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
    ['a missing required field', JSON.stringify({ success: true, data: { ...ANSWERS['POST /api_keys/generate_web3_key'].data, apiKey: undefined } })],
    ['a wrong enum value', JSON.stringify({ success: true, data: { ...ANSWERS['POST /api_keys/generate_web3_key'].data, apiKeyType: 'SUPER' } })],
    ['a limit out of range', JSON.stringify({ success: true, data: { ...ANSWERS['POST /api_keys/generate_web3_key'].data, consumptionLimit: { usd: -1 } } })],
  ])('mint answered with %s', async (_label, text) => {
    const { client, calls } = harness([{ text }]);
    const e = (await rejectionOf(client.mintWeb3Key(MINT_BODIES[0]))) as VeniceError;
    expect([e.code, e.action, e.status]).toEqual(['MALFORMED_RESPONSE', 'retry_later', 200]);
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['a usage amount that is not a decimal string', { data: [{ ...ANSWERS['GET /api_keys'].data[0], usage: { trailingSevenDays: { usd: 'ten', vcu: '0', diem: '0' } } }], object: 'list' }],
    ['a non-null expiresAt that is a number', { data: [{ ...ANSWERS['GET /api_keys'].data[0], expiresAt: 5 }], object: 'list' }],
    ['a wrong list marker', { data: [], object: 'page' }],
  ])('list answered with %s', async (_label, json) => {
    const { client } = harness([{ json }]);
    expect(((await rejectionOf(client.listKeys())) as VeniceError).code).toBe('MALFORMED_RESPONSE');
  });

  it('names the failing fields, not their values', async () => {
    const { client } = harness([{ json: { data: { token: 'VENICE_ADMIN_KEY_leakedvalue123' }, success: true } }]);
    const e = (await rejectionOf(client.getWeb3Token())) as VeniceError;
    expect(e.detail).toContain('data.token');
    expect(JSON.stringify(e)).not.toContain('leakedvalue');
  });

  it('x402 balance with success:false is not a balance', async () => {
    const { client } = harness([{ json: { ...ANSWERS['GET /x402/balance/{walletAddress}'], success: false } }]);
    const e = (await rejectionOf(client.getX402Balance('0x45B73055F3aDcC4577Bb709db10B19d11b5c94eE', 'eyJhIjoxfQ=='))) as VeniceError;
    expect(e.code).toBe('MALFORMED_RESPONSE');
  });

  it('a non-JSON error page is still mapped by its status', async () => {
    const { client } = harness([{ status: 502, text: '<html>Bad gateway</html>' }], { retries: 0 });
    const e = (await rejectionOf(client.listKeys())) as VeniceError;
    expect([e.code, e.detail]).toEqual(['SERVICE_UNAVAILABLE', undefined]);
  });
});
