import { useSignal } from '@preact/signals';

/** Busy flag and last error of one async action; a second click while busy is ignored. */
export function useAction() {
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
    } finally {
      busy.value = false;
    }
  };
  return { busy, error, run };
}
