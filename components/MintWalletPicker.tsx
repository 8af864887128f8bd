import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import { shortAddress } from '../lib/mint/format';
import type { WalletChoice } from '../lib/mint/state';
import { DIRECT_WALLET_REF, TAB_WALLETS_REF } from '../lib/mint/direct-wallet-ref';

/** The direct MetaMask (no page, no tab) says so; "another wallet" says where it is found; a page wallet shows its own name. */
const label = (w: WalletChoice) => {
  if (w.id === DIRECT_WALLET_REF) return i18n.t('mint.wallet.direct', [w.name]);
  if (w.id === TAB_WALLETS_REF) return i18n.t('mint.wallet.in_tab');
  return w.lookAlike ? i18n.t('mint.wallet.look_alike', [w.name, w.rdns ?? '']) : w.name;
};

interface Props {
  /** The connected account; none while the person is asked to pick a wallet. */
  address?: string;
  wallet?: string;
  wallets: WalletChoice[];
  onSelect: (walletId: string) => void;
  disabled?: boolean;
}

/** A page wallet's own icon (a data: image, which runs nothing in an <img>) and its rdns, beside its name. */
function Identity({ wallet }: { wallet: WalletChoice }) {
  const page = wallet.id !== DIRECT_WALLET_REF && wallet.id !== TAB_WALLETS_REF;
  return (
    <>
      {page && wallet.icon && <img class="wallet-icon" src={wallet.icon} alt="" width={16} height={16} />}
      {label(wallet)}
      {page && wallet.rdns && !wallet.lookAlike && <small class="wallet-rdns"> {wallet.rdns}</small>}
    </>
  );
}

/**
 * The connected account, and a choice of wallet when the browser has several (or,
 * with no account, when the wallet used before is gone). Arrow keys move the choice;
 * only the button (re)connects, so browsing the list never opens a wallet prompt.
 * The direct MetaMask comes first (the background lists it so), page wallets after it.
 * When the person is asked to choose (no account yet), nothing is chosen for them: the
 * button waits for a pick, so a look-alike announced first is never taken by default.
 */
export function MintWalletPicker({ address, wallet, wallets, onSelect, disabled }: Props) {
  const current = wallets.find((w) => w.id === wallet);
  const chosen = useSignal(current?.id ?? (address ? (wallets[0]?.id ?? '') : ''));
  const lookAlike = wallets.some((w) => w.lookAlike);
  return (
    <div class="stack wallet">
      {address && (
        <p data-testid="connected-address" title={address}>
          {i18n.t('mint.wallet.connected', [shortAddress(address)])}
          {current && ` ${i18n.t('mint.wallet.via', [label(current)])}`}
        </p>
      )}
      {(wallets.length > 1 || (!address && wallets.length > 0)) && (
        <fieldset>
          <legend>{i18n.t('mint.wallet.choose')}</legend>
          {lookAlike && <p class="warning" data-testid="wallet-look-alike">{i18n.t('mint.wallet.look_alike_note')}</p>}
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
              <Identity wallet={w} />
            </label>
          ))}
          <button type="button" disabled={disabled || chosen.value === '' || chosen.value === wallet} onClick={() => onSelect(chosen.value)}>
            {i18n.t('mint.wallet.switch')}
          </button>
        </fieldset>
      )}
    </div>
  );
}
