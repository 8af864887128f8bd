export { POLL_ALARM, createPoller } from './poller';
export type { ActiveKey, Poller, PollerDeps, PollerStatus, PollOutcome, VaultState } from './poller';
export { memoryPollCache, pollCacheItem, storagePollCache } from './cache';
export { POLL_OUTCOMES, PollEntrySchema } from './entry';
export type { PollEntry } from './entry';
export type { PollCache } from './cache';
export { FORCE_MIN_GAP_MS, MAX_BACKOFF_MS, delayAfter, nextDueAt, periodMs } from './schedule';
export { statusHandlers } from './handlers';
