import { i18n } from '#i18n';
import type { Balances, BadgeKey } from '../lib/badge/schema';
import { formatAmount } from './BalanceSummary';

/** One capped currency: the cap, and what the key can still spend under it (null = not reported). */
export interface CapUse {
  unit: 'USD' | 'DIEM';
  cap: number;
  left: number | null;
}

/**
 * The caps the key was created with, against what Venice says it can spend now.
 * A USD cap covers USD and bundled credits together; a DIEM cap covers DIEM.
 * Venice reports balances already clamped to what the cap leaves, so "left" is exact,
 * while "used" is not (a small account balance also lowers it): the bar shows what is left.
 */
export function capUses(key: Pick<BadgeKey, 'limits'>, balances: Balances): CapUse[] {
  const uses: CapUse[] = [];
  const usd = key.limits?.usd;
  if (typeof usd === 'number') {
    const parts = [balances.USD, balances.BUNDLED_CREDITS].filter((n): n is number => typeof n === 'number');
    uses.push({ unit: 'USD', cap: usd, left: parts.length ? parts.reduce((a, b) => a + b, 0) : null });
  }
  const diem = key.limits?.diem;
  if (typeof diem === 'number') uses.push({ unit: 'DIEM', cap: diem, left: balances.DIEM ?? null });
  return uses;
}

function periodText(period: BadgeKey['limitPeriod']): string {
  if (period === 'MONTH') return i18n.t('home.usage.period_month');
  if (period === 'LIFETIME') return i18n.t('home.usage.period_lifetime');
  return i18n.t('home.usage.period_epoch');
}

function CapMeter({ use }: { use: CapUse }) {
  const label = use.unit === 'USD' ? i18n.t('home.usage.usd_cap') : i18n.t('home.usage.diem_cap');
  const cap = formatAmount(use.unit, use.cap);
  if (use.left === null) {
    return (
      <div class="cap">
        <span class="cap-label">{label}</span>
        <span class="hint">{i18n.t('home.usage.unknown', [cap])}</span>
      </div>
    );
  }
  const left = Math.max(0, Math.min(use.left, use.cap));
  const share = use.cap > 0 ? left / use.cap : 0;
  const text = i18n.t('home.usage.left', [formatAmount(use.unit, left), cap]);
  const id = `cap-${use.unit.toLowerCase()}`;
  return (
    <div class="cap" data-testid={id}>
      <div class="cap-row">
        <span class="cap-label" id={`${id}-label`}>{label}</span>
        <span class="cap-value">{text}</span>
      </div>
      <div
        class={`bar${share < 0.1 ? ' bar-low' : ''}`}
        role="meter"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={use.cap}
        aria-valuenow={left}
        aria-valuetext={text}
      >
        <div class="bar-fill" style={{ width: `${Math.round(share * 1000) / 10}%` }} />
      </div>
    </div>
  );
}

/** The key's spending cap for this period as a bar of what is left; nothing for a key without a cap. */
export function UsageBar({ meta, balances }: { meta: Pick<BadgeKey, 'limits' | 'limitPeriod'>; balances: Balances }) {
  const uses = capUses(meta, balances);
  if (uses.length === 0) return null;
  return (
    <section class="card" aria-labelledby="usage-title" data-testid="usage">
      <div class="card-head">
        <h2 id="usage-title">{i18n.t('home.usage.title')}</h2>
        <span class="hint">{periodText(meta.limitPeriod)}</span>
      </div>
      {uses.map((use) => <CapMeter key={use.unit} use={use} />)}
    </section>
  );
}
