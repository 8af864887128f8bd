import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import { useMintSend } from './use-mint-send';
import type { VaultStatusView } from '../lib/messaging/vault';
import { defaultOptions } from '../lib/mint/options-plain';
import type { MintState } from '../lib/mint/state';
import { blocksMint } from './EligibilityBadge';
import { MintError } from './MintError';
import { MintSaved } from './MintSaved';
import { MintWalletPicker } from './MintWalletPicker';
import type { WelcomeApi } from './welcome-api';
import { WelcomeEligibility } from './WelcomeEligibility';
import { WelcomeKey } from './WelcomeKey';
import { WelcomeSign } from './WelcomeSign';
import { WelcomeSteps, type WelcomeStep } from './WelcomeSteps';
import { WelcomeUnstored } from './WelcomeUnstored';
import { WelcomeWaiting } from './WelcomeWaiting';

/** The steps a wallet answers in the signing tab (or its own window). */
const WALLET_STEPS: ReadonlySet<MintState['status']> = new Set(['connecting', 'awaiting-signature', 'minting']);

/** Where the person is among the five steps, from the flow's state and the vault's. */
export function stepOf(state: MintState, vault: VaultStatusView | null): WelcomeStep {
  switch (state.status) {
    case 'idle':
    case 'connecting':
      return 'connect';
    case 'needs-unlock':
      return 'passphrase';
    case 'ready':
      if (blocksMint(state.ctx.eligibility)) return 'check';
      return vault?.state === 'unlocked' ? 'sign' : 'passphrase';
    case 'awaiting-signature':
    case 'minting':
      return 'sign';
    case 'saved':
    case 'saved-unstored':
      return 'key';
    case 'failed':
      return state.from === 'connecting' || state.from === 'idle' ? 'connect' : 'sign';
  }
}

/**
 * The onboarding tab: Connect wallet → the stake on Base → a passphrase → the signature → the
 * key with Copy. Like the popup it owns no step: it shows the background's flow state, followed
 * live (the tab stays open while the wallet's window or the venice.ai tab has the focus).
 */
export function WelcomeApp({ api, now = Date.now }: { api: WelcomeApi; now?: () => number }) {
  const state = useSignal<MintState | null>(null);
  const vault = useSignal<VaultStatusView | null>(null);
  const options = useMemo(() => defaultOptions(now()), []);

  const readVault = () => api.vault.status().then((v) => (vault.value = v), (e: unknown) => (callError.value = e as { message?: string }));
  const accept = (next: MintState) => {
    if (!state.value || next.updatedAt >= state.value.updatedAt) {
      const before = state.value?.status;
      state.value = next;
      if (before === next.status) return;
      void readVault();
      // The wallet answered in the signing tab (which the background brought to the front): back here for the next step.
      if (before && WALLET_STEPS.has(before) && !WALLET_STEPS.has(next.status)) api.focusSelf().catch(() => undefined);
    }
  };
  const { sending, callError, send } = useMintSend(accept);
  useEffect(() => {
    const stop = api.mint.watch(accept);
    api.mint.get().then(accept, (e: unknown) => (callError.value = e as { message?: string }));
    void readVault();
    return stop;
  }, [api]);

  const start = send(() => api.mint.start());
  const cancel = send(() => api.mint.cancel());
  const retry = send(() => api.mint.retry());
  const selectWallet = (walletId: string) => void send(() => api.mint.selectWallet(walletId))();
  /** The vault is open now (set up or unlocked by WelcomeSign): resume a flow that waited for it, then the Mint click. */
  const sign = async () => {
    let current = state.value;
    if (current?.status === 'needs-unlock') accept((current = await api.mint.start()));
    if (current?.status === 'ready') accept(await api.mint.confirm(current.ctx.options ?? options));
    await readVault();
  };
  const busy = sending.value;

  const s = state.value;
  const v = vault.value;
  let body;
  if (!s || !v) body = <p>{i18n.t('mint.loading')}</p>;
  else if (v.state === 'damaged') body = <p class="card blocked">{i18n.t('vault.damaged_vault.text')}</p>;
  else if (s.status === 'idle') {
    body = (
      <div class="stack">
        <p>{i18n.t('welcome.intro')}</p>
        <p class="hint">{i18n.t('welcome.what_you_need')}</p>
        <div class="row">
          <button type="button" class="primary big" onClick={start} disabled={busy} data-testid="welcome-connect">{i18n.t('mint.connect')}</button>
        </div>
        <p class="hint">{i18n.t('welcome.connect_hint')}</p>
      </div>
    );
  } else if (s.status === 'connecting' || s.status === 'awaiting-signature' || s.status === 'minting') {
    body = <WelcomeWaiting state={s} onCancel={cancel} disabled={busy} />;
  } else if (s.status === 'ready' || s.status === 'needs-unlock') {
    const blocked = blocksMint(s.ctx.eligibility);
    body = (
      <div class="stack">
        {s.ctx.address && <MintWalletPicker address={s.ctx.address} wallet={s.ctx.wallet} wallets={s.ctx.wallets} disabled={busy} onSelect={selectWallet} />}
        <WelcomeEligibility eligibility={s.ctx.eligibility} onCheckAgain={retry} onDisconnect={cancel} disabled={busy} />
        {!blocked && (
          <WelcomeSign vault={api.vault} status={v} description={(s.ctx.options ?? options).description ?? ''} onSign={sign} onVaultChanged={() => void readVault()} />
        )}
      </div>
    );
  } else if (s.status === 'saved') {
    const { recordId } = s.key;
    body = recordId ? <WelcomeKey keySummary={{ ...s.key, recordId }} copyVault={api.copyVault} /> : <MintSaved keySummary={s.key} onDone={cancel} />;
  } else if (s.status === 'saved-unstored') {
    body = <WelcomeUnstored api={api} state={s} onRetry={retry} onDone={cancel} busy={busy} />;
  } else {
    const choose = s.error.action === 'choose_wallet' && s.ctx.wallets.length > 0;
    body = (
      <div class="stack">
        <MintError error={s.error} onRetry={retry} onCancel={cancel} onUnlock={() => void readVault().then(retry)} disabled={busy} />
        {choose && <MintWalletPicker wallet={s.ctx.wallet} wallets={s.ctx.wallets} disabled={busy} onSelect={selectWallet} />}
      </div>
    );
  }

  return (
    <main class="welcome stack" data-testid="welcome" data-status={s?.status ?? 'loading'}>
      <header class="welcome-head">
        <img src="/icon/48.png" width={40} height={40} alt="" />
        <div>
          <p class="brand-name">{i18n.t('extName')}</p>
          <h1>{i18n.t('welcome.title')}</h1>
        </div>
      </header>
      {s && <WelcomeSteps current={stepOf(s, v)} />}
      {body}
      {callError.value && <p role="alert" class="error">{callError.value.message || i18n.t('mint.error_generic')}</p>}
    </main>
  );
}

