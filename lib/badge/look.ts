/**
 * How the badge looks: its levels, colours and signs. No zod here: the popup imports these for its
 * status chip (components/StatusChip.tsx) and must stay free of schema code.
 */

/**
 * What the badge says, in one word: the popup's status chip shows the same level, so the two
 * never disagree (components/StatusChip.tsx).
 */
export const BADGE_LEVELS = ['ok', 'low', 'stale', 'blocked', 'gone', 'failed', 'checking', 'waiting', 'locked', 'none'] as const;
export type BadgeLevel = (typeof BADGE_LEVELS)[number];

/** Badge backgrounds, each at 4.5:1 or better under the white badge text (WCAG AA; test/unit/badge/contrast.test.ts). */
export const BADGE_COLORS = {
  normal: '#2f6f4e',
  low: '#9a5b00',
  alert: '#c62828',
  muted: '#6b7280',
} as const;

/** The badge's signs where a number would not do: one per state, so red "!" is never ambiguous. */
export const BADGE_SIGNS = {
  /** Venice blocks the key for now (access not permitted): it may come back. */
  blocked: '!',
  /** The key no longer works: revoked (Venice refused it) or past its expiry. Checking stops. */
  gone: '✕',
  /** No balance yet because the check failed. */
  failed: '?',
  checking: '…',
  locked: '•••',
} as const;
