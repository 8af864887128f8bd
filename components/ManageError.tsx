import { i18n } from '#i18n';
import type { KeyMeta } from '../lib/vault/record';
import { errorText } from './error-text';

/** An admin route's error, in the page's words; a refused key is named, with the fix. */
export function ManageError({ error, admin }: { error: unknown; admin?: Pick<KeyMeta, 'description' | 'last6'> }) {
  if (!error) return null;
  const code = (error as { code?: unknown }).code;
  const name = admin ? `${admin.description || i18n.t('vault.keys.no_description')} (…${admin.last6})` : '';
  let text: string;
  if (code === 'ADMIN_KEY_REQUIRED' && admin) text = i18n.t('manage.error.admin_required', [name]);
  else if (code === 'AUTHENTICATION_FAILED' && admin) text = i18n.t('manage.error.auth_failed', [name]);
  else if (code === 'VAULT_LOCKED') text = i18n.t('manage.error.locked');
  else text = errorText(error, i18n.t('vault.error_generic'));
  return <p role="alert" class="error" data-testid="manage-error">{text}</p>;
}
