import * as z from 'zod/mini';
import { PollViewSchema } from '../badge/schema';

/** One key's last poll as stored: the badge's view plus the failure count that drives the back-off. */
export const PollEntrySchema = z.extend(PollViewSchema, {
  /** Failed polls in a row. */
  failures: z.number().check(z.int(), z.gte(0)),
});
export type PollEntry = z.infer<typeof PollEntrySchema>;

export const POLL_OUTCOMES = ['locked', 'no-key', 'revoked', 'not-due', 'too-soon', 'polled', 'failed'] as const;
export type PollOutcome = (typeof POLL_OUTCOMES)[number];
