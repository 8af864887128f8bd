import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import { dailyRows, isEmpty, keyRows, modelRows, type SpendRow } from '../lib/manage/usage-view';
import type { KeyMeta } from '../lib/vault/record';
import type { UsageAnalytics } from '../lib/venice/schemas/usage';
import type { ManageApi, UsagePeriodDays } from './manage-api';
import { ManageError } from './ManageError';
import { ManageUsageLedger } from './ManageUsageLedger';
import { UsageBars } from './UsageBars';
import { useAction } from './use-action';

const PERIODS: readonly UsagePeriodDays[] = [7, 30, 90];

const bars = (rows: readonly SpendRow[], tick: (row: SpendRow) => string = (r) => r.name) =>
  rows.map((r) => ({ id: r.id, label: r.name, tick: tick(r), usd: r.usd, diem: r.diem }));

/**
 * The Usage section (loaded on demand): spend per day, by model and by key for the last 7, 30 or
 * 90 days (GET /billing/usage-analytics), each chart with its table, then the period's ledger and
 * its CSV export.
 */
export function ManageUsage({ api, admin, now = Date.now }: { api: ManageApi; admin: KeyMeta; now?: () => number }) {
  const days = useSignal<UsagePeriodDays>(7);
  const data = useSignal<UsageAnalytics | null>(null);
  const shownAt = useSignal(now());
  const action = useAction();
  const load = (period: UsagePeriodDays) => action.run(async () => {
    data.value = null;
    const answer = await api.usageAnalytics(admin.id, period);
    if (period !== days.value) return;
    shownAt.value = now();
    data.value = answer;
  });
  useEffect(() => { void load(days.value); }, []);
  const choose = (period: UsagePeriodDays) => {
    if (period === days.value) return;
    days.value = period;
    void load(period);
  };

  const error = action.error.value;
  const d = data.value;
  let body;
  if (error) {
    body = (
      <>
        <ManageError error={error} admin={admin} />
        {(error as { code?: unknown }).code === 'TIMEOUT' && <p class="hint">{i18n.t('manage.analytics.timeout')}</p>}
      </>
    );
  } else if (!d) {
    body = <p role="status" aria-busy="true" data-testid="usage-loading">{i18n.t('manage.analytics.loading')}</p>;
  } else if (isEmpty(d)) {
    body = <p class="note" data-testid="usage-empty">{i18n.t('manage.analytics.empty', [days.value])}</p>;
  } else {
    const keys = keyRows(d);
    body = (
      <>
        <UsageBars id="usage-by-date" title={i18n.t('manage.analytics.by_date')} rowHeader={i18n.t('manage.analytics.col_date')}
          rows={bars(dailyRows(d, days.value, shownAt.value), (r) => r.name.slice(5))} />
        <UsageBars id="usage-by-model" title={i18n.t('manage.analytics.by_model')} rowHeader={i18n.t('manage.analytics.col_model')} rows={bars(modelRows(d))} />
        <UsageBars id="usage-by-key" title={i18n.t('manage.analytics.by_key')} rowHeader={i18n.t('manage.analytics.col_key')}
          rows={keys.map((k) => ({ id: k.id, label: k.apiKeyId === null ? `${k.name} (${i18n.t('manage.analytics.web_app')})` : k.name, tick: k.name.slice(0, 14), usd: k.usd, diem: k.diem }))} />
      </>
    );
  }

  return (
    <div class="stack" data-testid="usage-section">
      <fieldset class="segmented" disabled={action.busy.value}>
        <legend class="visually-hidden">{i18n.t('manage.analytics.period')}</legend>
        {PERIODS.map((p) => (
          <label key={p} class={p === days.value ? 'on' : ''}>
            <input type="radio" name="usage-period" value={p} checked={p === days.value} onChange={() => choose(p)} />
            {i18n.t('manage.analytics.days', [p])}
          </label>
        ))}
        <button type="button" onClick={() => void load(days.value)}>{i18n.t('manage.refresh')}</button>
      </fieldset>
      {body}
      <ManageUsageLedger key={days.value} api={api} admin={admin} days={days.value} />
    </div>
  );
}
