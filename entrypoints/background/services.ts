/**
 * The composition root: every background service is created here, once, with what it
 * needs passed in (the stored items, the settings as a reader function, the browser's
 * APIs, the clock). Domain code under lib/ creates no singleton and reads no setting on
 * its own. `startServices` adds the listeners and timers; index.ts calls both
 * synchronously at the worker's start, as MV3 requires.
 */
import type { WxtBrowser } from 'wxt/browser';
import { applyBadge } from '../../lib/badge/apply';
import { createClipboardClearer } from '../../lib/clipboard/pending';
import { createKeyManager } from '../../lib/manage/manager';
import { createMintRunner } from '../../lib/mint/runner';
import { mintStore, parseMintState } from '../../lib/mint/state';
import { isWaitingForWallet } from '../../lib/mint/waiting';
import { NOTICE_ICON_DATA_URL } from '../../lib/notify/icon';
import { createNotifier } from '../../lib/notify/notifier';
import type { BuildPolicy } from '../../lib/settings/build-policy';
import { createSettingsStore } from '../../lib/settings/store';
import type { StoredItems } from '../../lib/storage/items';
import { STORED } from '../../lib/storage/keys';
import { watchStored } from '../../lib/storage/watch';
import { storagePollCache } from '../../lib/toolbar/cache';
import { createToolbar } from '../../lib/toolbar/poller';
import { vaultKeySource } from '../../lib/toolbar/vault-source';
import { startAutoLock } from '../../lib/vault/autolock';
import { veniceKeyChecker } from '../../lib/vault/check-key';
import { restrictSessionAccess } from '../../lib/vault/session';
import { createVault } from '../../lib/vault/vault';
import { createVeniceClient } from '../../lib/venice/client';
import { clipboardOwner, mayUseClipboard } from './clipboard-owner';
import { chainPort, clientPort, flowSettings, vaultPort, walletPort } from './mint-ports';
import { framedDirectLink, offscreenDirectLink, withDirectWallet } from './direct-port';

export interface ServiceDeps {
  browser: WxtBrowser;
  items: StoredItems;
  now: () => number;
  /** Which addresses this build uses and sends secrets to (store builds: Venice and Base only). */
  policy: BuildPolicy;
}

const warn = (error: unknown) => console.warn('toolbar:', error instanceof Error ? error.name : 'error');

export function createServices({ browser, items, now, policy }: ServiceDeps) {
  const settings = createSettingsStore(items.settings, policy);
  const readSettings = settings.read;
  const restrictSession = () => restrictSessionAccess(browser.storage.session as never);

  const vault = createVault(
    { vault: items.vault, guard: items.vaultGuard, session: items.vaultSession },
    {
      now,
      prefs: async () => {
        const { autoLockMinutes, clipboardClearSeconds, apiBaseUrl } = await readSettings();
        return { autoLockMinutes, clipboardClearSeconds, apiBaseUrl };
      },
      checkKey: veniceKeyChecker(policy),
      restrictSession,
    },
  );

  const mintState = mintStore(items.mintFlow);
  const source = vaultKeySource(vault, async () => (await readSettings()).activeKeyId);
  const notify = createNotifier({
    getEnabled: async () => (await readSettings()).notifications,
    hasPermission: () => browser.permissions.contains({ permissions: ['notifications'] }),
    // Without the optional "notifications" permission there is no API to call.
    show: async (id, notice) => void (await browser.notifications?.create(id, { type: 'basic', iconUrl: NOTICE_ICON_DATA_URL, ...notice })),
    now,
    memory: items.notifyMemory,
  });
  const toolbar = createToolbar({
    getVaultState: source.getVaultState,
    getActiveKey: source.getActiveKey,
    // No client retries: the toolbar's own back-off spends the failed-request budget sparingly.
    fetchRateLimits: async (key) =>
      createVeniceClient({ baseUrl: key.apiBaseUrl, build: policy, retries: 0 }).getRateLimits({ apiKey: await source.secretOf(key) }),
    getPrefs: async () => {
      const { badgeUnit, lowBalanceRatio, lowBalanceAbsolute, pollMinutes } = await readSettings();
      return { badgeUnit, lowBalanceRatio, lowBalanceAbsolute, pollMinutes };
    },
    cache: storagePollCache(items.pollCache),
    alarms: browser.alarms,
    now,
    setBadge: (badge) => applyBadge(browser.action, badge),
    isWaitingForWallet: async () => isWaitingForWallet(await mintState.get()),
    onPolled: async (key, entry, prefs) => void (await notify(key, entry, prefs)),
  });

  // One snapshot of the API and RPC per flow, taken when it starts (mint.start).
  const flow = flowSettings(readSettings);
  const mint = createMintRunner({
    client: clientPort(flow.read, policy),
    // The direct MetaMask first where it is found, else the signing tab (./direct-port.ts): its host is
    // Chrome's offscreen document, or in Firefox an extension page framed in the event page.
    wallet: withDirectWallet(
      walletPort(flow.read, browser, items.signingTab),
      import.meta.env.FIREFOX ? framedDirectLink(browser) : offscreenDirectLink(browser),
      async () => (await flow.read()).rpcUrl,
    ),
    chain: chainPort(flow.read),
    vault: vaultPort(vault, flow.read),
    beginFlow: flow.begin,
    storage: mintState,
    now,
    poller: toolbar,
    // Any extension API call resets the worker's idle timer while the wallet is asked.
    keepAlive: () => browser.runtime.getPlatformInfo(),
  });

  // A copied key is cleared by the background, so closing the popup does not cancel it.
  const clipboard = createClipboardClearer({
    pending: items.clipboardClear,
    alarms: browser.alarms,
    now,
    clearIfHolds: clipboardOwner(browser),
    mayClear: mayUseClipboard(browser),
  });

  // The Manage keys page: admin routes with an ADMIN key of the vault, on that key's own API.
  const manage = createKeyManager({ vault, client: (baseUrl) => createVeniceClient({ baseUrl, build: policy }), now });

  return { settings, vault, toolbar, mint, clipboard, manage, restrictSession };
}
export type Services = ReturnType<typeof createServices>;

/**
 * The services' listeners and first work: the idle auto-lock, the clipboard's clear, the toolbar's alarm and the
 * triggers that redraw the badge, and the end of a mint step cut off by a worker restart
 * (never re-sent).
 */
export function startServices({ vault, toolbar, mint, settings, clipboard, restrictSession }: Services, { browser, items }: ServiceDeps): void {
  void restrictSession().catch(() => undefined);
  // storage.local holds the vault and the settings: no content script may read or rewrite them (Chrome; absent in Firefox).
  void restrictSessionAccess(browser.storage.local as never).catch(() => undefined);
  startAutoLock(vault, browser.alarms);
  browser.alarms.onAlarm.addListener((alarm) => void clipboard.handleAlarm(alarm));
  // A clear that came due while the worker was stopped and its alarm was missed.
  void clipboard.fireIfDue().catch(() => undefined);

  const tick = () => void toolbar.tick().catch(warn);
  browser.alarms.onAlarm.addListener((alarm) => void toolbar.handleAlarm(alarm).catch(warn));
  settings.watch(tick);
  items.vault.watch(tick);
  items.vaultSession.watch((session) => {
    tick();
    // Locked (by hand, by the idle auto-lock or a reset): an unsaved key already shown is dropped.
    if (session == null) void mint.onVaultLocked().catch(() => undefined);
  });
  watchStored(browser.storage.session, STORED.mintFlow.key, parseMintState, tick);
  tick();

  void mint.restore().catch((error: unknown) => console.warn('mint flow: restore failed', (error as Error)?.name));
}
