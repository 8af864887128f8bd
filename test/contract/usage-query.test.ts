// The usage routes take their input as query parameters, which the body validator does not see:
// every parameter the client sends must be documented for the operation and match its schema.
import { describe, expect, it } from 'vitest';
import { createVeniceClient, type VeniceClient } from '../../lib/venice/client';
import { STORE_BUILD } from '../../lib/settings/build-policy';
import { ADMIN_KEY, ANSWERS, BASE } from '../unit/venice/fixtures';
import { fakeFetch } from '../unit/venice/fake-fetch';
import { findOperation } from './openapi';
import type { JsonObject } from './openapi-convert';

function problems(path: string, url: string): string[] {
  const params = (findOperation('GET', path)?.operation.parameters ?? []) as JsonObject[];
  const out: string[] = [];
  for (const [name, value] of new URL(url).searchParams) {
    const param = params.find((p) => p.in === 'query' && p.name === name);
    if (!param) {
      out.push(`${name} is not a documented query parameter of GET ${path}`);
      continue;
    }
    const s = param.schema as JsonObject;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(value)) out.push(`${name}=${value} breaks ${s.pattern}`);
    if (Array.isArray(s.enum) && !s.enum.includes(value)) out.push(`${name}=${value} is not one of ${s.enum.join(', ')}`);
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) out.push(`${name} is longer than ${s.maxLength}`);
    if (s.type === 'integer' && !(/^\d+$/.test(value) && Number(value) >= Number(s.minimum ?? -Infinity) && Number(value) <= Number(s.maximum ?? Infinity))) {
      out.push(`${name}=${value} is not an integer in [${String(s.minimum)}, ${String(s.maximum)}]`);
    }
    if (s.format === 'date-time' && Number.isNaN(Date.parse(value))) out.push(`${name}=${value} is not a date-time`);
  }
  return out;
}

const SCENARIOS: Array<[string, (c: VeniceClient) => Promise<unknown>]> = [
  ['/billing/usage-analytics', (c) => c.usageAnalytics({ lookback: '7d' })],
  ['/billing/usage-analytics', (c) => c.usageAnalytics({ lookback: '90d' })],
  ['/billing/usage-analytics', (c) => c.usageAnalytics({ startDate: '2026-01-01', endDate: '2026-03-31' })],
  ['/billing/usage-history', (c) => c.usageHistory({ currency: 'BUNDLED_CREDITS', pageSize: 10, startTimestamp: '2026-01-01T00:00:00Z', endTimestamp: '2026-01-02T00:00:00.000Z' })],
  ['/billing/usage-history', (c) => c.usageHistory({ pageSize: 1000 })],
  ['/billing/usage-history', (c) => c.usageHistory({ cursor: ANSWERS['GET /billing/usage-history'].nextCursor })],
];

describe('usage routes: the query the client sends', () => {
  it.each(SCENARIOS)('%s: every parameter is documented and valid', async (path, run) => {
    const { fetch, calls } = fakeFetch(() => ({ json: path.endsWith('analytics') ? ANSWERS['GET /billing/usage-analytics'] : ANSWERS['GET /billing/usage-history'] }));
    await run(createVeniceClient({ baseUrl: BASE, build: STORE_BUILD, apiKey: ADMIN_KEY, fetch }));
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]!.url).searchParams.size).toBeGreaterThan(0);
    expect(problems(path, calls[0]!.url)).toEqual([]);
  });

  it('the check itself refuses what the file refuses', () => {
    expect(problems('/billing/usage-analytics', `${BASE}/billing/usage-analytics?lookback=7w&days=3`)).toHaveLength(2);
    expect(problems('/billing/usage-history', `${BASE}/billing/usage-history?pageSize=5&currency=VCU&cursor=a.b`)).toHaveLength(3);
  });

  it('the retired /billing/usage is never called: the client has no method for it', () => {
    const client = createVeniceClient({ baseUrl: BASE, build: STORE_BUILD, apiKey: ADMIN_KEY, fetch: () => Promise.reject(new Error('no')) });
    expect(Object.keys(client).filter((name) => /usage/i.test(name)).sort()).toEqual(['usageAnalytics', 'usageHistory', 'usageHistoryCsv']);
  });
});
