import { render } from 'preact';
import { Home } from '../../components/Home';
import { VaultApp } from '../../components/VaultApp';
import { lazyScreen } from '../../components/VaultLazy';
import { sendToBackground } from '../../lib/messaging/runtime';
import { createVaultApi } from './api';
import { readCachedPopup, type CachedPopup } from './cached-state';
import { createHomeApi } from './home-api';
import { loadRemote } from './request';
import './style.css';

const vault = createVaultApi();
const MintSlot = lazyScreen(() => import('./mint-slot').then((m) => m.MintSlot));

/** First paint from the stored state when the vault is unlocked; the background's answers follow. */
function mount(cached: CachedPopup | null) {
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

readCachedPopup().then(mount, () => mount(null));
