import { i18n } from '#i18n';
import { errorText } from './error-text';

/** The sentence for a failed call of the home screen. */
export const homeErrorText = (error: unknown): string => errorText(error, i18n.t('home.load_failed'));

/** A failure with what happened and a way to try again. */
export function HomeError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div class="note note-alert stack-sm" data-testid="home-error">
      <p role="alert">{homeErrorText(error)}</p>
      <button type="button" onClick={onRetry}>{i18n.t('home.retry')}</button>
    </div>
  );
}
