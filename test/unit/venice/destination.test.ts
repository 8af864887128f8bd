// Before a key, a token or a signature is attached to a request, the Venice client checks the
// URL against the build's hosts (lib/settings/build-policy.ts): https on Venice's API host, or
// http://127.0.0.1 in the sandbox build. Anything else fails with HOST_NOT_ALLOWED and no
// request is made; no redirect is followed.
import { describe, expect, it } from 'vitest';
import { destinationAllowed, SANDBOX_BUILD, STORE_BUILD } from '../../../lib/settings/build-policy';
import { createVeniceClient } from '../../../lib/venice/client';
import type { FetchLike } from '../../../lib/venice/http';
import { ADMIN_KEY, ANSWERS, MINT_BODIES } from './fixtures';

function recordingFetch() {
  const seen: Array<{ url: string; init: RequestInit }> = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(ANSWERS['GET /api_keys/rate_limits']), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, seen };
}

describe('destinationAllowed', () => {
  it.each([
    ['https://api.venice.ai/api/v1/api_keys/rate_limits', true, true],
    // Venice's site and Base's RPC are the build's hosts too, but no key goes there (review finding).
    ['https://venice.ai/api/v1', false, false],
    ['https://mainnet.base.org/api/v1', false, false],
    ['http://127.0.0.1:8787/api/v1/api_keys/rate_limits', false, true],
    ['https://api.attacker.example/api/v1/api_keys/rate_limits', false, false],
    ['https://api.venice.ai.attacker.example/api/v1', false, false],
    ['http://api.venice.ai/api/v1', false, false],
    ['https://api.venice.ai:8443/api/v1', false, false],
    ['https://user@api.venice.ai/api/v1', false, false],
    ['http://127.0.0.2:8787/api/v1', false, false],
    ['http://localhost:8787/api/v1', false, false],
    ['https://127.0.0.1:8787/api/v1', false, false],
    ['not a url', false, false],
  ])('%s: store %s, sandbox %s', (url, store, sandbox) => {
    expect(destinationAllowed(url, STORE_BUILD)).toBe(store);
    expect(destinationAllowed(url, SANDBOX_BUILD)).toBe(sandbox);
  });
});

describe('the Venice client sends nothing to a host the build does not allow', () => {
  const attacker = 'https://api.attacker.example/api/v1';
  const calls = {
    'a key (rate limits)': (baseUrl: string, fetch: FetchLike) => createVeniceClient({ baseUrl, build: STORE_BUILD, fetch, apiKey: ADMIN_KEY }).getRateLimits(),
    'a token request': (baseUrl: string, fetch: FetchLike) => createVeniceClient({ baseUrl, build: STORE_BUILD, fetch }).getWeb3Token(),
    'a signature (mint)': (baseUrl: string, fetch: FetchLike) => createVeniceClient({ baseUrl, build: STORE_BUILD, fetch }).mintWeb3Key(MINT_BODIES[0]!),
  };

  it.each(Object.entries(calls))('%s to another host: HOST_NOT_ALLOWED, no request', async (_what, call) => {
    const { fetch, seen } = recordingFetch();
    const error = await call(attacker, fetch).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HOST_NOT_ALLOWED', message: expect.stringMatching(/nothing was sent/) });
    expect(seen).toEqual([]);
    expect(JSON.stringify(error)).not.toContain(ADMIN_KEY);
  });

  it('refuses http://127.0.0.1 in a store build, and sends to it in the sandbox build', async () => {
    const local = 'http://127.0.0.1:8787/api/v1';
    const { fetch, seen } = recordingFetch();
    await expect(createVeniceClient({ baseUrl: local, build: STORE_BUILD, fetch, apiKey: ADMIN_KEY }).getRateLimits()).rejects.toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    expect(seen).toEqual([]);
    await createVeniceClient({ baseUrl: local, build: SANDBOX_BUILD, fetch, apiKey: ADMIN_KEY }).getRateLimits();
    expect(seen.map((s) => s.url)).toEqual([`${local}/api_keys/rate_limits`]);
  });

  it("follows no redirect: every request says redirect: 'error'", async () => {
    const { fetch, seen } = recordingFetch();
    await createVeniceClient({ baseUrl: 'https://api.venice.ai/api/v1', build: STORE_BUILD, fetch, apiKey: ADMIN_KEY }).getRateLimits();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.init.redirect).toBe('error');
  });
});
