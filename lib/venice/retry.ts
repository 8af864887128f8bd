/**
 * When and how long to wait before re-sending a GET: exponential backoff with
 * full jitter, or the wait the server asked for (x-ratelimit-reset-requests, a
 * Unix timestamp in seconds per the rate-limit page; a small number is taken as
 * seconds to wait; Retry-After; "Please wait 30s" in the text).
 */

/** Statuses worth re-sending a GET for (rate-limit page: 429, 500, 503). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 503]);

export interface RetryPolicy {
  /** Extra attempts after the first one. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server-requested wait longer than this is not waited for: the error is thrown at once. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxWaitMs: 10_000,
};

/** Full jitter: a random wait between 0 and min(maxDelay, base * 2^attempt). attempt counts from 0. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

function parseWaitValue(value: string, nowMs: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    if (n >= 1e12) return n - nowMs; // a timestamp in milliseconds
    if (n >= 1e9) return n * 1000 - nowMs; // a Unix timestamp in seconds (documented)
    return n * 1000; // seconds to wait
  }
  const date = Date.parse(trimmed); // Retry-After may be an HTTP date
  return Number.isNaN(date) ? undefined : date - nowMs;
}

/** The wait (ms, >= 0) the server asked for, or undefined when it did not say. */
export function serverWaitMs(headers: Headers, text: string | undefined, nowMs: number): number | undefined {
  for (const name of ['x-ratelimit-reset-requests', 'retry-after']) {
    const value = headers.get(name);
    const wait = value === null ? undefined : parseWaitValue(value, nowMs);
    if (wait !== undefined) return Math.max(0, Math.ceil(wait));
  }
  const match = text ? /wait (\d{1,4}) ?s(?:ec(?:ond)?s?)?\b/i.exec(text) : null;
  return match ? Number(match[1]) * 1000 : undefined;
}

/** Sleeps `ms`, or rejects with the signal's reason as soon as it aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
