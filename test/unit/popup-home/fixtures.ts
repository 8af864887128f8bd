// Builders for the home screen's tests: a status as the background sends it and a fake HomeApi.
import { vi } from 'vitest';
import type { HomeApi, HomeKey } from '../../../components/home-api';
import { badgeFor } from '../../../lib/badge/badge';
import type { BadgeState, LimitsSnapshot } from '../../../lib/badge/schema';
import type { ToolbarStatus } from '../../../lib/messaging/toolbar';
import type { PollEntry, PollOutcome } from '../../../lib/toolbar/cache';

export const NOW = Date.parse('2025-06-01T21:30:00.000Z');
export const NEXT_EPOCH = '2025-06-02T00:00:00.000Z';

export const KEY_A: HomeKey = { id: '11111111-1111-4111-8111-111111111111', description: 'Laptop', last6: 'aaaaaa', expiresAt: null };
export const KEY_B: HomeKey = { id: '22222222-2222-4222-8222-222222222222', description: 'Agent', last6: 'bbbbbb', expiresAt: '2025-07-01T00:00:00.000Z' };

export const MODELS = [
  { apiModelId: 'qwen3-4b', rateLimits: [{ type: 'RPM', amount: 500 }, { type: 'TPM', amount: 1_000_000 }] },
  { apiModelId: 'Qwen3-235B-A22B', rateLimits: [{ type: 'RPM', amount: 20 }, { type: 'TPM', amount: 500_000 }, { type: 'RPD', amount: 10_000 }] },
  { apiModelId: 'venice-sd35', rateLimits: [{ type: 'RPM', amount: 20 }] },
  { apiModelId: 'wan-2.5-preview-text-to-video', rateLimits: [] },
];

export function limits(overrides: Partial<LimitsSnapshot> = {}): LimitsSnapshot {
  return {
    accessPermitted: true,
    balances: { USD: 12.5, DIEM: 1.25, BUNDLED_CREDITS: 0 },
    keyExpiration: null,
    nextEpochBegins: NEXT_EPOCH,
    ...overrides,
  };
}

export function entry(overrides: Partial<PollEntry> = {}): PollEntry {
  return { status: 'ok', attemptedAt: NOW - 60_000, fetchedAt: NOW - 60_000, limits: limits(), error: null, failures: 0, ...overrides };
}

const PREFS = { badgeUnit: 'auto', lowBalanceRatio: 0.1, lowBalanceAbsolute: 1, pollMinutes: 5 } as const;

/** A status as the background sends it, its badge level and colour computed by the real badgeFor (unless given). */
export function status(overrides: Partial<ToolbarStatus> = {}): ToolbarStatus {
  const s: ToolbarStatus = {
    vault: 'unlocked',
    waitingForWallet: false,
    key: { id: KEY_A.id, description: KEY_A.description, last6: KEY_A.last6 },
    entry: entry(),
    nextPollAt: NOW + 240_000,
    now: NOW,
    ...overrides,
  };
  if ('badge' in overrides) return s;
  const state: BadgeState = s.waitingForWallet ? { kind: 'waiting-wallet' } : s.vault === 'locked' ? { kind: 'locked' }
    : !s.key ? { kind: 'no-key' } : { kind: 'key', key: s.key, poll: s.entry, prefs: PREFS, now: s.now };
  const { level, color } = badgeFor(state);
  return { ...s, badge: { level, color } };
}

export const refreshed = (s: ToolbarStatus, outcome: PollOutcome = 'polled') => ({ ...s, outcome });

type Fake = { [K in keyof HomeApi]: ReturnType<typeof vi.fn> & HomeApi[K] };

/** A HomeApi whose every method is a vi.fn; by default one key, fresh data, refresh answers 'polled'. */
export function fakeHomeApi(overrides: Partial<HomeApi> = {}): Fake {
  const api = {
    status: vi.fn(async () => status()),
    refresh: vi.fn(async () => refreshed(status())),
    keys: vi.fn(async () => [KEY_A]),
    pollMinutes: vi.fn(async () => 5),
    setActiveKey: vi.fn(async () => undefined),
    ...overrides,
  };
  return api as Fake;
}

/** A promise and the functions that settle it, to hold a call open. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
