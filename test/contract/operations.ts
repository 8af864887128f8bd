/** Each client operation: its OpenAPI method and path, and the zod schemas the client uses for it. */
import type * as z from 'zod/mini';
import { BillingBalanceResponseSchema } from '../../lib/venice/schemas/billing';
import { CreateKeyBodySchema, CreateKeyResponseSchema, DeleteKeyResponseSchema, GetKeyResponseSchema, ListKeysResponseSchema, UpdateKeyBodySchema, UpdateKeyResponseSchema } from '../../lib/venice/schemas/keys';
import { MintKeyBodySchema, MintKeyResponseSchema, Web3TokenResponseSchema } from '../../lib/venice/schemas/web3';
import { RateLimitLogResponseSchema, RateLimitsResponseSchema } from '../../lib/venice/schemas/rate-limits';
import { UsageAnalyticsResponseSchema, UsageHistoryResponseSchema } from '../../lib/venice/schemas/usage';
import { X402BalanceResponseSchema } from '../../lib/venice/schemas/x402';
import type { OperationKey } from '../unit/venice/fixtures';

export interface Operation {
  method: string;
  path: string;
  response: z.ZodMiniType;
  body?: z.ZodMiniType;
}

function op(key: OperationKey, response: z.ZodMiniType, body?: z.ZodMiniType): [OperationKey, Operation] {
  const [method, path] = key.split(' ') as [string, string];
  return [key, { method, path, response, body }];
}

export const OPERATIONS = new Map<OperationKey, Operation>([
  op('GET /api_keys', ListKeysResponseSchema),
  op('POST /api_keys', CreateKeyResponseSchema, CreateKeyBodySchema),
  op('PATCH /api_keys', UpdateKeyResponseSchema, UpdateKeyBodySchema),
  op('DELETE /api_keys', DeleteKeyResponseSchema),
  op('GET /api_keys/{id}', GetKeyResponseSchema),
  op('GET /api_keys/rate_limits', RateLimitsResponseSchema),
  op('GET /api_keys/rate_limits/log', RateLimitLogResponseSchema),
  op('GET /api_keys/generate_web3_key', Web3TokenResponseSchema),
  op('POST /api_keys/generate_web3_key', MintKeyResponseSchema, MintKeyBodySchema),
  op('GET /billing/balance', BillingBalanceResponseSchema),
  op('GET /billing/usage-analytics', UsageAnalyticsResponseSchema),
  op('GET /billing/usage-history', UsageHistoryResponseSchema),
  op('GET /x402/balance/{walletAddress}', X402BalanceResponseSchema),
]);
