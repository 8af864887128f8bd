import { i18n } from '#i18n';

interface Props {
  vault: 'locked' | 'uninitialized';
  onUnlock: () => void;
  onContinue: () => void;
  onCancel: () => void;
  disabled?: boolean;
}

/** The vault must be open before the wallet is asked, so the new key can be stored at once. */
export function MintUnlock({ vault, onUnlock, onContinue, onCancel, disabled }: Props) {
  return (
    <div class="stack needs-unlock">
      <p role="status">{vault === 'locked' ? i18n.t('mint.unlock.locked') : i18n.t('mint.unlock.uninitialized')}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onUnlock}>
          {vault === 'locked' ? i18n.t('mint.unlock.open') : i18n.t('mint.unlock.setup')}
        </button>
        <button type="button" onClick={onContinue} disabled={disabled}>
          {i18n.t('mint.unlock.continue')}
        </button>
        <button type="button" onClick={onCancel} disabled={disabled}>
          {i18n.t('mint.cancel')}
        </button>
      </div>
    </div>
  );
}
