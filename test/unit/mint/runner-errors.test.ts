import { describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '../../../lib/errors';
import { createMintRunner } from '../../../lib/mint/runner';
import { veniceError } from '../../../lib/venice/venice-error';
import { OPTIONS, OTHER } from './fixtures';
import { deferred, fail, fakeDeps, SIGNATURE } from './fakes';

import { connected, until } from './runner-steps';

const MINUTE = 60_000;

describe('mint runner: every failure ends in failed with a next step', () => {
  // Every documented 400 of the mint route, 429, 5xx and a lost connection.
  const answers: [ErrorCode, number, string][] = [
    ['INVALID_WALLET_ADDRESS', 400, 'reconnect_wallet'],
    ['JWT_SIGNATURE_INVALID', 400, 'new_token'],
    ['JWT_CLAIMS_INVALID', 400, 'new_token'],
    ['JWT_MALFORMED', 400, 'new_token'],
    ['WALLET_SIGNATURE_MISMATCH', 400, 'new_token'],
    ['WALLET_SIGNATURE_UNVERIFIED', 400, 'retry_later'],
    ['NO_STAKED_VVV', 400, 'stake_vvv'],
    ['RATE_LIMITED', 429, 'retry_later'],
    ['SERVER_ERROR', 500, 'retry_later'],
    ['SERVICE_UNAVAILABLE', 503, 'retry_later'],
    // No answer (or an unreadable one): the key may exist, so the person checks first.
    ['TIMEOUT', 0, 'check_key'],
    ['NETWORK_ERROR', 0, 'check_key'],
    ['MALFORMED_RESPONSE', 200, 'check_key'],
  ];

  it.each(answers)('%s (HTTP %i) → failed, action %s, one post; retry → ready with a fresh token', async (code, status, action) => {
    const fake = fakeDeps();
    fake.script.mint.push(veniceError(code, undefined, { status }));
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    const failed = await until(fake, 'failed');
    expect(failed).toMatchObject({ error: { code, action } });
    expect(failed.status === 'failed' && failed.error.message.length).toBeGreaterThan(10);
    expect(fake.calls.posts).toHaveLength(1);

    const tokens = fake.calls.tokens.length;
    const next = await runner.retry();
    if (action === 'reconnect_wallet') {
      expect(next.status).toBe('connecting');
      await until(fake, 'ready');
    } else {
      expect(next.status).toBe('ready');
    }
    await vi.waitFor(() => expect(fake.calls.tokens.length).toBeGreaterThan(tokens));
    expect(fake.calls.posts).toHaveLength(1); // a retry never re-sends by itself
  });

  it.each<[ErrorCode, string]>([
    ['WALLET_NOT_FOUND', 'install_wallet'],
    ['WALLET_LOCKED', 'reconnect_wallet'],
    ['SIGNING_TAB_CLOSED', 'retry'],
  ])('connect failing with %s → failed (%s)', async (code, action) => {
    const fake = fakeDeps();
    fake.script.connect.push(fail(code));
    const runner = createMintRunner(fake.deps);
    await runner.start();
    expect(await until(fake, 'failed')).toMatchObject({ from: 'connecting', error: { code, action } });
    expect(fake.calls.tokens).toHaveLength(0);
  });

  it.each<ErrorCode>(['SIGNING_TAB_CLOSED', 'SIGNATURE_LOCAL_MISMATCH', 'WALLET_ACCOUNT_CHANGED', 'WALLET_LOCKED'])(
    'signing failing with %s → failed, nothing posted',
    async (code) => {
      const fake = fakeDeps();
      fake.script.sign.push(fail(code));
      const { runner } = await connected(fake);
      await runner.confirm(OPTIONS);
      expect(await until(fake, 'failed')).toMatchObject({ from: 'awaiting-signature', error: { code } });
      expect(fake.calls.posts).toHaveLength(0);
    },
  );

  it('a token that cannot be fetched at the click ends in failed, nothing signed', async () => {
    const fake = fakeDeps();
    const { runner, fake: f } = await connected(fake);
    f.clock.set(14 * MINUTE); // the prefetched token is too old
    f.script.tokenError = fail('SERVICE_UNAVAILABLE');
    await runner.confirm(OPTIONS);
    expect(await until(f, 'failed')).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(f.calls.signs).toHaveLength(0);
  });

  it('a wallet that never answers times out after 5 minutes; nothing posted', async () => {
    const fake = fakeDeps();
    fake.script.sign.push(() => new Promise<string>(() => undefined));
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    await vi.waitFor(() => expect(fake.calls.signs).toHaveLength(1));
    fake.clock.advance(5 * MINUTE - 1);
    expect(fake.state().status).toBe('awaiting-signature');
    fake.clock.advance(1);
    expect(await until(fake, 'failed')).toMatchObject({ error: { code: 'TIMEOUT', action: 'retry' } });
    expect(fake.calls.posts).toHaveLength(0);
  });

  it('a wallet connect that never answers times out too', async () => {
    const fake = fakeDeps();
    fake.script.connect.push(() => new Promise(() => undefined));
    const runner = createMintRunner(fake.deps);
    await runner.start();
    await vi.waitFor(() => expect(fake.calls.connects).toBe(1));
    fake.clock.advance(5 * MINUTE);
    expect(await until(fake, 'failed')).toMatchObject({ error: { code: 'TIMEOUT' } });
  });

  it('an account switch while signing fails the flow, and the late signature posts nothing', async () => {
    const fake = fakeDeps();
    const signature = deferred<string>();
    fake.script.sign.push(() => signature.promise);
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    await vi.waitFor(() => expect(fake.calls.signs).toHaveLength(1));
    fake.switchAccount(OTHER);
    expect(await until(fake, 'failed')).toMatchObject({ error: { code: 'WALLET_ACCOUNT_CHANGED', action: 'reconnect_wallet' } });
    signature.resolve(SIGNATURE);
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.calls.posts).toHaveLength(0);
    expect(fake.state().status).toBe('failed');
  });

  it('a cancel while the wallet is open posts nothing when the signature arrives late', async () => {
    const fake = fakeDeps();
    const signature = deferred<string>();
    fake.script.sign.push(() => signature.promise);
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    await vi.waitFor(() => expect(fake.calls.signs).toHaveLength(1));
    expect((await runner.cancel()).status).toBe('idle');
    signature.resolve(SIGNATURE);
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.calls.posts).toHaveLength(0);
    expect(fake.state().status).toBe('idle');
  });

  it('a cancel while minting does not stop the key from being saved', async () => {
    const fake = fakeDeps();
    const post = deferred<never>();
    fake.script.mint.push(() => post.promise);
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    await until(fake, 'minting');
    expect((await runner.cancel()).status).toBe('minting');
    post.reject(fail('SERVER_ERROR'));
    expect(await until(fake, 'failed')).toMatchObject({ error: { code: 'SERVER_ERROR' } });
  });

  it('an unreachable RPC is a warning: ready, mint allowed', async () => {
    const fake = fakeDeps();
    fake.script.eligibility = fail('RPC_UNREACHABLE');
    const { runner } = await connected(fake);
    expect(fake.state()).toMatchObject({ ctx: { eligibility: { reason: 'rpc-unreachable' } } });
    await runner.confirm(OPTIONS);
    await until(fake, 'saved');
  });

  it('records why a wallet is not eligible', async () => {
    const fake = fakeDeps();
    fake.script.eligibility = { staked: 0n, liquid: 10n ** 18n, eligible: false, reason: 'liquid-not-staked' };
    await connected(fake);
    expect(fake.state()).toMatchObject({ ctx: { eligibility: { eligible: false, reason: 'liquid-not-staked', liquid: '1000000000000000000' } } });
  });
});

