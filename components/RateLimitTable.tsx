import { useState } from 'preact/hooks';
import { i18n } from '#i18n';

/** One model's limits as GET /api_keys/rate_limits lists them (data.rateLimits[]). */
export interface ModelLimits {
  apiModelId?: string;
  rateLimits: { type: string; amount: number }[];
}

const COLUMNS = ['RPM', 'TPM', 'RPD'] as const;
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const exact = new Intl.NumberFormat(undefined);

/** Reads the per-model list from a rate-limits snapshot, or null when the snapshot has none. */
export function modelLimitsOf(limits: unknown): ModelLimits[] | null {
  const list = (limits as { rateLimits?: unknown } | null)?.rateLimits;
  if (!Array.isArray(list)) return null;
  return list.filter(
    (m): m is ModelLimits =>
      typeof m === 'object' && m !== null && Array.isArray((m as ModelLimits).rateLimits) &&
      (m as ModelLimits).rateLimits.every((r) => typeof r?.type === 'string' && typeof r?.amount === 'number'),
  );
}

/** The models whose id contains the filter text (case and surrounding spaces ignored). */
export function filterModels(models: ModelLimits[], query: string): ModelLimits[] {
  const q = query.trim().toLowerCase();
  if (!q) return models;
  return models.filter((m) => (m.apiModelId ?? '').toLowerCase().includes(q));
}

function Cell({ model, type }: { model: ModelLimits; type: (typeof COLUMNS)[number] }) {
  const limit = model.rateLimits.find((r) => r.type === type);
  // "—" with the legend under the table; screen readers hear the words.
  if (!limit) return <td class="num none"><span aria-hidden="true">—</span><span class="visually-hidden">{i18n.t('home.limits.none')}</span></td>;
  return (
    <td class="num" title={exact.format(limit.amount)}>
      {compact.format(limit.amount)}
    </td>
  );
}

/** Per-model RPM / TPM / RPD of the key in an accessible table, with a text filter. */
export function RateLimitTable({ models }: { models: ModelLimits[] | null }) {
  const [query, setQuery] = useState('');
  const shown = models ? filterModels(models, query) : [];
  const names = { RPM: i18n.t('home.limits.rpm'), TPM: i18n.t('home.limits.tpm'), RPD: i18n.t('home.limits.rpd') };
  let body;
  if (models === null) body = <p class="hint">{i18n.t('home.limits.unavailable')}</p>;
  else if (models.length === 0) body = <p class="hint">{i18n.t('home.limits.empty')}</p>;
  else {
    body = (
      <>
        <div class="field">
          <label for="limits-filter">{i18n.t('home.limits.filter')}</label>
          <input
            id="limits-filter"
            type="search"
            value={query}
            placeholder={i18n.t('home.limits.filter_placeholder')}
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
        </div>
        <p class="hint" role="status" data-testid="limits-count">
          {shown.length === 0 ? i18n.t('home.limits.no_match', [query.trim()]) : i18n.t('home.limits.count', [String(shown.length), String(models.length)])}
        </p>
        <div class="table-wrap">
          <table class="limits">
            <caption>{i18n.t('home.limits.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('home.limits.model')}</th>
                {COLUMNS.map((c) => (
                  <th scope="col" class="num" key={c}>
                    <abbr title={names[c]}>{c}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((m, i) => (
                <tr key={`${m.apiModelId ?? ''}-${i}`}>
                  <th scope="row">{m.apiModelId || i18n.t('home.limits.unnamed')}</th>
                  {COLUMNS.map((c) => <Cell key={c} model={m} type={c} />)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {models.some((m) => COLUMNS.some((c) => !m.rateLimits.some((r) => r.type === c))) && (
          <p class="hint" data-testid="limits-legend">{i18n.t('home.limits.legend')}</p>
        )}
      </>
    );
  }
  return (
    <section class="card" aria-labelledby="limits-title" data-testid="rate-limits">
      <h2 id="limits-title">{i18n.t('home.limits.title')}</h2>
      {body}
    </section>
  );
}
