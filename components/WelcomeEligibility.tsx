import { i18n } from '#i18n';
import { formatTokenAmount } from '../lib/mint/format';
import { VENICE_STAKING_URL } from '../lib/mint/links';
import type { Eligibility } from '../lib/mint/state';
import { blocksMint, STAKING_URL } from './EligibilityBadge';

interface Props {
  eligibility: Eligibility | undefined;
  onCheckAgain: () => void;
  onDisconnect: () => void;
  disabled?: boolean;
}

/**
 * The stake read on Base: green when the wallet can get a key; when it cannot, why, where to
 * stake on Venice and "Check again" (no form to fill in vain). An unreachable RPC only warns.
 */
export function WelcomeEligibility({ eligibility, onCheckAgain, onDisconnect, disabled }: Props) {
  if (!eligibility) return null;
  if (eligibility.eligible) {
    return <p class="card ok" role="status" data-testid="welcome-eligibility" data-eligible="yes">{i18n.t('welcome.eligible', [formatTokenAmount(eligibility.staked)])}</p>;
  }
  if (!blocksMint(eligibility)) {
    return <p class="card warning" role="status" data-testid="welcome-eligibility" data-eligible="unknown">{i18n.t('mint.eligibility.rpc_unreachable')}</p>;
  }
  const why = eligibility.reason === 'liquid-not-staked'
    ? i18n.t('welcome.blocked.liquid', [formatTokenAmount(eligibility.liquid)])
    : i18n.t('welcome.blocked.none');
  return (
    <section class="card blocked stack" aria-labelledby="blocked-title" data-testid="welcome-eligibility" data-eligible="no">
      <h2 id="blocked-title">{i18n.t('welcome.blocked.title')}</h2>
      <p role="status">{why}</p>
      <p>{i18n.t('welcome.blocked.what_to_do')}</p>
      <div class="row wrap">
        <a class="button primary" href={VENICE_STAKING_URL} target="_blank" rel="noopener noreferrer">{i18n.t('welcome.blocked.stake')}</a>
        <button type="button" onClick={onCheckAgain} disabled={disabled}>{i18n.t('mint.eligibility.check_again')}</button>
        <button type="button" class="link" onClick={onDisconnect} disabled={disabled}>{i18n.t('mint.disconnect')}</button>
      </div>
      <p class="hint">
        <a href={STAKING_URL} target="_blank" rel="noopener noreferrer">{i18n.t('welcome.blocked.contract')}</a>
      </p>
    </section>
  );
}
