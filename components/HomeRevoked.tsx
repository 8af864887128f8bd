import { i18n } from '#i18n';

/** Venice answered 401 for the key: polling has stopped; point to the keys screen. */
export function HomeRevoked({ onManageKeys }: { onManageKeys?: () => void }) {
  return (
    <div class="note note-alert stack-sm" role="alert" data-testid="revoked">
      <strong>{i18n.t('home.revoked.title')}</strong>
      <p>{i18n.t('home.revoked.text')}</p>
      {onManageKeys && (
        <button type="button" onClick={onManageKeys}>{i18n.t('home.revoked.manage')}</button>
      )}
    </div>
  );
}
