import { render } from 'preact';
import { Home } from '../../components/Home';
import { VaultApp } from '../../components/VaultApp';
import { lazyScreen } from '../../components/VaultLazy';
import { createVaultApi } from './api';
import { createHomeApi } from './home-api';
import './style.css';

const vault = createVaultApi();
const homeApi = createHomeApi();
const MintSlot = lazyScreen(() => import('./mint-slot').then((m) => m.MintSlot));

render(
  <VaultApp
    api={vault}
    home={(nav) => <Home api={homeApi} {...nav} mint={<MintSlot vault={vault} onUnlockRequested={nav.onVaultChanged} />} />}
  />,
  document.getElementById('app')!,
);
