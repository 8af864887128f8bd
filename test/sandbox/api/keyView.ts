// How key records look on the wire (GET /api_keys, GET /api_keys/{id}, PATCH, the answer to a creation),
// and their usage sums.
import type { KeyRecord, LimitPeriod } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;

export function periodStart(period: LimitPeriod, now: number): number {
  const date = new Date(now);
  if (period === 'EPOCH') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (period === 'MONTH') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  return 0;
}

function sumSince(key: KeyRecord, since: number, now: number): { usd: number; diem: number } {
  return key.usage
    .filter((event) => event.at >= since && event.at <= now)
    .reduce((total, event) => ({ usd: total.usd + event.usd, diem: total.diem + event.diem }), { usd: 0, diem: 0 });
}

export function currentPeriodSpend(key: KeyRecord, now: number): { usd: number; diem: number } {
  return sumSince(key, periodStart(key.limitPeriod, now), now);
}

/** What the key may still spend in this period under its own caps (Infinity = no cap). */
export function remainingUnderCaps(key: KeyRecord, now: number): { usd: number; diem: number } {
  const spent = currentPeriodSpend(key, now);
  const { usd, diem } = key.consumptionLimits;
  return {
    usd: usd === null ? Infinity : Math.max(0, usd - spent.usd),
    diem: diem === null ? Infinity : Math.max(0, diem - spent.diem),
  };
}

export function hasUsdOrDiemCap(key: KeyRecord): boolean {
  return key.consumptionLimits.usd !== null || key.consumptionLimits.diem !== null;
}

/** The fields common to every record view (the PATCH response stops here). */
export function baseRecord(key: KeyRecord) {
  return {
    id: key.id,
    apiKeyType: key.apiKeyType,
    description: key.description,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
    last6Chars: key.last6Chars,
    consumptionLimits: { ...key.consumptionLimits },
    limitPeriod: key.limitPeriod,
    modelPrivacy: key.modelPrivacy,
  };
}

/**
 * The answer to a key creation (POST /api_keys, POST /api_keys/generate_web3_key): the secret,
 * this once, with the key's settings; `consumptionLimit` as the route echoes the caps.
 */
export function createdKeyAnswer<L>(key: KeyRecord, secret: string, consumptionLimit: L) {
  return {
    success: true,
    data: {
      id: key.id,
      apiKey: secret,
      apiKeyType: key.apiKeyType,
      description: key.description,
      expiresAt: key.expiresAt,
      consumptionLimit,
      limitPeriod: key.limitPeriod,
      modelPrivacy: key.modelPrivacy,
    },
  };
}

/** List and details view: usage as 4-decimal strings; currentPeriodUsage only with a USD or DIEM cap. */
export function fullRecord(key: KeyRecord, now: number) {
  const week = sumSince(key, now - 7 * DAY_MS, now);
  const record = {
    ...baseRecord(key),
    usage: { trailingSevenDays: { usd: week.usd.toFixed(4), vcu: week.diem.toFixed(4), diem: week.diem.toFixed(4) } },
  };
  if (!hasUsdOrDiemCap(key)) return record;
  const period = currentPeriodSpend(key, now);
  return { ...record, currentPeriodUsage: { usd: period.usd.toFixed(4), diem: period.diem.toFixed(4) } };
}
