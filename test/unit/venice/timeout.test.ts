import { describe, expect, it } from 'vitest';
import type { VeniceError } from '../../../lib/venice/venice-error';
import { MINT_BODIES } from './fixtures';
import { harness, rejectionOf } from './harness';

describe('timeouts and cancellation', () => {
  it('a GET that never answers fails with TIMEOUT after timeoutMs, and is not re-sent', async () => {
    const { client, calls } = harness(['hang', 'hang'], { timeoutMs: 30 });
    const started = Date.now();
    const e = (await rejectionOf(client.getRateLimits())) as VeniceError;
    expect([e.code, e.action, calls.length]).toEqual(['TIMEOUT', 'retry', 1]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out even when the fetch implementation ignores the abort signal', async () => {
    const { client } = harness(['hang-deaf'], { timeoutMs: 30 });
    expect(((await rejectionOf(client.mintWeb3Key(MINT_BODIES[0]))) as VeniceError).code).toBe('TIMEOUT');
  });

  it('aborts the request signal it handed to fetch when the time is up', async () => {
    let seen: AbortSignal | undefined;
    const { client } = harness(['hang'], {
      timeoutMs: 30,
      fetch: (_url, init) => {
        seen = init.signal ?? undefined;
        return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
      },
    });
    await rejectionOf(client.getWeb3Token());
    expect(seen?.aborted).toBe(true);
  });

  it('an external AbortSignal cancels a running request with ABORTED', async () => {
    const controller = new AbortController();
    const { client } = harness(['hang'], { timeoutMs: 10_000 });
    const pending = rejectionOf(client.getBillingBalance({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 10);
    const e = (await pending) as VeniceError;
    expect([e.code, e.action]).toEqual(['ABORTED', 'none']);
  });

  it('an already aborted signal sends nothing', async () => {
    const { client, calls } = harness(['hang']);
    const e = (await rejectionOf(client.listKeys({ signal: AbortSignal.abort() }))) as VeniceError;
    expect([e.code, calls.length]).toEqual(['ABORTED', 0]);
  });
});
