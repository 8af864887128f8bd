/**
 * A tiny in-test stand-in for fetch: it records every request and answers from a
 * script (a list of replies used in order, or a function of the request).
 */
import type { FetchLike } from '../../../lib/venice/http';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The JSON body, parsed; undefined when none was sent. */
  body: unknown;
}

export type Reply =
  | { status?: number; json?: unknown; text?: string; headers?: Record<string, string> }
  | 'network-error'
  /** Never answers, but rejects when the request's signal aborts (as a real fetch does). */
  | 'hang'
  /** Never answers and ignores the signal. */
  | 'hang-deaf';

export type Script = Reply[] | ((call: RecordedCall, index: number) => Reply);

export function fakeFetch(script: Script): { fetch: FetchLike; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const call: RecordedCall = {
      url: input,
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const reply = typeof script === 'function' ? script(call, calls.length - 1) : script[calls.length - 1];
    if (reply === undefined) throw new Error(`fake fetch: no reply scripted for call ${calls.length}`);
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    if (reply === 'hang-deaf') return new Promise<Response>(() => {});
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const text = reply.text ?? JSON.stringify(reply.json ?? {});
    return new Response(text, {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return { fetch, calls };
}
