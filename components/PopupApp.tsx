import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { VaultApi } from './vault-api';
import type { VaultStatusView } from '../lib/messaging/vault';
import { VaultError } from './VaultError';
import { BADGE_COLORS } from '../lib/badge/look';
import { StatusChip } from './StatusChip';
import { lazyScreen } from './lazy-screen';
import { VaultUnlock } from './VaultUnlock';

// Used once or rarely, or not on the home screen the popup opens on: evaluated on first
// use (lazyScreen), so opening the popup stays light.
const VaultKeys = lazyScreen(() => import('./VaultKeys').then((m) => m.VaultKeys));
const VaultSetup = lazyScreen(() => import('./VaultSetup').then((m) => m.VaultSetup));
const KeyImport = lazyScreen(() => import('./KeyImport').then((m) => m.KeyImport));
const VaultSettings = lazyScreen(() => import('./VaultSettings').then((m) => m.VaultSettings));
const VaultReset = lazyScreen(() => import('./VaultReset').then((m) => m.VaultReset));

type View = 'home' | 'keys' | 'import' | 'settings' | 'reset';

/** What the popup's home screen (components/Home) may ask of the vault screens. */
export interface HomeNav {
  onImport: () => void;
  onManageKeys: () => void;
  /** The vault may have been locked: read its status again. */
  onVaultChanged: () => void;
}

export interface PopupAppProps {
  api: VaultApi;
  home?: (nav: HomeNav) => ComponentChildren;
  /** The status read from storage at open, shown until the background's answer confirms or replaces it. */
  initialStatus?: VaultStatusView | null;
  /** Opens the Manage keys page (manage.html) in a tab. */
  openManage?: () => void;
  /** Opens the options page (API address, badge, notifications): the one full settings place. */
  openOptions?: () => void;
}

/** The vault part of the popup: picks the screen from the background's vault status. */
export function PopupApp({ api, home, initialStatus = null, openManage, openOptions }: PopupAppProps) {
  const start: View = home ? 'home' : 'keys';
  const status = useSignal<VaultStatusView | null>(initialStatus);
  const view = useSignal<View>(start);
  const loadError = useSignal<unknown>(null);
  const refresh = async () => {
    try {
      status.value = await api.status();
      loadError.value = null;
    } catch (e) {
      loadError.value = e;
    }
  };
  const go = (next: View) => () => { view.value = next; void refresh(); };
  useEffect(() => { void refresh(); }, []);

  const s = status.value;
  const brand = (
    <span class="brand" title={i18n.t('extName')}>
      <img src="/icon/32.png" width={22} height={22} alt="" />
      {/* The name for screen readers: beside Keys, Settings and Lock now it would not fit in 360 px. */}
      <span class="visually-hidden">{i18n.t('extName')}</span>
    </span>
  );
  if (!s) return <main class="popup"><header class="toolbar">{brand}</header>{loadError.value ? <VaultError error={loadError.value} /> : <p>{i18n.t('vault.working')}</p>}</main>;
  let body;
  if (s.state === 'not-set-up') body = <VaultSetup api={api} onDone={go(start)} />;
  else if (s.state === 'damaged' || view.value === 'reset') {
    body = (
      <>
        {s.state === 'damaged' && <><h1>{i18n.t('vault.damaged_vault.title')}</h1><p>{i18n.t('vault.damaged_vault.text')}</p></>}
        <VaultReset api={api} onDone={go('keys')} onCancel={s.state === 'damaged' ? undefined : go('keys')} />
      </>
    );
  } else if (s.state === 'locked') {
    body = <VaultUnlock api={api} retryInMs={s.retryInMs} onDone={go(start)} onFailed={refresh} onForgot={go('reset')} />;
  } else if (view.value === 'import') body = <KeyImport api={api} onDone={go('keys')} onCancel={go('keys')} />;
  else if (view.value === 'settings') body = <VaultSettings api={api} onBack={go('keys')} onReset={go('keys')} onOpenOptions={openOptions} />;
  else if (view.value === 'home' && home) body = home({ onImport: go('import'), onManageKeys: go('keys'), onVaultChanged: () => void refresh() });
  else body = <VaultKeys api={api} status={s} onChanged={refresh} onImport={go('import')} onOpenManage={openManage} />;

  return (
    <main class="popup">
      <header class="toolbar">
        {brand}
        {/* The badge shows "•••" while the vault is locked (lib/badge/badge.ts); the chip says the same. */}
        {s.state === 'locked' && <StatusChip badge={{ level: 'locked', color: BADGE_COLORS.muted }} />}
        {s.state === 'unlocked' && (
        <nav class="toolbar-actions" aria-label={i18n.t('vault.title')}>
          {home && (
            <button type="button" onClick={go(view.value === 'home' ? 'keys' : 'home')}>
              {view.value === 'home' ? i18n.t('home.keys') : i18n.t('home.home')}
            </button>
          )}
          <button type="button" onClick={go(view.value === 'settings' ? 'keys' : 'settings')} aria-pressed={view.value === 'settings'}>
            {i18n.t('vault.settings.open')}
          </button>
          <button type="button" onClick={async () => { await api.lock().catch(() => undefined); view.value = start; await refresh(); }}>
            {i18n.t('vault.settings.lock')}
          </button>
        </nav>
        )}
      </header>
      {body}
    </main>
  );
}
