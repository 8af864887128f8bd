import { i18n } from '#i18n';

/** A calm placeholder shaped like the balances while the first answer is on its way. */
export function HomeLoading({ label }: { label?: string }) {
  return (
    <div class="home-loading" aria-busy="true" data-testid="home-loading">
      <p role="status" class="hint">{label ?? i18n.t('home.loading')}</p>
      <div class="skeleton skeleton-wide" aria-hidden="true" />
      <div class="skeleton" aria-hidden="true" />
      <div class="skeleton skeleton-short" aria-hidden="true" />
    </div>
  );
}
