import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import { envLine } from '../lib/vault/key-format';
import { useAction } from './use-action';
import type { VaultApi } from './vault-api';
import { VaultError } from './VaultError';

/** What copying needs of the vault: the secret at the moment of the click, the clipboard, the clear delay. */
export type CopyVault = Pick<VaultApi, 'reveal' | 'copy'> & { clipboardClearSeconds: () => Promise<number> };

/** Copy the active key, or its `VENICE_API_KEY=` line, from the home screen; says what happens to the clipboard. */
export function HomeCopyRow({ vault, keyId, copiedText = (seconds) => i18n.t('vault.keys.copied', [seconds]) }: {
  vault: CopyVault;
  keyId: string;
  /** What a copy that will be cleared says (the popup's words by default; the onboarding tab says "this tab"). */
  copiedText?: (seconds: number) => string;
}) {
  const notice = useSignal('');
  const action = useAction();
  const copy = (asEnvLine: boolean) => action.run(async () => {
    const [secret, seconds] = await Promise.all([vault.reveal(keyId), vault.clipboardClearSeconds()]);
    const outcome = await vault.copy(asEnvLine ? envLine(secret) : secret, seconds);
    notice.value = outcome === 'copied-will-clear' ? copiedText(seconds) : i18n.t('vault.keys.copied_no_clear');
  });
  return (
    <div class="stack" data-testid="home-copy">
      <div class="row wrap">
        <button type="button" onClick={() => copy(false)} disabled={action.busy.value}>{i18n.t('vault.keys.copy')}</button>
        <button type="button" onClick={() => copy(true)} disabled={action.busy.value}>{i18n.t('vault.keys.copy_env')}</button>
      </div>
      {notice.value && <p class="hint" role="status">{notice.value}</p>}
      {action.error.value !== null && <VaultError error={action.error.value} />}
    </div>
  );
}
