import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { toAppError } from '../lib/errors';
import { readFlowState, watchFlowState, isWaitingForWallet } from '../lib/flow/storage';
import { flowHandlers } from '../lib/flow/handlers';
import { startMintFlow } from '../lib/flow/service';
import { flowContracts } from '../lib/messaging/flow';
import { createDispatcher, type HandleOptions } from '../lib/messaging/handle';
import { isExtensionPage, listen } from '../lib/messaging/runtime';
import { settingsContracts } from '../lib/messaging/settings';
import { statusContracts } from '../lib/messaging/status';
import { startToolbar, statusHandlers } from '../lib/poller';
import { readSettings, settingsHandlers, updateSettings } from '../lib/settings';
import { backgroundVault, restrictSessionAccess, startAutoLock, vaultHandlers, vaultWireError } from '../lib/vault';
import { vaultContracts } from '../lib/messaging/vault';

export default defineBackground(() => {
  // Services are wired here as they land (vault, mint flow, poller).
  const options: HandleOptions = {
    authorize: (audience, sender) =>
      audience === 'extension-page' && isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/')),
    toWireError: (error) => {
      const { code, message, action } = toAppError(error);
      return { code, message, action };
    },
  };

  // vault: session key kept from content scripts, idle auto-lock, the popup's vault actions.
  const vault = backgroundVault();
  void restrictSessionAccess().catch(() => undefined);
  startAutoLock(vault);

  // settings / badge: the poller, the toolbar badge and opt-in notifications.
  const toolbar = startToolbar({
    vault,
    isWaitingForWallet: async () => isWaitingForWallet(await readFlowState()),
    triggers: [
      (listener) => storage.watch('local:vault', listener),
      (listener) => storage.watch('session:vaultSession', listener),
      (listener) => watchFlowState(listener),
    ],
  });

  // mint: the wallet-to-key flow (a step cut off by a worker restart ends here, never re-sent).
  const mintFlow = startMintFlow(toolbar);

  listen([
    createDispatcher(flowContracts, flowHandlers(mintFlow), options),
    createDispatcher(vaultContracts, vaultHandlers(vault), { ...options, toWireError: vaultWireError }),
    createDispatcher(settingsContracts, settingsHandlers({ read: readSettings, update: updateSettings }), options),
    createDispatcher(statusContracts, statusHandlers(toolbar), options),
  ]);
});
