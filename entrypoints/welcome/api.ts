/**
 * The onboarding tab's doors to the background: the popup's own client and apis (the mint
 * flow's and the vault's messages; no message of its own), and the popup's clipboard path
 * (the background clears a copied key later, the tab open or not).
 */
import { browser } from 'wxt/browser';
import type { WelcomeApi } from '../../components/welcome-api';
import { createVaultApi, popupClient } from '../popup/api';
import { createMintApi } from '../popup/mint-slot';

export function createWelcomeApi(): WelcomeApi {
  const client = popupClient();
  const vault = createVaultApi(client);
  const clearSeconds = async () => {
    const status = await vault.status().catch(() => null);
    return status?.state === 'unlocked' ? status.clipboardClearSeconds : 30;
  };
  return {
    mint: createMintApi(client, browser.storage.session),
    vault,
    copyVault: { reveal: vault.reveal, copy: vault.copy, clipboardClearSeconds: clearSeconds },
    copyUnstored: async (text) => vault.copy(text, await clearSeconds()),
    focusSelf: async () => {
      const tab = await browser.tabs.getCurrent();
      if (tab?.id === undefined || tab.active) return;
      await browser.tabs.update(tab.id, { active: true });
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    },
  };
}
