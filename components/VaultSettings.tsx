import { i18n } from '#i18n';
import type { VaultApi } from './vault-api';
import { PassphraseChange } from './PassphraseChange';
import { VaultReset } from './VaultReset';

/** Settings-lite: change the passphrase, reset the vault, back to the keys. */
export function VaultSettings({ api, onBack, onReset }: { api: VaultApi; onBack: () => void; onReset: () => void }) {
  return (
    <section class="stack" aria-label={i18n.t('vault.settings.open')}>
      <button type="button" class="link" onClick={onBack}>← {i18n.t('vault.settings.back')}</button>
      <PassphraseChange api={api} />
      <VaultReset api={api} onDone={onReset} />
    </section>
  );
}
