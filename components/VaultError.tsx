import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';

/** The sentence to show for a failed call: the error table's message, never raw exception text. */
export function errorMessage(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e && typeof e.code === 'string' && typeof e.message === 'string' && e.message) return e.message;
  return i18n.t('vault.error_generic');
}

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

export function VaultError({ error }: { error: unknown }) {
  if (!error) return null;
  return <p role="alert" class="error">{errorMessage(error)}</p>;
}
