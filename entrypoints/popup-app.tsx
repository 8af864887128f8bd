/**
 * The popup's code as ONE classic script: WXT builds an unlisted script as a single file,
 * its lazy screens inlined (evaluated on first use), so opening the popup fetches
 * popup.html and popup-app.js and nothing else (the styles are inlined in the page by
 * scripts/vite/popup-one-file.ts).
 */
// Keep this import FIRST: the first paint's storage read starts before the rest is
// evaluated (test/unit/popup-home/popup-app-order.test.ts checks it).
import { firstRead } from './popup/first-read';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Home } from '../components/Home';
import { PopupApp } from '../components/PopupApp';
import { lazyScreen } from '../components/lazy-screen';
import { createHomeApi, createVaultApi, popupClient } from './popup/api';
import { readCachedPopup, type CachedPopup } from './popup/cached-state';

/** First paint from the stored state when the vault is unlocked; the background's answers follow. */
function mount(cached: CachedPopup | null) {
  const client = popupClient();
  const vault = createVaultApi(client);
  const MintSlot = lazyScreen(() => import('./popup/mint-slot').then((m) => m.MintSlot));
  const homeApi = createHomeApi(client, cached?.home ?? null);
  render(
    <PopupApp
      api={vault}
      initialStatus={cached?.vault ?? null}
      openManage={() => { void browser.tabs.create({ url: browser.runtime.getURL('/manage.html') }).then(() => window.close()); }}
      home={(nav) => <Home api={homeApi} {...nav} mint={<MintSlot client={client} vault={vault} onUnlockRequested={nav.onVaultChanged} />} />}
    />,
    document.getElementById('app')!,
  );
  // The message layer (popup/contracts.ts) is evaluated by the first request, sent after this paint.
}

export default defineUnlistedScript(() => {
  readCachedPopup(browser.storage, Date.now, firstRead).then(mount, () => mount(null));
});
