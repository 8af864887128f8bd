/**
 * The popup's door to the background mint flow: typed calls over the message
 * protocol, plus a watch on the stored state so every open popup follows along.
 * Components get this object as a prop and never touch storage or the runtime.
 */
import { call, type Send } from '../messaging/call';
import { mintContracts } from '../messaging/mint';
import { sendToBackground } from '../messaging/runtime';
import type { MintOptions } from './options';
import type { MintState } from './state';
import { watchMintState } from './watch';

export interface MintApi {
  get(): Promise<MintState>;
  /** Connect a wallet; joins a flow already in progress. */
  start(options?: MintOptions): Promise<MintState>;
  /** The Mint click. */
  confirm(options: MintOptions): Promise<MintState>;
  cancel(): Promise<MintState>;
  retry(): Promise<MintState>;
  selectWallet(walletId: string): Promise<MintState>;
  /** The key the vault could not store (state saved-unstored only), else null. */
  reveal(): Promise<string | null>;
  /** Calls `listener` with each new state; returns the function that stops it. */
  watch(listener: (state: MintState) => void): () => void;
}

export function createMintApi(send: Send = sendToBackground, watch = watchMintState): MintApi {
  const c = mintContracts;
  return {
    get: () => call(send, c, 'mint.get', {}),
    start: (options) => call(send, c, 'mint.start', options ? { options } : {}),
    confirm: (options) => call(send, c, 'mint.confirm', { options }),
    cancel: () => call(send, c, 'mint.cancel', {}),
    retry: () => call(send, c, 'mint.retry', {}),
    selectWallet: (walletId) => call(send, c, 'mint.selectWallet', { walletId }),
    reveal: async () => (await call(send, c, 'mint.reveal', {})).apiKey,
    watch,
  };
}
