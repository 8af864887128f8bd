import { describe, expect, it } from 'vitest';
import { BADGE_COLORS } from '../../../lib/badge/look';
import { type BadgePrefs, type BadgeState, type BadgeKey, type PollView } from '../../../lib/badge/schema';
import { badgeFor } from '../../../lib/badge/badge';

const NOW = Date.parse('2025-05-06T12:00:00Z');
const prefs: BadgePrefs = { badgeUnit: 'auto', lowBalanceRatio: 0.1, lowBalanceAbsolute: 1, pollMinutes: 5 };
const key: BadgeKey = { id: 'k1', description: 'Laptop', last6: 'a1b2c3' };
const capped: BadgeKey = { ...key, limits: { usd: 100, diem: 50 }, limitPeriod: 'EPOCH', currentPeriodUsage: { usd: 95 } };

function poll(balances: Record<string, number>, over: Partial<PollView> = {}, limits: Record<string, unknown> = {}): PollView {
  return {
    status: 'ok',
    attemptedAt: NOW - 60_000,
    fetchedAt: NOW - 60_000,
    error: null,
    limits: {
      accessPermitted: true,
      balances,
      keyExpiration: null,
      nextEpochBegins: '2025-05-07T00:00:00.000Z',
      ...limits,
    },
    ...over,
  };
}
const state = (p: PollView | null, k: BadgeKey = key, pr: Partial<BadgePrefs> = {}): BadgeState => ({
  kind: 'key',
  key: k,
  poll: p,
  prefs: { ...prefs, ...pr },
  now: NOW,
});
const err = { code: 'NETWORK_ERROR', message: 'Could not reach Venice.', action: 'retry' };

describe('badgeFor: text and colour over a table of states', () => {
  it.each<[string, BadgeState, string, string, string]>([
    ['locked', { kind: 'locked' }, '•••', BADGE_COLORS.muted, 'locked'],
    ['no key', { kind: 'no-key' }, '', BADGE_COLORS.muted, 'none'],
    ['mint waiting for the wallet', { kind: 'waiting-wallet' }, '…', BADGE_COLORS.muted, 'waiting'],
    ['key, not checked yet', state(null), '…', BADGE_COLORS.muted, 'checking'],
    ['key, first check failed', state({ ...poll({}), status: 'error', limits: null, fetchedAt: null, error: err }), '?', BADGE_COLORS.muted, 'failed'],
    ['DIEM first in auto', state(poll({ DIEM: 12.34, USD: 50 })), '12.3', BADGE_COLORS.normal, 'ok'],
    ['bundled credits before USD', state(poll({ DIEM: 0, BUNDLED_CREDITS: 7.5, USD: 50 })), '$7.5', BADGE_COLORS.normal, 'ok'],
    ['USD when nothing else is left', state(poll({ DIEM: 0, USD: 50.23 })), '$50', BADGE_COLORS.normal, 'ok'],
    ['USD chosen explicitly', state(poll({ DIEM: 1200, USD: 1234.5 }), key, { badgeUnit: 'USD' }), '1.2k', BADGE_COLORS.normal, 'ok'],
    ['DIEM chosen explicitly', state(poll({ DIEM: 1200, USD: 5 }), key, { badgeUnit: 'DIEM' }), '1.2k', BADGE_COLORS.normal, 'ok'],
    ['under the absolute floor', state(poll({ USD: 0.5 })), '$0.5', BADGE_COLORS.low, 'low'],
    ['under 10 % of the USD cap', state(poll({ USD: 5 }), capped), '$5', BADGE_COLORS.low, 'low'],
    ['above 10 % of the cap', state(poll({ USD: 11 }), capped), '$11', BADGE_COLORS.normal, 'ok'],
    ['nothing at all', state(poll({})), '?', BADGE_COLORS.normal, 'failed'],
    ['access not permitted', state(poll({ USD: 0 }, {}, { accessPermitted: false })), '!', BADGE_COLORS.alert, 'blocked'],
    ['expired key', state(poll({ USD: 20 }, {}, { keyExpiration: '2025-05-01T00:00:00Z' })), '✕', BADGE_COLORS.alert, 'gone'],
    ['revoked (401)', state({ ...poll({ USD: 20 }), status: 'revoked' }), '✕', BADGE_COLORS.alert, 'gone'],
    ['refresh failed, last data kept', state({ ...poll({ USD: 20 }), status: 'error', error: err }), '$20', BADGE_COLORS.muted, 'stale'],
    ['data older than three periods', state(poll({ USD: 20 }, { fetchedAt: NOW - 16 * 60_000 })), '$20', BADGE_COLORS.muted, 'stale'],
  ])('%s', (_name, s, text, color, level) => {
    const badge = badgeFor(s);
    expect(badge.text).toBe(text);
    expect(badge.color).toBe(color);
    expect(badge.level).toBe(level);
    expect(badge.text.length).toBeLessThanOrEqual(4);
    expect(badge.title.length).toBeGreaterThan(10);
  });
});

describe('badgeFor: the tooltip in words', () => {
  it('names the key, the balances, the cap with its usage, the reset and the age', () => {
    const title = badgeFor(state(poll({ DIEM: 30, USD: 50 }), capped)).title;
    expect(title.split('\n')).toEqual([
      'Laptop (…a1b2c3)',
      'Can spend: 30 DIEM, $50.00 USD',
      'Cap: $100.00 USD (used $95.00) and 50 DIEM per day (UTC)',
      'Next reset: 2025-05-07 00:00 UTC (in 12 h)',
      'Updated 1 min ago.',
    ]);
  });

  it('says why the balance is low', () => {
    expect(badgeFor(state(poll({ USD: 5 }), capped)).title).toContain('Low: under 10 % of the cap');
    expect(badgeFor(state(poll({ USD: 0.5 }))).title).toContain('Low: under 1 USD');
  });

  it('explains a block, an expiry soon and a failed refresh', () => {
    expect(badgeFor(state(poll({}, {}, { accessPermitted: false }))).title).toContain('Access blocked');
    const soon = badgeFor(state(poll({ USD: 20 }, {}, { keyExpiration: '2025-05-08T10:00:00Z' }))).title;
    expect(soon).toContain('Expires: 2025-05-08 10:00 UTC (in 46 h)');
    const failed = badgeFor(state({ ...poll({ USD: 20 }), status: 'error', error: err })).title;
    expect(failed).toContain('Could not refresh: Could not reach Venice. Updated 1 min ago.');
  });

  it('tells a revoked key apart from a low one', () => {
    expect(badgeFor(state({ ...poll({ USD: 20 }), status: 'revoked' })).title).toMatch(/revoked, wrong or expired/);
  });

  it('uses a generic name and a month period when the key has no description', () => {
    const monthly: BadgeKey = { id: 'k2', description: '', last6: '', limits: { diem: 10 }, limitPeriod: 'MONTH' };
    const title = badgeFor(state(poll({ DIEM: 9 }), monthly)).title;
    expect(title.startsWith('API key\n')).toBe(true);
    expect(title).toContain('Cap: 10 DIEM per month');
  });
});
