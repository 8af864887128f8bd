/**
 * Contracts for the toolbar state the popup shows: the last poll of the active key
 * (balances, when, any error) and when the next poll is due. No secret. The badge
 * itself is drawn by the background (lib/badge) and not sent: the popup shows the
 * same data in full.
 */
import * as z from 'zod/mini';
import { BADGE_LEVELS } from '../badge/look';
import { BadgeKeySchema } from '../badge/schema';
import { POLL_OUTCOMES, PollEntrySchema } from '../toolbar/cache';
import { contract } from './protocol';

export const ToolbarStatusSchema = z.object({
  vault: z.enum(['empty', 'locked', 'unlocked']),
  waitingForWallet: z.boolean(),
  key: z.nullable(BadgeKeySchema),
  entry: z.nullable(PollEntrySchema),
  /** When the next request is due (ms since epoch), or null when none will be sent. */
  nextPollAt: z.nullable(z.number()),
  /** The background's clock when this was read, to tell the data's age. */
  now: z.number(),
  /**
   * What the badge shows for this state, for the popup's status chip. Absent in the popup's
   * first paint from storage (entrypoints/popup/cached-state.ts): the chip waits for the background.
   */
  badge: z.optional(z.object({ level: z.enum(BADGE_LEVELS), color: z.string().check(z.regex(/^#[0-9a-f]{6}$/i)) })),
});
export type ToolbarStatus = z.infer<typeof ToolbarStatusSchema>;

export const toolbarContracts = {
  /** The cached state at once, without a request. */
  'toolbar.get': contract(z.strictObject({}), ToolbarStatusSchema),
  /** Polls the active key now (at most once per 30 s), then returns the state and what happened. */
  'toolbar.refresh': contract(z.strictObject({}), z.extend(ToolbarStatusSchema, { outcome: z.enum(POLL_OUTCOMES) })),
};
