import { i18n } from '#i18n';
import type { KeyRecord } from '../lib/venice/schemas/keys';
import { UsageBars } from './UsageBars';

const TOP = 12;

/** The keys that spent most in the last 7 days (USD + DIEM), for the chart and its table. */
export function topSpenders(keys: readonly KeyRecord[]): Array<{ key: KeyRecord; usd: number; diem: number }> {
  return keys
    .map((key) => ({ key, usd: Number(key.usage?.trailingSevenDays.usd ?? 0), diem: Number(key.usage?.trailingSevenDays.diem ?? 0) }))
    .filter((row) => row.usd > 0 || row.diem > 0)
    .sort((a, b) => b.usd + b.diem - (a.usd + a.diem))
    .slice(0, TOP);
}

/**
 * Spend per key over the last 7 days (what GET /api_keys gives: usage.trailingSevenDays), as bars
 * with the same figures in a table (UsageBars loads uPlot on first render).
 */
export function ManageUsageChart({ keys }: { keys: readonly KeyRecord[] }) {
  const rows = topSpenders(keys).map(({ key, usd, diem }) => ({
    id: key.id, label: key.description || i18n.t('vault.keys.no_description'), tick: key.last6Chars, usd, diem,
  }));
  if (rows.length === 0) {
    return (
      <section class="stack" aria-labelledby="usage-chart-title" data-testid="usage-chart">
        <h3 id="usage-chart-title">{i18n.t('manage.usage.title')}</h3>
        <p class="hint">{i18n.t('manage.usage.none')}</p>
      </section>
    );
  }
  return (
    <UsageBars id="usage-chart" title={i18n.t('manage.usage.title')} hint={i18n.t('manage.usage.hint')}
      rowHeader={i18n.t('manage.table.col_description')} rows={rows}
      extraColumn={{ header: i18n.t('manage.table.col_key'), cell: (r) => <code>…{r.tick}</code> }} />
  );
}
