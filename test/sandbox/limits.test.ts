// Rate limits, in process: x-ratelimit-* headers, the creation limit, the 500-key cap, the
// failed-request budget, GET /api_keys/rate_limits, the breach log and billing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Json, apiOf, control, mintKey } from './helpers';
import { type Sandbox, startSandbox } from './index';

let sandbox: Sandbox;
let api: ReturnType<typeof apiOf>;
let admin: string;
/** ADMIN key of another account: the ERC-1271 wallet's. */
let other: string;

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
  api = apiOf(sandbox);
  admin = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
  other = await mintKey(sandbox, sandbox.wallets.contract, 'ADMIN');
});
afterAll(() => sandbox?.stop());
beforeEach(async () => {
  sandbox.clock.setOffset(0);
  await control(sandbox.origin, 'POST', '/limits/reset');
});

const HEADERS = ['limit-requests', 'remaining-requests', 'reset-requests', 'limit-tokens', 'remaining-tokens', 'reset-tokens'];
const create = (description: string, extra: Json = {}) => api('POST', '/api_keys', { key: admin, body: { apiKeyType: 'INFERENCE', description, ...extra } });

describe('x-ratelimit-* headers', () => {
  it('come with every answer, with the reset as Unix seconds', async () => {
    const answers = await Promise.all([
      api('GET', '/api_keys/generate_web3_key'),
      api('GET', '/api_keys'),
      api('GET', '/api_keys', { key: 'nope' }),
      api('GET', '/api_keys', { key: admin }),
      api('POST', '/api_keys', { key: admin, body: { bad: true } }),
    ]);
    for (const answer of answers) {
      for (const name of HEADERS) expect(answer.headers.get(`x-ratelimit-${name}`), name).toMatch(/^\d+$/);
      const reset = Number(answer.headers.get('x-ratelimit-reset-requests'));
      expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
      expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 61);
    }
  });
});

