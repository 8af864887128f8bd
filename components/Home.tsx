import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { ToolbarStatus } from '../lib/messaging/toolbar';
import type { CopyVault } from './HomeCopyRow';
import { HomeEmpty } from './HomeEmpty';
import { HomeError, homeErrorText } from './HomeError';
import { HomeLoading } from './HomeLoading';
import { HomeKeyView } from './HomeKeyView';
import type { HomeApi, HomeKey } from './home-api';

// Its styles, components/Home.css, are inlined in the popup's page with the popup's own
// (entrypoints/popup/style.css imports them).

export interface HomeProps {
  api: HomeApi;
  onImport?: () => void;
  onManageKeys?: () => void;
  /** The vault is no longer unlocked (e.g. auto-lock): the parent shows its own screen. */
  onVaultChanged?: () => void;
  /** The mint panel and its eligibility check. */
  mint?: ComponentChildren;
  /** Copying the active key from home (Copy key, Copy as env line). */
  copyVault?: CopyVault;
  now?: () => number;
}

/**
 * The popup's home for the active key: cached state at once (the stored snapshot the
 * api hands over, confirmed by toolbar.get), then a fresh poll (toolbar.refresh);
 * balances, access, expiry, the epoch countdown, the cap, per-model rate limits, a
 * key switcher and the mint slot.
 */
export function Home({ api, onImport, onManageKeys, onVaultChanged, mint, copyVault, now = Date.now }: HomeProps) {
  const [initial] = useState(() => api.initial?.() ?? null);
  const status = useSignal<ToolbarStatus | null>(initial?.status ?? null);
  const keys = useSignal<HomeKey[]>(initial?.keys ?? []);
  const pollMinutes = useSignal(initial?.pollMinutes ?? 5);
  const loadError = useSignal<unknown>(null);
  const refreshing = useSignal(false);
  const switching = useSignal(false);
  const note = useSignal<string | null>(null);

  const accept = (next: ToolbarStatus) => {
    status.value = next;
    if (next.vault !== 'unlocked') onVaultChanged?.();
  };
  const refresh = async (quiet = false) => {
    if (refreshing.value) return;
    refreshing.value = true;
    note.value = null;
    try {
      const next = await api.refresh();
      accept(next);
      if (next.outcome === 'too-soon' && !quiet) note.value = i18n.t('home.fresh.too_soon');
    } catch (error) {
      note.value = homeErrorText(error);
    } finally {
      refreshing.value = false;
    }
  };
  const load = async () => {
    loadError.value = null;
    try {
      accept(await api.status());
    } catch (error) {
      // The stored snapshot stays on screen with the reason; without one, the error screen.
      if (status.value) note.value = homeErrorText(error);
      else loadError.value = error;
      return;
    }
    void api.keys().then((list) => (keys.value = list), () => undefined);
    void api.pollMinutes().then((minutes) => (pollMinutes.value = minutes), () => undefined);
    await refresh(true);
  };
  const switchKey = async (id: string) => {
    if (switching.value) return;
    switching.value = true;
    note.value = null;
    try {
      await api.setActiveKey(id);
      accept(await api.status());
      await refresh(true);
    } catch (error) {
      note.value = homeErrorText(error);
    } finally {
      switching.value = false;
    }
  };
  /** Follows the background (alarm polls, another popup, auto-lock) without asking Venice. */
  const reread = async () => {
    try {
      accept(await api.status());
      keys.value = await api.keys();
    } catch {
      // keep what is shown; the next change or Refresh tries again
    }
  };
  useEffect(() => void load(), [api]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = api.watch?.(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void reread(), 100);
    });
    return () => {
      clearTimeout(timer);
      stop?.();
    };
  }, [api]);

  const s = status.value;
  if (!s) return loadError.value ? <HomeError error={loadError.value} onRetry={load} /> : <HomeLoading />;
  if (s.vault !== 'unlocked') return <HomeLoading />;
  if (!s.key) return <HomeEmpty onImport={onImport} mint={mint} />;
  return (
    <HomeKeyView status={{ ...s, key: s.key }} keys={keys.value} pollMinutes={pollMinutes.value} refreshing={refreshing.value}
      switching={switching.value} note={note.value} onRefresh={(quiet) => void refresh(quiet)} onSwitch={switchKey}
      onManageKeys={onManageKeys} mint={mint} copyVault={copyVault} now={now} />
  );
}
