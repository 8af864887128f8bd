import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import { shortAddress } from '../lib/mint/format';
import type { WalletChoice } from '../lib/mint/state';

interface Props {
  /** The connected account; none while the person is asked to pick a wallet. */
  address?: string;
  wallet?: string;
  wallets: WalletChoice[];
  onSelect: (walletId: string) => void;
  disabled?: boolean;
}

/**
 * The connected account, and a choice of wallet when the browser has several (or,
 * with no account, when the wallet used before is gone). Arrow keys move the choice;
 * only the button (re)connects, so browsing the list never opens a wallet prompt.
 */
export function MintWalletPicker({ address, wallet, wallets, onSelect, disabled }: Props) {
  const current = wallets.find((w) => w.id === wallet);
  const chosen = useSignal(current?.id ?? wallets[0]?.id ?? '');
  return (
    <div class="stack wallet">
      {address && (
        <p data-testid="connected-address" title={address}>
          {i18n.t('mint.wallet.connected', [shortAddress(address)])}
          {current && ` ${i18n.t('mint.wallet.via', [current.name])}`}
        </p>
      )}
      {(wallets.length > 1 || (!address && wallets.length > 0)) && (
        <fieldset>
          <legend>{i18n.t('mint.wallet.choose')}</legend>
          {wallets.map((w) => (
            <label key={w.id} class="choice">
              <input
                type="radio"
                name="mint-wallet"
                value={w.id}
                checked={w.id === chosen.value}
                disabled={disabled}
                onChange={() => {
                  chosen.value = w.id;
                }}
              />
              {w.lookAlike ? i18n.t('mint.wallet.look_alike', [w.name, w.rdns ?? '']) : w.name}
            </label>
          ))}
          <button type="button" disabled={disabled || chosen.value === wallet} onClick={() => onSelect(chosen.value)}>
            {i18n.t('mint.wallet.switch')}
          </button>
        </fieldset>
      )}
    </div>
  );
}
