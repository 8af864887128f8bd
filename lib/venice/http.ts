/**
 * One HTTP exchange with Venice: a timeout on every attempt (AbortController,
 * also tied to the caller's signal), the body read as text, then parsed with a
 * zod schema. Only fetch, AbortController and timers: fine in a service worker.
 */
import type * as z from 'zod/mini';
import type * as core from 'zod/v4/core';
import { redactKnown } from '../errors';
import { mapHttpError, type ErrorContext } from './errors-map';
import { errorText } from './schemas/error-body';
import { serverWaitMs } from './retry';
import { veniceError, type VeniceError } from './venice-error';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends one request; throws VeniceError TIMEOUT, ABORTED or NETWORK_ERROR when no full answer came. */
export async function fetchOnce(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<RawAnswer> {
  if (signal?.aborted) throw veniceError('ABORTED');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  // Settles on abort even if a fetch implementation ignores its signal.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
  try {
    return await Promise.race([
      (async () => {
        const response = await fetchFn(url, { ...init, signal: controller.signal });
        const text = await response.text();
        return { status: response.status, headers: response.headers, text };
      })(),
      aborted,
    ]);
  } catch {
    if (timedOut) throw veniceError('TIMEOUT', `No answer within ${Math.round(timeoutMs / 1000)} s.`);
    if (signal?.aborted) throw veniceError('ABORTED');
    throw veniceError('NETWORK_ERROR');
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function issuesHint(error: core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.code}`)
    .join('; ');
}

/** Turns a 2xx answer into the schema's value, or throws MALFORMED_RESPONSE. */
export function parseSuccess<T>(answer: RawAnswer, schema: z.ZodMiniType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw veniceError('MALFORMED_RESPONSE', 'The answer was not complete JSON.', { status: answer.status });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw veniceError('MALFORMED_RESPONSE', `Unexpected answer shape (${issuesHint(parsed.error)}).`, {
      status: answer.status,
    });
  }
  return parsed.data;
}

/** A 2xx CSV answer as `{csv, nextCursor}` checked by the schema; an answer that is not CSV is MALFORMED_RESPONSE. */
export function parseCsv<T>(answer: RawAnswer, schema: z.ZodMiniType<T>): T {
  if (!/^text\/csv\b/i.test(answer.headers.get('content-type') ?? '')) {
    throw veniceError('MALFORMED_RESPONSE', 'The answer was not CSV.', { status: answer.status });
  }
  const parsed = schema.safeParse({ csv: answer.text, nextCursor: answer.headers.get('x-next-cursor') });
  if (!parsed.success) throw veniceError('MALFORMED_RESPONSE', `Unexpected answer shape (${issuesHint(parsed.error)}).`, { status: answer.status });
  return parsed.data;
}

/** Builds the VeniceError of a non-2xx answer; the server text is redacted before it is kept. */
export function errorFromAnswer(
  answer: RawAnswer,
  context: ErrorContext,
  secrets: ReadonlyArray<string | undefined>,
  nowMs: number,
): VeniceError {
  let text: string | undefined;
  try {
    text = errorText(JSON.parse(answer.text));
  } catch {
    text = undefined; // an HTML error page or an empty body: the status decides
  }
  const code = mapHttpError(answer.status, text, context);
  const detail = text === undefined ? undefined : redactKnown(text, secrets);
  const retryAfterMs = serverWaitMs(answer.headers, text, nowMs);
  return veniceError(code, detail, { status: answer.status, retryAfterMs });
}
