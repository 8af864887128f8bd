import { i18n } from '#i18n';

/** The sentence for a failed call: a wire error's message (never raw exception text), else a generic one. */
export function homeErrorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e && typeof e.code === 'string' && typeof e.message === 'string' && e.message) return e.message;
  return i18n.t('home.load_failed');
}

/** A failure with what happened and a way to try again. */
export function HomeError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div class="note note-alert stack-sm" data-testid="home-error">
      <p role="alert">{homeErrorText(error)}</p>
      <button type="button" onClick={onRetry}>{i18n.t('home.retry')}</button>
    </div>
  );
}
