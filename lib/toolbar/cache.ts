/**
 * The last poll of each key, kept in storage.local so the popup opens with data at
 * once and can say how old it is. Metadata and balances only: never a secret.
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { PollEntrySchema, type PollEntry } from './entry';

export { PollEntrySchema, type PollEntry };

const PollCacheSchema = z.record(z.string(), z.unknown());

/** Where poll results are kept; the poller takes one so tests can pass their own. */
export interface PollCache {
  get(keyId: string): Promise<PollEntry | null>;
  set(keyId: string, entry: PollEntry): Promise<void>;
  remove(keyId: string): Promise<void>;
}

export const pollCacheItem = storage.defineItem<Record<string, unknown>>('local:pollCache', {
  fallback: {},
  version: 1,
});

async function readAll(): Promise<Record<string, unknown>> {
  const parsed = PollCacheSchema.safeParse(await pollCacheItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** The poll cache in storage.local; an entry that fails its schema reads as absent. */
export const storagePollCache: PollCache = {
  async get(keyId) {
    const entry = PollEntrySchema.safeParse((await readAll())[keyId]);
    return entry.success ? entry.data : null;
  },
  async set(keyId, entry) {
    const all = await readAll();
    await pollCacheItem.setValue({ ...all, [keyId]: PollEntrySchema.parse(entry) });
  },
  async remove(keyId) {
    const { [keyId]: _gone, ...rest } = await readAll();
    await pollCacheItem.setValue(rest);
  },
};

/** A cache in memory, for tests and for a context without storage. */
export function memoryPollCache(): PollCache & { entries: Map<string, PollEntry> } {
  const entries = new Map<string, PollEntry>();
  return {
    entries,
    get: async (keyId) => entries.get(keyId) ?? null,
    set: async (keyId, entry) => void entries.set(keyId, PollEntrySchema.parse(entry)),
    remove: async (keyId) => void entries.delete(keyId),
  };
}
