import type { Handlers } from '../messaging/handle';
import type { StatusContracts } from '../messaging/status';
import type { Poller } from './poller';

/** The background's answers to status.get / status.refresh. */
export function statusHandlers(poller: Pick<Poller, 'status' | 'pollNow'>): Handlers<StatusContracts> {
  return {
    'status.get': () => poller.status(),
    'status.refresh': async () => {
      const outcome = await poller.pollNow();
      return { ...(await poller.status()), outcome };
    },
  };
}
