// Key management, in process: auth answers, create/list/details, strict bodies, PATCH, DELETE, expiry.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateRequestBody } from '../contract/openapi';
import { type Json, apiOf, control, mintKey } from './helpers';
import { type Sandbox, startSandbox } from './index';

let sandbox: Sandbox;
let api: ReturnType<typeof apiOf>;
let admin: string;
let inference: string;

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
  api = apiOf(sandbox);
  admin = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
  inference = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
});
afterAll(() => sandbox?.stop());
beforeEach(async () => {
  sandbox.clock.setOffset(0);
  await control(sandbox.origin, 'POST', '/limits/reset');
});

const create = (body: Json, key = admin) => api('POST', '/api_keys', { key, body });
const patch = (body: Json) => api('PATCH', '/api_keys', { key: admin, body });
const details = async (id: string) => (await api('GET', `/api_keys/${id}`, { key: admin })).body.data;

describe('authentication', () => {
  it('answers a request without Authorization with a 402 x402 challenge', async () => {
    const answer = await api('GET', '/api_keys');
    expect(answer.status).toBe(402);
    expect(answer.body).toMatchObject({ x402Version: 2, error: 'Payment required' });
    expect(answer.body.accepts[0]).toMatchObject({ scheme: 'exact', network: 'base' });
    const header = JSON.parse(Buffer.from(answer.headers.get('payment-required') ?? '', 'base64').toString());
    expect(header.accepts).toEqual(answer.body.accepts);
  });

  it('answers unknown keys and other schemes with 401 "Authentication failed"', async () => {
    for (const headers of [{ authorization: 'Bearer VENICE_ADMIN_KEY_nope' }, { authorization: `Basic ${admin}` }]) {
      const answer = await api('GET', '/api_keys', { headers });
      expect([answer.status, answer.body.error]).toEqual([401, 'Authentication failed']);
    }
  });

  it('keeps INFERENCE keys off every admin route, but lets them read their rate limits', async () => {
    const routes: [string, string, Json?][] = [
      ['GET', '/api_keys'],
      ['POST', '/api_keys', { apiKeyType: 'INFERENCE', description: 'x' }],
      ['PATCH', '/api_keys', { id: 'x' }],
      ['DELETE', '/api_keys?id=x'],
      ['GET', '/api_keys/some-id'],
      ['GET', '/api_keys/rate_limits/log'],
      ['GET', '/billing/balance'],
    ];
    for (const [method, path, body] of routes) {
      const answer = await api(method, path, { key: inference, body });
      expect([method, path, answer.status, answer.body.error]).toEqual([method, path, 401, 'Admin API key required']);
    }
    expect((await api('GET', '/api_keys/rate_limits', { key: inference })).status).toBe(200);
  });
});

describe('create, list, details', () => {
  it('creates a key whose secret is shown once, lists it newest first, masked', async () => {
    const body = { apiKeyType: 'INFERENCE', description: 'listed', consumptionLimit: { usd: 25 }, limitPeriod: 'LIFETIME', modelPrivacy: 'PRIVATE_ONLY' };
    expect(validateRequestBody('POST', '/api_keys', body).valid).toBe(true);
    const created = await create(body);
    expect(created.status).toBe(200);
    const secret: string = created.body.data.apiKey;
    expect(secret).toMatch(/^VENICE_INFERENCE_KEY_/);
    expect(created.body.data.consumptionLimit).toEqual({ usd: 25, diem: null, vcu: null });
    const list = await api('GET', '/api_keys', { key: admin });
    expect(list.body.object).toBe('list');
    expect(list.body.data[0]).toMatchObject({ id: created.body.data.id, last6Chars: secret.slice(-6), limitPeriod: 'LIFETIME', modelPrivacy: 'PRIVATE_ONLY' });
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const record = await details(created.body.data.id);
    expect(record.usage.trailingSevenDays).toEqual({ usd: '0.0000', vcu: '0.0000', diem: '0.0000' });
    expect(record.currentPeriodUsage).toEqual({ usd: '0.0000', diem: '0.0000' });
  });

  it('shows currentPeriodUsage only when a USD or DIEM cap is set', async () => {
    const plain = await create({ apiKeyType: 'INFERENCE', description: 'no caps' });
    const vcuOnly = await create({ apiKeyType: 'INFERENCE', description: 'vcu cap', consumptionLimit: { vcu: 3 } });
    expect((await details(plain.body.data.id)).currentPeriodUsage).toBeUndefined();
    expect((await details(vcuOnly.body.data.id)).currentPeriodUsage).toBeUndefined();
  });

  it.each([
    ['an unknown field', { apiKeyType: 'INFERENCE', description: 'x', color: 'red' }],
    ['no description', { apiKeyType: 'INFERENCE' }],
    ['a 65-character description', { apiKeyType: 'INFERENCE', description: 'x'.repeat(65) }],
    ['a bad type', { apiKeyType: 'ROOT', description: 'x' }],
    ['a bad date', { apiKeyType: 'INFERENCE', description: 'x', expiresAt: '12/31/2030' }],
    ['a cap too large', { apiKeyType: 'INFERENCE', description: 'x', consumptionLimit: { usd: 1e11 } }],
  ])('refuses %s like the OpenAPI file', async (_name, body) => {
    expect(validateRequestBody('POST', '/api_keys', body).valid).toBe(false);
    const answer = await create(body);
    expect([answer.status, answer.body.error]).toEqual([400, 'Invalid request parameters']);
    expect(answer.body.details).toBeTypeOf('object');
  });

  it('drops an unknown cap, as the OpenAPI file leaves consumptionLimit open', async () => {
    const body = { apiKeyType: 'INFERENCE', description: 'x', consumptionLimit: { eur: 1, diem: 2 } };
    expect(validateRequestBody('POST', '/api_keys', body).valid).toBe(true);
    const answer = await create(body);
    expect(answer.body.data.consumptionLimit).toEqual({ usd: null, diem: 2, vcu: null });
  });

  it('hides expired keys, refuses them as credentials, and treats their id as unknown', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const created = await create({ apiKeyType: 'ADMIN', description: 'short-lived', expiresAt: tomorrow });
    expect(created.body.data.expiresAt).toBe(`${tomorrow}T00:00:00.000Z`);
    expect((await api('GET', '/api_keys', { key: created.body.data.apiKey })).status).toBe(200);
    sandbox.clock.advance(2 * 86_400_000);
    const list = await api('GET', '/api_keys', { key: admin });
    expect(list.body.data.map((key: Json) => key.id)).not.toContain(created.body.data.id);
    expect((await api('GET', '/api_keys', { key: created.body.data.apiKey })).status).toBe(401);
    const gone = await patch({ id: created.body.data.id, description: 'again' });
    expect([gone.status, gone.body.error]).toEqual([400, 'API key not found or expired']);
  });
});

