import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { KeyMeta } from '../lib/vault/record';
import type { UsageEntry } from '../lib/venice/schemas/usage';
import type { ManageApi, UsagePeriodDays } from './manage-api';
import { ManageError } from './ManageError';
import { useAction } from './use-action';

/** The CSV export walks at most this many rows (lib/manage/usage.ts: 10 pages of 1000). */
const CSV_MAX_ROWS = 10_000;

interface Download {
  url: string;
  name: string;
  rows: number;
  complete: boolean;
}

/**
 * The period's ledger (GET /billing/usage-history), oldest first, a page at a time ("Load more"
 * sends the cursor), and "Download CSV": the API's own CSV, saved through a Blob URL and a
 * download link (no key in any URL: the background fetched it).
 */
export function ManageUsageLedger({ api, admin, days }: { api: ManageApi; admin: KeyMeta; days: UsagePeriodDays }) {
  const entries = useSignal<UsageEntry[] | null>(null);
  const next = useSignal<string | null>(null);
  const cursorRefused = useSignal(false);
  const paging = useAction();
  const exporting = useAction();
  const download = useSignal<Download | null>(null);

  const first = () => paging.run(async () => {
    cursorRefused.value = false;
    const page = await api.usageHistory(admin.id, { days });
    entries.value = page.data;
    next.value = page.nextCursor;
  });
  const more = () => paging.run(async () => {
    if (!next.value) return;
    try {
      const page = await api.usageHistory(admin.id, { cursor: next.value });
      entries.value = [...(entries.value ?? []), ...page.data];
      next.value = page.nextCursor;
    } catch (error) {
      // A cursor Venice refuses (expired, or the walk reset): only a fresh walk helps.
      if ((error as { code?: unknown }).code === 'INVALID_REQUEST') cursorRefused.value = true;
      else throw error;
    }
  });
  const exportCsv = () => exporting.run(async () => {
    const { csv, rows, complete } = await api.usageCsv(admin.id, days);
    if (download.value) URL.revokeObjectURL(download.value.url);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const name = `venice-usage-${days}d-${new Date().toISOString().slice(0, 10)}.csv`;
    download.value = { url, name, rows, complete };
    // Saved at once through a link of its own; the one shown stays for saving again.
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
  });
  useEffect(() => { void first(); }, []);
  useEffect(() => () => { if (download.value) URL.revokeObjectURL(download.value.url); }, []);

  const list = entries.value;
  return (
    <section class="stack" aria-labelledby="ledger-title" data-testid="usage-ledger">
      <div class="row spread wrap">
        <h3 id="ledger-title">{i18n.t('manage.analytics.ledger.title', [days])}</h3>
        <button type="button" onClick={() => void exportCsv()} disabled={exporting.busy.value} data-testid="usage-csv">
          {exporting.busy.value ? i18n.t('manage.analytics.csv.working') : i18n.t('manage.analytics.csv.download')}
        </button>
      </div>
      <p class="hint">{i18n.t('manage.analytics.ledger.hint')}</p>
      <ManageError error={exporting.error.value} admin={admin} />
      {download.value && (
        <p class="note" role="status">
          {i18n.t('manage.analytics.csv.ready', [download.value.rows])}{' '}
          <a href={download.value.url} download={download.value.name}>{i18n.t('manage.analytics.csv.save', [download.value.name])}</a>
          {!download.value.complete && <> {i18n.t('manage.analytics.csv.incomplete', [CSV_MAX_ROWS])}</>}
        </p>
      )}
      <ManageError error={paging.error.value} admin={admin} />
      {list === null && !paging.error.value && <p role="status" aria-busy="true">{i18n.t('manage.analytics.ledger.loading')}</p>}
      {list !== null && list.length === 0 && <p class="hint" data-testid="ledger-empty">{i18n.t('manage.analytics.ledger.empty')}</p>}
      {list !== null && list.length > 0 && (
        <div class="table-wrap">
          <table data-testid="ledger-table">
            <caption class="visually-hidden">{i18n.t('manage.analytics.ledger.title', [days])}</caption>
            <thead><tr>
              <th scope="col">{i18n.t('manage.analytics.ledger.time')}</th>
              <th scope="col" class="num">{i18n.t('manage.analytics.ledger.amount')}</th>
              <th scope="col">{i18n.t('manage.analytics.ledger.currency')}</th>
              <th scope="col">{i18n.t('manage.analytics.ledger.sku')}</th>
              <th scope="col" class="num">{i18n.t('manage.analytics.ledger.units')}</th>
              <th scope="col" class="num">{i18n.t('manage.analytics.ledger.tokens')}</th>
              <th scope="col">{i18n.t('manage.analytics.ledger.notes')}</th>
            </tr></thead>
            <tbody>
              {list.map((e, i) => (
                <tr key={i}>
                  <td>{e.timestamp.slice(0, 19).replace('T', ' ')}</td>
                  <td class="num" data-value={String(e.amount)}>{e.amount}</td>
                  <td>{e.currency}</td>
                  <td><code>{e.sku}</code></td>
                  <td class="num">{e.units}</td>
                  <td class="num">{e.inferenceDetails ? `${e.inferenceDetails.promptTokens ?? '—'} / ${e.inferenceDetails.completionTokens ?? '—'}` : '—'}</td>
                  <td>{e.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursorRefused.value && (
        <p class="error" role="alert" data-testid="ledger-cursor-refused">
          {i18n.t('manage.analytics.ledger.cursor_refused')}{' '}
          <button type="button" class="link" onClick={() => { entries.value = null; void first(); }}>{i18n.t('manage.analytics.ledger.restart')}</button>
        </p>
      )}
      {next.value && !cursorRefused.value && (
        <button type="button" onClick={() => void more()} disabled={paging.busy.value} data-testid="ledger-more">
          {paging.busy.value ? i18n.t('manage.analytics.ledger.loading') : i18n.t('manage.analytics.ledger.more')}
        </button>
      )}
    </section>
  );
}
