import { useSignal } from '@preact/signals';
import type { MintState } from '../lib/mint/state';

/** What a failed call to the background says (its message is already a sentence for people). */
export type CallError = { message?: string };

/**
 * Sends the person's clicks on the mint flow to the background, one at a time: a click while one
 * is on its way is ignored, the answer goes to `accept`, a failed call is kept in `callError`.
 * Used by the popup's mint panel and the onboarding tab.
 */
export function useMintSend(accept: (next: MintState) => void) {
  const sending = useSignal(false);
  const callError = useSignal<CallError | null>(null);
  const send = (task: () => Promise<MintState>) => async () => {
    if (sending.value) return;
    sending.value = true;
    callError.value = null;
    try {
      accept(await task());
    } catch (e) {
      callError.value = e as CallError;
    } finally {
      sending.value = false;
    }
  };
  return { sending, callError, send };
}
