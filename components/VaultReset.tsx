import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { VaultApi } from './vault-api';
import { RESET_CONFIRMATION } from '../lib/vault/reset-confirmation';
import { useAction } from './use-action';
import { VaultError } from './VaultError';

/** Erases the whole vault after the person types the confirmation word. */
export function VaultReset({ api, onDone, onCancel }: { api: VaultApi; onDone: () => void; onCancel?: () => void }) {
  const typed = useSignal('');
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    if (typed.value !== RESET_CONFIRMATION) return;
    void action.run(async () => {
      await api.reset(typed.value);
      onDone();
    });
  };
  return (
    <form onSubmit={submit} class="stack danger-zone" aria-labelledby="reset-title">
      <h2 id="reset-title">{i18n.t('vault.settings.reset_title')}</h2>
      <p class="warning">{i18n.t('vault.settings.reset_warning')}</p>
      <div class="field">
        <label for="reset-confirm">{i18n.t('vault.settings.reset_label', [RESET_CONFIRMATION])}</label>
        <input id="reset-confirm" value={typed.value} autoComplete="off" spellcheck={false}
          onInput={(e) => { typed.value = e.currentTarget.value; }} />
      </div>
      <VaultError error={action.error.value} />
      <div class="row">
        <button type="submit" class="danger" disabled={typed.value !== RESET_CONFIRMATION || action.busy.value}>
          {i18n.t('vault.settings.reset_submit')}
        </button>
        {onCancel && <button type="button" onClick={onCancel}>{i18n.t('vault.keys.cancel')}</button>}
      </div>
    </form>
  );
}
