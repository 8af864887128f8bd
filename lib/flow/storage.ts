/**
 * The flow's one stored item, `session:mintFlow` (storage.session: memory only,
 * kept across a service-worker restart, gone when the browser closes). The badge
 * reads it to show "…" while the wallet is asked. Every read is checked with zod;
 * a value that does not fit reads as idle.
 */
import { storage } from 'wxt/utils/storage';
import type { FlowStore } from './deps';
import { IDLE, parseFlowState, type FlowState } from './state';
import { FLOW_STORAGE_KEY } from './watch';

export const mintFlowItem = storage.defineItem<unknown>(`session:${FLOW_STORAGE_KEY}`, { fallback: IDLE, version: 1 });

export async function readFlowState(): Promise<FlowState> {
  return parseFlowState(await mintFlowItem.getValue());
}

/** Calls `listener` with the checked state whenever it changes (the popup and the badge use it). */
export { watchFlowState } from './watch';

/** The store the runner writes through. */
export const flowStore: FlowStore = {
  get: readFlowState,
  set: (state) => mintFlowItem.setValue(state),
};

/** True while the wallet is being asked: the badge shows a grey "…". */
export const isWaitingForWallet = (state: FlowState): boolean =>
  state.status === 'connecting' || state.status === 'awaiting-signature';