describe('mint runner: token freshness', () => {
  it('signs the prefetched token while more than 2 minutes of it remain', async () => {
    const { fake, runner } = await connected();
    fake.clock.set(12 * MINUTE);
    await runner.confirm(OPTIONS);
    await until(fake, 'saved');
    expect(fake.calls.tokens).toHaveLength(1);
    expect(fake.calls.signs).toEqual([fake.calls.tokens[0]]);
  });

  it('fetches a new token at the click when under 2 minutes remain', async () => {
    const { fake, runner } = await connected();
    fake.clock.set(13.5 * MINUTE);
    await runner.confirm(OPTIONS);
    await until(fake, 'saved');
    expect(fake.calls.tokens).toHaveLength(2);
    expect(fake.calls.signs).toEqual([fake.calls.tokens[1]]);
    expect(fake.calls.posts[0]!.token).toBe(fake.calls.tokens[1]);
  });

  it('refreshes the held token in ready when 2 minutes remain', async () => {
    const { fake } = await connected();
    const before = fake.state();
    fake.clock.advance(12 * MINUTE);
    expect(fake.calls.tokens).toHaveLength(1);
    fake.clock.advance(1.1 * MINUTE);
    await vi.waitFor(() => expect(fake.calls.tokens).toHaveLength(2));
    await vi.waitFor(() => {
      const after = fake.state();
      expect(after.status === 'ready' && before.status === 'ready' && after.tokenExpiresAt! > before.tokenExpiresAt!).toBe(true);
    });
  });

  it('get() in ready refreshes a stale token (the service worker slept through the timer)', async () => {
    const { fake, runner } = await connected();
    fake.clock.set(14 * MINUTE);
    await runner.get();
    await vi.waitFor(() => expect(fake.calls.tokens).toHaveLength(2));
  });
});
