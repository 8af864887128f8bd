/**
 * The popup's code, as one classic script (an unlisted script: WXT bundles it with its lazy
 * screens into the single file popup-app.js), so opening the popup fetches one script and
 * no chunks. entrypoints/popup/index.html loads it; the styles are inlined in that page.
 */
import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Home } from '../components/Home';
import { VaultApp } from '../components/VaultApp';
import { lazyScreen } from '../components/VaultLazy';
import { sendToBackground } from '../lib/messaging/runtime';
import { createVaultApi } from './popup/api';
import { readCachedPopup, type CachedPopup } from './popup/cached-state';
import { createHomeApi } from './popup/home-api';
import { loadRemote } from './popup/request';

/** First paint from the stored state when the vault is unlocked; the background's answers follow. */
function mount(cached: CachedPopup | null) {
  const vault = createVaultApi();
  const MintSlot = lazyScreen(() => import('./popup/mint-slot').then((m) => m.MintSlot));
  const homeApi = createHomeApi(sendToBackground, cached?.home ?? null);
  render(
    <VaultApp
      api={vault}
      initialStatus={cached?.vault ?? null}
      home={(nav) => <Home api={homeApi} {...nav} mint={<MintSlot vault={vault} onUnlockRequested={nav.onVaultChanged} />} />}
    />,
    document.getElementById('app')!,
  );
  // The message layer the background's answers need, fetched while the first paint shows.
  loadRemote().catch(() => undefined);
}

export default defineUnlistedScript(() => {
  readCachedPopup().then(mount, () => mount(null));
});
