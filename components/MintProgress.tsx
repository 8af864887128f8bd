import { i18n } from '#i18n';
import type { MintState } from '../lib/mint/state';

interface Props {
  state: Extract<MintState, { status: 'connecting' | 'awaiting-signature' | 'minting' }>;
  onCancel: () => void;
  disabled?: boolean;
}

function text(state: Props['state']): string {
  if (state.status === 'connecting') return i18n.t('mint.progress.connecting');
  if (state.status === 'minting') return i18n.t('mint.progress.minting');
  return state.attempt === 2 ? i18n.t('mint.progress.signing_again') : i18n.t('mint.progress.signing');
}

/** What the flow is waiting for. Cancel is offered except while the mint request is out. */
export function MintProgress({ state, onCancel, disabled }: Props) {
  return (
    <div class="stack progress">
      <p role="status" aria-live="polite" aria-busy="true" data-testid="mint-progress" data-status={state.status}>
        {text(state)}
      </p>
      {state.status !== 'minting' && (
        <button type="button" onClick={onCancel} disabled={disabled}>
          {i18n.t('mint.cancel')}
        </button>
      )}
    </div>
  );
}
