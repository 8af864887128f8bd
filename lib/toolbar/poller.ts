/**
 * lib/toolbar: the toolbar's watch over the active key (this poller, its cache and
 * schedule, which key to follow); lib/badge draws what it finds.
 *
 * Polls GET /api_keys/rate_limits for the active key with browser.alarms, backs off
 * after failures, stops for a key Venice refuses (401), never asks while the vault
 * is locked, keeps the last result and puts the badge on the toolbar after each change.
 */
import { serialQueue } from '../async/serial';
import { toAppError } from '../errors';
import { badgeFor } from '../badge/badge';
import { LimitsSnapshotSchema, type Badge, type BadgePrefs, type BadgeState, type BadgeKey } from '../badge/schema';
import type { PollCache } from './cache';
import type { PollEntry, PollOutcome } from './cache';
import { FORCE_MIN_GAP_MS, nextDueAt, periodMs } from './schedule';

export const POLL_ALARM = 'venice-poll';

/** The key to poll, without its secret: fetchRateLimits fetches that only when a request is due. */
export interface ActiveKey {
  id: string;
  apiBaseUrl: string;
  meta: BadgeKey;
}

export type VaultState = 'empty' | 'locked' | 'unlocked';

export interface ToolbarDeps {
  /** 'empty' when there is no vault or no key yet. */
  getVaultState(): Promise<VaultState>;
  /** The active key while unlocked, or null. Must not count as vault activity. */
  getActiveKey(): Promise<ActiveKey | null>;
  /**
   * GET /api_keys/rate_limits with the key's secret (read from the vault only here);
   * throws an AppError / AppException on failure. Called at most once per due poll.
   */
  fetchRateLimits(key: ActiveKey): Promise<unknown>;
  getPrefs(): Promise<BadgePrefs>;
  cache: PollCache;
  alarms: {
    create(name: string, info: { when: number }): unknown;
    clear(name: string): unknown;
  };
  now(): number;
  setBadge(badge: Badge): Promise<void>;
  /** True while a mint waits for the wallet's signature. */
  isWaitingForWallet?(): Promise<boolean>;
  /** Called after each poll of a key, e.g. to raise notifications. */
  onPolled?(key: BadgeKey, entry: PollEntry, prefs: BadgePrefs): Promise<void> | void;
}

export type { PollOutcome };

export interface ToolbarStatus {
  vault: VaultState;
  waitingForWallet: boolean;
  key: BadgeKey | null;
  entry: PollEntry | null;
  nextPollAt: number | null;
  now: number;
  /** What the badge shows for this state (its level and colour), for the popup's status chip. */
  badge: Pick<Badge, 'level' | 'color'>;
}

export function createToolbar(deps: ToolbarDeps) {
  const serial = serialQueue();

  async function snapshot(): Promise<{ status: ToolbarStatus; badge: Badge; active: ActiveKey | null; prefs: BadgePrefs }> {
    const now = deps.now();
    const [vault, waitingForWallet, prefs] = await Promise.all([
      deps.getVaultState(),
      deps.isWaitingForWallet?.() ?? Promise.resolve(false),
      deps.getPrefs(),
    ]);
    const active = vault === 'unlocked' ? await deps.getActiveKey() : null;
    const entry = active ? await deps.cache.get(active.id) : null;
    let badgeState: BadgeState;
    if (waitingForWallet) badgeState = { kind: 'waiting-wallet' };
    else if (vault === 'locked') badgeState = { kind: 'locked' };
    else if (!active) badgeState = { kind: 'no-key' };
    else badgeState = { kind: 'key', key: active.meta, poll: entry, prefs, now };
    const nextPollAt = active ? nextDueAt(entry, periodMs(prefs.pollMinutes), now) : null;
    const badge = badgeFor(badgeState);
    const status = { vault, waitingForWallet, key: active?.meta ?? null, entry, nextPollAt, now, badge: { level: badge.level, color: badge.color } };
    return { status, badge, active, prefs };
  }

  async function show(): Promise<ToolbarStatus> {
    const { status, badge } = await snapshot();
    if (status.nextPollAt === null) await deps.alarms.clear(POLL_ALARM);
    else await deps.alarms.create(POLL_ALARM, { when: Math.max(status.nextPollAt, status.now) });
    await deps.setBadge(badge);
    return status;
  }

  async function request(active: ActiveKey, previous: PollEntry | null, prefs: BadgePrefs): Promise<PollOutcome> {
    const attemptedAt = deps.now();
    let entry: PollEntry;
    try {
      const limits = LimitsSnapshotSchema.parse(await deps.fetchRateLimits(active));
      entry = { status: 'ok', attemptedAt, fetchedAt: attemptedAt, limits, error: null, failures: 0 };
    } catch (thrown) {
      const { code, message, action } = toAppError(thrown);
      const revoked = code === 'AUTHENTICATION_FAILED';
      entry = {
        status: revoked ? 'revoked' : 'error',
        attemptedAt,
        fetchedAt: previous?.fetchedAt ?? null,
        limits: previous?.limits ?? null,
        error: { code, message, action },
        failures: (previous?.failures ?? 0) + 1,
      };
    }
    await deps.cache.set(active.id, entry);
    await deps.onPolled?.(active.meta, entry, prefs);
    return entry.status === 'ok' ? 'polled' : entry.status === 'revoked' ? 'revoked' : 'failed';
  }

  async function run(force: boolean): Promise<PollOutcome> {
    const { status, active, prefs } = await snapshot();
    let outcome: PollOutcome;
    if (status.vault === 'locked') outcome = 'locked';
    else if (!active) outcome = 'no-key';
    else if (status.entry?.status === 'revoked') outcome = 'revoked';
    else if (force && status.entry && status.now - status.entry.attemptedAt < FORCE_MIN_GAP_MS) outcome = 'too-soon';
    else if (!force && status.nextPollAt !== null && status.now < status.nextPollAt) outcome = 'not-due';
    else outcome = await request(active, status.entry, prefs);
    await show();
    return outcome;
  }

  return {
    /** Polls the active key if it is due, then reschedules the alarm and redraws the badge. */
    tick: (): Promise<PollOutcome> => serial(() => run(false)),
    /** Polls at once (popup opened, key minted or imported) unless asked in the last 30 s. */
    pollNow: (): Promise<PollOutcome> => serial(() => run(true)),
    /** Redraws the badge and the alarm without any request (lock, unlock, settings change). */
    refresh: (): Promise<ToolbarStatus> => serial(show),
    /** What the popup shows: cached result, its age, next poll time. No request. */
    status: async (): Promise<ToolbarStatus> => (await snapshot()).status,
    /** Drops the cached result of a key (deleted or replaced). */
    forget: (keyId: string): Promise<void> => serial(() => deps.cache.remove(keyId)),
    /** The browser.alarms listener. */
    handleAlarm: async (alarm: { name: string }): Promise<void> => {
      if (alarm.name === POLL_ALARM) await serial(() => run(false));
    },
  };
}

