// @vitest-environment happy-dom
// The Manage keys page's Usage section against a fake ManageApi: nothing asked until opened; the
// loading, empty, error and data states; every day of the period in the per-day table with the
// totals; 7/30/90 days; the ledger's "Load more" with the cursor alone and a refused cursor; the
// CSV saved through a Blob URL and a download link.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ManageApi } from '../../../components/manage-api';
import { ManageUsage } from '../../../components/ManageUsage';
import { ManageUsageSection } from '../../../components/ManageUsageSection';
import type { KeyMeta } from '../../../lib/vault/record';
import type { UsageAnalytics, UsageEntry } from '../../../lib/venice/schemas/usage';
import { useEnglish } from '../vault/english';
import { remote } from '../vault/fake-api';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const admin: KeyMeta = {
  id: 'rec-admin', last6: 'aaaaaa', type: 'ADMIN', description: 'ops admin', source: 'imported', apiBaseUrl: 'https://api.venice.ai/api/v1',
  createdAt: '2026-01-01T00:00:00.000Z', limits: {}, expiresAt: null,
};
const EMPTY: UsageAnalytics = { lookback: '7d', byDate: [], byModel: [], byModelDaily: [], topModels: [], byKey: [], byKeyDaily: [], topKeyNames: [] };
const DATA: UsageAnalytics = {
  ...EMPTY,
  // Newest first and with gaps, as Venice may send them.
  byDate: [{ date: '2026-01-10', USD: 1.5, DIEM: 0.25 }, { date: '2026-01-07', USD: 0.5, DIEM: 2 }],
  byModel: [{ modelName: 'GLM 5', unitType: 'tokens', modelType: 'LLM', totalUsd: 1.75, totalDiem: 2, totalUnits: 1000 }, { modelName: 'Venice Small', unitType: 'tokens', modelType: null, totalUsd: 0.25, totalDiem: 0.25, totalUnits: 10 }],
  byKey: [{ apiKeyId: 'k-1', description: 'ci bot', totalUsd: 2, totalDiem: 0.25, totalUnits: 900 }, { apiKeyId: null, description: 'Web App', totalUsd: 0, totalDiem: 2, totalUnits: 110 }],
};
const entry = (amount: number, timestamp: string): UsageEntry => ({
  amount, currency: 'USD', inferenceDetails: null, notes: 'API Inference', pricePerUnitUsd: 1, sku: 'zai-org-glm-5-llm-output-mtoken', timestamp, units: 0.001,
});

function fakeApi() {
  return {
    usageAnalytics: vi.fn(async (_a: string, days: number) => ({ ...DATA, lookback: `${days}d` })),
    usageHistory: vi.fn(async (_a: string, _from: { days: number } | { cursor: string }) => ({ data: [entry(-1, '2026-01-09T10:00:00.000Z')], nextCursor: 'cur1' as string | null })),
    usageCsv: vi.fn(async () => ({ csv: 'timestamp,amount\r\n2026-01-09T10:00:00.000Z,-1\r\n', rows: 1, complete: true })),
  };
}
const asApi = (fake: ReturnType<typeof fakeApi>) => fake as unknown as ManageApi;
const cells = (table: HTMLElement, column: number) => within(table).getAllByRole('row').slice(1).map((row) => row.querySelectorAll('th, td')[column]?.getAttribute('data-value') ?? row.querySelectorAll('th, td')[column]?.textContent);

