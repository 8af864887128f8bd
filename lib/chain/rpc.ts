/**
 * One Base JSON-RPC request over viem's own HTTP JSON-RPC client (`getHttpRpcClient`, a few kB):
 * the worker reads two balances and, for a smart-contract wallet, makes one eth_call, so viem's
 * public client, transports and actions (tens of kB in the service worker, parsed at every wake)
 * are not worth their weight here.
 *
 *   const code = await rpcRequest({ url, timeoutMs: 6_000 }, 'eth_getCode', [address, 'latest']);
 *
 * Each attempt has its own timeout; a network failure, a timeout or an answer that is not HTTP 2xx
 * is tried once more after a short pause. A JSON-RPC error (a revert, a bad parameter) is the chain's answer:
 * it is thrown as `RpcResponseError` at once, never retried.
 *
 * viem's errors carry the URL and the request body (a signature, for the contract-wallet check) in
 * their message, so they are never passed on: the errors thrown here name only what happened.
 */
import { HttpRequestError, RpcRequestError, TimeoutError } from 'viem';
import { getHttpRpcClient } from 'viem/utils';

export interface RpcOptions {
  url: string;
  timeoutMs: number;
  /** Further attempts after a failure to reach the RPC (default 1: two attempts at most). */
  retries?: number;
  fetchFn?: typeof fetch;
}

/** The RPC answered with a JSON-RPC error (e.g. "execution reverted"). */
export class RpcResponseError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.name = 'RpcResponseError';
    this.code = code;
  }
}

/** The RPC could not be reached, timed out, or did not answer with JSON-RPC. */
export class RpcUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RpcUnreachableError';
  }
}

const RETRY_DELAY_MS = 150;

/** viem's failure, told without its URL and request body. */
function unreachable(error: unknown, timeoutMs: number): RpcUnreachableError {
  if (error instanceof TimeoutError) return new RpcUnreachableError(`The RPC did not answer within ${timeoutMs} ms.`);
  // A non-2xx answer, whether its body is a JSON-RPC error (RpcRequestError) or not.
  const status = error instanceof HttpRequestError || error instanceof RpcRequestError ? error.status : undefined;
  if (status) return new RpcUnreachableError(`The RPC answered HTTP ${status}.`);
  // fetch's own failure or a body that is not JSON (viem keeps it as the cause).
  const cause = error instanceof HttpRequestError ? error.cause : undefined;
  return new RpcUnreachableError('The RPC could not be reached.', cause ? { cause } : undefined);
}

async function attempt(options: RpcOptions, method: string, params: unknown[]): Promise<unknown> {
  const { url, timeoutMs, fetchFn } = options;
  let payload: { result?: unknown; error?: unknown };
  try {
    payload = await getHttpRpcClient(url, { timeout: timeoutMs, fetchFn }).request({ body: { method, params } });
  } catch (error) {
    throw unreachable(error, timeoutMs);
  }
  // A 2xx answer: viem returns the JSON-RPC error in the response rather than throwing it.
  const { result, error } = payload as { result?: unknown; error?: { code?: unknown; message?: unknown } };
  if (error && typeof error === 'object') {
    throw new RpcResponseError(typeof error.code === 'number' ? error.code : -32603, typeof error.message === 'string' ? error.message : 'RPC error');
  }
  if (result === undefined) throw new RpcUnreachableError('The RPC answered without a result.');
  return result;
}

/** Sends one request and resolves with its `result`. */
export async function rpcRequest(options: RpcOptions, method: string, params: unknown[]): Promise<unknown> {
  const retries = options.retries ?? 1;
  for (let tried = 0; ; tried += 1) {
    try {
      return await attempt(options, method, params);
    } catch (error) {
      if (!(error instanceof RpcUnreachableError) || tried >= retries) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  }
}

/** An eth_call on the latest block; `to` left out runs `data` as deployless code. */
export const ethCall = (options: RpcOptions, call: { to?: string; data: string }): Promise<unknown> =>
  rpcRequest(options, 'eth_call', [call, 'latest']);
