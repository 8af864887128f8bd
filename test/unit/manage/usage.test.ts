// The Usage section's service: ADMIN keys only, the period sent as Venice counts it, the ledger's
// cursor sent alone, and the CSV export's pages joined under one header row.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyManager, type ManagerDeps } from '../../../lib/manage/manager';
import { csvRecords, periodStart } from '../../../lib/manage/usage';
import { fakeSecret, freshVault, PASS } from '../vault/helpers';

const API = 'https://api.venice.ai/api/v1';
const NOW = Date.parse('2026-01-10T12:34:56Z');
const HEADER = 'timestamp,amount,currency,notes';

async function setUp() {
  const { vault } = freshVault();
  await vault.setup(PASS, PASS);
  const adminSecret = fakeSecret('ADMIN');
  const admin = await vault.saveKey({ description: 'admin', source: 'imported', apiBaseUrl: API, limits: {}, expiresAt: null }, adminSecret);
  const inference = await vault.saveKey({ description: 'laptop', source: 'imported', apiBaseUrl: API, limits: {}, expiresAt: null }, fakeSecret());
  const api = {
    usageAnalytics: vi.fn(async () => ({ lookback: '7d', byDate: [], byModel: [], byModelDaily: [], topModels: [], byKey: [], byKeyDaily: [], topKeyNames: [] })),
    usageHistory: vi.fn(async () => ({ data: [], nextCursor: null })),
    usageHistoryCsv: vi.fn(async (_query: unknown) => ({ csv: `${HEADER}\r\n`, nextCursor: null as string | null })),
  };
  const client = vi.fn<ManagerDeps['client']>(() => api as never);
  const manager = createKeyManager({ vault: vault as never, client, now: () => NOW });
  return { admin, inference, api, client, manager, adminSecret };
}

describe('the usage service', () => {
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => { s = await setUp(); });

  it('never sends an INFERENCE key to a usage route: ADMIN_KEY_REQUIRED before any request', async () => {
    await expect(s.manager.usageAnalytics(s.inference.id, 7)).rejects.toMatchObject({ code: 'ADMIN_KEY_REQUIRED' });
    await expect(s.manager.usageHistory(s.inference.id, { days: 7 })).rejects.toMatchObject({ code: 'ADMIN_KEY_REQUIRED' });
    await expect(s.manager.usageCsv(s.inference.id, 7)).rejects.toMatchObject({ code: 'ADMIN_KEY_REQUIRED' });
    expect(s.client).not.toHaveBeenCalled();
  });

  it('asks for the period as a lookback, with the chosen ADMIN key', async () => {
    await s.manager.usageAnalytics(s.admin.id, 30);
    expect(s.api.usageAnalytics).toHaveBeenCalledWith({ lookback: '30d' }, { apiKey: s.adminSecret });
    expect(s.client).toHaveBeenCalledWith(API);
  });

  it('starts the ledger at the period\'s first day (00:00 UTC, today included) and continues with the cursor alone', async () => {
    await s.manager.usageHistory(s.admin.id, { days: 7 });
    await s.manager.usageHistory(s.admin.id, { cursor: 'abc' });
    expect(s.api.usageHistory.mock.calls).toEqual([
      [{ startTimestamp: '2026-01-04T00:00:00Z', pageSize: 50 }, { apiKey: s.adminSecret }],
      [{ cursor: 'abc' }, { apiKey: s.adminSecret }],
    ]);
    expect(periodStart(90, NOW)).toBe('2025-10-13T00:00:00Z');
  });

  it('joins the CSV pages under one header row, keeping the API\'s bytes', async () => {
    s.api.usageHistoryCsv
      .mockResolvedValueOnce({ csv: `${HEADER}\r\n2026-01-05T00:00:00Z,-1,USD,"two\nlines"\r\n`, nextCursor: 'c1' })
      .mockResolvedValueOnce({ csv: `${HEADER}\r\n2026-01-06T00:00:00Z,-2,DIEM,x\r\n`, nextCursor: null });
    const out = await s.manager.usageCsv(s.admin.id, 7);
    expect(out).toEqual({ csv: `${HEADER}\r\n2026-01-05T00:00:00Z,-1,USD,"two\nlines"\r\n2026-01-06T00:00:00Z,-2,DIEM,x\r\n`, rows: 2, complete: true });
    expect(s.api.usageHistoryCsv.mock.calls.map((c) => c[0])).toEqual([{ startTimestamp: '2026-01-04T00:00:00Z', pageSize: 1000 }, { cursor: 'c1' }]);
  });

  it('stops after 10 pages and says the export is incomplete', async () => {
    s.api.usageHistoryCsv.mockImplementation(async () => ({ csv: `${HEADER}\r\nrow\r\n`, nextCursor: 'more' }));
    const out = await s.manager.usageCsv(s.admin.id, 90);
    expect(s.api.usageHistoryCsv).toHaveBeenCalledTimes(10);
    expect([out.rows, out.complete]).toEqual([10, false]);
  });

  it('refuses pages whose columns differ', async () => {
    s.api.usageHistoryCsv
      .mockResolvedValueOnce({ csv: `${HEADER}\r\nrow\r\n`, nextCursor: 'c1' })
      .mockResolvedValueOnce({ csv: 'other,columns\r\nrow\r\n', nextCursor: null });
    await expect(s.manager.usageCsv(s.admin.id, 7)).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
  });

  it('counts CSV records, not lines', () => {
    expect([csvRecords(''), csvRecords('a\r\n'), csvRecords('a\r\nb'), csvRecords('a\n"x\ny",z\n')]).toEqual([0, 1, 2, 2]);
  });
});
