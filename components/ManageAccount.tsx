import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { KeyMeta } from '../lib/vault/record';
import type { BillingBalanceResponse } from '../lib/venice/schemas/billing';
import type { RateLimitLogEntry } from '../lib/venice/schemas/rate-limits';
import type { ManageApi } from './manage-api';
import { ManageError } from './ManageError';
import { useAction } from './use-action';

const num = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });
const amount = (value: number | null) => (value === null ? '—' : num.format(value));

/** The account's balance (GET /billing/balance) and its last 50 rate-limit breaches, each with what it means. */
export function ManageAccount({ api, admin }: { api: ManageApi; admin: KeyMeta }) {
  const balance = useSignal<BillingBalanceResponse | null>(null);
  const log = useSignal<RateLimitLogEntry[] | null>(null);
  const action = useAction();
  const load = () => action.run(async () => {
    [balance.value, log.value] = await Promise.all([api.balance(admin.id), api.rateLimitLog(admin.id)]);
  });
  useEffect(() => { void load(); }, []);

  const b = balance.value;
  const groups = new Map<string, number>();
  for (const entry of log.value ?? []) groups.set(`${entry.modelId} · ${entry.rateLimitType}`, (groups.get(`${entry.modelId} · ${entry.rateLimitType}`) ?? 0) + 1);
  const types = [...new Set((log.value ?? []).map((e) => e.rateLimitType))];
  return (
    <section class="stack" aria-labelledby="account-title">
      <div class="row spread">
        <h2 id="account-title">{i18n.t('manage.account.title')}</h2>
        <button type="button" onClick={() => void load()} disabled={action.busy.value}>{i18n.t('manage.refresh')}</button>
      </div>
      <ManageError error={action.error.value} admin={admin} />
      {b && (
        <dl class="details balance" data-testid="account-balance">
          <div><dt>DIEM</dt><dd>{amount(b.balances.diem)} {b.diemEpochAllocation > 0 && i18n.t('manage.account.of_allocation', [num.format(b.diemEpochAllocation)])}</dd></div>
          <div><dt>USD</dt><dd>{amount(b.balances.usd)}</dd></div>
          <div><dt>{i18n.t('manage.account.consuming')}</dt><dd>{b.consumptionCurrency ?? i18n.t('manage.account.nothing')}</dd></div>
          <div><dt>{i18n.t('manage.account.can_consume')}</dt><dd>{b.canConsume ? i18n.t('manage.account.yes') : i18n.t('manage.account.no')}</dd></div>
        </dl>
      )}
      <h3>{i18n.t('manage.log.title')}</h3>
      {log.value !== null && log.value.length === 0 && <p class="hint">{i18n.t('manage.log.empty')}</p>}
      {log.value !== null && log.value.length > 0 && (
        <>
          <ul class="plain groups" aria-label={i18n.t('manage.log.groups')}>
            {[...groups].map(([group, count]) => <li key={group}><strong>{count}×</strong> {group}</li>)}
          </ul>
          <ul class="plain">
            {types.map((t) => <li key={t} class="hint"><strong>{t}</strong>: {i18n.t(`manage.log.meaning.${t}`)}</li>)}
          </ul>
          <div class="table-wrap">
            <table data-testid="rate-limit-log">
              <caption class="visually-hidden">{i18n.t('manage.log.title')}</caption>
              <thead><tr>
                <th scope="col">{i18n.t('manage.log.time')}</th><th scope="col">{i18n.t('manage.log.model')}</th>
                <th scope="col">{i18n.t('manage.log.type')}</th><th scope="col">{i18n.t('manage.log.tier')}</th><th scope="col">{i18n.t('manage.log.key')}</th>
              </tr></thead>
              <tbody>
                {log.value.map((e, i) => (
                  <tr key={i}><td>{e.timestamp.slice(0, 19).replace('T', ' ')}</td><td>{e.modelId}</td><td>{e.rateLimitType}</td><td>{e.rateLimitTier}</td><td><code>{e.apiKeyId.slice(0, 8)}</code></td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
