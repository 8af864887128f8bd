// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countdownText, EpochCountdown, resetClock } from '../../../components/EpochCountdown';
import { useEnglish } from '../vault/english';

describe('countdownText', () => {
  beforeEach(() => { useEnglish(); });

  it.each([
    [0, 'under 1 min'],
    [59_999, 'under 1 min'],
    [60_000, '1 min'],
    [(4 * 60 + 9) * 1000, '5 min'],
    [(5 * 3600 + 12 * 60 + 3) * 1000, '5 h 13 min'],
    [(5 * 3600 + 3 * 60) * 1000, '5 h 03 min'],
    [(28 * 3600 + 30 * 60) * 1000, '1 d 4 h'],
    [-5_000, 'under 1 min'],
  ])('%i ms -> %s', (ms, text) => {
    expect(countdownText(ms)).toBe(text);
  });
});

describe('EpochCountdown', () => {
  let clock: number;
  beforeEach(() => {
    useEnglish();
    vi.useFakeTimers();
    clock = Date.parse('2025-06-01T23:58:58.000Z');
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
  const tick = (ms: number) =>
    act(() => {
      clock += ms;
      vi.advanceTimersByTime(ms);
    });

  it('counts down in minutes to the next epoch, then says it is resetting and calls onElapsed once', async () => {
    const onElapsed = vi.fn();
    render(<EpochCountdown iso="2025-06-02T00:00:00.000Z" now={() => clock} onElapsed={onElapsed} />);
    const timer = screen.getByRole('timer');
    expect(timer.getAttribute('datetime')).toBe('2025-06-02T00:00:00.000Z');
    expect(timer.textContent).toBe('2 min');
    await tick(1000);
    expect(screen.getByRole('timer').textContent).toBe('2 min');
    await tick(2000);
    expect(screen.getByRole('timer').textContent).toBe('under 1 min');
    expect(onElapsed).not.toHaveBeenCalled();
    await tick(59_000);
    expect(screen.getByRole('timer').textContent).toBe('Resetting now…');
    expect(onElapsed).toHaveBeenCalledOnce();
    await tick(5000);
    expect(onElapsed).toHaveBeenCalledOnce();
  });

  it('starts again from a new epoch time and shows nothing for a time it cannot read', async () => {
    const { rerender, container } = render(<EpochCountdown iso="2025-06-02T00:00:00.000Z" now={() => clock} />);
    rerender(<EpochCountdown iso="2025-06-03T00:00:00.000Z" now={() => clock} />);
    expect(screen.getByRole('timer').textContent).toBe('1 d 0 h');
    rerender(<EpochCountdown iso="not a date" now={() => clock} />);
    expect(container.textContent).toBe('');
  });
});

describe('the reset time', () => {
  const midnightUtc = Date.parse('2025-06-02T00:00:00.000Z');

  it('names its time zone, so it reads like the badge title (00:00 UTC)', () => {
    expect(resetClock(midnightUtc, 'UTC')).toMatch(/^(12|00):00\s?(AM\s)?UTC$/);
    expect(resetClock(midnightUtc, 'America/New_York')).toMatch(/^(08:00\sPM|20:00) (EDT|GMT-4)$/);
  });

  it('is shown next to the countdown in the local zone, with the zone', () => {
    useEnglish();
    render(<EpochCountdown iso="2025-06-02T00:00:00.000Z" now={() => midnightUtc - 3_600_000} />);
    const hint = screen.getByTestId('epoch').querySelector('.hint')!;
    expect(hint.textContent).toBe(`at ${resetClock(midnightUtc)}`);
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(midnightUtc).find((p) => p.type === 'timeZoneName')!.value;
    expect(hint.textContent!.endsWith(zone)).toBe(true);
    cleanup();
  });
});
