import { i18n } from '#i18n';
import { errorText } from './error-text';

/** A vault action's error, in the vault's words. */
export function VaultError({ error }: { error: unknown }) {
  if (!error) return null;
  return <p role="alert" class="error">{errorText(error, i18n.t('vault.error_generic'))}</p>;
}
