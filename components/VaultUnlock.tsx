import { useSignal, useSignalEffect } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { VaultApi } from './vault-api';
import { PassphraseField } from './PassphraseField';
import { useAction } from './use-action';
import { VaultError } from './VaultError';

interface Props {
  api: Pick<VaultApi, 'unlock'>;
  /** Wait before another try is accepted, as the background reported it. */
  retryInMs: number;
  onDone: () => void;
  /** Called after a failed try, so the parent can fetch the new wait. */
  onFailed: () => void;
  onForgot: () => void;
  now?: () => number;
}

/** Asks for the passphrase; shows the wrong-passphrase error and counts down the enforced wait. */
export function VaultUnlock({ api, retryInMs, onDone, onFailed, onForgot, now = Date.now }: Props) {
  const passphrase = useSignal('');
  const action = useAction();
  const until = useSignal(now() + retryInMs);
  const left = useSignal(Math.ceil(retryInMs / 1000));

  useEffect(() => { until.value = now() + retryInMs; }, [retryInMs]);
  useSignalEffect(() => {
    const tick = () => { left.value = Math.max(0, Math.ceil((until.value - now()) / 1000)); };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  });

  const waiting = left.value > 0;
  const submit = (e: Event) => {
    e.preventDefault();
    if (waiting || !passphrase.value) return;
    void action.run(async () => {
      try {
        await api.unlock(passphrase.value);
      } catch (error) {
        passphrase.value = '';
        onFailed();
        throw error;
      }
      passphrase.value = '';
      onDone();
    });
  };

  return (
    <form onSubmit={submit} class="stack" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{i18n.t('vault.unlock.title')}</h1>
      <PassphraseField id="unlock-pass" label={i18n.t('vault.unlock.passphrase')} value={passphrase} autoFocus
        invalid={!!action.error.value} describedBy="unlock-error" />
      <div id="unlock-error"><VaultError error={action.error.value} /></div>
      {waiting && <p class="hint" aria-live="polite">{i18n.t('vault.unlock.wait', [left.value])}</p>}
      <button type="submit" class="primary" disabled={action.busy.value || waiting}>
        {action.busy.value ? i18n.t('vault.working') : i18n.t('vault.unlock.submit')}
      </button>
      <button type="button" class="link" onClick={onForgot}>{i18n.t('vault.unlock.forgot')}</button>
    </form>
  );
}
