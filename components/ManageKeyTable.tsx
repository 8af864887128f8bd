import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import { applyQuery, capUse, DEFAULT_QUERY, OVER_CAP_RATIO, type SortField, type TableQuery } from '../lib/manage/table';
import type { KeyRecord } from '../lib/venice/schemas/keys';

interface Props {
  keys: KeyRecord[];
  /** Venice ids whose key this vault holds. */
  held: ReadonlySet<string>;
  paused: ReadonlySet<string>;
  now: number;
  onOpen: (key: KeyRecord) => void;
}

const SORTS: SortField[] = ['created', 'description', 'expires', 'lastUsed', 'usage'];
const money = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

/** The words every row repeats, read once per table rather than once per row (500 rows). */
function rowLabels() {
  return {
    noDescription: i18n.t('vault.keys.no_description'),
    held: i18n.t('manage.table.held'),
    heldTitle: i18n.t('manage.table.held_title'),
    paused: i18n.t('manage.table.paused'),
    admin: i18n.t('vault.keys.type_admin'),
    inference: i18n.t('vault.keys.type_inference'),
    never: i18n.t('manage.table.never'),
    neverUsed: i18n.t('manage.table.never_used'),
    noCap: i18n.t('manage.table.no_cap'),
  };
}
type RowLabels = ReturnType<typeof rowLabels>;

function capCell(key: KeyRecord, noCap: string): string {
  const parts: string[] = [];
  for (const [currency, unit] of [['usd', '$'], ['diem', 'DIEM ']] as const) {
    const cap = key.consumptionLimits[currency];
    if (cap === null || cap === undefined) continue;
    parts.push(`${unit}${money.format(Number(key.currentPeriodUsage?.[currency] ?? 0))} / ${unit}${money.format(cap)}`);
  }
  return parts.length ? parts.join(' · ') : noCap;
}

interface RowProps { k: KeyRecord; held: boolean; paused: boolean; labels: RowLabels; onOpen: (key: KeyRecord) => void }

function Row({ k, held, paused, labels, onOpen }: RowProps) {
  const use = capUse(k);
  const seven = k.usage?.trailingSevenDays;
  const name = k.description || labels.noDescription;
  return (
    <tr data-key-id={k.id}>
      <th scope="row">
        <button type="button" class="link" onClick={() => onOpen(k)} aria-label={i18n.t('manage.table.open', [name, k.last6Chars])}>
          {name}
        </button>
        {held && <span class="badge held" title={labels.heldTitle}>{labels.held}</span>}
        {paused && <span class="badge paused">{labels.paused}</span>}
      </th>
      <td><span class={`badge ${k.apiKeyType.toLowerCase()}`}>{k.apiKeyType === 'ADMIN' ? labels.admin : labels.inference}</span></td>
      <td><code>…{k.last6Chars}</code></td>
      <td>{day(k.createdAt)}</td>
      <td>{k.expiresAt ? day(k.expiresAt) : labels.never}</td>
      <td>{k.lastUsedAt ? day(k.lastUsedAt) : labels.neverUsed}</td>
      <td class="num">{seven ? `$${money.format(Number(seven.usd))} · ${money.format(Number(seven.diem))} DIEM` : '—'}</td>
      <td class={use !== null && use > OVER_CAP_RATIO ? 'num over' : 'num'}>{capCell(k, labels.noCap)}{use !== null && use > OVER_CAP_RATIO ? ` (${Math.round(Math.min(use, 9.99) * 100)}%)` : ''}</td>
    </tr>
  );
}

/** Every key of the account: search, filters (type, expiring, over 80% of a cap) and sort. */
export function ManageKeyTable({ keys, held, paused, now, onOpen }: Props) {
  const query = useSignal<TableQuery>(DEFAULT_QUERY);
  const q = query.value;
  const shown = useMemo(() => applyQuery(keys, q, now), [keys, q, now]);
  const labels = useMemo(rowLabels, []);
  const set = (patch: Partial<TableQuery>) => { query.value = { ...query.value, ...patch }; };
  return (
    <section class="stack" aria-labelledby="keys-table-title">
      <h2 id="keys-table-title">{i18n.t('manage.table.title')}</h2>
      <div class="row wrap controls" role="search">
        <div class="field grow">
          <label for="keys-search">{i18n.t('manage.table.search')}</label>
          <input id="keys-search" type="search" value={q.search} onInput={(e) => set({ search: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="keys-type">{i18n.t('manage.table.type')}</label>
          <select id="keys-type" value={q.type} onChange={(e) => set({ type: e.currentTarget.value as TableQuery['type'] })}>
            <option value="all">{i18n.t('manage.table.type_all')}</option>
            <option value="INFERENCE">{i18n.t('vault.keys.type_inference')}</option>
            <option value="ADMIN">{i18n.t('vault.keys.type_admin')}</option>
          </select>
        </div>
        <div class="field">
          <label for="keys-sort">{i18n.t('manage.table.sort')}</label>
          <select id="keys-sort" value={`${q.sort}:${q.descending ? 'desc' : 'asc'}`}
            onChange={(e) => { const [sort, dir] = e.currentTarget.value.split(':'); set({ sort: sort as SortField, descending: dir === 'desc' }); }}>
            {SORTS.flatMap((s) => [
              <option key={`${s}:desc`} value={`${s}:desc`}>{i18n.t(`manage.table.sort_${s}`)} ↓</option>,
              <option key={`${s}:asc`} value={`${s}:asc`}>{i18n.t(`manage.table.sort_${s}`)} ↑</option>,
            ])}
          </select>
        </div>
        <div class="check">
          <input id="keys-expiring" type="checkbox" checked={q.expiringDays !== null} onChange={(e) => set({ expiringDays: e.currentTarget.checked ? 7 : null })} />
          <label for="keys-expiring">{i18n.t('manage.table.expiring')}</label>
        </div>
        <div class="check">
          <input id="keys-over" type="checkbox" checked={q.overCap} onChange={(e) => set({ overCap: e.currentTarget.checked })} />
          <label for="keys-over">{i18n.t('manage.table.over_cap')}</label>
        </div>
      </div>
      <p class="hint" role="status" data-testid="keys-count">{i18n.t('manage.table.count', [shown.length, keys.length])}</p>
      <div class="table-wrap">
        <table class="keys-table" data-testid="keys-table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('manage.table.col_description')}</th>
              <th scope="col">{i18n.t('manage.table.col_type')}</th>
              <th scope="col">{i18n.t('manage.table.col_key')}</th>
              <th scope="col">{i18n.t('manage.table.col_created')}</th>
              <th scope="col">{i18n.t('manage.table.col_expires')}</th>
              <th scope="col">{i18n.t('manage.table.col_last_used')}</th>
              <th scope="col" class="num">{i18n.t('manage.table.col_seven_days')}</th>
              <th scope="col" class="num">{i18n.t('manage.table.col_period')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((k) => <Row key={k.id} k={k} held={held.has(k.id)} paused={paused.has(k.id)} labels={labels} onOpen={onOpen} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}
