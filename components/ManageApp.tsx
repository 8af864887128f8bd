import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { VaultStatusView } from '../lib/messaging/vault';
import { KeyImport } from './KeyImport';
import type { ManageApi } from './manage-api';
import { ManageAccount } from './ManageAccount';
import { ManageKeys } from './ManageKeys';
import { VaultError } from './VaultError';
import { VaultUnlock } from './VaultUnlock';

/** The Manage keys page: the vault unlocked, an ADMIN key of the vault chosen, then the account's keys. */
export function ManageApp({ api, now = Date.now }: { api: ManageApi; now?: () => number }) {
  const status = useSignal<VaultStatusView | null>(null);
  const loadError = useSignal<unknown>(null);
  const chosen = useSignal<string | null>(null);
  const importing = useSignal(false);
  const forgot = useSignal(false);
  const refresh = async () => {
    try {
      status.value = await api.status();
      loadError.value = null;
    } catch (e) {
      loadError.value = e;
    }
  };
  useEffect(() => { void refresh(); }, []);

  const s = status.value;
  let body;
  if (!s) body = loadError.value ? <VaultError error={loadError.value} /> : <p role="status">{i18n.t('vault.working')}</p>;
  else if (s.state === 'not-set-up' || s.state === 'damaged') body = <p class="note" data-testid="manage-no-vault">{i18n.t('manage.no_vault')}</p>;
  else if (s.state === 'locked') {
    body = (
      <div class="narrow stack">
        <VaultUnlock api={api} retryInMs={s.retryInMs} onDone={refresh} onFailed={refresh} onForgot={() => { forgot.value = true; }} />
        {forgot.value && <p class="hint" role="status">{i18n.t('manage.forgot')}</p>}
      </div>
    );
  } else {
    const admins = s.records.filter((r) => r.type === 'ADMIN' && !r.revokedAt);
    const admin = admins.find((r) => r.id === chosen.value) ?? admins[0];
    if (!admin) {
      const inference = s.records.filter((r) => r.type === 'INFERENCE').length;
      body = (
        <section class="stack narrow" aria-labelledby="no-admin-title" data-testid="manage-no-admin">
          <h2 id="no-admin-title">{i18n.t('manage.no_admin.title')}</h2>
          <p>{i18n.t('manage.no_admin.why')}</p>
          {inference > 0 && <p class="hint">{i18n.t('manage.no_admin.inference_only', [inference])}</p>}
          <p>{i18n.t('manage.no_admin.mint')}</p>
          {importing.value
            ? <KeyImport api={api} onDone={() => { importing.value = false; void refresh(); }} onCancel={() => { importing.value = false; }} />
            : <button type="button" class="primary" onClick={() => { importing.value = true; }}>{i18n.t('manage.no_admin.import')}</button>}
        </section>
      );
    } else {
      body = (
        <>
          <div class="row wrap admin-choice">
            <div class="field">
              <label for="admin-key">{i18n.t('manage.admin.label')}</label>
              <select id="admin-key" value={admin.id} onChange={(e) => { chosen.value = e.currentTarget.value; }} aria-describedby="admin-key-hint">
                {admins.map((r) => <option key={r.id} value={r.id}>{`${r.description || i18n.t('vault.keys.no_description')} (…${r.last6})`}</option>)}
              </select>
            </div>
            <p id="admin-key-hint" class="hint">{i18n.t('manage.admin.hint')}</p>
          </div>
          <ManageKeys key={admin.id} api={api} admin={admin} records={s.records} clipboardClearSeconds={s.clipboardClearSeconds} now={now} onVaultChanged={() => void refresh()} />
          <ManageAccount key={admin.id} api={api} admin={admin} />
        </>
      );
    }
  }
  return (
    <main class="page stack" data-testid="manage-page">
      <h1>{i18n.t('manage.title')}</h1>
      <p class="hint">{i18n.t('manage.intro')}</p>
      {body}
    </main>
  );
}
