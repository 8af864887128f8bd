// The key list's search, filters and sort (lib/manage/table.ts).
import { describe, expect, it } from 'vitest';
import { applyQuery, capUse, DEFAULT_QUERY } from '../../../lib/manage/table';
import type { KeyRecord } from '../../../lib/venice/schemas/keys';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const key = (id: string, over: Partial<KeyRecord> = {}): KeyRecord => ({
  id, apiKeyType: 'INFERENCE', consumptionLimits: { usd: null, diem: null }, limitPeriod: 'EPOCH', modelPrivacy: 'ALL',
  createdAt: '2026-01-01T00:00:00Z', description: id, expiresAt: null, last6Chars: `${id}xxxxxx`.slice(0, 6), lastUsedAt: null, ...over,
});

const keys = [
  key('alpha', { createdAt: '2026-01-03T00:00:00Z', apiKeyType: 'ADMIN' }),
  key('beta', { createdAt: '2026-01-05T00:00:00Z', expiresAt: '2026-01-12T00:00:00Z' }),
  key('gamma', { createdAt: '2026-01-04T00:00:00Z', consumptionLimits: { usd: 10, diem: null }, currentPeriodUsage: { usd: '8.5000', diem: '0.0000' } }),
  key('delta', { createdAt: '2026-01-02T00:00:00Z', consumptionLimits: { usd: 10, diem: 1 }, currentPeriodUsage: { usd: '1.0000', diem: '0.5000' } }),
];
const ids = (list: KeyRecord[]) => list.map((k) => k.id);

describe('the key table', () => {
  it('sorts newest first by default, and by any column either way', () => {
    expect(ids(applyQuery(keys, DEFAULT_QUERY, NOW))).toEqual(['beta', 'gamma', 'alpha', 'delta']);
    expect(ids(applyQuery(keys, { ...DEFAULT_QUERY, sort: 'description', descending: false }, NOW))).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(ids(applyQuery(keys, { ...DEFAULT_QUERY, sort: 'usage' }, NOW))).toEqual(['gamma', 'delta', 'alpha', 'beta']);
  });

  it('searches description, last six and id; filters by type, expiring and over 80% of a cap', () => {
    expect(ids(applyQuery(keys, { ...DEFAULT_QUERY, search: 'GAM' }, NOW))).toEqual(['gamma']);
    expect(ids(applyQuery(keys, { ...DEFAULT_QUERY, type: 'ADMIN' }, NOW))).toEqual(['alpha']);
    expect(ids(applyQuery(keys, { ...DEFAULT_QUERY, expiringDays: 7 }, NOW))).toEqual(['beta']);
    expect(ids(applyQuery(keys, { ...DEFAULT_QUERY, overCap: true }, NOW))).toEqual(['gamma']);
  });

  it('measures use against the tighter cap; a cap of 0 counts as used up', () => {
    expect(capUse(keys[0]!)).toBeNull();
    expect(capUse(keys[3]!)).toBe(0.5);
    expect(capUse(key('z', { consumptionLimits: { usd: 0, diem: null } }))).toBe(1);
  });
});
