/**
 * How the popup's apis reach the background: the message layer (remote.ts, with the
 * contracts' zod checks) is imported on first use, so building those schemas is not part
 * of the first paint.
 */
import type { Send } from '../../lib/messaging/call';
import type { InputOf, OutputOf } from '../../lib/messaging/protocol';
import type { PopupContracts } from './remote';

/** The message layer, evaluated by the first call (an inlined dynamic import in popup-app.js). */
export const loadRemote = () => import('./remote');

/** Calls one of the popup's contracts (vault, status, settings) with `send`. */
export async function request<K extends keyof PopupContracts & string>(
  send: Send,
  name: K,
  input: InputOf<PopupContracts, K>,
): Promise<OutputOf<PopupContracts, K>> {
  return (await loadRemote()).callRemote(send, name, input);
}
