/** The live check of a pasted key: GET /api_keys/rate_limits with it, through the Venice client. */
import type { BuildPolicy } from '../settings/build-policy';
import { createVeniceClient } from '../venice/client';
import type { FetchLike } from '../venice/http';
import type { CheckKey } from './import-key';

export function veniceKeyChecker(build: BuildPolicy, fetch?: FetchLike): CheckKey {
  return async (secret, apiBaseUrl) => {
    const client = createVeniceClient({ baseUrl: apiBaseUrl, build, apiKey: secret, retries: 1, ...(fetch ? { fetch } : {}) });
    const limits = await client.getRateLimits();
    return { expiresAt: limits.keyExpiration ?? null };
  };
}
