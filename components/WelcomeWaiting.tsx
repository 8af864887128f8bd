import { i18n } from '#i18n';
import type { MintState } from '../lib/mint/state';

type Waiting = Extract<MintState, { status: 'connecting' | 'awaiting-signature' | 'minting' }>;

function text(state: Waiting): string {
  if (state.status === 'connecting') return i18n.t('welcome.waiting.connecting');
  if (state.status === 'minting') return i18n.t('welcome.waiting.minting');
  return state.attempt === 2 ? i18n.t('welcome.waiting.signing_again') : i18n.t('welcome.waiting.signing');
}

/** What the flow waits for, in the tab's words (the tab stays open while the wallet asks). Cancel except while the mint is out. */
export function WelcomeWaiting({ state, onCancel, disabled }: { state: Waiting; onCancel: () => void; disabled?: boolean }) {
  return (
    <div class="stack">
      <p class="waiting" role="status" aria-live="polite" aria-busy="true" data-testid="welcome-waiting" data-status={state.status}>
        <span class="spinner" aria-hidden="true" />
        {text(state)}
      </p>
      {state.status !== 'minting' && (
        <div class="row">
          <button type="button" onClick={onCancel} disabled={disabled}>{i18n.t('mint.cancel')}</button>
        </div>
      )}
    </div>
  );
}
