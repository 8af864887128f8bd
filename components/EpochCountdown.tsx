import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';

const pad = (n: number) => String(n).padStart(2, '0');
const CLOCK = { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
const localClock = new Intl.DateTimeFormat(undefined, CLOCK);

/**
 * The reset's time of day in the person's zone, with the zone named ("12:00 AM UTC",
 * "7:00 PM EST"): the badge and the cap's period say "00:00 UTC", so a bare local
 * time would read as a different moment.
 */
export function resetClock(at: number, timeZone?: string): string {
  return (timeZone ? new Intl.DateTimeFormat(undefined, { ...CLOCK, timeZone }) : localClock).format(at);
}

/**
 * A countdown in hours and minutes, rounded up so it never says less than is left: "1 d 4 h",
 * "5 h 13 min", "4 min", "under 1 min". No seconds: a reset hours away needs no ticking second.
 */
export function countdownText(ms: number): string {
  const totalMinutes = Math.max(0, Math.ceil(ms / 60_000));
  if (ms < 60_000) return i18n.t('home.duration.under_minute');
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return i18n.t('home.duration.days', [String(days), String(hours)]);
  if (hours > 0) return i18n.t('home.duration.hours', [String(hours), pad(minutes)]);
  return i18n.t('home.duration.minutes', [String(minutes)]);
}

export interface EpochCountdownProps {
  /** nextEpochBegins from Venice (ISO). */
  iso: string;
  now?: () => number;
  /** Called once when the countdown reaches zero (the caps and DIEM allocation reset). */
  onElapsed?: () => void;
}

/** A live countdown to the next epoch, when daily caps and DIEM allocations reset. */
export function EpochCountdown({ iso, now = Date.now, onElapsed }: EpochCountdownProps) {
  const target = Date.parse(iso);
  const [current, setCurrent] = useState(now);
  useEffect(() => {
    setCurrent(now());
    if (Number.isNaN(target)) return;
    let fired = false;
    const id = setInterval(() => {
      const t = now();
      setCurrent(t);
      if (t >= target && !fired) {
        fired = true;
        clearInterval(id);
        onElapsed?.();
      }
    }, 1000);
    return () => clearInterval(id);
  }, [target]);
  if (Number.isNaN(target)) return null;
  const left = target - current;
  return (
    <p class="meta-line" data-testid="epoch">
      <span class="meta-label">{i18n.t('home.epoch.label')}</span>{' '}
      <time role="timer" dateTime={new Date(target).toISOString()} data-testid="countdown">
        {left > 0 ? countdownText(left) : i18n.t('home.epoch.now')}
      </time>{' '}
      {left > 0 && <span class="hint">{i18n.t('home.epoch.at', [resetClock(target)])}</span>}
    </p>
  );
}
