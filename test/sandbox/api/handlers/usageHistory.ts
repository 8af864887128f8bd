// GET /billing/usage-history (ADMIN): the account's ledger in ascending time order, cursor-paged.
// The first request takes the filters; a continuation sends `cursor` alone (the filters travel in
// it, signed with the sandbox's secret; a tampered, expired or foreign cursor is a 400). With
// `Accept: text/csv` the page comes as CSV, the next cursor in `x-next-cursor`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authenticate } from '../auth';
import type { Handler } from '../context';
import { fail, isReply, ok, type Reply } from '../reply';
import { ledger, type LedgerEntry } from '../usage';

const CURRENCIES = ['USD', 'DIEM', 'BUNDLED_CREDITS'] as const;
const FILTERS = ['currency', 'startTimestamp', 'endTimestamp', 'pageSize'] as const;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
/** How long a cursor stays valid, on the sandbox clock. */
export const CURSOR_TTL_MS = 24 * 3_600_000;

interface Walk {
  currency?: string;
  start?: number;
  end?: number;
  pageSize: number;
}
interface CursorBody {
  a: string;
  p: [number, number, number];
  w: Walk;
  exp: number;
}

const invalid = (field: string, message: string): Reply =>
  fail(400, 'Invalid request parameters', { details: { _errors: [], [field]: { _errors: [message] } } });

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest().subarray(0, 16).toString('base64url');
}

function encodeCursor(secret: string, body: CursorBody): string {
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}${sign(secret, payload)}`;
}

/** The cursor's walk, or undefined when it is not one this sandbox issued for this account and still valid. */
function decodeCursor(secret: string, token: string, accountId: string, now: number): CursorBody | undefined {
  if (token.length > 512 || !/^[A-Za-z0-9_-]{23,}$/.test(token)) return undefined;
  const payload = token.slice(0, -22);
  const mac = Buffer.from(token.slice(-22));
  const want = Buffer.from(sign(secret, payload));
  if (mac.length !== want.length || !timingSafeEqual(mac, want)) return undefined;
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CursorBody;
    return body.a === accountId && body.exp > now ? body : undefined;
  } catch {
    return undefined;
  }
}

function timestampOf(query: URLSearchParams, name: string): number | undefined | Reply {
  const value = query.get(name);
  if (value === null) return undefined;
  const ms = Date.parse(value);
  if (value.length > 40 || !TIMESTAMP.test(value) || Number.isNaN(ms)) return invalid(name, 'Expected an ISO 8601 UTC date-time with a "Z" suffix');
  return ms;
}

/** The first page's walk from the query, or the 400 to send. */
function walkOf(query: URLSearchParams): Walk | Reply {
  const currency = query.get('currency') ?? undefined;
  if (currency !== undefined && !(CURRENCIES as readonly string[]).includes(currency)) return invalid('currency', `Expected one of ${CURRENCIES.join(', ')}`);
  const size = query.get('pageSize');
  const pageSize = size === null ? 1000 : Number(size);
  if (size !== null && (!/^\d+$/.test(size) || pageSize < 10 || pageSize > 1000)) return invalid('pageSize', 'Expected an integer from 10 to 1000');
  const start = timestampOf(query, 'startTimestamp');
  if (isReply(start)) return start;
  const end = timestampOf(query, 'endTimestamp');
  if (isReply(end)) return end;
  if (start !== undefined && end !== undefined && end <= start) return invalid('endTimestamp', 'endTimestamp must be later than startTimestamp');
  return { currency, start, end, pageSize };
}

const after = (a: LedgerEntry['position'], b: LedgerEntry['position']) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

const CSV_COLUMNS = ['timestamp', 'amount', 'currency', 'units', 'pricePerUnitUsd', 'sku', 'notes', 'requestId', 'promptTokens', 'completionTokens', 'inferenceExecutionTime'] as const;

function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(entries: readonly LedgerEntry[]): string {
  const rows = entries.map((e) =>
    [e.timestamp, e.amount, e.currency, e.units, e.pricePerUnitUsd, e.sku, e.notes, e.inferenceDetails?.requestId, e.inferenceDetails?.promptTokens, e.inferenceDetails?.completionTokens, e.inferenceDetails?.inferenceExecutionTime]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

const compactStamp = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, '');

export const usageHistory: Handler = (ctx) => {
  const auth = authenticate(ctx, 'admin');
  if (isReply(auth)) return auth;
  const { store, clock } = ctx.deps;
  const query = ctx.url.searchParams;
  const secret = store.data.jwtSecret;
  const token = query.get('cursor');
  let walk: Walk;
  let from: LedgerEntry['position'] | undefined;
  if (token !== null) {
    const sentWith = FILTERS.filter((name) => query.has(name));
    if (sentWith.length > 0) return invalid(sentWith[0] ?? 'cursor', 'A cursor carries its filters; send it alone');
    const cursor = decodeCursor(secret, token, auth.account.id, clock.now());
    if (!cursor) return invalid('cursor', 'Invalid or expired cursor; restart from the first page');
    walk = cursor.w;
    from = cursor.p;
  } else {
    const parsed = walkOf(query);
    if (isReply(parsed)) return parsed;
    walk = parsed;
  }
  const matching = ledger(store, auth.account.id).filter((e) => {
    const at = e.position[0];
    return (walk.currency === undefined || e.currency === walk.currency) &&
      (from === undefined ? walk.start === undefined || at >= walk.start : after(e.position, from) > 0) &&
      (walk.end === undefined || at < walk.end);
  });
  const page = matching.slice(0, walk.pageSize);
  const last = page.at(-1);
  const nextCursor = matching.length > page.length && last
    ? encodeCursor(secret, { a: auth.account.id, p: last.position, w: walk, exp: clock.now() + CURSOR_TTL_MS })
    : null;
  if (/\btext\/csv\b/i.test(String(ctx.headers.accept ?? ''))) {
    const headers: Record<string, string> = { 'content-disposition': `attachment; filename=billing-usage-history-${compactStamp(clock.now())}.csv` };
    if (nextCursor) headers['x-next-cursor'] = nextCursor;
    return { status: 200, headers, raw: { contentType: 'text/csv; charset=utf-8', data: Buffer.from(toCsv(page), 'utf8') } };
  }
  const data = page.map(({ amount, currency, inferenceDetails, notes, pricePerUnitUsd, sku, timestamp, units }) =>
    ({ amount, currency, inferenceDetails, notes, pricePerUnitUsd, sku, timestamp, units }));
  return ok({ data, nextCursor });
};
