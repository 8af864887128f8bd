/**
 * The mint panel as the home screen's slot. Evaluated on first use (an inlined dynamic
 * import), so the popup's first paint does not run the mint flow's code.
 */
import { browser } from 'wxt/browser';
import { MintPanel } from '../../components/MintPanel';
import type { MintApi } from '../../components/mint-api';
import type { VaultApi } from '../../components/vault-api';
import { readMintState } from '../../lib/mint/state-check';
import { MINT_FLOW_ITEM } from '../../lib/storage/keys';
import { watchStored, type WatchedArea } from '../../lib/storage/watch';
import type { PopupClient } from './api';

export function createMintApi(client: PopupClient, area: WatchedArea): MintApi {
  return {
    get: () => client['mint.get']({}),
    start: (options) => client['mint.start'](options ? { options } : {}),
    confirm: (options) => client['mint.confirm']({ options }),
    cancel: () => client['mint.cancel']({}),
    retry: () => client['mint.retry']({}),
    selectWallet: (walletId) => client['mint.selectWallet']({ walletId }),
    reveal: async () => (await client['mint.reveal']({})).apiKey,
    watch: (listener) => watchStored(area, MINT_FLOW_ITEM.key, readMintState, listener),
  };
}

let mint: MintApi | undefined;

export function MintSlot({ client, vault, onUnlockRequested }: { client: PopupClient; vault: VaultApi; onUnlockRequested: () => void }) {
  mint ??= createMintApi(client, browser.storage.session);
  /** Copies a minted key the vault could not store, cleared after the vault's clipboard delay. */
  const copy = async (text: string) => {
    const status = await vault.status().catch(() => null);
    return vault.copy(text, status?.state === 'unlocked' ? status.clipboardClearSeconds : 30);
  };
  return <MintPanel api={mint} onUnlockRequested={onUnlockRequested} copy={copy} />;
}
