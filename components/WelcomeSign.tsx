import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { VaultStatusView } from '../lib/messaging/vault';
import { useAction } from './use-action';
import type { VaultApi } from './vault-api';
import { VaultError } from './VaultError';
import { VaultSetup } from './VaultSetup';
import { VaultUnlock } from './VaultUnlock';

interface Props {
  vault: Pick<VaultApi, 'setup' | 'unlock'>;
  status: VaultStatusView;
  /** The description the key gets by default (shown in the one-line summary). */
  description: string;
  /** Sends the Mint click (the wallet then asks for the signature). */
  onSign: () => Promise<void>;
  /** Reads the vault's status again (after a failed unlock: the enforced wait). */
  onVaultChanged: () => void;
}

/**
 * The last step before the wallet signs: the passphrase that protects the key (chosen now
 * when there is no vault yet, typed when it is locked), then the signature request, in ONE
 * click. The key's defaults in one line; other kinds of key come later from the popup.
 */
export function WelcomeSign({ vault, status, description, onSign, onVaultChanged }: Props) {
  const forgot = useSignal(false);
  const action = useAction();
  const summary = <p class="hint" data-testid="welcome-defaults">{i18n.t('welcome.defaults', [description])}</p>;
  if (status.state === 'not-set-up') {
    return (
      <div class="stack" data-testid="welcome-sign" data-vault="setup">
        <VaultSetup api={vault} onDone={onSign} heading="h2"
          words={{ title: i18n.t('welcome.passphrase_title'), intro: i18n.t('welcome.passphrase_intro'), submit: i18n.t('welcome.submit_setup') }} />
        {summary}
      </div>
    );
  }
  if (status.state === 'locked') {
    return (
      <div class="stack" data-testid="welcome-sign" data-vault="locked">
        <VaultUnlock api={vault} retryInMs={status.retryInMs} onDone={() => void action.run(onSign)} onFailed={onVaultChanged} onForgot={() => (forgot.value = true)} />
        {forgot.value && <p class="hint" role="status">{i18n.t('welcome.forgot')}</p>}
        <VaultError error={action.error.value} />
        {summary}
      </div>
    );
  }
  return (
    <div class="stack" data-testid="welcome-sign" data-vault="unlocked">
      {summary}
      <div class="row">
        <button type="button" class="primary" onClick={() => void action.run(onSign)} disabled={action.busy.value}>
          {action.busy.value ? i18n.t('vault.working') : i18n.t('welcome.submit_sign')}
        </button>
      </div>
      <VaultError error={action.error.value} />
    </div>
  );
}
