// GET /billing/usage-analytics (ADMIN): the account's recorded usage by date, model and key.
// `lookback` is "Nd" (1..90 days, today included, default 7d), or startDate and endDate
// (YYYY-MM-DD, both inclusive, both required, at most 90 days). Sending both forms is a 400.
import { authenticate } from '../auth';
import type { Handler } from '../context';
import { fail, isReply, ok, type Reply } from '../reply';
import { analytics, DAY, dayStart } from '../usage';

export const MAX_LOOKBACK_DAYS = 90;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const invalid = (field: string, message: string): Reply =>
  fail(400, 'Invalid request parameters', { details: { _errors: [], [field]: { _errors: [message] } } });

function realDate(value: string): number | undefined {
  if (!DATE.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? undefined : ms;
}

/** The window [from, to) and its echo, or the 400 to send. */
function windowOf(query: URLSearchParams, now: number): { from: number; to: number; lookback: string } | Reply {
  const lookback = query.get('lookback');
  const start = query.get('startDate');
  const end = query.get('endDate');
  if (start !== null || end !== null) {
    if (lookback !== null) return invalid('lookback', 'Send either lookback or startDate and endDate, not both');
    if (start === null) return invalid('startDate', 'startDate is required when endDate is provided');
    if (end === null) return invalid('endDate', 'endDate is required when startDate is provided');
    const from = realDate(start);
    const last = realDate(end);
    if (from === undefined) return invalid('startDate', 'Expected a date in YYYY-MM-DD format');
    if (last === undefined) return invalid('endDate', 'Expected a date in YYYY-MM-DD format');
    if (last < from) return invalid('endDate', 'endDate must not be before startDate');
    if ((last - from) / DAY + 1 > MAX_LOOKBACK_DAYS) return invalid('endDate', `The period may span at most ${MAX_LOOKBACK_DAYS} days`);
    return { from, to: last + DAY, lookback: `${start}:${end}` };
  }
  const value = lookback ?? '7d';
  if (!/^[1-9]\d*d$/.test(value)) return invalid('lookback', 'Format: a number followed by "d" (e.g. "7d", "30d")');
  const days = Number(value.slice(0, -1));
  if (days > MAX_LOOKBACK_DAYS) return invalid('lookback', `Maximum lookback is ${MAX_LOOKBACK_DAYS}d`);
  const to = dayStart(now) + DAY;
  return { from: to - days * DAY, to, lookback: value };
}

export const usageAnalytics: Handler = (ctx) => {
  const auth = authenticate(ctx, 'admin');
  if (isReply(auth)) return auth;
  const window = windowOf(ctx.url.searchParams, ctx.deps.clock.now());
  if (isReply(window)) return window;
  return ok(analytics(ctx.deps.store, auth.account.id, window.from, window.to, window.lookback));
};
