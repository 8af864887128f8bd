/**
 * The Usage section's service: spend by day, model and key (GET /billing/usage-analytics) and the
 * ledger (GET /billing/usage-history, JSON pages or the API's own CSV), for the last 7, 30 or 90
 * days, with the chosen ADMIN key (the manager's `admin()` reads it and refuses any other key).
 */
import { AppException, appError } from '../errors';
import type { VeniceClient } from '../venice/client';
import type { UsageHistoryQuery } from '../venice/schemas/usage';

export type UsageMethods = 'usageAnalytics' | 'usageHistory' | 'usageHistoryCsv';
type Used = { api: Pick<VeniceClient, UsageMethods>; o: { apiKey: string } };

export const USAGE_PERIODS = [7, 30, 90] as const;
export type UsagePeriod = (typeof USAGE_PERIODS)[number];
/** Entries per ledger page shown. */
export const LEDGER_PAGE_SIZE = 50;
/** The CSV export walks at most this many pages of 1000 lines; a longer ledger is cut and said so. */
export const CSV_MAX_PAGES = 10;

const DAY = 86_400_000;

/** The period's first instant: 00:00 UTC of the oldest of its `days` days (today included), as usage-analytics counts them. */
export function periodStart(days: UsagePeriod, now: number): string {
  return new Date(Math.floor(now / DAY) * DAY - (days - 1) * DAY).toISOString().replace('.000Z', 'Z');
}

/** The first line (the header row, without its line break) and everything after it. */
function splitHeader(csv: string): [string, string] {
  const end = csv.indexOf('\n');
  return end < 0 ? [csv.replace(/\r$/, ''), ''] : [csv.slice(0, end).replace(/\r$/, ''), csv.slice(end + 1)];
}

/** The number of records in a CSV text (RFC 4180: a line break inside quotes does not end one). */
export function csvRecords(csv: string): number {
  let records = 0;
  let quoted = false;
  let open = false;
  for (const char of csv) {
    if (char === '"') quoted = !quoted;
    if (char === '\n' && !quoted) {
      records += 1;
      open = false;
    } else if (char !== '\r') {
      open = true;
    }
  }
  return records + (open ? 1 : 0);
}

export function usageOf(admin: (adminId: string) => Promise<Used>, now: () => number) {
  const firstPage = (days: UsagePeriod, pageSize: number): UsageHistoryQuery => ({ startTimestamp: periodStart(days, now()), pageSize });
  return {
    async usageAnalytics(adminId: string, days: UsagePeriod) {
      const { api, o } = await admin(adminId);
      return api.usageAnalytics({ lookback: `${days}d` }, o);
    },
    /** A first page of the period, or the page after `cursor` (which carries the period). */
    async usageHistory(adminId: string, from: { days: UsagePeriod } | { cursor: string }) {
      const { api, o } = await admin(adminId);
      return api.usageHistory('cursor' in from ? { cursor: from.cursor } : firstPage(from.days, LEDGER_PAGE_SIZE), o);
    },
    /** The period's ledger as the API's CSV: its bytes kept, later pages' header rows dropped. */
    async usageCsv(adminId: string, days: UsagePeriod) {
      const { api, o } = await admin(adminId);
      let page = await api.usageHistoryCsv(firstPage(days, 1000), o);
      const [header] = splitHeader(page.csv);
      let csv = page.csv;
      for (let pages = 1; page.nextCursor && pages < CSV_MAX_PAGES; pages++) {
        page = await api.usageHistoryCsv({ cursor: page.nextCursor }, o);
        const [nextHeader, rest] = splitHeader(page.csv);
        if (nextHeader !== header) throw new AppException(appError('MALFORMED_RESPONSE', 'The CSV pages have different columns.'));
        csv += rest;
      }
      return { csv, rows: Math.max(0, csvRecords(csv) - 1), complete: page.nextCursor === null };
    },
  };
}
