/** The background side of the flow contracts: each one a call into the runner. */
import type { Handlers } from '../messaging/handle';
import type { MintContracts } from '../messaging/mint';
import type { MintRunner } from './runner';

export function mintHandlers(runner: MintRunner): Handlers<MintContracts> {
  return {
    'mint.get': () => runner.get(),
    'mint.start': ({ options }) => runner.start(options),
    'mint.confirm': ({ options }) => runner.confirm(options),
    'mint.cancel': () => runner.cancel(),
    'mint.retry': () => runner.retry(),
    'mint.selectWallet': ({ walletId }) => runner.selectWallet(walletId),
    'mint.reveal': async () => ({ apiKey: (await runner.reveal()) ?? null }),
  };
}
