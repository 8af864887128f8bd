// The Venice API routes served under /api/v1.
import { billingBalance } from './handlers/billing';
import { createApiKey, deleteApiKey, getKey, listKeys } from './handlers/keys';
import { updateApiKey } from './handlers/keyUpdate';
import { rateLimitLog, rateLimits } from './handlers/rateLimits';
import { getWeb3Token, mintWeb3Key } from './handlers/web3Key';
import { usageAnalytics } from './handlers/usageAnalytics';
import { usageHistory } from './handlers/usageHistory';
import { x402Balance } from './handlers/x402';
import type { Route } from './router';
import type { SiwxVerifier } from './siwx';

export function apiRoutes(siwx: SiwxVerifier): Route[] {
  const v1 = '/api/v1';
  return [
    { method: 'GET', pattern: `${v1}/api_keys/generate_web3_key`, handler: getWeb3Token },
    { method: 'POST', pattern: `${v1}/api_keys/generate_web3_key`, handler: mintWeb3Key },
    { method: 'GET', pattern: `${v1}/api_keys/rate_limits/log`, handler: rateLimitLog },
    { method: 'GET', pattern: `${v1}/api_keys/rate_limits`, handler: rateLimits },
    { method: 'GET', pattern: `${v1}/api_keys`, handler: listKeys },
    { method: 'POST', pattern: `${v1}/api_keys`, handler: createApiKey },
    { method: 'PATCH', pattern: `${v1}/api_keys`, handler: updateApiKey },
    { method: 'DELETE', pattern: `${v1}/api_keys`, handler: deleteApiKey },
    { method: 'GET', pattern: `${v1}/api_keys/{id}`, handler: getKey },
    { method: 'GET', pattern: `${v1}/billing/balance`, handler: billingBalance },
    { method: 'GET', pattern: `${v1}/billing/usage-analytics`, handler: usageAnalytics },
    { method: 'GET', pattern: `${v1}/billing/usage-history`, handler: usageHistory },
    { method: 'GET', pattern: `${v1}/x402/balance/{walletAddress}`, handler: x402Balance(siwx) },
  ];
}