describe('PATCH /api_keys', () => {
  it('changes only the fields sent; null removes a cap; "" and null remove the expiry', async () => {
    const { body } = await create({
      apiKeyType: 'INFERENCE',
      description: 'before',
      consumptionLimit: { usd: 10, diem: 5 },
      limitPeriod: 'MONTH',
      modelPrivacy: 'PRIVATE_TEXT',
      expiresAt: '2099-01-01',
    });
    const id: string = body.data.id;
    const renamed = await patch({ id, description: 'after' });
    expect(renamed.body.data).toMatchObject({ description: 'after', consumptionLimits: { usd: 10, diem: 5, vcu: null }, limitPeriod: 'MONTH', modelPrivacy: 'PRIVATE_TEXT', expiresAt: '2099-01-01T00:00:00.000Z' });
    const uncapped = await patch({ id, consumptionLimit: { usd: null } });
    expect(uncapped.body.data.consumptionLimits).toEqual({ usd: null, diem: 5, vcu: null });
    expect((await patch({ id, expiresAt: '' })).body.data.expiresAt).toBeNull();
    expect((await patch({ id, expiresAt: '2099-02-03T04:05:06Z' })).body.data.expiresAt).toBe('2099-02-03T04:05:06.000Z');
    expect((await patch({ id, expiresAt: null })).body.data.expiresAt).toBeNull();
    expect(await details(id)).toMatchObject({ description: 'after', consumptionLimits: { usd: null, diem: 5 }, apiKeyType: 'INFERENCE' });
  });

  it('refuses to change apiKeyType and answers unknown ids', async () => {
    const typeChange = await patch({ id: 'whatever', apiKeyType: 'ADMIN' });
    expect([typeChange.status, typeChange.body.error]).toEqual([400, 'Invalid request parameters']);
    const unknown = await patch({ id: '00000000-0000-0000-0000-000000000000', description: 'x' });
    expect([unknown.status, unknown.body.error]).toEqual([400, 'API key not found or expired']);
  });
});

describe('DELETE /api_keys', () => {
  it('revokes by ?id= or by JSON {id}, at once', async () => {
    const first = await create({ apiKeyType: 'ADMIN', description: 'to delete' });
    const second = await create({ apiKeyType: 'ADMIN', description: 'to delete too' });
    const byQuery = await api('DELETE', `/api_keys?id=${first.body.data.id}`, { key: admin });
    expect(byQuery.body).toEqual({ success: true });
    const byBody = await api('DELETE', '/api_keys', { key: admin, body: { id: second.body.data.id } });
    expect(byBody.body).toEqual({ success: true });
    for (const created of [first, second]) {
      expect((await api('GET', '/api_keys', { key: created.body.data.apiKey })).status).toBe(401);
    }
  });

  it('answers an unknown key and a missing id', async () => {
    const unknown = await api('DELETE', '/api_keys?id=no-such-key', { key: admin });
    expect([unknown.status, unknown.body.error]).toEqual([400, 'API key could not be found']);
    const missing = await api('DELETE', '/api_keys', { key: admin });
    expect([missing.status, missing.body.error]).toEqual([400, 'Invalid request parameters']);
  });
});
