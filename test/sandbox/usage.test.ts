// GET /billing/usage-analytics and GET /billing/usage-history, computed from the usage recorded with
// POST /__sandbox/keys/{id}/usage; every JSON answer is checked against the OpenAPI file.
import { describe, expect, it } from 'vitest';
import { responseSchema } from '../contract/openapi';
import { type Api, type Json, control, mintKey, sandboxPerFile } from './helpers';
import type { Sandbox } from './index';

let sandbox: Sandbox;
let api: Api;
sandboxPerFile((s, a) => { sandbox = s; api = a; });

const DAY = 86_400_000;
const today = () => new Date(sandbox.clock.now()).toISOString().slice(0, 10);
const daysAgoIso = (days: number) => new Date(sandbox.clock.now() - days * DAY).toISOString();

/** An ADMIN key of a fresh account (the liquid wallet has none until set), and two INFERENCE keys with usage. */
async function accountWithUsage() {
  const admin = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
  const created = async (description: string) =>
    (await api('POST', '/api_keys', { key: admin, body: { apiKeyType: 'INFERENCE', description } })).body.data as Json;
  const a = await created(`usage-a-${Math.random()}`);
  const b = await created(`usage-b-${Math.random()}`);
  return { admin, a, b };
}

const record = (id: string, body: Json) => control(sandbox.origin, 'POST', `/keys/${id}/usage`, body);

