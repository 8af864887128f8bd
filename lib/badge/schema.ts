/**
 * What the badge is computed from: the non-secret facts about a key and the last
 * GET /api_keys/rate_limits result. The same schemas check the poll cache on read
 * and the status message the popup receives.
 */
import * as z from 'zod/mini';
import type { BadgeLevel } from './look';

export const LIMIT_PERIODS = ['EPOCH', 'MONTH', 'LIFETIME'] as const;

const amount = z.number().check(z.gte(0));

/** Balances the key can spend now (swagger: data.balances; each may be missing). */
export const BalancesSchema = z.object({
  USD: z.optional(z.number()),
  DIEM: z.optional(z.number()),
  BUNDLED_CREDITS: z.optional(z.number()),
});
export type Balances = z.infer<typeof BalancesSchema>;

/** The part of a rate-limits answer worth keeping: no per-model table, no secret. */
export const LimitsSnapshotSchema = z.object({
  accessPermitted: z.boolean(),
  apiTier: z.optional(z.object({ id: z.string(), isCharged: z.boolean() })),
  balances: BalancesSchema,
  keyExpiration: z.nullable(z.string()),
  nextEpochBegins: z.string(),
  /** Per-model limits (RPM, RPD, TPM), for the popup's table; video and music models have none. */
  rateLimits: z.optional(
    z.array(
      z.object({
        apiModelId: z.optional(z.string()),
        rateLimits: z.array(z.object({ type: z.string(), amount: z.number() })),
      }),
    ),
  ),
});
export type LimitsSnapshot = z.infer<typeof LimitsSnapshotSchema>;

/** A key as the badge sees it: its name, the last six characters and the caps asked for. */
export const BadgeKeySchema = z.object({
  id: z.string().check(z.minLength(1)),
  description: z.string().check(z.maxLength(200)),
  last6: z.string().check(z.maxLength(6)),
  limits: z.optional(z.object({ usd: z.optional(z.nullable(amount)), diem: z.optional(z.nullable(amount)) })),
  limitPeriod: z.optional(z.enum(LIMIT_PERIODS)),
  currentPeriodUsage: z.optional(z.object({ usd: z.optional(amount), diem: z.optional(amount) })),
});
export type BadgeKey = z.infer<typeof BadgeKeySchema>;

export const WireErrorDataSchema = z.object({ code: z.string(), message: z.string(), action: z.string() });

/** The last poll of one key: its outcome, when, and the last good result. */
export const PollViewSchema = z.object({
  status: z.enum(['ok', 'error', 'revoked']),
  attemptedAt: z.number(),
  fetchedAt: z.nullable(z.number()),
  limits: z.nullable(LimitsSnapshotSchema),
  error: z.nullable(WireErrorDataSchema),
});
export type PollView = z.infer<typeof PollViewSchema>;

/** What the toolbar button shows: text (at most 4 characters), background colour, tooltip, and its level. */
export interface Badge {
  text: string;
  color: string;
  title: string;
  level: BadgeLevel;
}

export interface BadgePrefs {
  badgeUnit: 'USD' | 'DIEM' | 'auto';
  lowBalanceRatio: number;
  lowBalanceAbsolute: number;
  /** The polling period; data older than three periods is shown as stale. */
  pollMinutes: number;
}

export type BadgeState =
  | { kind: 'locked' }
  | { kind: 'no-key' }
  | { kind: 'waiting-wallet' }
  | { kind: 'key'; key: BadgeKey; poll: PollView | null; prefs: BadgePrefs; now: number };