describe('key creation limits', () => {
  it('allows 20 creations a minute, then 429 until the minute has passed', async () => {
    for (let i = 0; i < 20; i += 1) expect((await create(`burst ${i}`)).status).toBe(200);
    const over = await create('one too many');
    expect([over.status, over.body.error]).toEqual([429, 'Rate limit exceeded']);
    expect(over.headers.get('x-ratelimit-limit-requests')).toBe('20');
    expect(over.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    sandbox.clock.advance(61_000);
    expect((await create('after the minute')).status).toBe(200);
  });

  it('caps a user at 500 active keys; expired and deleted keys do not count', async () => {
    const owner = other; // another account, so that the other tests keep room for their keys
    const make = (description: string) => api('POST', '/api_keys', { key: owner, body: { apiKeyType: 'INFERENCE', description } });
    const active = () => api('GET', '/api_keys', { key: owner }).then((answer) => answer.body.data.length as number);
    let count = await active();
    while (count < 500) {
      for (let i = 0; i < 20 && count < 500; i += 1, count += 1) expect((await make(`fill ${count}`)).status).toBe(200);
      sandbox.clock.advance(61_000);
    }
    const full = await make('501st');
    expect(full.status).toBe(400);
    expect(full.body.error).toContain('500');
    const list = (await api('GET', '/api_keys', { key: owner })).body.data as Json[];
    const victim = list.find((key) => key.description.startsWith('fill'));
    const soon = new Date(sandbox.clock.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect((await api('PATCH', '/api_keys', { key: owner, body: { id: victim.id, expiresAt: soon } })).status).toBe(200);
    sandbox.clock.advance(120_000);
    expect((await make('fits again')).status).toBe(200);
    const second = list.find((key) => key.description.startsWith('fill') && key.id !== victim.id);
    await api('DELETE', `/api_keys?id=${second.id}`, { key: owner });
    expect((await make('fits after a delete')).status).toBe(200);
    expect((await make('full again')).status).toBe(400);
  }, 30_000);
});

describe('failed-request budget', () => {
  it('blocks a caller for 30 s after more than 20 failures in 30 s, and logs the breach', async () => {
    const throwaway = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
    const failing = () => api('PATCH', '/api_keys', { key: throwaway, body: { id: 'missing', description: 'x' } });
    for (let i = 0; i < 21; i += 1) expect((await failing()).status).toBe(400);
    const blocked = await api('GET', '/api_keys', { key: throwaway });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toContain('Too many failed attempts (> 20)');
    expect((await api('GET', '/api_keys', { key: admin })).status).toBe(200); // other callers are not blocked
    const log = await api('GET', '/api_keys/rate_limits/log', { key: admin });
    const keyId = (await control(sandbox.origin, 'GET', '/keys')).keys.find((key: Json) => key.last6Chars === throwaway.slice(-6)).id;
    expect(log.body.data[0]).toMatchObject({ apiKeyId: keyId, rateLimitType: 'FAILED_REQUESTS' });
    sandbox.clock.advance(31_000);
    expect((await api('GET', '/api_keys', { key: throwaway })).status).toBe(200);
  });
});

describe('GET /api_keys/rate_limits', () => {
  it('reports the key’s balances clamped to its remaining caps, and its usage', async () => {
    const { body } = await create('capped', { consumptionLimit: { usd: 10, diem: 2 } });
    const key: string = body.data.apiKey;
    await control(sandbox.origin, 'POST', `/accounts/${sandbox.wallets.staked.address}/balance`, { usd: 20, diem: 3, bundled: 5 });
    const before = (await api('GET', '/api_keys/rate_limits', { key })).body.data;
    expect(before.balances).toEqual({ USD: 5, DIEM: 2, BUNDLED_CREDITS: 5 });
    await control(sandbox.origin, 'POST', `/keys/${body.data.id}/usage`, { usd: 4, diem: 1.5 });
    const after = (await api('GET', '/api_keys/rate_limits', { key })).body.data;
    expect(after.balances).toEqual({ USD: 5, DIEM: 0.5, BUNDLED_CREDITS: 1 });
    expect(after.accessPermitted).toBe(true);
    const record = (await api('GET', `/api_keys/${body.data.id}`, { key: admin })).body.data;
    expect(record.currentPeriodUsage).toEqual({ usd: '4.0000', diem: '1.5000' });
    sandbox.clock.advance(86_400_000); // a new epoch: EPOCH usage resets, the 7-day window keeps it
    const nextDay = (await api('GET', `/api_keys/${body.data.id}`, { key: admin })).body.data;
    expect(nextDay.currentPeriodUsage).toEqual({ usd: '0.0000', diem: '0.0000' });
    expect(nextDay.usage.trailingSevenDays).toEqual({ usd: '4.0000', vcu: '1.5000', diem: '1.5000' });
  });

  it('gives tier, expiry, the next epoch on the sandbox clock and per-model limits', async () => {
    const { body } = await create('expiring', { expiresAt: '2099-06-01T00:00:00Z' });
    sandbox.clock.advance(5 * 86_400_000);
    const data = (await api('GET', '/api_keys/rate_limits', { key: body.data.apiKey })).body.data;
    expect(data.apiTier).toEqual({ id: 'paid', isCharged: true });
    expect(data.keyExpiration).toBe('2099-06-01T00:00:00.000Z');
    const now = new Date(sandbox.clock.now());
    expect(data.nextEpochBegins).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString());
    const types = data.rateLimits.flatMap((model: Json) => model.rateLimits.map((limit: Json) => limit.type));
    expect(new Set(types)).toEqual(new Set(['RPM', 'TPM', 'RPD']));
    expect(data.rateLimits.some((model: Json) => model.apiModelId.includes('video') && model.rateLimits.length === 0)).toBe(true);
  });

  it('reports accessPermitted false when the sandbox switches the key off or nothing is left', async () => {
    const { body } = await create('switched');
    await control(sandbox.origin, 'POST', `/accounts/${sandbox.wallets.staked.address}/balance`, { usd: 1, diem: 0, bundled: 0 });
    expect((await api('GET', '/api_keys/rate_limits', { key: body.data.apiKey })).body.data.accessPermitted).toBe(true);
    await control(sandbox.origin, 'POST', `/keys/${body.data.apiKey.slice(-6)}/access`, { permitted: false });
    expect((await api('GET', '/api_keys/rate_limits', { key: body.data.apiKey })).body.data.accessPermitted).toBe(false);
    await control(sandbox.origin, 'POST', `/keys/${body.data.id}/access`, { permitted: true });
    await control(sandbox.origin, 'POST', `/accounts/${sandbox.wallets.staked.address}/balance`, { usd: 0 });
    expect((await api('GET', '/api_keys/rate_limits', { key: body.data.apiKey })).body.data.accessPermitted).toBe(false);
  });
});

describe('the breach log and billing', () => {
  it('lists the account’s last 50 breaches, newest first, and no other account’s', async () => {
    const { body } = await create('noisy');
    for (let i = 0; i < 55; i += 1) {
      sandbox.clock.advance(1_000);
      await control(sandbox.origin, 'POST', '/rate_limits/log', { key: body.data.id, modelId: `model-${i}`, rateLimitType: 'RPM' });
    }
    await control(sandbox.origin, 'POST', '/rate_limits/log', { key: other.slice(-6), modelId: 'outsider', rateLimitType: 'TPM' });
    const log = (await api('GET', '/api_keys/rate_limits/log', { key: admin })).body.data as Json[];
    expect(log).toHaveLength(50);
    expect(log[0]).toMatchObject({ apiKeyId: body.data.id, modelId: 'model-54', rateLimitType: 'RPM', rateLimitTier: 'paid' });
    expect(log.map((entry) => entry.modelId)).not.toContain('outsider');
    const times = log.map((entry) => Date.parse(entry.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('reports the account balance, DIEM first', async () => {
    const address = sandbox.wallets.staked.address;
    await control(sandbox.origin, 'POST', `/accounts/${address}/balance`, { usd: 25, diem: 90.5, bundled: 0, diemEpochAllocation: 100 });
    const funded = await api('GET', '/billing/balance', { key: admin });
    expect(funded.body).toEqual({ canConsume: true, consumptionCurrency: 'DIEM', balances: { diem: 90.5, usd: 25 }, diemEpochAllocation: 100 });
    await control(sandbox.origin, 'POST', `/accounts/${address}/balance`, { usd: 0, diem: 0, bundled: 0 });
    const empty = await api('GET', '/billing/balance', { key: admin });
    expect(empty.body).toMatchObject({ canConsume: false, consumptionCurrency: null });
  });
});
