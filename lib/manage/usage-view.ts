/**
 * What the Usage section draws, from a usage-analytics answer: one row per day of the period
 * (days without usage at 0, oldest first, whatever order Venice sends), per model and per key.
 */
import type { UsageAnalytics } from '../venice/schemas/usage';

export interface SpendRow {
  id: string;
  name: string;
  usd: number;
  diem: number;
}

const DAY = 86_400_000;

/** Every day of the last `days` days up to `now`'s UTC day, as YYYY-MM-DD with its spend. */
export function dailyRows(analytics: Pick<UsageAnalytics, 'byDate'>, days: number, now: number): SpendRow[] {
  const spent = new Map<string, { usd: number; diem: number }>();
  for (const d of analytics.byDate) {
    const sum = spent.get(d.date) ?? { usd: 0, diem: 0 };
    spent.set(d.date, { usd: sum.usd + d.USD, diem: sum.diem + d.DIEM });
  }
  const today = Math.floor(now / DAY) * DAY;
  const rows: SpendRow[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = new Date(today - i * DAY).toISOString().slice(0, 10);
    const sum = spent.get(date);
    rows.push({ id: date, name: date, usd: sum?.usd ?? 0, diem: sum?.diem ?? 0 });
  }
  return rows;
}

export function modelRows(analytics: Pick<UsageAnalytics, 'byModel'>): SpendRow[] {
  return analytics.byModel.map((m, i) => ({ id: `${i}:${m.modelName}`, name: m.modelName, usd: m.totalUsd, diem: m.totalDiem }));
}

/** Per key; `apiKeyId` null is Venice's web app. */
export function keyRows(analytics: Pick<UsageAnalytics, 'byKey'>): Array<SpendRow & { apiKeyId: string | null }> {
  return analytics.byKey.map((k, i) => ({ id: k.apiKeyId ?? `web-app-${i}`, apiKeyId: k.apiKeyId, name: k.description, usd: k.totalUsd, diem: k.totalDiem }));
}

export function isEmpty(analytics: UsageAnalytics): boolean {
  return analytics.byDate.every((d) => d.USD === 0 && d.DIEM === 0) && analytics.byKey.length === 0 && analytics.byModel.length === 0;
}
