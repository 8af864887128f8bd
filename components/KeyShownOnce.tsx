import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';

interface Props {
  secret: string;
  /** Writes the key to the clipboard (the popup's api.copy). */
  copy: (text: string) => Promise<unknown>;
  onDone: () => void;
}

/**
 * The fallback when a minted key could not be stored (VAULT_STORAGE_FAILED,
 * VAULT_LOCKED…): the key is shown this once, with a copy button and a clear
 * warning, so it is not lost. The caller must drop the secret after onDone.
 */
export function KeyShownOnce({ secret, copy, onDone }: Props) {
  const copied = useSignal(false);
  const failed = useSignal(false);
  const doCopy = async () => {
    try {
      await copy(secret);
      copied.value = true;
    } catch {
      failed.value = true;
    }
  };
  return (
    <section class="stack shown-once" role="alertdialog" aria-labelledby="once-title" aria-describedby="once-warning">
      <h2 id="once-title">{i18n.t('vault.shown_once.title')}</h2>
      <p id="once-warning" class="warning">{i18n.t('vault.shown_once.warning')}</p>
      <code class="secret" data-testid="shown-once-secret">{secret}</code>
      <div class="row">
        <button type="button" class="primary" onClick={doCopy} autoFocus>{i18n.t('vault.shown_once.copy')}</button>
        <button type="button" onClick={onDone}>{i18n.t('vault.shown_once.done')}</button>
      </div>
      {copied.value && <p class="hint" role="status">{i18n.t('vault.shown_once.copied')}</p>}
      {failed.value && <p class="error" role="alert">{i18n.t('vault.error_generic')}</p>}
    </section>
  );
}
