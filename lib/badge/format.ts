/** Small, locale-independent number and time formats for the badge and its title. */

function floorTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.floor(value * factor + 1e-9) / factor;
}

function trim(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function shortest(value: number, decimals: number[], suffix: string, maxChars: number): string | null {
  for (const d of decimals) {
    let text = trim(floorTo(value, d).toFixed(d));
    if (text.startsWith('0.') && text.length + suffix.length > maxChars) text = text.slice(1);
    if (text.length + suffix.length <= maxChars) return text + suffix;
  }
  return null;
}

/**
 * A non-negative amount in at most `maxChars` characters, rounded down so the badge
 * never shows more than can be spent: 12.34 → "12.3", 1234 → "1.2k", 0.05 → "0.05".
 */
export function compactAmount(value: number, maxChars = 4): string {
  const v = Number.isFinite(value) ? Math.max(0, value) : 0;
  if (v < 1000) {
    const small = shortest(v, [2, 1, 0], '', maxChars);
    if (small !== null) return small;
  }
  for (const [size, suffix] of [[1e3, 'k'], [1e6, 'M'], [1e9, 'B'], [1e12, 'T']] as const) {
    const scaled = floorTo(v / size, 1);
    if (scaled >= 1000) continue;
    const text = shortest(v / size, [1, 0], suffix, maxChars);
    if (text !== null) return text;
  }
  return '∞';
}

/** A USD amount with a `$` when it fits in `maxChars`: 50 → "$50", 1234.5 → "1.2k". */
export function compactUsd(value: number, maxChars = 4): string {
  const withSign = compactAmount(value, maxChars - 1);
  const plain = compactAmount(value, maxChars);
  return value < 1000 || withSign === plain ? `$${withSign}` : plain;
}

const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToFour = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

export function formatUsd(value: number): string {
  return `$${twoDecimals.format(value)}`;
}

export function formatDiem(value: number): string {
  return `${upToFour.format(value)} DIEM`;
}

/** A span of time in words: "under a minute", "12 min", "3 h 5 min", "4 days". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** An instant as "2025-05-07 00:00 UTC", or null for a text that is not a date. */
export function formatUtc(iso: string): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
