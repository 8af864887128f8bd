/**
 * The message layer the popup's apis call through: the typed contracts and their zod
 * checks. Evaluated on first use (an inlined dynamic import), by the first request the
 * popup sends after its first paint: the first paint comes from storage (cached-state.ts).
 */
import { call, type Send } from '../../lib/messaging/call';
import type { InputOf, OutputOf } from '../../lib/messaging/protocol';
import { settingsContracts } from '../../lib/messaging/settings';
import { toolbarContracts } from '../../lib/messaging/toolbar';
import { vaultContracts } from '../../lib/messaging/vault';

export { RemoteError } from '../../lib/messaging/protocol';

const contracts = { ...vaultContracts, ...toolbarContracts, ...settingsContracts };
export type PopupContracts = typeof contracts;

/** call() on the popup's contracts (vault, status, settings) by name. */
export function callRemote<K extends keyof PopupContracts & string>(
  send: Send,
  name: K,
  input: InputOf<PopupContracts, K>,
): Promise<OutputOf<PopupContracts, K>> {
  return call(send, contracts, name, input);
}
