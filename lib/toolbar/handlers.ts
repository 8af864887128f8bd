import type { Handlers } from '../messaging/handle';
import type { ToolbarContracts } from '../messaging/toolbar';
import type { Toolbar } from './poller';

/** The background's answers to toolbar.get / toolbar.refresh. */
export function statusHandlers(poller: Pick<Toolbar, 'status' | 'pollNow'>): Handlers<ToolbarContracts> {
  return {
    'toolbar.get': () => poller.status(),
    'toolbar.refresh': async () => {
      const outcome = await poller.pollNow();
      return { ...(await poller.status()), outcome };
    },
  };
}
