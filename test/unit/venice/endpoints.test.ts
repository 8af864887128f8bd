import { describe, expect, it } from 'vitest';
import type { VeniceClient } from '../../../lib/venice/client';
import {
  ADMIN_KEY, ANSWERS, BASE, CREATE_BODIES, INFERENCE_KEY, KEY_ID, MINTED_SECRET, MINT_BODIES, SIWX, TOKEN, UPDATE_BODIES, WALLET,
  type OperationKey,
} from './fixtures';
import { harness } from './harness';

interface Case {
  op: OperationKey;
  run: (client: VeniceClient) => Promise<unknown>;
  url: string;
  auth: 'admin' | 'none' | 'siwx';
  body?: unknown;
  expected: unknown;
}

const cases: Case[] = [
  { op: 'GET /api_keys', run: (c) => c.listKeys(), url: `${BASE}/api_keys`, auth: 'admin', expected: ANSWERS['GET /api_keys'].data },
  { op: 'GET /api_keys/{id}', run: (c) => c.getKey(KEY_ID), url: `${BASE}/api_keys/${KEY_ID}`, auth: 'admin', expected: ANSWERS['GET /api_keys/{id}'].data },
  { op: 'POST /api_keys', run: (c) => c.createKey(CREATE_BODIES[2]), url: `${BASE}/api_keys`, auth: 'admin', body: CREATE_BODIES[2], expected: ANSWERS['POST /api_keys'].data },
  { op: 'PATCH /api_keys', run: (c) => c.updateKey(UPDATE_BODIES[1]), url: `${BASE}/api_keys`, auth: 'admin', body: UPDATE_BODIES[1], expected: ANSWERS['PATCH /api_keys'].data },
  { op: 'DELETE /api_keys', run: (c) => c.deleteKey(KEY_ID), url: `${BASE}/api_keys?id=${KEY_ID}`, auth: 'admin', expected: { success: true } },
  { op: 'GET /api_keys/rate_limits', run: (c) => c.getRateLimits(), url: `${BASE}/api_keys/rate_limits`, auth: 'admin', expected: ANSWERS['GET /api_keys/rate_limits'].data },
  { op: 'GET /api_keys/rate_limits/log', run: (c) => c.getRateLimitLog(), url: `${BASE}/api_keys/rate_limits/log`, auth: 'admin', expected: ANSWERS['GET /api_keys/rate_limits/log'].data },
  { op: 'GET /api_keys/generate_web3_key', run: (c) => c.getWeb3Token(), url: `${BASE}/api_keys/generate_web3_key`, auth: 'none', expected: TOKEN },
  { op: 'POST /api_keys/generate_web3_key', run: (c) => c.mintWeb3Key(MINT_BODIES[1]), url: `${BASE}/api_keys/generate_web3_key`, auth: 'none', body: MINT_BODIES[1], expected: ANSWERS['POST /api_keys/generate_web3_key'].data },
  { op: 'GET /billing/balance', run: (c) => c.getBillingBalance(), url: `${BASE}/billing/balance`, auth: 'admin', expected: ANSWERS['GET /billing/balance'] },
  { op: 'GET /billing/usage-analytics', run: (c) => c.usageAnalytics({ lookback: '30d' }), url: `${BASE}/billing/usage-analytics?lookback=30d`, auth: 'admin', expected: ANSWERS['GET /billing/usage-analytics'] },
  { op: 'GET /billing/usage-history', run: (c) => c.usageHistory({ pageSize: 50, currency: 'DIEM' }), url: `${BASE}/billing/usage-history?currency=DIEM&pageSize=50`, auth: 'admin', expected: ANSWERS['GET /billing/usage-history'] },
  { op: 'GET /x402/balance/{walletAddress}', run: (c) => c.getX402Balance(WALLET, SIWX), url: `${BASE}/x402/balance/${WALLET}`, auth: 'siwx', expected: ANSWERS['GET /x402/balance/{walletAddress}'].data },
];

describe('every endpoint: method, path, headers, body, parsed result', () => {
  it.each(cases)('$op', async ({ op, run, url, auth, body, expected }) => {
    const { client, calls } = harness([{ json: ANSWERS[op] }]);
    await expect(run(client)).resolves.toEqual(expected);
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.method).toBe(op.split(' ')[0]);
    expect(call.url).toBe(url);
    expect(call.headers.accept).toBe('application/json');
    expect(call.headers.authorization).toBe(auth === 'admin' ? `Bearer ${ADMIN_KEY}` : undefined);
    expect(call.headers['sign-in-with-x']).toBe(auth === 'siwx' ? SIWX : undefined);
    expect(call.body).toEqual(body);
    expect(call.headers['content-type']).toBe(body === undefined ? undefined : 'application/json');
    expect(call.url).not.toContain('VENICE_');
  });

  it('returns the one-time secret of a minted key', async () => {
    const { client } = harness([{ json: ANSWERS['POST /api_keys/generate_web3_key'] }]);
    expect((await client.mintWeb3Key(MINT_BODIES[0])).apiKey).toBe(MINTED_SECRET);
  });

  it('drops fields the server adds, keeping what the schema names', async () => {
    const answer = { ...ANSWERS['GET /billing/balance'], newField: 1, balances: { diem: 1, usd: 2, extra: 'x' } };
    const { client } = harness([{ json: answer }]);
    expect(await client.getBillingBalance()).toEqual({ ...ANSWERS['GET /billing/balance'], balances: { diem: 1, usd: 2 } });
  });

  it('uses a per-call key over the client key, and strips a trailing slash of the base URL', async () => {
    const { client, calls } = harness([{ json: ANSWERS['GET /api_keys/rate_limits'] }], { baseUrl: `${BASE}/` });
    await client.getRateLimits({ apiKey: INFERENCE_KEY });
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${INFERENCE_KEY}`);
    expect(calls[0]!.url).toBe(`${BASE}/api_keys/rate_limits`);
  });

  it('sends every scripted create, update and mint body exactly as given', async () => {
    const inputs = [
      ...CREATE_BODIES.map((b) => (c: VeniceClient) => c.createKey(b)),
      ...UPDATE_BODIES.map((b) => (c: VeniceClient) => c.updateKey(b)),
      ...MINT_BODIES.map((b) => (c: VeniceClient) => c.mintWeb3Key(b)),
    ];
    const bodies = [...CREATE_BODIES, ...UPDATE_BODIES, ...MINT_BODIES];
    const { client, calls } = harness((call) => ({
      json: call.method === 'PATCH' ? ANSWERS['PATCH /api_keys'] : ANSWERS['POST /api_keys'],
    }));
    for (const run of inputs) await run(client);
    expect(calls.map((c) => c.body)).toEqual(bodies);
  });
});
