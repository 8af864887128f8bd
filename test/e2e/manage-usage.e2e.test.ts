// The Manage keys page's Usage section in Chromium against the sandbox: usage recorded for two keys
// (today, 3 and 10 days ago, two models), the section opened; the plotted totals (the charts'
// tables) equal what the sandbox's usage-analytics reports for 7 and 30 days; the ledger pages with
// "Load more"; the CSV download arrives and parses with one row per charge of the period. No
// request goes to the retired /billing/usage.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, control, mintKey, type Json } from '../sandbox/helpers';
import { launchChromiumWithSandbox, pageErrorsOf, pointAtSandbox, ROOT, sendMessage, setUpVault, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'usage-lantern-41-meadow';
const DAY = 86_400_000;
const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now (as test/e2e/a11y.e2e.test.ts runs it). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

describe('Manage keys: Usage, in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let page: Page;
  let admin: string;
  let alpha: Json;
  let beta: Json;

  const analytics = async (days: number) => (await apiOf(sandbox)('GET', `/billing/usage-analytics?lookback=${days}d`, { key: admin })).body;
  /** The exact amounts of a chart's table: its rows' names and its footer's totals. */
  const table = async (id: string) => page.getByTestId(id).evaluate((section) => ({
    rows: [...section.querySelectorAll('.table-wrap tbody tr')].map((tr) => [tr.querySelector('th')?.textContent ?? '', ...[...tr.querySelectorAll('td[data-value]')].map((td) => Number(td.getAttribute('data-value')))]),
    total: [...section.querySelectorAll('.table-wrap tfoot td[data-value]')].map((td) => Number(td.getAttribute('data-value'))),
  }));
  const sums = (rows: Array<{ USD?: number; DIEM?: number; totalUsd?: number; totalDiem?: number }>) =>
    rows.reduce((s, r) => [s[0]! + (r.USD ?? r.totalUsd ?? 0), s[1]! + (r.DIEM ?? r.totalDiem ?? 0)], [0, 0]);

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    admin = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
    const create = async (description: string) => (await apiOf(sandbox)('POST', '/api_keys', { key: admin, body: { apiKeyType: 'INFERENCE', description } })).body.data;
    alpha = await create('e2e alpha');
    beta = await create('e2e beta');
    const now = Date.now() + sandbox.clock.offsetMs;
    const ago = (days: number) => new Date(now - days * DAY).toISOString();
    const record = (key: Json, body: Json) => control(sandbox.origin, 'POST', `/keys/${key.id}/usage`, body);
    await record(alpha, { usd: 1.25, model: 'zai-org-glm-5', promptTokens: 300, completionTokens: 900 });
    await record(alpha, { diem: 0.5, model: 'qwen3-4b', at: ago(3) });
    await record(beta, { usd: 2, model: 'venice-uncensored', at: ago(10) });
    await record(beta, { diem: 0.75 });
    // 52 more charges today: the ledger's first page (50) is not all of it.
    for (let i = 0; i < 52; i += 1) await record(beta, { usd: 0.01, model: 'qwen3-4b' });
    await pointAtSandbox(h, sandbox, { rpc: false });
    await setUpVault(h, PASSPHRASE);
    expect(await sendMessage(h, 'vault.import', { secret: admin, description: 'Ops admin' })).toMatchObject({ ok: true });
    await sandbox.requests.clear();
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('plots the sandbox\'s totals per day, model and key for 7 days, then 30', async () => {
    page = await h.openExtensionPage('manage.html');
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.getByTestId('usage-open').click({ timeout: 30_000 });
    await page.getByTestId('usage-by-date').waitFor({ timeout: 30_000 });
    // The chart itself rendered (uPlot loaded on demand), beside its table.
    await page.locator('[data-testid="usage-by-date"] .chart canvas').waitFor({ timeout: 20_000 });

    for (const days of [7, 30] as const) {
      if (days === 30) {
        await page.locator('.segmented label', { hasText: 'Last 30 days' }).click();
        await expect.poll(async () => (await table('usage-by-date')).rows.length, { timeout: 20_000 }).toBe(30);
      }
      const truth = await analytics(days);
      const byDate = await table('usage-by-date');
      expect(byDate.rows).toHaveLength(days);
      const [usd, diem] = sums(truth.byDate);
      expect(byDate.total[0]).toBeCloseTo(usd!, 6);
      expect(byDate.total[1]).toBeCloseTo(diem!, 6);
      for (const day of truth.byDate) {
        const row = byDate.rows.find((r) => r[0] === day.date)!;
        expect([row[1], row[2]]).toEqual([day.USD, day.DIEM]);
      }
      const byKey = await table('usage-by-key');
      expect(byKey.rows).toEqual(truth.byKey.map((k: Json) => [k.description, k.totalUsd, k.totalDiem]));
      const byModel = await table('usage-by-model');
      expect(byModel.rows).toEqual(truth.byModel.map((m: Json) => [m.modelName, m.totalUsd, m.totalDiem]));
      expect(byModel.total[0]).toBeCloseTo(usd!, 6);
    }
    // Known figures, not only agreement: 30 days hold both keys' spend.
    const keys = await table('usage-by-key');
    expect(keys.rows.map((r) => r[0]).sort()).toEqual(['e2e alpha', 'e2e beta']);
    expect(keys.total[0]).toBeCloseTo(1.25 + 2 + 0.52, 6);
    expect(keys.total[1]).toBeCloseTo(0.5 + 0.75, 6);
  });

  it('has no serious or critical axe violation, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page), colorScheme).toEqual([]);
      await page.getByTestId('usage-section').screenshot({ path: path.join(ROOT, 'artifacts', `manage-usage-${colorScheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('pages the ledger with Load more', async () => {
    const rows = page.locator('[data-testid="ledger-table"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(50);
    await page.getByTestId('ledger-more').click();
    // 30 days: alpha's USD and DIEM charges, beta's USD, DIEM and 52 small USD charges.
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(56);
    await expect.poll(() => page.getByTestId('ledger-more').count()).toBe(0);
  });

  it('downloads the API\'s CSV of the period, which parses with one row per charge', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('usage-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^venice-usage-30d-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    const [header, ...lines] = text.trim().split(/\r?\n/);
    const columns = header!.split(',');
    expect(columns).toEqual(expect.arrayContaining(['timestamp', 'amount', 'currency']));
    expect(lines).toHaveLength(56);
    const parsed = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
    const spent = (currency: string) => -parsed.filter((r) => r.currency === currency).reduce((s, r) => s + Number(r.amount), 0);
    expect(spent('USD')).toBeCloseTo(3.77, 6);
    expect(spent('DIEM')).toBeCloseTo(1.25, 6);
    expect(await page.getByRole('link', { name: /^Save venice-usage-30d-/ }).getAttribute('href')).toMatch(/^blob:chrome-extension:\/\//);

    const requests: Array<{ method: string; path: string }> = (await control(sandbox.origin, 'GET', '/requests')).requests;
    expect(requests.filter((r) => r.path.endsWith('/billing/usage'))).toEqual([]);
    expect(requests.some((r) => r.path.endsWith('/billing/usage-history'))).toBe(true);
    expect(await pageErrorsOf(page)).toEqual([]);
  });
});
