/** A fake world for the poller: a clock, alarms that fire when the clock passes them, a counting fetch. */
import { appError, AppException, type ErrorCode } from '../../../lib/errors';
import type { Badge, BadgePrefs } from '../../../lib/badge/schema';
import { memoryPollCache } from '../../../lib/toolbar/cache';
import { createToolbar, type ActiveKey, type VaultState } from '../../../lib/toolbar/poller';

export const T0 = Date.parse('2025-05-06T12:00:00Z');
export const MIN = 60_000;

export const SECRET = 'VENICE_INFERENCE_KEY_do_not_store_me';
export const KEY: ActiveKey = {
  id: 'key-1',
  apiBaseUrl: 'https://api.venice.ai/api/v1',
  meta: { id: 'key-1', description: 'Laptop', last6: 'me1234' },
};

export const LIMITS = {
  accessPermitted: true,
  apiTier: { id: 'paid', isCharged: true },
  balances: { USD: 50.23, DIEM: 0 },
  keyExpiration: null,
  nextEpochBegins: '2025-05-07T00:00:00.000Z',
  rateLimits: [{ apiModelId: 'm', rateLimits: [{ type: 'RPM', amount: 20 }] }],
};

export function world(options: { vault?: VaultState; key?: ActiveKey | null; pollMinutes?: number } = {}) {
  let now = T0;
  let alarm: number | null = null;
  const requests: number[] = [];
  const badges: Badge[] = [];
  const failWith: { code: ErrorCode | null; raw?: Error } = { code: null };
  const secretsRead: number[] = [];
  const state = { vault: options.vault ?? 'unlocked', key: options.key === undefined ? KEY : options.key };
  const prefs: BadgePrefs = { badgeUnit: 'auto', lowBalanceRatio: 0.1, lowBalanceAbsolute: 1, pollMinutes: options.pollMinutes ?? 5 };
  const cache = memoryPollCache();
  const poller = createToolbar({
    getVaultState: async () => state.vault,
    getActiveKey: async () => state.key,
    fetchRateLimits: async () => {
      secretsRead.push(now);
      requests.push(now);
      if (failWith.raw) throw failWith.raw;
      if (failWith.code) throw new AppException(appError(failWith.code));
      return LIMITS;
    },
    getPrefs: async () => prefs,
    cache,
    alarms: {
      create: (_name, { when }) => void (alarm = when),
      clear: () => void (alarm = null),
    },
    now: () => now,
    setBadge: async (badge) => void badges.push(badge),
  });

  /** Moves the clock, firing the alarm each time it falls due (as the browser would). */
  async function advance(ms: number): Promise<void> {
    const end = now + ms;
    while (alarm !== null && alarm <= end) {
      now = Math.max(now, alarm);
      alarm = null;
      await poller.handleAlarm({ name: 'venice-poll' });
    }
    now = end;
  }

  return { poller, cache, requests, secretsRead, badges, failWith, state, prefs, advance, alarmAt: () => alarm, now: () => now };
}
