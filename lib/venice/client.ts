/**
 * The typed Venice API client used by the background (service worker: fetch,
 * AbortController and timers only).
 *
 * Error style: every method THROWS a `VeniceError` (lib/venice/venice-error.ts)
 * and otherwise resolves with the parsed, zod-checked `data` of the answer. A
 * VeniceError's `message` is the plain sentence of the error table (lib/errors),
 * with `.code`, `.action`, `.status`, `.detail` (redacted), `.retryAfterMs`, and
 * `toJSON()` giving the AppError to send across contexts. Inputs are checked
 * before anything is sent (INVALID_REQUEST and friends, no request made).
 *
 * Retries: only GETs, on 429/500/503 or a network error, a bounded number of
 * times (exponential backoff with full jitter, or the server's reset time).
 * POST (create, mint), PATCH and DELETE are sent exactly once: a mint is not
 * idempotent. Each attempt has a timeout; an external AbortSignal cancels too.
 *
 * Secrets: the API key goes only into `Authorization: Bearer`; no key, token,
 * signature or SIWX value is ever put in a URL or an error text. Every request is
 * checked against the build's hosts first (HOST_NOT_ALLOWED, nothing sent) and
 * follows no redirect.
 */
import type * as z from 'zod/mini';
import { destinationAllowed, type BuildPolicy } from '../settings/build-policy';
import type { FetchLike } from './http';
import { sendRequest, type RequestSpec, type Transport } from './request';
import { DEFAULT_RETRY_POLICY, defaultSleep } from './retry';
import { BillingBalanceResponseSchema, type BillingBalanceResponse } from './schemas/billing';
import { CreateKeyBodySchema, CreateKeyResponseSchema, DeleteKeyResponseSchema, GetKeyResponseSchema, ListKeysResponseSchema, UpdateKeyBodySchema, UpdateKeyResponseSchema, type CreateKeyBody, type CreatedKey, type DeleteKeyResponse, type KeyRecord, type UpdateKeyBody, type UpdatedKey } from './schemas/keys';
import { KeyIdSchema } from './schemas/common';
import { MintKeyBodySchema, MintKeyResponseSchema, Web3TokenResponseSchema, type MintKeyBody } from './schemas/web3';
import { RateLimitLogResponseSchema, RateLimitsResponseSchema, type RateLimitLogEntry, type RateLimits } from './schemas/rate-limits';
import { SiwxHeaderSchema, X402BalanceResponseSchema, X402WalletAddressSchema, type X402BalanceResponse } from './schemas/x402';
import { UsageAnalyticsQuerySchema, UsageAnalyticsResponseSchema, UsageHistoryCsvSchema, UsageHistoryQuerySchema, UsageHistoryResponseSchema, type UsageAnalytics, type UsageAnalyticsQuery, type UsageHistoryCsv, type UsageHistoryPage, type UsageHistoryQuery } from './schemas/usage';
import { checkInput, requireKey } from './inputs';


export interface VeniceClientOptions {
  baseUrl: string;
  /** The build's policy: a request for a host it does not allow fails with HOST_NOT_ALLOWED, unsent. */
  build: BuildPolicy;
  fetch?: FetchLike;
  /** The default Bearer key; a call may pass its own. */
  apiKey?: string;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  /** Extra attempts for a GET; default 2. */
  retries?: number;
  /** Longest server-requested wait a GET waits for before giving up; default 10 s. */
  maxRetryWaitMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's key for this call. */
  apiKey?: string;
}

export type VeniceClient = ReturnType<typeof createVeniceClient>;

/** A checked query object as URL parameters (numbers as decimals, absent fields left out). */
const asQuery = (query: object): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));

