/**
 * The message layer the popup's apis call through: the typed contracts and their zod
 * checks. Loaded on demand (a separate chunk), right after the first paint, so opening
 * the popup does not wait for it: the first paint comes from storage (cached-state.ts).
 */
import { call, type Send } from '../../lib/messaging/call';
import type { InputOf, OutputOf } from '../../lib/messaging/protocol';
import { settingsContracts } from '../../lib/messaging/settings';
import { statusContracts } from '../../lib/messaging/status';
import { vaultContracts } from '../../lib/messaging/vault';

export { RemoteError } from '../../lib/messaging/protocol';

const contracts = { ...vaultContracts, ...statusContracts, ...settingsContracts };
export type PopupContracts = typeof contracts;

/** call() on the popup's contracts (vault, status, settings) by name. */
export function callRemote<K extends keyof PopupContracts & string>(
  send: Send,
  name: K,
  input: InputOf<PopupContracts, K>,
): Promise<OutputOf<PopupContracts, K>> {
  return call(send, contracts, name, input);
}
