import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { VaultApi } from './vault-api';
import { checkPassphrase } from '../lib/vault/passphrase-policy';
import { PassphraseField } from './PassphraseField';
import { useAction } from './use-action';
import { VaultError } from './VaultError';
import { problemText } from './VaultSetup';

/** Change the passphrase: the background re-wraps the data key in one write; the keys stay as they are. */
export function PassphraseChange({ api }: { api: VaultApi }) {
  const current = useSignal('');
  const next = useSignal('');
  const confirm = useSignal('');
  const done = useSignal(false);
  const local = useSignal('');
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    done.value = false;
    const problem = checkPassphrase(next.value);
    local.value = problem ? problemText(problem) : next.value !== confirm.value ? i18n.t('vault.setup.mismatch') : '';
    if (local.value || !current.value) return;
    void action.run(async () => {
      await api.changePassphrase(current.value, next.value, confirm.value);
      current.value = next.value = confirm.value = '';
      done.value = true;
    });
  };
  return (
    <form onSubmit={submit} class="stack" aria-labelledby="change-title">
      <h2 id="change-title">{i18n.t('vault.settings.change_title')}</h2>
      <PassphraseField id="change-current" label={i18n.t('vault.settings.current')} value={current} />
      <PassphraseField id="change-next" label={i18n.t('vault.settings.next')} value={next} autoComplete="new-password" />
      <PassphraseField id="change-confirm" label={i18n.t('vault.settings.confirm')} value={confirm} autoComplete="new-password" />
      {local.value && <p class="error" role="alert">{local.value}</p>}
      <VaultError error={action.error.value} />
      {done.value && <p class="hint" role="status">{i18n.t('vault.settings.changed')}</p>}
      <button type="submit" disabled={action.busy.value}>
        {action.busy.value ? i18n.t('vault.working') : i18n.t('vault.settings.change_submit')}
      </button>
    </form>
  );
}
