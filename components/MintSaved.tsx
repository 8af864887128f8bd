import { i18n } from '#i18n';
import type { KeySummary } from '../lib/mint/state';

/** The minted key is stored: its type and last six characters, never the secret. */
export function MintSaved({ keySummary, onDone }: { keySummary: KeySummary; onDone: () => void }) {
  const type = keySummary.apiKeyType === 'ADMIN' ? i18n.t('mint.type_admin') : i18n.t('mint.type_inference');
  return (
    <div class="stack saved">
      <h2>{i18n.t('mint.saved.title')}</h2>
      <p role="status" data-testid="mint-saved" data-last6={keySummary.last6}>
        {i18n.t('mint.saved.text', [type, keySummary.last6])}
      </p>
      <button type="button" class="primary" onClick={onDone}>
        {i18n.t('mint.done')}
      </button>
    </div>
  );
}
