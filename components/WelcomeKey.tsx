import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { KeySummary } from '../lib/mint/state';
import { HomeCopyRow, type CopyVault } from './HomeCopyRow';
import { VaultError } from './VaultError';

interface Props {
  keySummary: KeySummary & { recordId: string };
  copyVault: CopyVault;
}

/**
 * The minted key, saved in the vault, shown in full (while this tab shows the flow) with Copy and Copy as
 * VENICE_API_KEY= (the home screen's row), then where to find it next: the toolbar.
 */
export function WelcomeKey({ keySummary, copyVault }: Props) {
  const secret = useSignal<string | null>(null);
  const error = useSignal<unknown>(null);
  useEffect(() => {
    copyVault.reveal(keySummary.recordId).then((s) => (secret.value = s), (e: unknown) => (error.value = e));
    return () => { secret.value = null; };
  }, [keySummary.recordId]);
  return (
    <div class="stack">
      <section class="card stack" aria-labelledby="key-title" data-testid="welcome-key" data-last6={keySummary.last6}>
        <h2 id="key-title">{i18n.t('welcome.key.title')}</h2>
        <p role="status">{i18n.t('welcome.key.last6', [keySummary.last6])}</p>
        {secret.value && <code class="secret" data-testid="welcome-secret">{secret.value}</code>}
        <VaultError error={error.value} />
        <HomeCopyRow vault={copyVault} keyId={keySummary.recordId} copiedText={(seconds) => i18n.t('welcome.key.copied', [seconds])} />
        <p class="hint">{i18n.t('welcome.key.shown_once')}</p>
      </section>
      <section class="card stack pin" aria-labelledby="pin-title" data-testid="welcome-pin">
        <h2 id="pin-title">{i18n.t('welcome.pin.title')}</h2>
        <p>{i18n.t('welcome.pin.text')}</p>
      </section>
    </div>
  );
}
