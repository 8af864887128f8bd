/**
 * The popup's doors to the background, all on ONE client typed from the contracts
 * (lib/messaging/page-client.ts): the vault screens' VaultApi and the home screen's HomeApi
 * (the mint panel's MintApi is in mint-slot.tsx, loaded on first use; the interfaces live
 * beside the components). Plus what is
 * not a message: the clipboard, and watches on the stored state behind each screen.
 */
import { browser } from 'wxt/browser';
import type { HomeApi, HomeSnapshot } from '../../components/home-api';
import type { VaultApi } from '../../components/vault-api';
import type { Send } from '../../lib/messaging/call';
import type { Client } from '../../lib/messaging/client';
import { pageClient } from '../../lib/messaging/page-client';
import { sendVia } from '../../lib/messaging/runtime';
import { RemoteError } from '../../lib/messaging/wire';
import { POLL_CACHE_ITEM, SETTINGS_ITEM, VAULT_ITEM, VAULT_SESSION_ITEM } from '../../lib/storage/keys';
import { homeKeysOf } from './cached-state';
import { copyAndClearLater } from './clipboard';
import type { PopupContracts } from './contracts';

export type PopupClient = Client<PopupContracts>;

/** Typed from the contracts; their schemas stay in the background, which checks each input and output (page-client.ts). */
export const popupClient = (send: Send = sendVia(browser.runtime)): PopupClient => pageClient<PopupContracts>(send);

export function createVaultApi(client: PopupClient): VaultApi {
  return {
    status: () => client['vault.status']({}),
    setup: (passphrase, confirm) => client['vault.setup']({ passphrase, confirm }),
    unlock: (passphrase) => client['vault.unlock']({ passphrase }),
    lock: () => client['vault.lock']({}),
    reveal: async (id) => (await client['vault.reveal']({ id })).secret,
    importKey: (secret, description) => client['vault.import']({ secret, description }),
    remove: async (id) => (await client['vault.remove']({ id })).removed,
    revokeAtVenice: async (adminId, recordId) => void (await client['manage.revokeRecord']({ adminId, recordId })),
    changePassphrase: (current, next, confirm) => client['vault.changePassphrase']({ current, next, confirm }),
    reset: (confirmation) => client['vault.reset']({ confirmation }),
    copy: (text, clearAfterSeconds) =>
      copyAndClearLater(navigator.clipboard, text, clearAfterSeconds, async (digest, afterSeconds) =>
        (await client['clipboard.clearLater']({ digest, afterSeconds })).outcome),
  };
}

/** Stored items whose change can change what the home screen shows (poll results, settings, vault). */
const HOME_WATCHED = [POLL_CACHE_ITEM, SETTINGS_ITEM, VAULT_ITEM, VAULT_SESSION_ITEM];

/** `initial`: the state read from storage at open (cached-state.ts), handed to the first home screen only. */
export function createHomeApi(client: PopupClient, initial: HomeSnapshot | null = null): HomeApi {
  let snapshot = initial;
  return {
    initial: () => {
      const first = snapshot;
      snapshot = null;
      return first;
    },
    status: () => client['toolbar.get']({}),
    refresh: () => client['toolbar.refresh']({}),
    keys: async () => {
      const vault = await client['vault.status']({});
      return vault.state === 'unlocked' ? homeKeysOf(vault.records) : [];
    },
    pollMinutes: async () => (await client['settings.get']({})).pollMinutes,
    watch: (listener) => {
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (HOME_WATCHED.some((item) => item.area === area && item.key in changes)) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
    setActiveKey: async (id) => {
      const result = await client['settings.set']({ patch: { activeKeyId: id } });
      if (!result.ok) {
        throw new RemoteError({ code: 'INVALID_SETTING', message: result.errors[0]?.reason ?? 'The key could not be chosen.', action: 'fix_input' });
      }
    },
  };
}
