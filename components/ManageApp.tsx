import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { VaultStatusView } from '../lib/messaging/vault';
import { KeyImport } from './KeyImport';
import { usableAdmins } from '../lib/manage/held';
import type { FirstList, ManageApi, OpenView } from './manage-api';
import { ManageAccount } from './ManageAccount';
import { ManageKeys } from './ManageKeys';
import { ManageUsageSection } from './ManageUsageSection';
import { VaultError } from './VaultError';
import { VaultUnlock } from './VaultUnlock';

interface Props {
  api: ManageApi;
  /** `api.open()`, asked before the first render; without it the page asks for the status, then the list. */
  opening?: Promise<OpenView>;
  now?: () => number;
}

/** The Manage keys page: the vault unlocked, an ADMIN key of the vault chosen, then the account's keys. */
export function ManageApp({ api, opening, now = Date.now }: Props) {
  const status = useSignal<VaultStatusView | null>(null);
  const loadError = useSignal<unknown>(null);
  const chosen = useSignal<string | null>(null);
  /** The list `opening` brought, used once by the first ADMIN key's table: a later mount (after a lock and unlock) asks again. */
  const first = useSignal<FirstList | null>(null);
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
  useEffect(() => {
    if (!opening) { void refresh(); return; }
    opening.then((view) => {
      first.value = view.list;
      status.value = view.status;
      loadError.value = null;
    }, (e: unknown) => { loadError.value = e; });
  }, []);

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
    const admins = usableAdmins(s.records);
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
              <select id="admin-key" value={admin.id} onChange={(e) => { first.value = null; chosen.value = e.currentTarget.value; }} aria-describedby="admin-key-hint">
                {admins.map((r) => <option key={r.id} value={r.id}>{`${r.description || i18n.t('vault.keys.no_description')} (…${r.last6})`}</option>)}
              </select>
            </div>
            <p id="admin-key-hint" class="hint">{i18n.t('manage.admin.hint')}</p>
          </div>
          <ManageKeys key={admin.id} api={api} admin={admin} first={first.value?.adminId === admin.id ? first.value : undefined} onFirstUsed={() => { first.value = null; }} records={s.records} clipboardClearSeconds={s.clipboardClearSeconds} now={now} onVaultChanged={() => void refresh()} />
          <ManageAccount key={admin.id} api={api} admin={admin} />
          <ManageUsageSection key={`usage-${admin.id}`} api={api} admin={admin} now={now} />
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
