import { i18n } from '#i18n';
import { formatTokenAmount } from '../lib/mint/format';
import type { Eligibility } from '../lib/mint/state';

/** The VVV staking contract on Base, where VVV is staked (it is also the sVVV token). */
export const STAKING_URL = 'https://basescan.org/address/0x321b7ff75154472B18EDb199033fF4D116F340Ff';

interface Props {
  eligibility: Eligibility;
  /** Reads the stake again (after the person staked in another tab). */
  onCheckAgain?: () => void;
  disabled?: boolean;
}

/** Whether a wallet can mint: its staked VVV, or why not and where to stake. An unreachable RPC only warns. */
export function EligibilityBadge({ eligibility, onCheckAgain, disabled }: Props) {
  const { eligible, reason, staked, liquid } = eligibility;
  if (eligible) {
    return (
      <p class="eligibility ok" role="status" data-testid="eligibility">
        {i18n.t('mint.eligibility.staked', [formatTokenAmount(staked)])}
      </p>
    );
  }
  const text =
    reason === 'rpc-unreachable'
      ? i18n.t('mint.eligibility.rpc_unreachable')
      : reason === 'liquid-not-staked'
        ? i18n.t('mint.eligibility.liquid_not_staked', [formatTokenAmount(liquid)])
        : i18n.t('mint.eligibility.none');
  return (
    <div class={reason === 'rpc-unreachable' ? 'eligibility warning' : 'eligibility blocked'} role="status" data-testid="eligibility">
      <p>{text}</p>
      <div class="row">
        {reason !== 'rpc-unreachable' && (
          <a href={STAKING_URL} target="_blank" rel="noopener noreferrer">
            {i18n.t('mint.eligibility.stake_link')}
          </a>
        )}
        {onCheckAgain && (
          <button type="button" class="link" onClick={onCheckAgain} disabled={disabled}>
            {i18n.t('mint.eligibility.check_again')}
          </button>
        )}
      </div>
    </div>
  );
}

/** True when the read says the wallet cannot mint (an unreachable RPC does not block). */
export const blocksMint = (eligibility: Eligibility | undefined): boolean =>
  !!eligibility && !eligibility.eligible && eligibility.reason !== 'rpc-unreachable';
