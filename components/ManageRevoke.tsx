import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { KeyRecord } from '../lib/venice/schemas/keys';

interface Props {
  target: Pick<KeyRecord, 'id' | 'description' | 'last6Chars' | 'apiKeyType'>;
  /** The ADMIN key this page is using: revoking it ends this page's access. */
  isAdminInUse: boolean;
  held: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Revoking needs the key's last six characters typed: a confirmation that names the key. */
export function ManageRevoke({ target, isAdminInUse, held, busy, onConfirm, onCancel }: Props) {
  const typed = useSignal('');
  const name = target.description || i18n.t('vault.keys.no_description');
  const matches = typed.value.trim() === target.last6Chars;
  return (
    <form class="stack panel danger-panel" role="alertdialog" aria-labelledby="revoke-title" aria-describedby="revoke-text"
      data-testid="revoke-confirm" onSubmit={(e) => { e.preventDefault(); if (matches) onConfirm(); }}>
      <h2 id="revoke-title">{i18n.t('manage.revoke.title', [name, target.last6Chars])}</h2>
      <p id="revoke-text">{i18n.t('manage.revoke.text')}</p>
      {isAdminInUse && <p class="warning" role="alert" data-testid="revoke-admin-in-use">{i18n.t('manage.revoke.admin_in_use')}</p>}
      {held && <p class="hint">{i18n.t('manage.revoke.held')}</p>}
      <div class="field">
        <label for="revoke-typed">{i18n.t('manage.revoke.type_label', [target.last6Chars])}</label>
        <input id="revoke-typed" value={typed.value} onInput={(e) => { typed.value = e.currentTarget.value; }} autoComplete="off" spellcheck={false} autoFocus />
      </div>
      <div class="row">
        <button type="submit" class="danger" disabled={!matches || busy}>{busy ? i18n.t('vault.working') : i18n.t('manage.revoke.submit', [target.last6Chars])}</button>
        <button type="button" onClick={onCancel}>{i18n.t('vault.keys.cancel')}</button>
      </div>
    </form>
  );
}
