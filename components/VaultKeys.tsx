import { i18n } from '#i18n';
import type { VaultApi } from './vault-api';
import type { VaultStatusView } from '../lib/messaging/vault';
import { KeyRow } from './KeyRow';
import { useAction } from './use-action';
import { VaultError } from './VaultError';

type Unlocked = Extract<VaultStatusView, { state: 'unlocked' }>;

/** The list of saved keys, the damaged-record notice, and the way to import a key. */
export function VaultKeys({ api, status, onChanged, onImport, onOpenManage }: {
  api: VaultApi;
  status: Unlocked;
  onChanged: () => void;
  onImport: () => void;
  /** Opens the Manage keys page (every key of the account, with an admin key). */
  onOpenManage?: () => void;
}) {
  const action = useAction();
  const removeDamaged = (id: string) => action.run(async () => {
    await api.remove(id);
    onChanged();
  });
  return (
    <section class="stack" aria-labelledby="keys-title">
      <h1 id="keys-title">{i18n.t('vault.title')}</h1>
      {status.damaged.length > 0 && (
        <div class="warning" role="status">
          <p>{i18n.t('vault.keys.damaged', status.damaged.length)}</p>
          {status.damaged.some((d) => d.reason === 'changed') && <p data-testid="record-changed">{i18n.t('vault.keys.changed')}</p>}
          <ul class="plain">
            {status.damaged.map((d) => (
              <li key={d.id}>
                <button type="button" class="danger-text" onClick={() => removeDamaged(d.id)}>
                  {i18n.t('vault.keys.remove_damaged', [d.id])}
                </button>
              </li>
            ))}
          </ul>
          <VaultError error={action.error.value} />
        </div>
      )}
      {status.records.length === 0 ? (
        <p class="hint">{i18n.t('vault.keys.empty')}</p>
      ) : (
        <ul class="plain keys">
          {status.records.map((meta) => (
            <KeyRow key={meta.id} api={api} meta={meta} clipboardClearSeconds={status.clipboardClearSeconds} onRemoved={onChanged}
              admin={status.records.find((r) => r.type === 'ADMIN' && !r.revokedAt && r.id !== meta.id)} />
          ))}
        </ul>
      )}
      <button type="button" class="primary" onClick={onImport}>{i18n.t('vault.keys.import')}</button>
      {onOpenManage && <button type="button" onClick={onOpenManage} data-testid="open-manage">{i18n.t('manage.open')}</button>}
    </section>
  );
}
