import { i18n } from '#i18n';
import type { VaultApi } from './vault-api';
import { PassphraseChange } from './PassphraseChange';
import { VaultReset } from './VaultReset';

interface Props {
  api: VaultApi;
  onBack: () => void;
  onReset: () => void;
  /** Opens the options page, where every other setting lives. */
  onOpenOptions?: () => void;
}

/** The vault's settings (passphrase, reset) and the way to all the others on the options page. */
export function VaultSettings({ api, onBack, onReset, onOpenOptions }: Props) {
  return (
    <section class="stack" aria-label={i18n.t('vault.settings.open')}>
      <button type="button" class="link" onClick={onBack}>← {i18n.t('vault.settings.back')}</button>
      {onOpenOptions && (
        <p class="hint">
          {i18n.t('vault.settings.more_text')}{' '}
          <button type="button" class="link" onClick={onOpenOptions}>{i18n.t('vault.settings.more')}</button>
        </p>
      )}
      <PassphraseChange api={api} />
      <VaultReset api={api} onDone={onReset} />
    </section>
  );
}
