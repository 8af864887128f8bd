/**
 * The popup's door to the background mint flow: typed calls over the message
 * protocol, plus a watch on the stored state so every open popup follows along.
 * Components get this object as a prop and never touch storage or the runtime.
 */
import { call, type Send } from '../messaging/call';
import { flowContracts } from '../messaging/flow';
import { sendToBackground } from '../messaging/runtime';
import type { MintOptions } from './options';
import type { FlowState } from './state';
import { watchFlowState } from './watch';

export interface FlowApi {
  get(): Promise<FlowState>;
  /** Connect a wallet; joins a flow already in progress. */
  start(options?: MintOptions): Promise<FlowState>;
  /** The Mint click. */
  confirm(options: MintOptions): Promise<FlowState>;
  cancel(): Promise<FlowState>;
  retry(): Promise<FlowState>;
  selectWallet(walletId: string): Promise<FlowState>;
  /** The key the vault could not store (state saved-unstored only), else null. */
  reveal(): Promise<string | null>;
  /** Calls `listener` with each new state; returns the function that stops it. */
  watch(listener: (state: FlowState) => void): () => void;
}

export function createFlowApi(send: Send = sendToBackground, watch = watchFlowState): FlowApi {
  const c = flowContracts;
  return {
    get: () => call(send, c, 'flow.get', {}),
    start: (options) => call(send, c, 'flow.start', options ? { options } : {}),
    confirm: (options) => call(send, c, 'flow.confirm', { options }),
    cancel: () => call(send, c, 'flow.cancel', {}),
    retry: () => call(send, c, 'flow.retry', {}),
    selectWallet: (walletId) => call(send, c, 'flow.selectWallet', { walletId }),
    reveal: async () => (await call(send, c, 'flow.reveal', {})).apiKey,
    watch,
  };
}
