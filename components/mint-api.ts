/**
 * What the mint panel asks the background (entrypoints/popup/api.ts builds it on the
 * popup's client), plus a watch on the stored state so every open popup follows along.
 */
import type { MintOptions } from '../lib/mint/options';
import type { MintState } from '../lib/mint/state';

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
