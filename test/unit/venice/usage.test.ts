// The usage routes of the client: usageAnalytics, usageHistory and its CSV; inputs checked before
// sending, extra fields accepted, GETs retried, each documented error mapped.
import { describe, expect, it } from 'vitest';
import { ERROR_TABLE, type ErrorCode } from '../../../lib/errors';
import type { VeniceError } from '../../../lib/venice/venice-error';
import { ADMIN_KEY, ANSWERS, BASE } from './fixtures';
import { harness, rejectionOf } from './harness';

const analytics = ANSWERS['GET /billing/usage-analytics'];
const history = ANSWERS['GET /billing/usage-history'];
const CSV = 'timestamp,amount,currency\r\n2026-01-01T00:00:00.000Z,-0.1,DIEM\r\n';
const csvReply = (headers: Record<string, string> = {}) => ({ text: CSV, headers: { 'content-type': 'text/csv; charset=utf-8', ...headers } });

describe('usageAnalytics', () => {
  it('sends lookback, or startDate and endDate, as the query', async () => {
    const { client, calls } = harness([{ json: analytics }, { json: analytics }]);
    await client.usageAnalytics({ lookback: '90d' });
    await client.usageAnalytics({ startDate: '2026-01-01', endDate: '2026-01-31' });
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/billing/usage-analytics?lookback=90d`,
      `${BASE}/billing/usage-analytics?startDate=2026-01-01&endDate=2026-01-31`,
    ]);
  });

  it.each([
    [{ lookback: '91d' }], [{ lookback: '0d' }], [{ lookback: '7' }], [{ lookback: '1w' }],
    [{ startDate: '2026-01-01' }], [{ startDate: '2026-02-30', endDate: '2026-03-01' }], [{ lookback: '7d', startDate: '2026-01-01', endDate: '2026-01-02' }],
  ])('refuses %j before sending anything', async (query) => {
    const { client, calls } = harness([]);
    const e = (await rejectionOf(client.usageAnalytics(query as never))) as VeniceError;
    expect(e.code).toBe('INVALID_REQUEST');
    expect(calls).toHaveLength(0);
  });

  it('accepts fields the OpenAPI file leaves open, and new ones (beta), dropping unknown ones', async () => {
    const answer = {
      ...analytics,
      bundledCredits: 3,
      byDate: [{ ...analytics.byDate[0], BUNDLED_CREDITS: 1 }],
      byModel: [{ ...analytics.byModel[0], cacheHitRate: 0.5, breakdown: [{ type: 'Cache Read', usd: 0, diem: 0, units: 3, extra: true }] }],
      byKey: [{ ...analytics.byKey[0], lastUsedAt: '2026-01-01' }],
    };
    const { client } = harness([{ json: answer }]);
    const parsed = await client.usageAnalytics({ lookback: '7d' });
    expect(parsed.byDate).toEqual([analytics.byDate[0]]);
    expect(parsed.byModel[0]?.breakdown).toEqual([{ type: 'Cache Read', usd: 0, diem: 0, units: 3 }]);
    expect(parsed.byKey).toEqual([analytics.byKey[0]]);
    expect('bundledCredits' in parsed).toBe(false);
  });

  it('refuses an answer with a wrong type as MALFORMED_RESPONSE', async () => {
    const { client } = harness([{ json: { ...analytics, byDate: [{ date: '2026-01-01', USD: '0.5', DIEM: 1 }] } }]);
    expect(((await rejectionOf(client.usageAnalytics({ lookback: '7d' }))) as VeniceError).code).toBe('MALFORMED_RESPONSE');
  });
});

describe('usageHistory', () => {
  it('sends the filters on the first page and the cursor alone after it', async () => {
    const { client, calls } = harness([{ json: history }, { json: { data: [], nextCursor: null } }]);
    const first = await client.usageHistory({ currency: 'USD', pageSize: 100, startTimestamp: '2026-01-01T00:00:00Z' });
    const next = await client.usageHistory({ cursor: first.nextCursor! });
    expect(next).toEqual({ data: [], nextCursor: null });
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/billing/usage-history?currency=USD&startTimestamp=2026-01-01T00%3A00%3A00Z&pageSize=100`,
      `${BASE}/billing/usage-history?cursor=${history.nextCursor}`,
    ]);
    expect(calls[0]!.headers.accept).toBe('application/json');
  });

  it.each([
    [{ pageSize: 9 }], [{ pageSize: 1001 }], [{ pageSize: 10.5 }], [{ currency: 'VCU' }], [{ startTimestamp: '2026-01-01' }],
    [{ startTimestamp: '2026-02-01T00:00:00Z', endTimestamp: '2026-01-01T00:00:00Z' }],
    [{ cursor: history.nextCursor, pageSize: 10 }], [{ cursor: 'has space' }], [{ cursor: 'x'.repeat(513) }],
  ])('refuses %j before sending anything', async (query) => {
    const { client, calls } = harness([]);
    expect(((await rejectionOf(client.usageHistory(query as never))) as VeniceError).code).toBe('INVALID_REQUEST');
    expect(calls).toHaveLength(0);
  });

  it('gives a page as CSV with Accept: text/csv and the next cursor from x-next-cursor', async () => {
    const { client, calls } = harness([csvReply({ 'x-next-cursor': 'abc_DEF-1' }), csvReply()]);
    expect(await client.usageHistoryCsv({ pageSize: 1000 })).toEqual({ csv: CSV, nextCursor: 'abc_DEF-1' });
    expect(await client.usageHistoryCsv({ cursor: 'abc_DEF-1' })).toEqual({ csv: CSV, nextCursor: null });
    expect(calls.map((c) => c.headers.accept)).toEqual(['text/csv', 'text/csv']);
    expect(calls.map((c) => c.headers.authorization)).toEqual([`Bearer ${ADMIN_KEY}`, `Bearer ${ADMIN_KEY}`]);
    expect(calls.every((c) => !c.url.includes('VENICE_'))).toBe(true);
  });

  it('refuses a CSV request answered with JSON, or with a bad cursor header, as MALFORMED_RESPONSE', async () => {
    const { client } = harness([{ json: history }, csvReply({ 'x-next-cursor': 'not a cursor' })]);
    expect(((await rejectionOf(client.usageHistoryCsv({}))) as VeniceError).code).toBe('MALFORMED_RESPONSE');
    expect(((await rejectionOf(client.usageHistoryCsv({}))) as VeniceError).code).toBe('MALFORMED_RESPONSE');
  });
});

