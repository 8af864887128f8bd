/**
 * Runs one logical call: builds the URL and headers, sends it, re-sends a GET on
 * 429/500/503 or a network error (bounded, backoff with full jitter or the wait
 * the server named), and parses the answer. Nothing else is ever re-sent.
 */
import type * as z from 'zod/mini';
import { errorFromAnswer, fetchOnce, parseCsv, parseSuccess, type FetchLike } from './http';
import { RETRYABLE_STATUSES, backoffDelay, type RetryPolicy } from './retry';
import { isVeniceError, veniceError, type VeniceError } from './venice-error';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Transport {
  baseUrl: string;
  /** Whether this build may send a key, token or signature to a URL (lib/settings/build-policy.ts). */
  allowed: (url: string) => boolean;
  fetch: FetchLike;
  timeoutMs: number;
  policy: RetryPolicy;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
}

export interface RequestSpec<T> {
  method: HttpMethod;
  /** Path under the base URL, already encoded, starting with "/". */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** The Bearer key, for routes that need one. */
  apiKey?: string;
  /** Extra headers (the SIWX header). */
  headers?: Record<string, string>;
  /** `text/csv`: the answer is CSV, given to `schema` as `{csv, nextCursor}` (x-next-cursor). Default JSON. */
  accept?: 'text/csv';
  schema: z.ZodMiniType<T>;
  /** Values to scrub from any server text kept in an error. */
  secrets: ReadonlyArray<string | undefined>;
  signal?: AbortSignal;
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return '(not an address)';
  }
};

function buildUrl(baseUrl: string, path: string, query?: Record<string, string>): string {
  const search = query ? `?${new URLSearchParams(query).toString()}` : '';
  return `${baseUrl.replace(/\/+$/, '')}${path}${search}`;
}

function buildInit<T>(spec: RequestSpec<T>): RequestInit {
  const headers: Record<string, string> = { Accept: spec.accept ?? 'application/json', ...spec.headers };
  if (spec.apiKey !== undefined) headers.Authorization = `Bearer ${spec.apiKey}`;
  // A redirect would carry the key or signature to wherever the answer points: refused.
  const init: RequestInit = { method: spec.method, headers, cache: 'no-store', credentials: 'omit', redirect: 'error' };
  if (spec.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(spec.body);
  }
  return init;
}

/** The wait before the next try, or undefined when this error must not be retried. */
function nextWait(error: VeniceError, attempt: number, transport: Transport): number | undefined {
  const retryable = error.code === 'NETWORK_ERROR' || (error.status !== undefined && RETRYABLE_STATUSES.has(error.status));
  if (!retryable || attempt >= transport.policy.retries) return undefined;
  const jitter = backoffDelay(attempt, transport.policy, transport.random);
  if (error.retryAfterMs === undefined) return jitter;
  if (error.retryAfterMs > transport.policy.maxWaitMs) return undefined;
  return Math.max(error.retryAfterMs, jitter);
}

async function attemptOnce<T>(transport: Transport, spec: RequestSpec<T>, url: string, init: RequestInit): Promise<T> {
  const answer = await fetchOnce(transport.fetch, url, init, transport.timeoutMs, spec.signal);
  if (answer.status >= 200 && answer.status < 300) return spec.accept === 'text/csv' ? parseCsv(answer, spec.schema) : parseSuccess(answer, spec.schema);
  const context = { hadAuthorization: spec.apiKey !== undefined, siwx: spec.headers?.['SIGN-IN-WITH-X'] !== undefined };
  throw errorFromAnswer(answer, context, spec.secrets, transport.now());
}

export async function sendRequest<T>(transport: Transport, spec: RequestSpec<T>): Promise<T> {
  const url = buildUrl(transport.baseUrl, spec.path, spec.query);
  // Checked before anything is built or sent: no request leaves for a host this build does not use.
  if (!transport.allowed(url)) throw veniceError('HOST_NOT_ALLOWED', `Host: ${hostOf(url)}.`);
  const init = buildInit(spec);
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(transport, spec, url, init);
    } catch (error) {
      if (!isVeniceError(error)) throw veniceError('UNKNOWN');
      const wait = spec.method === 'GET' ? nextWait(error, attempt, transport) : undefined;
      if (wait === undefined) throw error;
      try {
        await transport.sleep(wait, spec.signal);
      } catch {
        throw veniceError('ABORTED');
      }
    }
  }
}
