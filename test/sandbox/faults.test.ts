// Fault injection and the other control routes, in process.
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIGNING_PATH } from '../../lib/wallet/signing-tab';
import { type Json, apiOf, control, expectContract, mintKey } from './helpers';
import { type Sandbox, startSandbox } from './index';

let sandbox: Sandbox;
let api: ReturnType<typeof apiOf>;
let admin: string;

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
  api = apiOf(sandbox);
  admin = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
});
afterAll(() => sandbox?.stop());
beforeEach(async () => {
  await control(sandbox.origin, 'DELETE', '/faults');
  await control(sandbox.origin, 'POST', '/limits/reset');
});

const fault = (spec: Json) => control(sandbox.origin, 'POST', '/faults', spec);
const keyCount = async () => (await control(sandbox.origin, 'GET', '/keys')).keys.length as number;
const createKey = () => fetch(`${sandbox.apiUrl}/api_keys`, {
  method: 'POST',
  headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
  body: JSON.stringify({ apiKeyType: 'INFERENCE', description: 'fault test' }),
});
const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

describe('faults', () => {
  it('adds latency to matching routes until cleared', async () => {
    // 3 s, not 400 ms: on a busy 2-core machine a plain request took 404 ms, so the un-delayed
    // requests get the same bound with room for a slow neighbour.
    await fault({ kind: 'latency', ms: 3000, path: '/api_keys/generate_web3_key' });
    expect(await timed(() => api('GET', '/api_keys/generate_web3_key'))).toBeGreaterThanOrEqual(2990);
    expect(await timed(() => api('GET', '/api_keys', { key: admin }))).toBeLessThan(2990);
    await control(sandbox.origin, 'DELETE', '/faults');
    expect(await timed(() => api('GET', '/api_keys/generate_web3_key'))).toBeLessThan(2990);
  });

  it('forces a status for the next N matching requests, without running the handler', async () => {
    await fault({ kind: 'status', status: 503, count: 2, method: 'GET', path: '/api/v1/api_keys/rate_limits' });
    for (let i = 0; i < 2; i += 1) {
      const answer = await api('GET', '/api_keys/rate_limits', { key: admin });
      expect(answer.status).toBe(503);
      expect(answer.body.error).toBe('The model is at capacity. Please try again later.');
      expect(answer.headers.get('x-ratelimit-remaining-requests')).toMatch(/^\d+$/);
    }
    expect((await api('GET', '/api_keys/rate_limits', { key: admin })).status).toBe(200);
    const before = await keyCount();
    await fault({ kind: 'status', status: 500, path: '/api_keys', method: 'POST', error: 'Inference processing failed' });
    const forced = await createKey();
    expect([forced.status, await forced.json()]).toEqual([500, { error: 'Inference processing failed' }]);
    expect(await keyCount()).toBe(before);
  });

  it('sends a malformed body once the handler has run', async () => {
    await fault({ kind: 'malformed', path: '/api_keys/*', method: 'GET' });
    const response = await fetch(`${sandbox.apiUrl}/api_keys/rate_limits`, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
    expect((await api('GET', '/api_keys/rate_limits', { key: admin })).status).toBe(200);
  });

  it('truncates a body: the headers arrive, the body read fails', async () => {
    await fault({ kind: 'truncated', path: '/api_keys/generate_web3_key' });
    const response = await fetch(`${sandbox.apiUrl}/api_keys/generate_web3_key`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('drops the connection before the handler (nothing happens) or after it (the key exists)', async () => {
    const before = await keyCount();
    await fault({ kind: 'drop', path: '/api_keys', method: 'POST' });
    await expect(createKey()).rejects.toThrow();
    expect(await keyCount()).toBe(before);
    await fault({ kind: 'drop', when: 'after', path: '/api_keys', method: 'POST' });
    await expect(createKey()).rejects.toThrow();
    expect(await keyCount()).toBe(before + 1);
    expect((await createKey()).status).toBe(200);
  });

  it('refuses a fault it does not know', async () => {
    const response = await fetch(`${sandbox.origin}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ kind: 'meteor' }) });
    expect(response.status).toBe(400);
  });
});

describe('request log', () => {
  it('records method, path, status and time of API calls, never secrets, and can be cleared', async () => {
    await control(sandbox.origin, 'DELETE', '/requests');
    await api('GET', '/api_keys', { key: admin });
    await api('DELETE', '/api_keys?id=secret-looking-id', { key: admin });
    await fault({ kind: 'drop', path: '/api_keys/generate_web3_key' });
    await fetch(`${sandbox.apiUrl}/api_keys/generate_web3_key`).catch(() => undefined);
    const { requests } = await control(sandbox.origin, 'GET', '/requests');
    expect(requests.map((entry: Json) => [entry.method, entry.path, entry.status])).toEqual([
      ['GET', '/api/v1/api_keys', 200],
      ['DELETE', '/api/v1/api_keys', 400],
      ['GET', '/api/v1/api_keys/generate_web3_key', 0],
    ]);
    expect(requests[2].fault).toBe('drop');
    expect(Number.isNaN(Date.parse(requests[0].time))).toBe(false);
    const text = JSON.stringify(requests);
    expect(text).not.toContain(admin);
    expect(text).not.toContain('secret-looking-id');
    await control(sandbox.origin, 'DELETE', '/requests');
    expect((await control(sandbox.origin, 'GET', '/requests')).requests).toEqual([]);
  });
});

describe('other control routes', () => {
  it('lists keys without secrets and revokes by last 6 characters', async () => {
    const key = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    const { keys } = await control(sandbox.origin, 'GET', '/keys');
    expect(JSON.stringify(keys)).not.toContain('VENICE_');
    expect(keys.find((record: Json) => record.last6Chars === key.slice(-6))).toMatchObject({ apiKeyType: 'INFERENCE', consumptionLimits: { usd: null } });
    await control(sandbox.origin, 'POST', `/keys/${key.slice(-6)}/revoke`);
    expect((await api('GET', '/api_keys/rate_limits', { key })).status).toBe(401);
  });

  it('moves the clock by an advance or to an offset', async () => {
    const advanced = await control(sandbox.origin, 'POST', '/clock', { advanceMs: 3_600_000 });
    expect(advanced.offsetMs).toBe(sandbox.clock.offsetMs);
    expect(Date.parse(advanced.now) - Date.now()).toBeGreaterThan(3_590_000);
    expect((await control(sandbox.origin, 'POST', '/clock', { offsetMs: 0 })).offsetMs).toBe(0);
  });

  it('lists the wallets, including the contract wallet', async () => {
    const { wallets, chainId } = await control(sandbox.origin, 'GET', '/wallets');
    expect(chainId).toBe(8453);
    expect(wallets.map((wallet: Json) => wallet.name)).toEqual(['staked', 'liquid', 'empty', 'contract']);
  });
});

describe('signing page', () => {
  it('serves the page at / and at the extension\'s signing path, other files of the folder by type, and nothing outside it', async () => {
    for (const path of ['/', SIGNING_PATH, '/index.html']) {
      const response = await fetch(`${sandbox.origin}${path}`);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Venice sandbox signing page</title>');
    }
    const name = `test-${randomUUID()}.js`;
    const file = new URL(`./page/${name}`, import.meta.url);
    await writeFile(file, 'export const ok = true;\n');
    try {
      const script = await fetch(`${sandbox.origin}/${name}`);
      expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    } finally {
      await rm(file);
    }
    const outside = await fetch(`${sandbox.origin}/..%2F..%2Fpackage.json`);
    expect(outside.status).toBe(404);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await fetch(`${sandbox.apiUrl}/no/such/route`);
    expect(response.status).toBe(404);
    const body: unknown = await response.json();
    expect(body).toEqual({ error: 'Specified route not found' });
    expectContract('GET', '/api_keys', 404, body); // an undocumented error status must still be a StandardError
  });
});
