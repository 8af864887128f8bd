import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, backoffDelay, serverWaitMs } from '../../../lib/venice/retry';
import { VeniceError } from '../../../lib/venice/venice-error';
import { ANSWERS, CREATE_BODIES, KEY_ID, MINT_BODIES, UPDATE_BODIES } from './fixtures';
import { NOW_MS, harness, rejectionOf } from './harness';

const ok = { json: ANSWERS['GET /api_keys/rate_limits'] };

describe('GET retries', () => {
  it.each([429, 500, 503])('re-sends a GET after %i, with full-jitter backoff', async (status) => {
    const { client, calls, sleeps } = harness([{ status, json: { error: 'x' } }, { status, json: { error: 'x' } }, ok]);
    await expect(client.getRateLimits()).resolves.toEqual(ok.json.data);
    expect(calls).toHaveLength(3);
    // random() = 0.5: attempt 0 waits 0.5 * 500, attempt 1 waits 0.5 * 1000.
    expect(sleeps).toEqual([250, 500]);
  });

  it('re-sends a GET after a network error', async () => {
    const { client, calls } = harness(['network-error', ok]);
    await expect(client.getRateLimits()).resolves.toBeDefined();
    expect(calls).toHaveLength(2);
  });

  it('stops after the bounded number of retries and throws the last error', async () => {
    const { client, calls, sleeps } = harness(() => ({ status: 503, json: { error: 'down' } }), { retries: 3 });
    const e = (await rejectionOf(client.getRateLimits())) as VeniceError;
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it.each([
    ['a Unix timestamp in seconds', String(NOW_MS / 1000 + 3), 3000],
    ['a small number of seconds', '2', 2000],
    ['a timestamp in milliseconds', String(NOW_MS + 4500), 4500],
  ])('honours x-ratelimit-reset-requests given as %s', async (_label, header, wait) => {
    const { client, calls, sleeps } = harness([
      { status: 429, json: { error: 'Rate limit exceeded' }, headers: { 'x-ratelimit-reset-requests': header } },
      ok,
    ]);
    await client.getRateLimits();
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([wait]);
  });

  it('does not wait longer than allowed: throws RATE_LIMITED with the wait instead', async () => {
    const reset = String(NOW_MS / 1000 + 60);
    const { client, calls, sleeps } = harness([
      { status: 429, json: { error: 'Rate limit exceeded' }, headers: { 'x-ratelimit-reset-requests': reset } },
      ok,
    ]);
    const e = (await rejectionOf(client.getRateLimits())) as VeniceError;
    expect([e.code, e.retryAfterMs, calls.length, sleeps.length]).toEqual(['RATE_LIMITED', 60_000, 1, 0]);
  });

  it('never re-sends on a 4xx other than 429, or on a malformed answer', async () => {
    for (const reply of [{ status: 400, json: { error: 'bad' } }, { status: 401, json: { error: 'no' } }, { text: '{"data":' }]) {
      const { client, calls } = harness([reply, ok]);
      await rejectionOf(client.getRateLimits());
      expect(calls).toHaveLength(1);
    }
  });

  it('an abort while waiting ends the call with ABORTED and no further request', async () => {
    const controller = new AbortController();
    const { client, calls } = harness([{ status: 503, json: { error: 'x' } }, ok], {
      sleep: async () => {
        controller.abort();
        throw new Error('aborted');
      },
    });
    const e = (await rejectionOf(client.getRateLimits({ signal: controller.signal }))) as VeniceError;
    expect([e.code, calls.length]).toEqual(['ABORTED', 1]);
  });
});

describe('never re-sent: POST create, POST mint, PATCH, DELETE', () => {
  const runs = {
    'POST mint': (c: ReturnType<typeof harness>['client']) => c.mintWeb3Key(MINT_BODIES[0]),
    'POST create': (c: ReturnType<typeof harness>['client']) => c.createKey(CREATE_BODIES[0]),
    PATCH: (c: ReturnType<typeof harness>['client']) => c.updateKey(UPDATE_BODIES[0]),
    DELETE: (c: ReturnType<typeof harness>['client']) => c.deleteKey(KEY_ID),
  };
  for (const [name, run] of Object.entries(runs)) {
    it.each([
      ['503', { status: 503, json: { error: 'x' } }],
      ['500', { status: 500, json: { error: 'x' } }],
      ['429 with a short reset', { status: 429, json: { error: 'x' }, headers: { 'x-ratelimit-reset-requests': '1' } }],
      ['network error', 'network-error' as const],
      ['transient signature check', { status: 400, json: { error: 'Could not verify wallet signature' } }],
    ])(`${name}: sent once after %s`, async (_label, reply) => {
      const { client, calls, sleeps } = harness(() => reply, { retries: 5 });
      await rejectionOf(run(client));
      expect(calls).toHaveLength(1);
      expect(sleeps).toHaveLength(0);
    });
  }
});

describe('backoffDelay / serverWaitMs', () => {
  it('grows exponentially, is capped, and spans 0..ceiling', () => {
    const p = DEFAULT_RETRY_POLICY;
    expect([0, 1, 2, 3, 4, 5, 10].map((a) => backoffDelay(a, p, () => 0.999999))).toEqual([499, 999, 1999, 3999, 7999, 7999, 7999]);
    expect(backoffDelay(3, p, () => 0)).toBe(0);
  });

  it('reads the reset header, Retry-After and the "Please wait 30s" text', () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(serverWaitMs(h({ 'x-ratelimit-reset-requests': String(NOW_MS / 1000 - 5) }), undefined, NOW_MS)).toBe(0);
    expect(serverWaitMs(h({ 'retry-after': '7' }), undefined, NOW_MS)).toBe(7000);
    expect(serverWaitMs(h({ 'retry-after': new Date(NOW_MS + 9000).toUTCString() }), undefined, NOW_MS)).toBe(9000);
    expect(serverWaitMs(h({}), 'Too many failed attempts (> 20). Please wait 30s and try again.', NOW_MS)).toBe(30_000);
    expect(serverWaitMs(h({ 'x-ratelimit-reset-requests': 'soon' }), 'no hint', NOW_MS)).toBeUndefined();
  });
});
