import { i18n } from '#i18n';
import type { LimitsSnapshot } from '../lib/badge/schema';

export type BalanceUnit = 'USD' | 'DIEM' | 'BUNDLED_CREDITS';

const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
const diem = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An amount rounded down (never shows more than can be spent): "$12.34", "1.5 DIEM". */
export function formatAmount(unit: BalanceUnit, value: number): string {
  const v = Number.isFinite(value) ? Math.max(0, value) : 0;
  if (unit === 'DIEM') return `${diem.format(Math.floor(v * 1e4 + 1e-9) / 1e4)} DIEM`;
  return money.format(Math.floor(v * 100 + 1e-9) / 100);
}

/** A date and time in the person's locale, or null for a text that is not a date. */
export function formatWhen(iso: string): string | null {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : dateTime.format(t);
}

/** In the order Venice spends them: DIEM, then bundled credits, then USD. */
const ROWS: { unit: BalanceUnit; label: () => string }[] = [
  { unit: 'DIEM', label: () => i18n.t('home.balance.diem') },
  { unit: 'BUNDLED_CREDITS', label: () => i18n.t('home.balance.bundled') },
  { unit: 'USD', label: () => i18n.t('home.balance.usd') },
];

function expiryText(expiresAt: string | null, now: number): string {
  if (!expiresAt) return i18n.t('home.expiry.never');
  const when = formatWhen(expiresAt) ?? expiresAt;
  return Date.parse(expiresAt) <= now ? i18n.t('home.expiry.expired', [when]) : i18n.t('home.expiry.on', [when]);
}

export interface BalanceSummaryProps {
  limits: LimitsSnapshot;
  /** Venice's keyExpiration, else the expiry the key was saved with; null = never. */
  expiresAt: string | null;
  now: number;
}

/** What the key can spend now and when it expires (whether Venice lets it: the status chip and HomeBlocked). */
export function BalanceSummary({ limits, expiresAt, now }: BalanceSummaryProps) {
  const expired = expiresAt !== null && Date.parse(expiresAt) <= now;
  return (
    <section class="card" aria-labelledby="balance-title" data-testid="balance-summary">
      <h2 id="balance-title">{i18n.t('home.balance.title')}</h2>
      <dl class="balances">
        {ROWS.map(({ unit, label }) => {
          const value = limits.balances[unit];
          return (
            <div key={unit} class="balance">
              <dt>{label()}</dt>
              {/* elementtiming: when the balance is painted (npm run bench -- popup_toolbar). */}
              <dd class={value === undefined ? 'missing' : undefined} elementtiming="balance">
                {value === undefined ? i18n.t('home.balance.missing') : formatAmount(unit, value)}
              </dd>
            </div>
          );
        })}
      </dl>
      {/* The words, one click away (a native disclosure: keyboard and screen readers work as is). */}
      <details class="glossary" data-testid="glossary">
        <summary>{i18n.t('home.glossary.summary')}</summary>
        <p><dfn>DIEM</dfn>: {i18n.t('home.glossary.diem')}</p>
        <p><dfn>{i18n.t('home.balance.bundled')}</dfn>: {i18n.t('home.glossary.bundled')}</p>
        <p><dfn>USD</dfn>: {i18n.t('home.glossary.usd')}</p>
      </details>
      <p class={`meta-line${expired ? ' text-alert' : ''}`}>
        <span class="meta-label">{i18n.t('home.expiry.label')}</span>{' '}
        <span data-testid="expiry">{expiryText(expiresAt, now)}</span>
      </p>
    </section>
  );
}
