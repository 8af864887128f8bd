/**
 * The last poll of each key, kept in storage.local (lib/storage/items.ts `pollCache`) so
 * the popup opens with data at once and can say how old it is. Metadata and balances
 * only: never a secret. The entry schema is zod/mini: the popup's first read parses it.
 */
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

/** Where poll results are kept; the toolbar takes one so tests can pass their own. */
export interface PollCache {
  get(keyId: string): Promise<PollEntry | null>;
  set(keyId: string, entry: PollEntry): Promise<void>;
  remove(keyId: string): Promise<void>;
}

/** The stored item behind the cache (WXT's item, or a fake). */
export interface PollCacheItem {
  getValue(): Promise<unknown>;
  setValue(value: Record<string, unknown>): Promise<void>;
}

/** The poll cache over its stored item; an entry that fails its schema reads as absent. */
export function storagePollCache(item: PollCacheItem): PollCache {
  const PollCacheSchema = z.record(z.string(), z.unknown());
  const readAll = async (): Promise<Record<string, unknown>> => {
    const parsed = z.safeParse(PollCacheSchema, await item.getValue());
    return parsed.success ? parsed.data : {};
  };
  return {
    async get(keyId) {
      const entry = z.safeParse(PollEntrySchema, (await readAll())[keyId]);
      return entry.success ? entry.data : null;
    },
    async set(keyId, entry) {
      const all = await readAll();
      await item.setValue({ ...all, [keyId]: z.parse(PollEntrySchema, entry) });
    },
    async remove(keyId) {
      const { [keyId]: _gone, ...rest } = await readAll();
      await item.setValue(rest);
    },
  };
}

/** A cache in memory, for tests and for a context without storage. */
export function memoryPollCache(): PollCache & { entries: Map<string, PollEntry> } {
  const entries = new Map<string, PollEntry>();
  return {
    entries,
    get: async (keyId) => entries.get(keyId) ?? null,
    set: async (keyId, entry) => void entries.set(keyId, z.parse(PollEntrySchema, entry)),
    remove: async (keyId) => void entries.delete(keyId),
  };
}
