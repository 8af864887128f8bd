import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PollView } from '../lib/badge/schema';

/** Data older than this many polling periods is shown as possibly out of date (as on the badge). */
export const STALE_PERIODS = 3;

/** "Updated just now", "Updated 7 min ago", "Updated 3 h ago", "Not checked yet". */
export function updatedText(fetchedAt: number | null, now: number): string {
  if (fetchedAt === null) return i18n.t('home.fresh.never');
  const minutes = Math.floor(Math.max(0, now - fetchedAt) / 60_000);
  if (minutes < 1) return i18n.t('home.fresh.just_now');
  let age: string;
  if (minutes < 60) age = i18n.t('home.fresh.age_minutes', [String(minutes)]);
  else if (minutes < 48 * 60) age = i18n.t('home.fresh.age_hours', [String(Math.floor(minutes / 60))]);
  else age = i18n.t('home.fresh.age_days', [String(Math.floor(minutes / 1440))]);
  return i18n.t('home.fresh.ago', [age]);
}

export function isStale(poll: Pick<PollView, 'status' | 'fetchedAt'> | null, pollMinutes: number, now: number): boolean {
  if (!poll || poll.fetchedAt === null) return false;
  return poll.status === 'error' || now - poll.fetchedAt > STALE_PERIODS * pollMinutes * 60_000;
}

export interface StaleNoticeProps {
  poll: PollView | null;
  pollMinutes: number;
  refreshing: boolean;
  /** A sentence about the last refresh (e.g. asked too soon), or null. */
  note: string | null;
  onRefresh: () => void;
  now?: () => number;
}

/** How fresh the shown data is, a warning when it may be out of date, and the Refresh button. */
export function StaleNotice({ poll, pollMinutes, refreshing, note, onRefresh, now = Date.now }: StaleNoticeProps) {
  const [current, setCurrent] = useState(now);
  useEffect(() => {
    setCurrent(now());
    const id = setInterval(() => setCurrent(now()), 15_000);
    return () => clearInterval(id);
  }, [poll?.fetchedAt, poll?.attemptedAt]);
  const stale = isStale(poll, pollMinutes, current);
  const failed = poll?.status === 'error' && poll.error ? i18n.t('home.fresh.failed', [poll.error.message]) : null;
  return (
    <div class={`fresh${stale ? ' fresh-stale' : ''}`} data-testid="freshness" data-stale={String(stale)}>
      <div class="fresh-text">
        <p data-testid="updated">
          {updatedText(poll?.fetchedAt ?? null, current)}
          {stale && <> · <strong>{i18n.t('home.fresh.stale')}</strong></>}
        </p>
        <p class="fresh-note" role="status">{failed ?? note ?? ''}</p>
      </div>
      <button type="button" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
        {refreshing ? i18n.t('home.fresh.refreshing') : i18n.t('home.fresh.refresh')}
      </button>
    </div>
  );
}
