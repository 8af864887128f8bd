import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { MintState } from '../lib/mint/state';
import { KeyShownOnce } from './KeyShownOnce';
import type { WelcomeApi } from './welcome-api';
/** The key Venice returned but the vault could not store: shown once, with Copy, and a retry of the save. */
export function WelcomeUnstored({ api, state, onRetry, onDone, busy }: {
  api: WelcomeApi; state: Extract<MintState, { status: 'saved-unstored' }>; onRetry: () => void; onDone: () => void; busy: boolean;
}) {
  const secret = useSignal<string | null>(null);
  useEffect(() => {
    void api.mint.reveal().then((key) => (secret.value = key), () => undefined);
  }, [state.key.veniceId]);
  return (
    <div class="stack">
      <p role="alert" class="error">{state.error.message}</p>
      {secret.value && <KeyShownOnce secret={secret.value} copy={api.copyUnstored} onDone={onDone} />}
      <div class="row"><button type="button" onClick={onRetry} disabled={busy}>{i18n.t('mint.unstored.retry')}</button></div>
    </div>
  );
}
