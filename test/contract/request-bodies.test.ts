/**
 * Requests: every body the client builds in the unit scenarios is valid against
 * the OpenAPI request schema, and the zod request schemas agree with the file
 * (OpenAPI samples pass zod; whatever the file refuses, zod refuses first).
 */
import { STORE_BUILD } from '../../lib/settings/build-policy';
import { describe, expect, it } from 'vitest';
import type { VeniceClient } from '../../lib/venice/client';
import { fakeFetch } from '../unit/venice/fake-fetch';
import { ADMIN_KEY, ANSWERS, BASE, CREATE_BODIES, KEY_ID, MINT_BODIES, SIWX, UPDATE_BODIES, WALLET } from '../unit/venice/fixtures';
import { createVeniceClient } from '../../lib/venice/client';
import { requestSchema, validateRequestBody } from './openapi';
import type { Json, JsonObject } from './openapi-convert';
import { OPERATIONS } from './operations';
import { STRATEGIES, choiceStrategies, leaves, sample, withLeaf, wrongTypes } from './sampler';

const SCENARIOS: Array<(c: VeniceClient) => Promise<unknown>> = [
  (c) => c.listKeys(),
  (c) => c.getKey(KEY_ID),
  ...CREATE_BODIES.map((b) => (c: VeniceClient) => c.createKey(b)),
  ...UPDATE_BODIES.map((b) => (c: VeniceClient) => c.updateKey(b)),
  (c) => c.deleteKey(KEY_ID),
  (c) => c.getRateLimits(),
  (c) => c.getRateLimitLog(),
  (c) => c.getWeb3Token(),
  ...MINT_BODIES.map((b) => (c: VeniceClient) => c.mintWeb3Key(b)),
  (c) => c.getBillingBalance(),
  (c) => c.getX402Balance(WALLET, SIWX),
  (c) => c.usageAnalytics({ lookback: '90d' }),
  (c) => c.usageAnalytics({ startDate: '2026-01-01', endDate: '2026-01-31' }),
  (c) => c.usageHistory({ currency: 'USD', pageSize: 100, startTimestamp: '2026-01-01T00:00:00Z', endTimestamp: '2026-02-01T00:00:00Z' }),
  (c) => c.usageHistory({ cursor: ANSWERS['GET /billing/usage-history'].nextCursor }),
];

describe('what the client sends', () => {
  it('every request of the unit scenarios matches a documented operation and its body schema', async () => {
    const { fetch, calls } = fakeFetch((call) => {
      const path = new URL(call.url).pathname.replace('/api/v1', '');
      // Literal paths before templates, as a router would.
      const keys = (Object.keys(ANSWERS) as Array<keyof typeof ANSWERS>).sort((a, b) => Number(a.includes('{')) - Number(b.includes('{')));
      const key = keys.find((k) => {
        const [m, p] = k.split(' ') as [string, string];
        return m === call.method && new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path);
      })!;
      return { json: ANSWERS[key] };
    });
    const client = createVeniceClient({ baseUrl: BASE, build: STORE_BUILD, apiKey: ADMIN_KEY, fetch });
    for (const run of SCENARIOS) await run(client);
    expect(calls).toHaveLength(SCENARIOS.length);
    for (const call of calls) {
      const result = validateRequestBody(call.method, call.url, call.body);
      expect(result.documented, call.url).toBe(true);
      expect(result.errors, `${call.method} ${call.url}`).toEqual([]);
    }
  });
});

const bodyOps = [...OPERATIONS.entries()].filter(([, op]) => op.body);
const strategies = Object.entries({ ...STRATEGIES, ...choiceStrategies(6) });

describe.each(bodyOps)('%s: zod request schema vs OpenAPI request body', (key, { method, path, body }) => {
  const schema = requestSchema(method, path) as JsonObject;
  const zod = body!;

  it('is strict on both sides: an unknown field is refused', () => {
    expect(schema.additionalProperties).toBe(false);
    const valid = sample(schema, STRATEGIES['required only, first choices']!) as JsonObject;
    expect(zod.safeParse(valid).success).toBe(true);
    expect(validateRequestBody(method, path, { ...valid, unknownField: 1 }).valid).toBe(false);
    expect(zod.safeParse({ ...valid, unknownField: 1 }).success).toBe(false);
  });

  it('requires exactly what the file requires', () => {
    const full = sample(schema, STRATEGIES['all fields, first choices']!) as JsonObject;
    const required = new Set(schema.required as string[]);
    for (const name of Object.keys(full)) {
      const { [name]: _gone, ...rest } = full;
      expect(zod.safeParse(rest).success, `${key} without ${name}`).toBe(!required.has(name));
      expect(validateRequestBody(method, path, rest).valid).toBe(!required.has(name));
    }
  });

  it.each(strategies)('accepts the OpenAPI sample (%s)', (_name, strategy) => {
    const value = sample(schema, strategy);
    expect(validateRequestBody(method, path, value).errors).toEqual([]);
    const parsed = zod.safeParse(value);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it.each(strategies)('never accepts a body the file refuses (%s)', (_name, strategy) => {
    const value = sample(schema, strategy);
    for (const leaf of leaves(value)) {
      for (const wrong of wrongTypes(leaf.value) as Json[]) {
        const broken = withLeaf(value, leaf.path, wrong);
        if (validateRequestBody(method, path, broken).valid) continue;
        expect(zod.safeParse(broken).success, `zod accepts ${key} with ${leaf.path.join('.')} = ${JSON.stringify(wrong)}`).toBe(false);
      }
    }
  });
});

describe('parameters and security match the file', () => {
  it('DELETE /api_keys takes the id as a query parameter; GET /api_keys/{id} in the path', async () => {
    const { findOperation } = await import('./openapi');
    const del = findOperation('DELETE', '/api_keys')!.operation.parameters as JsonObject[];
    expect(del.some((p) => p.in === 'query' && p.name === 'id')).toBe(true);
    const get = findOperation('GET', '/api_keys/{id}')!.operation.parameters as JsonObject[];
    expect(get.some((p) => p.in === 'path' && p.name === 'id')).toBe(true);
  });

  it('x402 balance: the SIGN-IN-WITH-X header and the wallet pattern are those of the client', async () => {
    const { findOperation } = await import('./openapi');
    const { X402WalletAddressSchema } = await import('../../lib/venice/schemas/x402');
    const params = findOperation('GET', '/x402/balance/{walletAddress}')!.operation.parameters as JsonObject[];
    expect(params.some((p) => p.in === 'header' && p.name === 'SIGN-IN-WITH-X' && p.required === true)).toBe(true);
    const walletParam = params.find((p) => p.in === 'path' && p.name === 'walletAddress')!;
    const pattern = new RegExp((walletParam.schema as JsonObject).pattern as string);
    for (const candidate of [WALLET, 'So11111111111111111111111111111111111111112', '0x123', 'not base58 0OIl', '']) {
      expect(X402WalletAddressSchema.safeParse(candidate).success, candidate).toBe(pattern.test(candidate));
    }
  });

  it('the web3 routes need no key (security: []), the others do', async () => {
    const { findOperation } = await import('./openapi');
    for (const [key, op] of OPERATIONS) {
      const security = findOperation(op.method, op.path)!.operation.security as Json[] | undefined;
      const open = Array.isArray(security) && security.length === 0;
      expect(open, key).toBe(key.includes('generate_web3_key'));
    }
  });
});
