import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { VaultApi } from './vault-api';
import { cleanPastedKey, keyTypeOf } from '../lib/vault/key-format';
import { useAction } from './use-action';
import { VaultError } from './VaultError';

/** Paste an existing key: checked for its form here, then at Venice by the background, then saved. */
export function KeyImport({ api, onDone, onCancel }: { api: Pick<VaultApi, 'importKey'>; onDone: () => void; onCancel: () => void }) {
  const secret = useSignal('');
  const description = useSignal('');
  const invalid = useSignal(false);
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    invalid.value = keyTypeOf(cleanPastedKey(secret.value)) === null;
    if (invalid.value) return;
    void action.run(async () => {
      await api.importKey(secret.value, description.value.trim());
      secret.value = '';
      onDone();
    });
  };
  return (
    <form onSubmit={submit} class="stack" aria-labelledby="import-title">
      <h2 id="import-title">{i18n.t('vault.import.title')}</h2>
      <div class="field">
        <label for="import-secret">{i18n.t('vault.import.secret')}</label>
        <input id="import-secret" type="password" value={secret.value} autoFocus autoComplete="off" spellcheck={false}
          aria-describedby="import-hint" aria-invalid={invalid.value ? 'true' : undefined}
          onInput={(e) => { secret.value = e.currentTarget.value; invalid.value = false; }} />
        <p id="import-hint" class={invalid.value ? 'error' : 'hint'} role={invalid.value ? 'alert' : undefined}>
          {invalid.value ? i18n.t('vault.import.invalid') : i18n.t('vault.import.hint')}
        </p>
      </div>
      <div class="field">
        <label for="import-description">{i18n.t('vault.import.description')}</label>
        <input id="import-description" value={description.value} maxLength={64}
          onInput={(e) => { description.value = e.currentTarget.value; }} />
      </div>
      <VaultError error={action.error.value} />
      <div class="row">
        <button type="submit" class="primary" disabled={action.busy.value}>
          {action.busy.value ? i18n.t('vault.working') : i18n.t('vault.import.submit')}
        </button>
        <button type="button" onClick={onCancel}>{i18n.t('vault.import.cancel')}</button>
      </div>
    </form>
  );
}
