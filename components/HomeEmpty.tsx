import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';

export interface HomeEmptyProps {
  onImport?: () => void;
  /** The mint panel (and its eligibility check), when the popup provides it. */
  mint?: ComponentChildren;
}

/** No key saved yet: a friendly start, with the two ways to get one. */
export function HomeEmpty({ onImport, mint }: HomeEmptyProps) {
  return (
    <section class="home-empty stack" aria-labelledby="home-empty-title" data-testid="home-empty">
      <div class="empty-hero">
        <span class="empty-mark" aria-hidden="true">◈</span>
        <h1 id="home-empty-title">{i18n.t('home.empty.title')}</h1>
        <p class="hint">{i18n.t('home.empty.text')}</p>
      </div>
      {mint && <div class="mint-slot">{mint}</div>}
      {onImport && (
        <button type="button" class={mint ? undefined : 'primary'} onClick={onImport}>
          {i18n.t('home.empty.import')}
        </button>
      )}
    </section>
  );
}
