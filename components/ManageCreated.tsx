import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { KeyMeta } from '../lib/vault/record';

interface Props {
  secret: string;
  saved: KeyMeta | null;
  /** Copies through the background's clipboard owner, which clears it later. */
  copy: (text: string) => Promise<'copied-will-clear' | 'copied-no-clear'>;
  clipboardClearSeconds: number;
  onDone: () => void;
}

/** A newly created key, shown this once: saved in the vault first (or, if that failed, said so). */
export function ManageCreated({ secret, saved, copy, clipboardClearSeconds, onDone }: Props) {
  const notice = useSignal('');
  const doCopy = async () => {
    try {
      const outcome = await copy(secret);
      notice.value = outcome === 'copied-will-clear' ? i18n.t('vault.keys.copied', [clipboardClearSeconds]) : i18n.t('vault.keys.copied_no_clear');
    } catch {
      notice.value = i18n.t('vault.error_generic');
    }
  };
  return (
    <section class="stack panel" role="alertdialog" aria-labelledby="created-title" aria-describedby="created-text" data-testid="key-created">
      <h2 id="created-title">{i18n.t('manage.created.title')}</h2>
      <p id="created-text" class={saved ? 'hint' : 'warning'}>{saved ? i18n.t('manage.created.saved') : i18n.t('manage.created.not_saved')}</p>
      <code class="secret" data-testid="created-secret">{secret}</code>
      <div class="row">
        <button type="button" class="primary" onClick={doCopy} autoFocus>{i18n.t('vault.keys.copy')}</button>
        <button type="button" onClick={onDone}>{i18n.t('vault.shown_once.done')}</button>
      </div>
      {notice.value && <p class="hint" role="status">{notice.value}</p>}
    </section>
  );
}
