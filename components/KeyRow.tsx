import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { VaultApi } from './vault-api';
import { envLine } from '../lib/vault/key-format';
import type { KeyMeta } from '../lib/vault/record';
import { useAction } from './use-action';
import { VaultError } from './VaultError';

interface Props {
  api: VaultApi;
  meta: KeyMeta;
  clipboardClearSeconds: number;
  onRemoved: () => void;
  /** An ADMIN key of the vault: offers "Revoke on Venice too" when removing this key. */
  admin?: KeyMeta;
}

/** One saved key: last 6 characters, type, description; show, copy, copy as env line, remove. */
export function KeyRow({ api, meta, clipboardClearSeconds, onRemoved, admin }: Props) {
  const secret = useSignal<string | null>(null);
  const notice = useSignal('');
  const confirming = useSignal(false);
  const alsoRevoke = useSignal(false);
  const canRevoke = !!admin && !!api.revokeAtVenice && !meta.revokedAt;
  const action = useAction();
  const label = meta.description || i18n.t('vault.keys.no_description');

  const copy = (asEnvLine: boolean) => action.run(async () => {
    const value = await api.reveal(meta.id);
    const outcome = await api.copy(asEnvLine ? envLine(value) : value, clipboardClearSeconds);
    notice.value = outcome === 'copied-will-clear'
      ? i18n.t('vault.keys.copied', [clipboardClearSeconds])
      : i18n.t('vault.keys.copied_no_clear');
  });
  const toggle = () => action.run(async () => {
    secret.value = secret.value === null ? await api.reveal(meta.id) : null;
  });
  const remove = () => action.run(async () => {
    // Revoked first: if Venice refuses, the local copy stays and the error says why.
    if (canRevoke && alsoRevoke.value) await api.revokeAtVenice!(admin.id, meta.id);
    await api.remove(meta.id);
    onRemoved();
  });

  return (
    <li class="key" aria-label={`${label} …${meta.last6}`}>
      <div class="key-head">
        <span class="key-name">{label}</span>
        <span class={`badge ${meta.type.toLowerCase()}`}>
          {meta.type === 'ADMIN' ? i18n.t('vault.keys.type_admin') : i18n.t('vault.keys.type_inference')}
        </span>
        <code class="last6">…{meta.last6}</code>
      </div>
      {meta.revokedAt && <p class="warning" data-testid="key-revoked">{i18n.t('vault.keys.revoked', [meta.revokedAt.slice(0, 10)])}</p>}
      <p class="hint">{meta.expiresAt ? i18n.t('vault.keys.expires', [meta.expiresAt.slice(0, 10)]) : i18n.t('vault.keys.never_expires')}</p>
      {secret.value !== null && <code class="secret" data-testid="revealed-secret">{secret.value}</code>}
      <div class="row wrap">
        <button type="button" onClick={toggle} aria-pressed={secret.value !== null}>
          {secret.value === null ? i18n.t('vault.keys.reveal') : i18n.t('vault.keys.hide')}
        </button>
        <button type="button" onClick={() => copy(false)}>{i18n.t('vault.keys.copy')}</button>
        <button type="button" onClick={() => copy(true)}>{i18n.t('vault.keys.copy_env')}</button>
        <button type="button" class="danger-text" onClick={() => { confirming.value = true; }}>{i18n.t('vault.keys.remove')}</button>
      </div>
      {notice.value && <p class="hint" role="status">{notice.value}</p>}
      {confirming.value && (
        <div class="confirm" role="alertdialog" aria-labelledby={`remove-${meta.id}`}>
          <p id={`remove-${meta.id}`} class="warning">{i18n.t('vault.keys.remove_warning')}</p>
          {canRevoke && (
            <label class="check">
              <input type="checkbox" checked={alsoRevoke.value} onChange={(e) => { alsoRevoke.value = e.currentTarget.checked; }} />
              <span>{i18n.t('vault.keys.also_revoke', [admin.description || i18n.t('vault.keys.no_description'), admin.last6])}</span>
            </label>
          )}
          <div class="row">
            <button type="button" class="danger" onClick={remove} autoFocus>{i18n.t('vault.keys.remove_confirm')}</button>
            <button type="button" onClick={() => { confirming.value = false; }}>{i18n.t('vault.keys.cancel')}</button>
          </div>
        </div>
      )}
      <VaultError error={action.error.value} />
    </li>
  );
}
