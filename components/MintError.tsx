import { i18n } from '#i18n';
import type { AppError } from '../lib/errors';
import { VENICE_KEYS_URL } from '../lib/mint/links';
import { STAKING_URL } from './EligibilityBadge';

/** Where to get a browser wallet. */
export const WALLETS_URL = 'https://ethereum.org/en/wallets/find-wallet/';

interface Props {
  error: AppError;
  onRetry: () => void;
  onCancel: () => void;
  onUnlock: () => void;
  disabled?: boolean;
}

function Link({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  );
}

/** A failed flow: the sentence of the error table, and the one next step that helps. */
export function MintError({ error, onRetry, onCancel, onUnlock, disabled }: Props) {
  const retryLabel =
    error.action === 'reconnect_wallet'
      ? i18n.t('mint.failed.reconnect')
      : error.action === 'check_key'
        ? i18n.t('mint.failed.start_again')
        : i18n.t('mint.failed.retry');
  return (
    <div class="stack failed">
      <div role="alert" class="stack">
        <p class="error" data-testid="mint-error" data-code={error.code}>
          {error.message}
        </p>
        {/* The server's own words, already redacted by lib/errors: on a line of their own, quieter. */}
        {error.detail && (
          <p class="hint detail" data-testid="mint-error-detail">
            {i18n.t('mint.failed.details', [error.detail])}
          </p>
        )}
      </div>
      <div class="row">
        {error.action === 'install_wallet' && <Link href={WALLETS_URL} label={i18n.t('mint.failed.get_wallet')} />}
        {error.action === 'stake_vvv' && <Link href={STAKING_URL} label={i18n.t('mint.failed.stake')} />}
        {error.action === 'check_key' && <Link href={VENICE_KEYS_URL} label={i18n.t('mint.failed.check_keys')} />}
        {error.action === 'choose_wallet' ? null : error.action === 'unlock' ? (
          <button type="button" class="primary" onClick={onUnlock} disabled={disabled}>
            {i18n.t('mint.unlock.open')}
          </button>
        ) : (
          <button type="button" class="primary" onClick={onRetry} disabled={disabled} data-testid="mint-retry">
            {retryLabel}
          </button>
        )}
        <button type="button" onClick={onCancel} disabled={disabled}>
          {i18n.t('mint.close')}
        </button>
      </div>
    </div>
  );
}
