/**
 * The key list's search, filters and sort, as pure functions over Venice's key records
 * (GET /api_keys), plus how much of its caps each key has used. Fast enough for 500 keys
 * on every keystroke: one pass to filter, one sort.
 */
import type { KeyRecord } from '../venice/schemas/keys';

export type SortField = 'created' | 'description' | 'expires' | 'lastUsed' | 'usage';
export interface TableQuery {
  search: string;
  type: 'all' | 'INFERENCE' | 'ADMIN';
  /** Expires within this many days (or already has an expiry that passed). */
  expiringDays: number | null;
  /** Uses more than 80% of a cap in the current period. */
  overCap: boolean;
  sort: SortField;
  descending: boolean;
}
export const DEFAULT_QUERY: TableQuery = { search: '', type: 'all', expiringDays: null, overCap: false, sort: 'created', descending: true };
export const OVER_CAP_RATIO = 0.8;

const amount = (text: string | undefined): number => (text === undefined ? 0 : Number(text));

/** The highest share of a cap used in the current period (0..), or null when the key has no USD or DIEM cap. */
export function capUse(key: KeyRecord): number | null {
  const ratios: number[] = [];
  for (const currency of ['usd', 'diem'] as const) {
    const cap = key.consumptionLimits[currency];
    if (cap === null || cap === undefined) continue;
    const used = amount(key.currentPeriodUsage?.[currency]);
    ratios.push(cap === 0 ? (used > 0 ? Infinity : 1) : used / cap);
  }
  return ratios.length ? Math.max(...ratios) : null;
}

const time = (iso: string | null | undefined, missing: number) => (iso ? Date.parse(iso) : missing);

function compare(field: SortField): (a: KeyRecord, b: KeyRecord) => number {
  switch (field) {
    case 'description': return (a, b) => (a.description ?? '').localeCompare(b.description ?? '');
    case 'expires': return (a, b) => time(a.expiresAt, Infinity) - time(b.expiresAt, Infinity);
    case 'lastUsed': return (a, b) => time(a.lastUsedAt, -Infinity) - time(b.lastUsedAt, -Infinity) || 0;
    case 'usage': return (a, b) => (capUse(a) ?? -1) - (capUse(b) ?? -1);
    default: return (a, b) => time(a.createdAt, 0) - time(b.createdAt, 0);
  }
}

export function applyQuery(keys: readonly KeyRecord[], query: TableQuery, now: number): KeyRecord[] {
  const needle = query.search.trim().toLowerCase();
  const horizon = query.expiringDays === null ? null : now + query.expiringDays * 86_400_000;
  const kept = keys.filter((key) => {
    if (query.type !== 'all' && key.apiKeyType !== query.type) return false;
    if (needle && !`${key.description ?? ''} ${key.last6Chars} ${key.id}`.toLowerCase().includes(needle)) return false;
    if (horizon !== null && !(key.expiresAt && Date.parse(key.expiresAt) <= horizon)) return false;
    if (query.overCap && !((capUse(key) ?? 0) > OVER_CAP_RATIO)) return false;
    return true;
  });
  const by = compare(query.sort);
  return kept.sort((a, b) => (query.descending ? by(b, a) : by(a, b)));
}
