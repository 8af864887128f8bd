import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { toAppError } from '../lib/errors';
import { readMintState, watchMintState, isWaitingForWallet } from '../lib/mint/storage';
import { mintHandlers } from '../lib/mint/handlers';
import { startMintFlow } from '../lib/mint/service';
import { mintContracts } from '../lib/messaging/mint';
import { createDispatcher, type HandleOptions } from '../lib/messaging/handle';
import { isExtensionPage, listen } from '../lib/messaging/runtime';
import { settingsContracts } from '../lib/messaging/settings';
import { toolbarContracts } from '../lib/messaging/toolbar';
import { startToolbar, statusHandlers } from '../lib/toolbar';
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
    isWaitingForWallet: async () => isWaitingForWallet(await readMintState()),
    triggers: [
      (listener) => storage.watch('local:vault', listener),
      (listener) => storage.watch('session:vaultSession', listener),
      (listener) => watchMintState(listener),
    ],
  });

  // mint: the wallet-to-key flow (a step cut off by a worker restart ends here, never re-sent).
  const mintFlow = startMintFlow(toolbar);

  listen([
    createDispatcher(mintContracts, mintHandlers(mintFlow), options),
    createDispatcher(vaultContracts, vaultHandlers(vault), { ...options, toWireError: vaultWireError }),
    createDispatcher(settingsContracts, settingsHandlers({ read: readSettings, update: updateSettings }), options),
    createDispatcher(toolbarContracts, statusHandlers(toolbar), options),
  ]);
});
