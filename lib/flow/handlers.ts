/** The background side of the flow contracts: each one a call into the runner. */
import type { Handlers } from '../messaging/handle';
import type { FlowContracts } from '../messaging/flow';
import type { FlowRunner } from './runner';

export function flowHandlers(runner: FlowRunner): Handlers<FlowContracts> {
  return {
    'flow.get': () => runner.get(),
    'flow.start': ({ options }) => runner.start(options),
    'flow.confirm': ({ options }) => runner.confirm(options),
    'flow.cancel': () => runner.cancel(),
    'flow.retry': () => runner.retry(),
    'flow.selectWallet': ({ walletId }) => runner.selectWallet(walletId),
    'flow.reveal': async () => ({ apiKey: (await runner.reveal()) ?? null }),
  };
}
