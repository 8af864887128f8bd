/**
 * The flow's one stored item, `session:mintFlow` (storage.session: memory only,
 * kept across a service-worker restart, gone when the browser closes). The badge
 * reads it to show "…" while the wallet is asked. Every read is checked with zod;
 * a value that does not fit reads as idle.
 */
import { storage } from 'wxt/utils/storage';
import type { MintStore } from './deps';
import { IDLE, parseMintState, type MintState } from './state';
import { MINT_STORAGE_KEY } from './watch';

export const mintStateItem = storage.defineItem<unknown>(`session:${MINT_STORAGE_KEY}`, { fallback: IDLE, version: 1 });

export async function readMintState(): Promise<MintState> {
  return parseMintState(await mintStateItem.getValue());
}

/** Calls `listener` with the checked state whenever it changes (the popup and the badge use it). */
export { watchMintState } from './watch';

/** The store the runner writes through. */
export const mintStore: MintStore = {
  get: readMintState,
  set: (state) => mintStateItem.setValue(state),
};

/** True while the wallet is being asked: the badge shows a grey "…". */
export const isWaitingForWallet = (state: MintState): boolean =>
  state.status === 'connecting' || state.status === 'awaiting-signature';
