import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, BADGE_SIGNS } from '../../../lib/badge/look';
import { delayAfter, periodMs } from '../../../lib/toolbar/schedule';
import { KEY, MIN, SECRET, T0, world } from './harness';

describe('schedule', () => {
  it('never polls more often than every 30 seconds', () => {
    expect(periodMs(0.1)).toBe(30_000);
    expect(periodMs(Number.NaN)).toBe(30_000);
    expect(periodMs(5)).toBe(5 * MIN);
  });

  it('backs off as period × 2^n, capped at 30 minutes, never below the period', () => {
    const p = 5 * MIN;
    expect([0, 1, 2, 3, 4, 10, 1000].map((n) => delayAfter(p, n) / MIN)).toEqual([5, 10, 20, 30, 30, 30, 30]);
    expect(delayAfter(60 * MIN, 3)).toBe(60 * MIN);
  });
});

describe('poller', () => {
  it('makes one request per period for the active key, however often it is woken', async () => {
    const w = world();
    expect(await w.poller.tick()).toBe('polled');
    for (let i = 0; i < 10; i += 1) expect(await w.poller.tick()).toBe('not-due');
    await w.poller.handleAlarm({ name: 'venice-poll' });
    expect(w.requests).toHaveLength(1);
    await w.advance(60 * MIN);
    expect(w.requests.map((t) => (t - T0) / MIN)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
  });

  it('grows the wait after each failure up to 30 minutes, then resets on success', async () => {
    const w = world();
    w.failWith.code = 'SERVER_ERROR';
    expect(await w.poller.tick()).toBe('failed');
    await w.advance(2 * 60 * MIN);
    const gaps = w.requests.slice(1).map((t, i) => (t - w.requests[i]!) / MIN);
    expect(gaps.slice(0, 5)).toEqual([10, 20, 30, 30, 30]);
    expect((await w.cache.get(KEY.id))?.failures).toBe(w.requests.length);
    w.failWith.code = null;
    const before = w.requests.length;
    await w.advance(60 * MIN);
    expect(await w.cache.get(KEY.id)).toMatchObject({ status: 'ok', failures: 0 });
    const after = w.requests.slice(before);
    expect(after.length).toBeGreaterThanOrEqual(7);
    expect(new Set(after.slice(1).map((t, i) => (t - after[i]!) / MIN))).toEqual(new Set([5]));
  });

  it('keeps the last good result while a refresh fails', async () => {
    const w = world();
    await w.poller.tick();
    w.failWith.code = 'NETWORK_ERROR';
    await w.advance(5 * MIN);
    const entry = await w.cache.get(KEY.id);
    expect(entry).toMatchObject({ status: 'error', fetchedAt: T0, failures: 1, error: { code: 'NETWORK_ERROR' } });
    expect(entry?.limits?.balances.USD).toBe(50.23);
    expect(w.badges.at(-1)?.title).toContain('Could not refresh');
  });

  it('stops polling a key Venice refuses with 401, even when the popup asks', async () => {
    const w = world();
    w.failWith.code = 'AUTHENTICATION_FAILED';
    expect(await w.poller.tick()).toBe('revoked');
    expect(w.alarmAt()).toBeNull();
    await w.advance(24 * 60 * MIN);
    expect(await w.poller.pollNow()).toBe('revoked');
    expect(await w.poller.tick()).toBe('revoked');
    expect(w.requests).toHaveLength(1);
    expect(w.badges.at(-1)).toMatchObject({ text: BADGE_SIGNS.gone, color: BADGE_COLORS.alert });
  });

  it('sends nothing while the vault is locked and shows the grey badge', async () => {
    const w = world({ vault: 'locked' });
    expect(await w.poller.tick()).toBe('locked');
    expect(await w.poller.pollNow()).toBe('locked');
    await w.advance(60 * MIN);
    expect(w.requests).toHaveLength(0);
    expect(w.alarmAt()).toBeNull();
    expect(w.badges.at(-1)).toMatchObject({ text: '•••', color: '#6b7280' });
  });

  it('sends nothing without a key, and resumes once unlocked with a key', async () => {
    const w = world({ vault: 'empty', key: null });
    expect(await w.poller.tick()).toBe('no-key');
    expect(w.requests).toHaveLength(0);
    w.state.vault = 'unlocked';
    w.state.key = KEY;
    expect(await w.poller.pollNow()).toBe('polled');
    expect(w.badges.at(-1)).toMatchObject({ text: '$50', color: '#2f6f4e' });
  });

  it('polls at once when asked (popup, mint), but not twice within 30 seconds', async () => {
    const w = world();
    await w.poller.tick();
    await w.advance(20_000);
    expect(await w.poller.pollNow()).toBe('too-soon');
    await w.advance(20_000);
    expect(await w.poller.pollNow()).toBe('polled');
    expect(w.requests.map((t) => t - T0)).toEqual([0, 40_000]);
    await w.advance(5 * MIN - 1);
    expect(w.requests).toHaveLength(2);
  });

  it('runs concurrent wake-ups one after the other, so they cannot double a request', async () => {
    const w = world();
    const outcomes = await Promise.all([w.poller.tick(), w.poller.tick(), w.poller.pollNow(), w.poller.handleAlarm({ name: 'venice-poll' })]);
    expect(outcomes.slice(0, 3)).toEqual(['polled', 'not-due', 'too-soon']);
    expect(w.requests).toHaveLength(1);
  });

  it('follows a new polling period at once', async () => {
    const w = world({ pollMinutes: 30 });
    await w.poller.tick();
    w.prefs.pollMinutes = 1;
    await w.poller.refresh();
    await w.advance(3 * MIN);
    expect(w.requests.map((t) => (t - T0) / MIN)).toEqual([0, 1, 2, 3]);
  });

  it('stores balances and metadata but never the secret, even from an error text', async () => {
    const w = world();
    await w.poller.tick();
    let stored = JSON.stringify([...w.cache.entries]);
    expect(stored).toContain('50.23');
    expect(stored).toContain('"apiModelId":"m"'); // the per-model limits are kept for the popup's table
    expect(stored).not.toContain(SECRET);
    w.failWith.raw = new Error(`401 for Bearer ${SECRET}`);
    await w.advance(5 * MIN);
    stored = JSON.stringify([...w.cache.entries]) + JSON.stringify(w.badges);
    expect(stored).toContain('UNKNOWN');
    expect(stored).not.toContain(SECRET);
  });

  it('reads the secret only when a request is due, not on every wake-up or redraw', async () => {
    const w = world();
    await w.poller.tick();
    for (let i = 0; i < 5; i += 1) {
      await w.poller.tick();
      await w.poller.refresh();
      await w.poller.status();
    }
    expect(w.secretsRead).toHaveLength(1);
  });

  it('gives the popup the cached result and its age without a request; the badge says the same', async () => {
    const w = world();
    await w.poller.tick();
    await w.advance(2 * MIN);
    const status = await w.poller.status();
    expect(status).toMatchObject({ vault: 'unlocked', key: KEY.meta, nextPollAt: T0 + 5 * MIN, now: T0 + 2 * MIN });
    expect(status.entry?.fetchedAt).toBe(T0);
    // The popup's status chip gets the badge's level and colour, never its text or tooltip.
    expect(status.badge).toEqual({ level: 'ok', color: '#2f6f4e' });
    await w.poller.refresh();
    expect(w.badges.at(-1)?.title).toContain('Updated 2 min ago.');
    expect(w.badges.at(-1)).toMatchObject(status.badge);
    expect(w.requests).toHaveLength(1);
  });
});
