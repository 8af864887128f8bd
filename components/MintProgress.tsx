import { i18n } from '#i18n';
import type { MintState } from '../lib/mint/state';
import { DIRECT_WALLET_REF } from '../lib/mint/direct-wallet-ref';

interface Props {
  state: Extract<MintState, { status: 'connecting' | 'awaiting-signature' | 'minting' }>;
  onCancel: () => void;
  disabled?: boolean;
}

/** Where the wallet asks: MetaMask's own window on the direct path, else the signing tab inside venice.ai's page. */
function text(state: Props['state']): string {
  const wallet = state.status === 'connecting' ? state.walletId : state.ctx.wallet;
  const direct = wallet === DIRECT_WALLET_REF;
  if (state.status === 'connecting') {
    // A first connect does not know yet which path answers (the direct MetaMask when it is installed).
    if (wallet === undefined) return i18n.t('mint.progress.connecting_any');
    return i18n.t(direct ? 'mint.progress.connecting_direct' : 'mint.progress.connecting');
  }
  if (state.status === 'minting') return i18n.t('mint.progress.minting');
  if (state.attempt === 2) return i18n.t('mint.progress.signing_again');
  return i18n.t(direct ? 'mint.progress.signing_direct' : 'mint.progress.signing');
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
