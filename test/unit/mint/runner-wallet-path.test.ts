// The signature goes through the wallet the flow connected with: the runner hands the
// connected wallet's id to sign(), so the direct MetaMask path (entrypoints/background/
// direct-port.ts) signs a flow it connected, even after a worker restart in between.
import { describe, expect, it } from 'vitest';
import { fakeDeps } from './fakes';
import { OPTIONS, WALLETS } from './fixtures';
import { connected, until } from './runner-steps';

describe('mint runner: the wallet path', () => {
  it('signs with the wallet id it connected', async () => {
    const fake = fakeDeps();
    const asked: Array<string | undefined> = [];
    const sign = fake.deps.wallet.sign.bind(fake.deps.wallet);
    fake.deps.wallet.sign = (message, address, walletId) => {
      asked.push(walletId);
      return sign(message, address, walletId);
    };
    const { runner } = await connected(fake);
    await runner.confirm(OPTIONS);
    await until(fake, 'saved');
    expect(asked).toEqual([WALLETS[0]!.id]);
  });
});
