import { useSignal } from '@preact/signals';

/** Busy flag and last error of one async action; a second click while busy is ignored. `onError` sees each error too. */
export function useAction(onError?: (error: unknown) => void) {
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);
  const run = async (task: () => Promise<void>) => {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      await task();
    } catch (e) {
      error.value = e;
      onError?.(e);
    } finally {
      busy.value = false;
    }
  };
  return { busy, error, run };
}
