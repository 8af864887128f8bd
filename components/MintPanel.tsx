import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import { useMintSend } from './use-mint-send';
import type { MintApi } from './mint-api';
import type { MintOptions } from '../lib/mint/options';
import type { MintState } from '../lib/mint/state';
import { blocksMint, EligibilityBadge } from './EligibilityBadge';
import { KeyShownOnce } from './KeyShownOnce';
import { MintError } from './MintError';
import { MintOptionsForm } from './MintOptionsForm';
import { MintProgress } from './MintProgress';
import { MintSaved } from './MintSaved';
import { MintUnlock } from './MintUnlock';
import { MintWalletPicker } from './MintWalletPicker';

export interface MintPanelProps {
  /** createMintApi() from entrypoints/popup/mint-slot.tsx. */
  api: MintApi;
  /** Shows the vault's unlock (or set-up) screen. Once unlocked, call api.start() or let the person press Continue. */
  onUnlockRequested: () => void;
  /** Copies a key the vault could not store (the popup's clipboard helper). */
  copy: (text: string) => Promise<unknown>;
  now?: () => number;
}

/**
 * The mint part of the popup. It owns no step: it shows the background's flow
 * state (followed live, so a reopened or second popup shows the same thing) and
 * sends the person's clicks. A click while one is on its way is ignored.
 */
export function MintPanel({ api, onUnlockRequested, copy, now = Date.now }: MintPanelProps) {
  const state = useSignal<MintState | null>(null);
  const secret = useSignal<string | null>(null);

  const accept = (next: MintState) => {
    if (!state.value || next.updatedAt >= state.value.updatedAt) state.value = next;
  };
  const { sending, callError, send } = useMintSend(accept);
  useEffect(() => {
    const stop = api.watch(accept);
    api.get().then(accept, (e: unknown) => (callError.value = e as { message?: string }));
    return stop;
  }, [api]);

  const status = state.value?.status;
  useEffect(() => {
    if (status !== 'saved-unstored') {
      secret.value = null;
      return;
    }
    void api.reveal().then((key) => (secret.value = key), () => undefined);
  }, [status]);

  const start = send(() => api.start());
  const cancel = send(() => api.cancel());
  const retry = send(() => api.retry());
  const mint = (options: MintOptions) => void send(() => api.confirm(options))();
  const selectWallet = (walletId: string) => void send(() => api.selectWallet(walletId))();
  const busy = sending.value;

  const s = state.value;
  let body;
  if (!s) body = <p>{i18n.t('mint.loading')}</p>;
  else if (s.status === 'idle') {
    body = (
      <>
        <p>{i18n.t('mint.intro')}</p>
        <button type="button" class="primary" onClick={start} disabled={busy} data-testid="mint-connect">
          {i18n.t('mint.connect')}
        </button>
      </>
    );
  } else if (s.status === 'needs-unlock') {
    body = <MintUnlock vault={s.vault} onUnlock={onUnlockRequested} onContinue={start} onCancel={cancel} disabled={busy} />;
  } else if (s.status === 'connecting' || s.status === 'awaiting-signature' || s.status === 'minting') {
    body = <MintProgress state={s} onCancel={cancel} disabled={busy} />;
  } else if (s.status === 'ready') {
    body = (
      <>
        {s.ctx.address && (
          <MintWalletPicker address={s.ctx.address} wallet={s.ctx.wallet} wallets={s.ctx.wallets} disabled={busy} onSelect={selectWallet} />
        )}
        {s.ctx.eligibility && <EligibilityBadge eligibility={s.ctx.eligibility} onCheckAgain={retry} disabled={busy} />}
        <MintOptionsForm onMint={mint} initial={s.ctx.options} busy={busy} blocked={blocksMint(s.ctx.eligibility)} now={now} />
        <button type="button" class="link" onClick={cancel} disabled={busy}>{i18n.t('mint.disconnect')}</button>
      </>
    );
  } else if (s.status === 'saved') {
    body = <MintSaved keySummary={s.key} onDone={cancel} />;
  } else if (s.status === 'saved-unstored') {
    body = (
      <>
        <p role="alert" class="error">{s.error.message}</p>
        {secret.value && <KeyShownOnce secret={secret.value} copy={copy} onDone={cancel} />}
        <button type="button" onClick={retry} disabled={busy}>{i18n.t('mint.unstored.retry')}</button>
      </>
    );
  } else {
    const choose = s.error.action === 'choose_wallet' && s.ctx.wallets.length > 0;
    body = (
      <>
        <MintError error={s.error} onRetry={retry} onCancel={cancel} onUnlock={onUnlockRequested} disabled={busy} />
        {choose && <MintWalletPicker wallet={s.ctx.wallet} wallets={s.ctx.wallets} disabled={busy} onSelect={selectWallet} />}
      </>
    );
  }

  return (
    <section class="stack mint" aria-labelledby="mint-title" data-testid="mint-panel" data-status={s?.status ?? 'loading'}>
      {/* Once a key is saved its own note leads ("Key saved"); the invitation stays for screen readers only. */}
      <h2 id="mint-title" class={s?.status === 'saved' ? 'visually-hidden' : undefined}>{i18n.t('mint.title')}</h2>
      {body}
      {callError.value && <p role="alert" class="error">{callError.value.message || i18n.t('mint.error_generic')}</p>}
    </section>
  );
}
