import type { BadgePrefs, BadgeKey, LimitsSnapshot } from './schema';

/** Warn this long before a key expires. */
export const EXPIRY_WARNING_MS = 3 * 24 * 60 * 60 * 1000;

export type ShownUnit = 'USD' | 'DIEM' | 'BUNDLED_CREDITS';

export interface Assessment {
  /** The balance the badge shows, or null when Venice reported none. */
  unit: ShownUnit;
  amount: number | null;
  /** The key's cap in that unit (USD caps bundled credits too), or null when uncapped. */
  cap: number | null;
  low: boolean;
  blocked: boolean;
  expired: boolean;
  expiresSoon: boolean;
}

const positive = (n: number | undefined): n is number => typeof n === 'number' && n > 0;

/**
 * Picks the balance to show. `auto` follows the order Venice spends in (DIEM, then
 * bundled credits, then USD): the first one with something left, else DIEM or USD.
 */
export function chooseUnit(balances: LimitsSnapshot['balances'], unit: BadgePrefs['badgeUnit']): ShownUnit {
  if (unit !== 'auto') return unit;
  if (positive(balances.DIEM)) return 'DIEM';
  if (positive(balances.BUNDLED_CREDITS)) return 'BUNDLED_CREDITS';
  if (positive(balances.USD)) return 'USD';
  return balances.DIEM !== undefined ? 'DIEM' : 'USD';
}

/** Everything the badge, its title and the notifications decide from, in one place. */
export function assess(limits: LimitsSnapshot, key: BadgeKey, prefs: BadgePrefs, now: number): Assessment {
  const unit = chooseUnit(limits.balances, prefs.badgeUnit);
  const amount = limits.balances[unit] ?? null;
  const rawCap = unit === 'DIEM' ? key.limits?.diem : key.limits?.usd;
  const cap = typeof rawCap === 'number' && rawCap > 0 ? rawCap : null;
  const low =
    amount !== null && (amount < prefs.lowBalanceAbsolute || (cap !== null && amount < prefs.lowBalanceRatio * cap));
  const expiry = limits.keyExpiration ? Date.parse(limits.keyExpiration) : Number.NaN;
  const expired = !Number.isNaN(expiry) && expiry <= now;
  const expiresSoon = !Number.isNaN(expiry) && !expired && expiry - now <= EXPIRY_WARNING_MS;
  return { unit, amount, cap, low, blocked: !limits.accessPermitted, expired, expiresSoon };
}
