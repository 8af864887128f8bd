import { assess } from '../badge/assess';
import type { BadgePrefs, BadgeKey, PollView } from '../badge/schema';

export const NOTICE_KINDS = ['blocked', 'lowBalance', 'expiring'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type Conditions = Record<NoticeKind, boolean>;

/** Which warning conditions hold for a key after a poll. A refused (401) key counts as blocked. */
export function conditionsOf(key: BadgeKey, poll: PollView, prefs: BadgePrefs, now: number): Conditions {
  if (poll.status === 'revoked') return { blocked: true, lowBalance: false, expiring: false };
  if (!poll.limits) return { blocked: false, lowBalance: false, expiring: false };
  const a = assess(poll.limits, key, prefs, now);
  return { blocked: a.blocked || a.expired, lowBalance: a.low && !a.blocked, expiring: a.expiresSoon };
}

/**
 * The notices to show: a condition that was not true at the last poll and is now,
 * and that the person turned on. Each fires once per change; it can fire again
 * only after it has cleared.
 */
export function noticesToFire(previous: Conditions | undefined, current: Conditions, enabled: Conditions): NoticeKind[] {
  return NOTICE_KINDS.filter((kind) => enabled[kind] && current[kind] && !previous?.[kind]);
}
