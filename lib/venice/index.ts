export { VENICE_API_BASE, createVeniceClient } from './client';
export type { CallOptions, VeniceClient, VeniceClientOptions } from './client';
export type { FetchLike } from './http';
export { VeniceError, isVeniceError } from './venice-error';
export { mapHttpError } from './errors-map';
export type { ErrorContext } from './errors-map';
export { DEFAULT_RETRY_POLICY, RETRYABLE_STATUSES, backoffDelay, serverWaitMs } from './retry';
export type { RetryPolicy } from './retry';
export * from './schemas';
