import { i18n } from '#i18n';

/** Venice refuses the key for now (access not permitted): one banner, one action (check again). */
export function HomeBlocked({ onRefresh, refreshing }: { onRefresh: () => void; refreshing: boolean }) {
  return (
    <div class="note note-alert stack-sm" role="alert" data-testid="blocked">
      <strong>{i18n.t('home.access.blocked_title')}</strong>
      <p>{i18n.t('home.access.blocked_text')}</p>
      <button type="button" onClick={onRefresh} disabled={refreshing}>{i18n.t('home.access.check_again')}</button>
    </div>
  );
}
