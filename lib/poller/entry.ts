import { z } from 'zod';
import { PollViewSchema } from '../badge/schema';

/** One key's last poll as stored: the badge's view plus the failure count that drives the back-off. */
export const PollEntrySchema = PollViewSchema.extend({
  /** Failed polls in a row. */
  failures: z.number().int().min(0),
});
export type PollEntry = z.infer<typeof PollEntrySchema>;

export const POLL_OUTCOMES = ['locked', 'no-key', 'revoked', 'not-due', 'too-soon', 'polled', 'failed'] as const;
export type PollOutcome = (typeof POLL_OUTCOMES)[number];
