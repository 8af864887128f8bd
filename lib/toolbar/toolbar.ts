/**
 * The background's toolbar service: the poller over the real vault, settings,
 * storage, alarms and browser.action, with opt-in notifications. Call
 * `startToolbar` once at the top level of the background (listeners are added
 * synchronously, as MV3 service workers require).
 */
import { browser } from 'wxt/browser';
import { applyBadge } from '../badge/apply';
import { NOTICE_ICON_DATA_URL } from '../notify/icon';
import { createNotifier } from '../notify/notifier';
import { readSettings, watchSettings } from '../settings/item';
import { createVeniceClient } from '../venice/client';
import { storagePollCache } from './cache';
import { createToolbar, type Toolbar, type PollOutcome } from './poller';
import { vaultKeySource, type VaultLike } from './vault-source';

export interface ToolbarWiring {
  vault: VaultLike;
  /** True while a mint waits for the wallet (lib/mint: isWaitingForWallet of the stored state). */
  isWaitingForWallet(): Promise<boolean>;
  /** Subscriptions that should redraw the badge or poll a new key: vault lock/unlock and records, mint flow. */
  triggers: ((listener: () => void) => unknown)[];
}

let started: Toolbar | undefined;

const warn = (error: unknown) => console.warn('toolbar:', error instanceof Error ? error.name : 'error');

async function showNotice(id: string, notice: { title: string; message: string }): Promise<void> {
  if (!browser.notifications) return; // the optional permission is not granted
  await browser.notifications.create(id, { type: 'basic', iconUrl: NOTICE_ICON_DATA_URL, ...notice });
}

export function startToolbar(deps: ToolbarWiring): Toolbar {
  const source = vaultKeySource(deps.vault, async () => (await readSettings()).activeKeyId);
  const notify = createNotifier({
    getEnabled: async () => (await readSettings()).notifications,
    hasPermission: () => browser.permissions.contains({ permissions: ['notifications'] }),
    show: showNotice,
    now: Date.now,
  });
  const poller = createToolbar({
    getVaultState: source.getVaultState,
    getActiveKey: source.getActiveKey,
    // No client retries: the poller's own back-off spends the failed-request budget sparingly.
    fetchRateLimits: async (key) =>
      createVeniceClient({ baseUrl: key.apiBaseUrl, retries: 0 }).getRateLimits({ apiKey: await source.secretOf(key) }),
    getPrefs: async () => {
      const { badgeUnit, lowBalanceRatio, lowBalanceAbsolute, pollMinutes } = await readSettings();
      return { badgeUnit, lowBalanceRatio, lowBalanceAbsolute, pollMinutes };
    },
    cache: storagePollCache,
    alarms: browser.alarms,
    now: Date.now,
    setBadge: (badge) => applyBadge(browser.action, badge),
    isWaitingForWallet: deps.isWaitingForWallet,
    onPolled: async (key, entry, prefs) => void (await notify(key, entry, prefs)),
  });
  const tick = () => void poller.tick().catch(warn);
  browser.alarms.onAlarm.addListener((alarm) => void poller.handleAlarm(alarm).catch(warn));
  watchSettings(tick);
  for (const subscribe of deps.triggers) subscribe(tick);
  tick();
  started = poller;
  return poller;
}

/** Polls the active key at once (after a mint or an import); skipped if it was asked in the last 30 s. */
export function pollNow(): Promise<PollOutcome | 'not-started'> {
  return started ? started.pollNow() : Promise.resolve('not-started');
}