// The documented answers of both routes (400 DetailedError, 401, 500; 504 for analytics), through each method.
const ROUTES = {
  usageAnalytics: (c: ReturnType<typeof harness>['client']) => c.usageAnalytics({ lookback: '7d' }),
  usageHistory: (c: ReturnType<typeof harness>['client']) => c.usageHistory({}),
  usageHistoryCsv: (c: ReturnType<typeof harness>['client']) => c.usageHistoryCsv({}),
};
const ERRORS: Array<[number, string, ErrorCode, number]> = [
  [400, 'Invalid request parameters', 'INVALID_REQUEST', 1],
  [401, 'Authentication failed', 'AUTHENTICATION_FAILED', 1],
  [401, 'Admin API key required', 'ADMIN_KEY_REQUIRED', 1],
  // 500 is retried (2 extra attempts by default), then reported.
  [500, 'Inference processing failed', 'SERVER_ERROR', 3],
  [504, 'Query timed out - try reducing the lookback period', 'TIMEOUT', 1],
];

describe.each(Object.entries(ROUTES))('%s: documented errors', (_name, run) => {
  it.each(ERRORS)('%i "%s" -> %s after %i attempt(s)', async (status, message, code, attempts) => {
    const body = status === 400 ? { error: message, details: { _errors: [], lookback: { _errors: ['bad'] } } } : { error: message };
    const { client, calls } = harness(() => ({ status, json: body }));
    const e = (await rejectionOf(run(client))) as VeniceError;
    expect([e.code, e.status, e.message]).toEqual([code, status, ERROR_TABLE[code].message]);
    expect(calls).toHaveLength(attempts);
  });

  it('retries a 503 and a dropped connection, then succeeds', async () => {
    const good = _name === 'usageHistoryCsv' ? csvReply() : { json: _name === 'usageAnalytics' ? analytics : history };
    const { client, calls } = harness([{ status: 503, json: { error: 'x' } }, 'network-error', good]);
    await expect(run(client)).resolves.toBeDefined();
    expect(calls).toHaveLength(3);
  });
});
