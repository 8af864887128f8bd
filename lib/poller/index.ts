export { POLL_ALARM, createPoller } from './poller';
export type { ActiveKey, Poller, PollerDeps, PollerStatus, PollOutcome, VaultState } from './poller';
export { PollEntrySchema, memoryPollCache, pollCacheItem, storagePollCache } from './cache';
export type { PollCache, PollEntry } from './cache';
export { FORCE_MIN_GAP_MS, MAX_BACKOFF_MS, delayAfter, nextDueAt, periodMs } from './schedule';