export function createVeniceClient(options: VeniceClientOptions) {
  const transport: Transport = {
    baseUrl: options.baseUrl,
    allowed: (url) => destinationAllowed(url, options.build),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 15_000,
    policy: {
      ...DEFAULT_RETRY_POLICY,
      retries: Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRY_POLICY.retries)),
      maxWaitMs: options.maxRetryWaitMs ?? DEFAULT_RETRY_POLICY.maxWaitMs,
    },
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };
  const send = <T>(spec: RequestSpec<T>) => sendRequest(transport, spec);
  const keyed = <T>(o: CallOptions | undefined, method: RequestSpec<T>['method'], path: string, schema: z.ZodMiniType<T>) => {
    const apiKey = requireKey(o?.apiKey ?? options.apiKey);
    return { method, path, schema, apiKey, secrets: [apiKey], signal: o?.signal };
  };

  return {
    /** GET /api_keys: active keys, newest first, masked. ADMIN key. */
    async listKeys(o?: CallOptions): Promise<KeyRecord[]> {
      return (await send(keyed(o, 'GET', '/api_keys', ListKeysResponseSchema))).data;
    },
    /** GET /api_keys/{id}: one key with usage and limits. ADMIN key. */
    async getKey(id: string, o?: CallOptions): Promise<KeyRecord> {
      const safeId = checkInput(KeyIdSchema, id, 'INVALID_REQUEST');
      return (await send(keyed(o, 'GET', `/api_keys/${encodeURIComponent(safeId)}`, GetKeyResponseSchema))).data;
    },
    /** POST /api_keys: the answer holds the only copy of the secret. Never retried. ADMIN key. */
    async createKey(body: CreateKeyBody, o?: CallOptions): Promise<CreatedKey> {
      const checked = checkInput(CreateKeyBodySchema, body, 'INVALID_REQUEST');
      return (await send({ ...keyed(o, 'POST', '/api_keys', CreateKeyResponseSchema), body: checked })).data;
    },
    /** PATCH /api_keys: only the fields sent change. ADMIN key. */
    async updateKey(body: UpdateKeyBody, o?: CallOptions): Promise<UpdatedKey> {
      const checked = checkInput(UpdateKeyBodySchema, body, 'INVALID_REQUEST');
      return (await send({ ...keyed(o, 'PATCH', '/api_keys', UpdateKeyResponseSchema), body: checked })).data;
    },
    /** DELETE /api_keys?id=…: revokes at once. ADMIN key. */
    async deleteKey(id: string, o?: CallOptions): Promise<DeleteKeyResponse> {
      const safeId = checkInput(KeyIdSchema, id, 'INVALID_REQUEST');
      return send({ ...keyed(o, 'DELETE', '/api_keys', DeleteKeyResponseSchema), query: { id: safeId } });
    },
    /** GET /api_keys/rate_limits: balances and per-model limits of the calling key. Any key. */
    async getRateLimits(o?: CallOptions): Promise<RateLimits> {
      return (await send(keyed(o, 'GET', '/api_keys/rate_limits', RateLimitsResponseSchema))).data;
    },
    /** GET /api_keys/rate_limits/log: the last 50 breaches of the account. ADMIN key. */
    async getRateLimitLog(o?: CallOptions): Promise<RateLimitLogEntry[]> {
      return (await send(keyed(o, 'GET', '/api_keys/rate_limits/log', RateLimitLogResponseSchema))).data;
    },
    /** GET /api_keys/generate_web3_key: a JWT valid 15 minutes, to be signed by the wallet. No key. */
    async getWeb3Token(o?: Pick<CallOptions, 'signal'>): Promise<string> {
      const answer = await send({
        method: 'GET', path: '/api_keys/generate_web3_key', schema: Web3TokenResponseSchema, secrets: [], signal: o?.signal,
      });
      return answer.data.token;
    },
    /** POST /api_keys/generate_web3_key: mints a key for a wallet with staked VVV. Never retried. No key. */
    async mintWeb3Key(body: MintKeyBody, o?: Pick<CallOptions, 'signal'>): Promise<CreatedKey> {
      const checked = checkInput(MintKeyBodySchema, body, 'INVALID_REQUEST', { address: 'INVALID_WALLET_ADDRESS', token: 'JWT_MALFORMED' });
      const answer = await send({
        method: 'POST', path: '/api_keys/generate_web3_key', schema: MintKeyResponseSchema, body: checked,
        secrets: [checked.token, checked.signature], signal: o?.signal,
      });
      return answer.data;
    },
    /** GET /billing/balance: what the account can spend. ADMIN key. */
    async getBillingBalance(o?: CallOptions): Promise<BillingBalanceResponse> {
      return send(keyed(o, 'GET', '/billing/balance', BillingBalanceResponseSchema));
    },
    /** GET /billing/usage-analytics (beta): spend by day, model and key over `lookback` ("7d".."90d") or two dates. ADMIN key. */
    async usageAnalytics(query: UsageAnalyticsQuery, o?: CallOptions): Promise<UsageAnalytics> {
      const checked = checkInput(UsageAnalyticsQuerySchema, query, 'INVALID_REQUEST');
      return send({ ...keyed(o, 'GET', '/billing/usage-analytics', UsageAnalyticsResponseSchema), query: asQuery(checked) });
    },
    /** GET /billing/usage-history: one page of the ledger, oldest first; `{cursor}` alone continues a walk. ADMIN key. */
    async usageHistory(query: UsageHistoryQuery, o?: CallOptions): Promise<UsageHistoryPage> {
      const checked = checkInput(UsageHistoryQuerySchema, query, 'INVALID_REQUEST');
      return send({ ...keyed(o, 'GET', '/billing/usage-history', UsageHistoryResponseSchema), query: asQuery(checked) });
    },
    /** The same page as CSV (`Accept: text/csv`), with the next page's cursor. ADMIN key. */
    async usageHistoryCsv(query: UsageHistoryQuery, o?: CallOptions): Promise<UsageHistoryCsv> {
      const checked = checkInput(UsageHistoryQuerySchema, query, 'INVALID_REQUEST');
      return send({ ...keyed(o, 'GET', '/billing/usage-history', UsageHistoryCsvSchema), query: asQuery(checked), accept: 'text/csv' });
    },
    /** GET /x402/balance/{wallet}: x402 credits, authenticated by the SIGN-IN-WITH-X header value. */
    async getX402Balance(wallet: string, siwxHeaderValue: string, o?: Pick<CallOptions, 'signal'>): Promise<X402BalanceResponse['data']> {
      const address = checkInput(X402WalletAddressSchema, wallet, 'INVALID_WALLET_ADDRESS');
      const siwx = checkInput(SiwxHeaderSchema, siwxHeaderValue, 'X402_INVALID_SIGN_IN');
      const answer = await send({
        method: 'GET', path: `/x402/balance/${encodeURIComponent(address)}`, schema: X402BalanceResponseSchema,
        headers: { 'SIGN-IN-WITH-X': siwx }, secrets: [siwx], signal: o?.signal,
      });
      return answer.data;
    },
  };
}
