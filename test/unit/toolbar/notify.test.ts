import { describe, expect, it } from 'vitest';
import type { BadgePrefs, BadgeKey, PollView } from '../../../lib/badge/schema';
import { conditionsOf, noticesToFire } from '../../../lib/notify/conditions';
import { createNotifier } from '../../../lib/notify/notifier';

const NOW = Date.parse('2025-05-06T12:00:00Z');
const key: BadgeKey = { id: 'k1', description: 'Laptop', last6: 'abc123', limits: { usd: 100 } };
const prefs: BadgePrefs = { badgeUnit: 'USD', lowBalanceRatio: 0.1, lowBalanceAbsolute: 1, pollMinutes: 5 };
const all = { blocked: true, lowBalance: true, expiring: true };
const none = { blocked: false, lowBalance: false, expiring: false };

function poll(usd: number, extra: { accessPermitted?: boolean; keyExpiration?: string | null } = {}): PollView {
  return {
    status: 'ok',
    attemptedAt: NOW,
    fetchedAt: NOW,
    error: null,
    limits: { accessPermitted: true, keyExpiration: null, nextEpochBegins: '2025-05-07T00:00:00Z', balances: { USD: usd }, ...extra },
  };
}

describe('conditionsOf', () => {
  it.each<[string, PollView, typeof none]>([
    ['healthy', poll(50), none],
    ['low (under 10 % of the cap)', poll(5), { ...none, lowBalance: true }],
    ['blocked', poll(0, { accessPermitted: false }), { ...none, blocked: true }],
    ['expires in two days', poll(50, { keyExpiration: '2025-05-08T12:00:00Z' }), { ...none, expiring: true }],
    ['expires in five days', poll(50, { keyExpiration: '2025-05-11T12:00:00Z' }), none],
    ['already expired', poll(50, { keyExpiration: '2025-05-01T00:00:00Z' }), { ...none, blocked: true }],
    ['refused with 401', { ...poll(50), status: 'revoked' }, { ...none, blocked: true }],
    ['never fetched', { ...poll(50), status: 'error', limits: null }, none],
  ])('%s', (_name, p, expected) => expect(conditionsOf(key, p, prefs, NOW)).toEqual(expected));
});

describe('noticesToFire', () => {
  it('fires on a change to true, only for what is turned on', () => {
    expect(noticesToFire(none, all, all)).toEqual(['blocked', 'lowBalance', 'expiring']);
    expect(noticesToFire(undefined, { ...none, lowBalance: true }, all)).toEqual(['lowBalance']);
    expect(noticesToFire(none, all, { ...none, expiring: true })).toEqual(['expiring']);
    expect(noticesToFire(all, all, all)).toEqual([]);
  });
});

describe('createNotifier', () => {
  function setup(enabled = all, permitted = true) {
    let stored: unknown = {};
    const shown: { id: string; title: string; message: string }[] = [];
    const notify = createNotifier({
      getEnabled: async () => enabled,
      hasPermission: async () => permitted,
      show: async (id, n) => void shown.push({ id, ...n }),
      now: () => NOW,
      memory: { getValue: async () => stored, setValue: async (v) => void (stored = v) },
    });
    return { notify, shown, stored: () => stored };
  }

  it('fires each notice once per condition change', async () => {
    const { notify, shown } = setup();
    expect(await notify(key, poll(5), prefs)).toEqual(['lowBalance']);
    expect(await notify(key, poll(4), prefs)).toEqual([]);
    expect(await notify(key, poll(3), prefs)).toEqual([]);
    expect(await notify(key, poll(50), prefs)).toEqual([]);
    expect(await notify(key, poll(2), prefs)).toEqual(['lowBalance']);
    expect(shown.map((n) => n.id)).toEqual(['venice-lowBalance-k1', 'venice-lowBalance-k1']);
    expect(shown[0]!.message).toContain('Laptop (…abc123)');
  });

  it('stays silent when switched off or without the permission, and does not fire later for an old condition', async () => {
    const off = setup(none);
    expect(await off.notify(key, poll(0, { accessPermitted: false }), prefs)).toEqual([]);
    const noPermission = setup(all, false);
    expect(await noPermission.notify(key, poll(0, { accessPermitted: false }), prefs)).toEqual([]);
    expect(noPermission.shown).toEqual([]);
    expect(noPermission.stored()).toEqual({ k1: { ...none, blocked: true } });
  });

  it('recovers from a damaged memory', async () => {
    const { notify } = setup();
    const damaged = createNotifier({
      getEnabled: async () => all,
      hasPermission: async () => true,
      show: async () => undefined,
      now: () => NOW,
      memory: { getValue: async () => 'junk', setValue: async () => undefined },
    });
    await expect(damaged(key, poll(50, { accessPermitted: false }), prefs)).resolves.toEqual(['blocked']);
    await expect(notify(key, poll(50), prefs)).resolves.toEqual([]);
  });
});