async function csvCall(path: string, key: string) {
  const response = await fetch(`${sandbox.apiUrl}${path}`, { headers: { authorization: `Bearer ${key}`, accept: 'text/csv' } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('GET /billing/usage-analytics', () => {
  it('sums recorded usage by date, model and key within the lookback', async () => {
    const { admin, a, b } = await accountWithUsage();
    const before = (await api('GET', '/billing/usage-analytics?lookback=90d', { key: admin })).body;
    await record(a.id, { usd: 1.25, diem: 0.5, model: 'zai-org-glm-5', promptTokens: 300, completionTokens: 700 });
    await record(a.id, { usd: 0.75, model: 'qwen3-4b', at: daysAgoIso(3) });
    await record(b.id, { diem: 2, model: 'zai-org-glm-5', at: daysAgoIso(10) });
    await record(b.id, { usd: 9, at: daysAgoIso(95) });

    const week = await api('GET', '/billing/usage-analytics?lookback=7d', { key: admin });
    expect(week.status).toBe(200);
    expect(week.body.lookback).toBe('7d');
    const onlyNew = (rows: Json[], old: Json[]) => rows.filter((r: Json) => !old.some((o: Json) => o.apiKeyId === r.apiKeyId));
    const keysWeek = onlyNew(week.body.byKey, before.byKey);
    expect(keysWeek).toEqual([{ apiKeyId: a.id, description: a.description, totalUsd: 2, totalDiem: 0.5, totalUnits: 1000 }]);
    expect(week.body.byDate.find((d: Json) => d.date === today())).toMatchObject({ USD: 1.25, DIEM: 0.5 });
    const glm = week.body.byModel.find((m: Json) => m.modelName === 'GLM 5');
    expect(glm.breakdown.map((x: Json) => [x.type, x.units])).toEqual([['Output', 700], ['Input', 300]]);
    expect(week.body.topKeyNames).toContain(a.description);

    const quarter = await api('GET', '/billing/usage-analytics?lookback=90d', { key: admin });
    const keysQuarter = onlyNew(quarter.body.byKey, before.byKey);
    expect(keysQuarter.map((k: Json) => [k.apiKeyId, k.totalUsd, k.totalDiem])).toEqual([[a.id, 2, 0.5], [b.id, 0, 2]]);
    const day = quarter.body.byKeyDaily.find((d: Json) => d.date === Date.parse(today()));
    expect(day[a.description]).toBeCloseTo(1.75, 6);
  });

  it('takes startDate and endDate (both days included) and echoes them', async () => {
    const { admin, a } = await accountWithUsage();
    await record(a.id, { usd: 4, at: daysAgoIso(20) });
    const start = daysAgoIso(21).slice(0, 10);
    const end = daysAgoIso(19).slice(0, 10);
    const answer = await api('GET', `/billing/usage-analytics?startDate=${start}&endDate=${end}`, { key: admin });
    expect(answer.body.lookback).toBe(`${start}:${end}`);
    expect(answer.body.byKey.find((k: Json) => k.apiKeyId === a.id)?.totalUsd).toBe(4);
  });

  it('answers 400 "Invalid request parameters" for each bad window', async () => {
    const { admin } = await accountWithUsage();
    for (const query of ['lookback=91d', 'lookback=0d', 'lookback=7', 'lookback=7w', 'startDate=2026-01-01', 'endDate=2026-01-01',
      'startDate=2026-02-30&endDate=2026-03-01', 'startDate=2026-03-02&endDate=2026-03-01', 'startDate=2025-01-01&endDate=2025-06-01',
      'lookback=7d&startDate=2026-01-01&endDate=2026-01-02']) {
      const answer = await api('GET', `/billing/usage-analytics?${query}`, { key: admin });
      expect([query, answer.status, answer.body.error]).toEqual([query, 400, 'Invalid request parameters']);
    }
  });

  it('refuses INFERENCE keys and unknown keys', async () => {
    const inference = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    for (const path of ['/billing/usage-analytics', '/billing/usage-history']) {
      expect((await api('GET', path, { key: inference })).body.error).toBe('Admin API key required');
      expect((await api('GET', path, { key: 'VENICE_ADMIN_KEY_nope' })).status).toBe(401);
    }
  });

  it('is documented with additionalProperties false, which every answer above met', () => {
    expect(responseSchema('GET', '/billing/usage-analytics', 200)).toMatchObject({ additionalProperties: false });
  });
});

describe('GET /billing/usage-history', () => {
  it('walks the ledger oldest first with cursors that carry the filters', async () => {
    const { admin, a, b } = await accountWithUsage();
    // Days 50..39 ago: no other test of this file records usage then (they share the account).
    for (let i = 0; i < 12; i += 1) await record(i % 2 ? a.id : b.id, { usd: 0.01 * (i + 1), diem: 0.1, at: daysAgoIso(50 - i) });
    const window = `startTimestamp=${daysAgoIso(51)}&endTimestamp=${daysAgoIso(38)}`;
    const first = await api('GET', `/billing/usage-history?pageSize=10&${window}&currency=USD`, { key: admin });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(10);
    expect(first.body.data.every((e: Json) => e.currency === 'USD' && e.amount < 0)).toBe(true);
    const second = await api('GET', `/billing/usage-history?cursor=${first.body.nextCursor}`, { key: admin });
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.data, ...second.body.data];
    expect(all.map((e: Json) => -e.amount)).toEqual(Array.from({ length: 12 }, (_, i) => Number((0.01 * (i + 1)).toFixed(6))));
    const times = all.map((e: Json) => Date.parse(e.timestamp));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('keeps pages stable while new usage is recorded', async () => {
    const { admin, a } = await accountWithUsage();
    const start = sandbox.clock.iso();
    for (let i = 0; i < 11; i += 1) await record(a.id, { usd: 1 });
    const first = await api('GET', `/billing/usage-history?pageSize=10&startTimestamp=${start}`, { key: admin });
    await record(a.id, { usd: 2 });
    const second = await api('GET', `/billing/usage-history?cursor=${first.body.nextCursor}`, { key: admin });
    expect([...first.body.data, ...second.body.data].map((e: Json) => -e.amount)).toEqual([...Array(11).fill(1), 2]);
  });

  it('answers 400 for bad filters, filters beside a cursor, and tampered, foreign or expired cursors', async () => {
    const { admin, a } = await accountWithUsage();
    for (let i = 0; i < 11; i += 1) await record(a.id, { diem: 0.01 });
    const first = await api('GET', '/billing/usage-history?pageSize=10', { key: admin });
    const cursor: string = first.body.nextCursor;
    const otherAdmin = await mintKey(sandbox, sandbox.wallets.contract, 'ADMIN');
    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    const bad: Array<[string, string]> = [
      ['pageSize=9', admin], ['pageSize=1001', admin], ['pageSize=abc', admin], ['currency=VCU', admin],
      ['startTimestamp=2026-01-01', admin], ['startTimestamp=2026-02-01T00:00:00Z&endTimestamp=2026-01-01T00:00:00Z', admin],
      [`cursor=${cursor}&pageSize=10`, admin], [`cursor=${tampered}`, admin], ['cursor=not-a-cursor', admin], [`cursor=${cursor}`, otherAdmin],
    ];
    for (const [query, key] of bad) {
      const answer = await api('GET', `/billing/usage-history?${query}`, { key });
      expect([query, answer.status, answer.body.error]).toEqual([query, 400, 'Invalid request parameters']);
    }
    sandbox.clock.advance(25 * 3_600_000);
    expect((await api('GET', `/billing/usage-history?cursor=${cursor}`, { key: admin })).status).toBe(400);
  });

  it('gives the same page as CSV with Accept: text/csv, the next cursor in x-next-cursor', async () => {
    const { admin, a } = await accountWithUsage();
    const start = sandbox.clock.iso();
    for (let i = 0; i < 11; i += 1) await record(a.id, { usd: 0.5, model: 'qwen3-4b', promptTokens: 10, completionTokens: 20 });
    const json = await api('GET', `/billing/usage-history?pageSize=10&startTimestamp=${start}`, { key: admin });
    const csv = await csvCall(`/billing/usage-history?pageSize=10&startTimestamp=${start}`, admin);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename=billing-usage-history-\d{8}T\d{9}Z\.csv$/);
    expect(csv.headers.get('x-next-cursor')).toMatch(/^[A-Za-z0-9_-]{1,512}$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('timestamp,amount,currency,units,pricePerUnitUsd,sku,notes,requestId,promptTokens,completionTokens,inferenceExecutionTime');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(json.body.data.map((e: Json) => `${e.timestamp},${e.amount},${e.currency}`));
    const last = await csvCall(`/billing/usage-history?cursor=${csv.headers.get('x-next-cursor')}`, admin);
    expect(last.text.trim().split('\r\n')).toHaveLength(2);
    expect(last.headers.get('x-next-cursor')).toBeNull();
  });
});
