// The runner after a worker restart in awaiting-signature, with a wallet port that can resume
// (the direct path: its host outlives the worker with the request in it) and one that cannot.
import { describe, expect, it } from 'vitest';
import { createMintRunner } from '../../../lib/mint/runner';
import { ADDRESS, S } from './fixtures';
import { deferred, fail, fakeDeps, jwt, SIGNATURE, T0 } from './fakes';
import { until } from './runner-steps';

const HELD_TOKEN = jwt(T0, 900, 99);

function withResume(held: Promise<{ message: string; signature: string } | undefined>) {
  const fake = fakeDeps();
  const asked: Array<{ address: string; walletId?: string }> = [];
  fake.deps.wallet.resume = (address, walletId) => {
    asked.push({ address, walletId });
    return held;
  };
  fake.setState(S.signing);
  return { fake, asked, runner: createMintRunner(fake.deps) };
}

describe('mint runner: a signature resumed after a worker restart', () => {
  it('waits in awaiting-signature for the held request, then mints once with its token and saves', async () => {
    const held = deferred<{ message: string; signature: string } | undefined>();
    const { fake, asked, runner } = withResume(held.promise);
    expect(await runner.restore()).toMatchObject({ status: 'awaiting-signature' });
    expect(asked).toEqual([{ address: ADDRESS, walletId: S.signing.ctx.wallet }]);
    held.resolve({ message: HELD_TOKEN, signature: SIGNATURE });
    await until(fake, 'saved');
    expect(fake.calls.posts).toHaveLength(1);
    expect(fake.calls.posts[0]).toMatchObject({ token: HELD_TOKEN, signature: SIGNATURE, address: ADDRESS });
    expect(fake.calls.signs, 'nothing asked of the wallet a second time').toEqual([]);
    expect(fake.calls.tokens, 'no new token').toEqual([]);
  });

  it('nothing to resume: fails as an interrupted step, with a retry, and sends nothing', async () => {
    const { fake, runner } = withResume(Promise.resolve(undefined));
    await runner.restore();
    const failed = await until(fake, 'failed');
    expect(failed).toMatchObject({ from: 'awaiting-signature', error: { code: 'ABORTED', action: 'retry' } });
    expect(fake.calls.posts).toEqual([]);
    expect((await runner.retry()).status).toBe('ready');
  });

  it('a request declined in the wallet fails with the wallet\'s reason and sends nothing', async () => {
    const { fake, runner } = withResume(Promise.reject(fail('WALLET_REJECTED')));
    await runner.restore();
    expect(await until(fake, 'failed')).toMatchObject({ error: { code: 'WALLET_REJECTED' } });
    expect(fake.calls.posts).toEqual([]);
  });

  it('cancelled while waiting: the answer that comes later sends nothing', async () => {
    const held = deferred<{ message: string; signature: string } | undefined>();
    const { fake, runner } = withResume(held.promise);
    await runner.restore();
    await runner.cancel();
    held.resolve({ message: HELD_TOKEN, signature: SIGNATURE });
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.state().status).toBe('idle');
    expect(fake.calls.posts).toEqual([]);
  });

  it('a wallet that never answers ends with the wallet time limit', async () => {
    const { fake, runner } = withResume(new Promise(() => undefined));
    await runner.restore();
    fake.clock.advance(5 * 60_000 + 1);
    expect(await until(fake, 'failed')).toMatchObject({ error: { code: 'TIMEOUT' } });
    expect(fake.calls.posts).toEqual([]);
  });
});
