/**
 * A stored poll result checked by hand, for the popup's first paint (entrypoints/popup/cached-state.ts),
 * which reads the poll cache without zod. The same answers as cache.ts's PollEntrySchema
 * (test/unit/shape/poll-entry-check.test.ts holds them together); the background parses with the schema.
 */
import { arrayOf, bool, nullable, num, oneOf, optional, shape, text } from '../shape/guards';
import type { PollEntry } from './cache';

const number = num();
const loose = false; // zod's object(): other keys are allowed
const limits = shape(
  {
    accessPermitted: bool,
    apiTier: optional(shape({ id: text(), isCharged: bool }, loose)),
    balances: shape({ USD: optional(number), DIEM: optional(number), BUNDLED_CREDITS: optional(number) }, loose),
    keyExpiration: nullable(text()),
    nextEpochBegins: text(),
    rateLimits: optional(
      arrayOf(shape({ apiModelId: optional(text()), rateLimits: arrayOf(shape({ type: text(), amount: number }, loose)) }, loose)),
    ),
  },
  loose,
);

const isPollEntry = shape(
  {
    status: oneOf(['ok', 'error', 'revoked']),
    attemptedAt: number,
    fetchedAt: nullable(number),
    limits: nullable(limits),
    error: nullable(shape({ code: text(), message: text(), action: text() }, loose)),
    failures: num(0, Infinity, true),
  },
  loose,
);

/** The entry when it fits, else null (read as "no poll yet", as the background reads it). */
export const pollEntryOf = (value: unknown): PollEntry | null => (isPollEntry(value) ? (value as PollEntry) : null);