describe('the Usage section', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('asks Venice nothing until opened, then loads the section on demand', async () => {
    const api = fakeApi();
    render(<ManageUsageSection api={asApi(api)} admin={admin} now={() => NOW} />);
    expect(api.usageAnalytics).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('usage-open'));
    await screen.findByTestId('usage-by-date');
    expect(api.usageAnalytics).toHaveBeenCalledWith('rec-admin', 7);
    expect(screen.getByTestId('usage-open').getAttribute('aria-expanded')).toBe('true');
  });

  it('shows a loading state while Venice adds up', async () => {
    const api = fakeApi();
    api.usageAnalytics.mockReturnValue(new Promise(() => {}));
    render(<ManageUsage api={asApi(api)} admin={admin} now={() => NOW} />);
    expect(screen.getByTestId('usage-loading').textContent).toBe('Loading usage…');
  });

  it('says when the period has no usage', async () => {
    const api = fakeApi();
    api.usageAnalytics.mockResolvedValue(EMPTY);
    render(<ManageUsage api={asApi(api)} admin={admin} now={() => NOW} />);
    expect((await screen.findByTestId('usage-empty')).textContent).toBe('No usage in the last 7 days.');
    expect(screen.queryByTestId('usage-by-date')).toBeNull();
  });

  it('names the key on a 401, and suggests a shorter period on a timeout', async () => {
    const api = fakeApi();
    api.usageAnalytics.mockRejectedValueOnce(remote('ADMIN_KEY_REQUIRED', 'This needs an admin API key.', 'use_admin_key'));
    render(<ManageUsage api={asApi(api)} admin={admin} now={() => NOW} />);
    expect((await screen.findAllByTestId('manage-error'))[0]!.textContent).toMatch(/ops admin \(…aaaaaa\).*not an admin key/);
    cleanup();
    api.usageAnalytics.mockRejectedValueOnce(remote('TIMEOUT', 'Venice took too long to answer. Try again.', 'retry'));
    render(<ManageUsage api={asApi(api)} admin={admin} now={() => NOW} />);
    expect(await screen.findByText('Venice took too long to add up this period. Try a shorter one.')).toBeTruthy();
  });

  it('tables every day of the period (gaps at 0, oldest first), each model and key, with totals', async () => {
    const api = fakeApi();
    render(<ManageUsage api={asApi(api)} admin={admin} now={() => NOW} />);
    const byDate = within(await screen.findByTestId('usage-by-date')).getByRole('table');
    expect(cells(byDate, 0)).toEqual(['2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10', 'Total']);
    expect(cells(byDate, 1)).toEqual(['0', '0', '0', '0.5', '0', '0', '1.5', '2']);
    expect(cells(byDate, 2)).toEqual(['0', '0', '0', '2', '0', '0', '0.25', '2.25']);
    const byModel = within(screen.getByTestId('usage-by-model')).getByRole('table');
    expect(cells(byModel, 0)).toEqual(['GLM 5', 'Venice Small', 'Total']);
    const byKey = within(screen.getByTestId('usage-by-key')).getByRole('table');
    expect(cells(byKey, 0)).toEqual(['ci bot', "Web App (Venice's web app)", 'Total']);
    expect(cells(byKey, 2)).toEqual(['0.25', '2', '2.25']);
  });

  it('switches to 30 and 90 days', async () => {
    const api = fakeApi();
    render(<ManageUsage api={asApi(api)} admin={admin} now={() => NOW} />);
    await screen.findByTestId('usage-by-date');
    fireEvent.click(screen.getByLabelText('Last 30 days'));
    await waitFor(() => expect(within(screen.getByTestId('usage-by-date')).getAllByRole('row')).toHaveLength(32));
    fireEvent.click(screen.getByLabelText('Last 90 days'));
    await waitFor(() => expect(within(screen.getByTestId('usage-by-date')).getAllByRole('row')).toHaveLength(92));
    expect(api.usageAnalytics.mock.calls.map((c) => c[1])).toEqual([7, 30, 90]);
    expect(api.usageHistory.mock.calls.map((c) => c[1])).toEqual([{ days: 7 }, { days: 30 }, { days: 90 }]);
  });

  it('pages the ledger with the cursor alone, and starts again when Venice refuses the cursor', async () => {
    const api = fakeApi();
    api.usageHistory
      .mockResolvedValueOnce({ data: [entry(-1, '2026-01-09T10:00:00.000Z')], nextCursor: 'cur1' })
      .mockResolvedValueOnce({ data: [entry(-2, '2026-01-09T11:00:00.000Z')], nextCursor: 'cur2' })
      .mockRejectedValueOnce(remote('INVALID_REQUEST', 'Venice did not accept some of the values sent.'))
      .mockResolvedValueOnce({ data: [entry(-3, '2026-01-09T12:00:00.000Z')], nextCursor: null });
    render(<ManageUsage api={asApi(api)} admin={admin} now={() => NOW} />);
    const ledger = await screen.findByTestId('ledger-table');
    fireEvent.click(screen.getByTestId('ledger-more'));
    await waitFor(() => expect(cells(screen.getByTestId('ledger-table'), 1)).toEqual(['-1', '-2']));
    expect(ledger).toBeTruthy();
    fireEvent.click(screen.getByTestId('ledger-more'));
    await screen.findByTestId('ledger-cursor-refused');
    expect(screen.queryByTestId('ledger-more')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load again from the start' }));
    await waitFor(() => expect(cells(screen.getByTestId('ledger-table'), 1)).toEqual(['-3']));
    expect(api.usageHistory.mock.calls.map((c) => c[1])).toEqual([{ days: 7 }, { cursor: 'cur1' }, { cursor: 'cur2' }, { days: 7 }]);
    expect(screen.queryByTestId('ledger-more')).toBeNull();
  });

  it('says when the period has no charge', async () => {
    const api = fakeApi();
    api.usageHistory.mockResolvedValue({ data: [], nextCursor: null });
    render(<ManageUsage api={asApi(api)} admin={admin} now={() => NOW} />);
    expect((await screen.findByTestId('ledger-empty')).textContent).toBe('No charge in this period.');
  });

  it('saves the API\'s CSV through a Blob URL and a download link', async () => {
    const api = fakeApi();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => { blobs.push(blob as Blob); return 'blob:manage/1'; });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicked.push(`${this.href} ${this.download}`); });
    render(<ManageUsage api={asApi(api)} admin={admin} now={() => NOW} />);
    fireEvent.click(await screen.findByTestId('usage-csv'));
    const link = await screen.findByRole('link');
    expect(api.usageCsv).toHaveBeenCalledWith('rec-admin', 7);
    expect(await blobs[0]!.text()).toBe('timestamp,amount\r\n2026-01-09T10:00:00.000Z,-1\r\n');
    expect(blobs[0]!.type).toMatch(/^text\/csv/);
    expect(link.getAttribute('href')).toBe('blob:manage/1');
    expect(link.getAttribute('download')).toMatch(/^venice-usage-7d-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(clicked).toEqual([`blob:manage/1 ${link.getAttribute('download')}`]);
    cleanup();
    expect(revoke).toHaveBeenCalledWith('blob:manage/1');
    create.mockRestore(); revoke.mockRestore(); click.mockRestore();
  });
});
