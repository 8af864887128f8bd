import { describe, expect, it } from 'vitest';
import { SANDBOX_BUILD } from '../../../lib/settings/build-policy';
import { veniceKeyChecker } from '../../../lib/vault/check-key';
import { fakeSecret } from './helpers';

const BASE = 'http://127.0.0.1:7777/api/v1';
const rateLimits = (keyExpiration: string | null) => ({
  data: {
    accessPermitted: true, apiTier: { id: 'paid', isCharged: true }, balances: { DIEM: 1 },
    keyExpiration, nextEpochBegins: '2030-01-01T00:00:00.000Z', rateLimits: [],
  },
});

describe('veniceKeyChecker (GET /api_keys/rate_limits through the Venice client)', () => {
  it('sends the key as a Bearer header to rate_limits and returns its expiry', async () => {
    const seen: Array<{ url: string; auth: string | null }> = [];
    const secret = fakeSecret();
    const check = veniceKeyChecker(SANDBOX_BUILD, async (url, init) => {
      seen.push({ url, auth: new Headers(init.headers).get('authorization') });
      return new Response(JSON.stringify(rateLimits('2031-02-03T00:00:00Z')), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    await expect(check(secret, BASE)).resolves.toEqual({ expiresAt: '2031-02-03T00:00:00Z' });
    expect(seen).toEqual([{ url: `${BASE}/api_keys/rate_limits`, auth: `Bearer ${secret}` }]);
  });

  it('turns a refused key into AUTHENTICATION_FAILED without the key in the error', async () => {
    const secret = fakeSecret();
    const check = veniceKeyChecker(SANDBOX_BUILD, async () => new Response(JSON.stringify({ error: `Invalid key ${secret}` }), { status: 401 }));
    const error = await check(secret, BASE).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED' });
    expect(JSON.stringify(error)).not.toContain(secret.slice(-12));
  });
});
