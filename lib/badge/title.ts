import type { Assessment } from './assess';
import { formatDiem, formatDuration, formatUsd, formatUtc } from './format';
import type { BadgePrefs, BadgeKey, LimitsSnapshot } from './schema';

const PERIOD_WORDS = { EPOCH: 'per day (UTC)', MONTH: 'per month', LIFETIME: 'in total' } as const;

export function keyName(key: BadgeKey): string {
  const name = key.description.trim() || 'API key';
  return key.last6 ? `${name} (…${key.last6})` : name;
}

export function balanceLine(balances: LimitsSnapshot['balances']): string {
  const parts: string[] = [];
  if (balances.DIEM !== undefined) parts.push(formatDiem(balances.DIEM));
  if (balances.BUNDLED_CREDITS !== undefined) parts.push(`${formatUsd(balances.BUNDLED_CREDITS)} bundled credits`);
  if (balances.USD !== undefined) parts.push(`${formatUsd(balances.USD)} USD`);
  return parts.length ? `Can spend: ${parts.join(', ')}` : 'Can spend: no balance reported';
}

/** "Cap: $10.00 USD per day (UTC), used $2.50" or null when the key has no cap. */
export function capLine(key: BadgeKey): string | null {
  const caps: string[] = [];
  const usage = key.currentPeriodUsage;
  const usd = key.limits?.usd;
  const diem = key.limits?.diem;
  if (typeof usd === 'number') caps.push(`${formatUsd(usd)} USD${usage?.usd !== undefined ? ` (used ${formatUsd(usage.usd)})` : ''}`);
  if (typeof diem === 'number') caps.push(`${formatDiem(diem)}${usage?.diem !== undefined ? ` (used ${formatDiem(usage.diem)})` : ''}`);
  if (!caps.length) return null;
  return `Cap: ${caps.join(' and ')} ${PERIOD_WORDS[key.limitPeriod ?? 'EPOCH']}`;
}

function when(iso: string, now: number, lead: string): string | null {
  const date = formatUtc(iso);
  if (!date) return null;
  const delta = Date.parse(iso) - now;
  return delta > 0 ? `${lead} ${date} (in ${formatDuration(delta)})` : `${lead} ${date}`;
}

function lowLine(a: Assessment, prefs: BadgePrefs): string | null {
  if (!a.low || a.amount === null) return null;
  const unit = a.unit === 'DIEM' ? 'DIEM' : 'USD';
  if (a.cap !== null && a.amount < prefs.lowBalanceRatio * a.cap) return `Low: under ${Math.round(prefs.lowBalanceRatio * 100)} % of the cap`;
  return `Low: under ${prefs.lowBalanceAbsolute} ${unit}`;
}

/** The lines of the toolbar tooltip for a key with a rate-limits result. */
export function limitsTitle(key: BadgeKey, limits: LimitsSnapshot, a: Assessment, prefs: BadgePrefs, now: number): string[] {
  const lines = [keyName(key)];
  if (a.expired) lines.push('This key has expired: Venice will refuse it.');
  else if (a.blocked) lines.push('Access blocked: Venice will refuse requests (no balance left, key cap reached or account disabled).');
  lines.push(balanceLine(limits.balances));
  const low = lowLine(a, prefs);
  if (low) lines.push(low);
  const cap = capLine(key);
  if (cap) lines.push(cap);
  const reset = when(limits.nextEpochBegins, now, 'Next reset:');
  if (reset) lines.push(reset);
  if (limits.keyExpiration) {
    const expiry = when(limits.keyExpiration, now, a.expired ? 'Expired:' : 'Expires:');
    if (expiry) lines.push(expiry);
  }
  return lines;
}
