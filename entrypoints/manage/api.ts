/**
 * The Manage keys page's doors to the background, on one client typed from the contracts:
 * the manage.* routes, the vault routes it needs (status, unlock, import) and the clipboard
 * path the popup uses (the background clears a copied key later).
 */
import { browser } from 'wxt/browser';
import type { ManageApi } from '../../components/manage-api';
import { openPage } from '../../lib/manage/open';
import { clientFor } from '../../lib/messaging/client';
import { clipboardContracts } from '../../lib/messaging/clipboard';
import { manageContracts } from '../../lib/messaging/manage';
import { sendVia } from '../../lib/messaging/runtime';
import { vaultContracts } from '../../lib/messaging/vault';
import { copyAndClearLater } from '../popup/clipboard';

export function createManageApi(): ManageApi {
  const client = clientFor({ ...manageContracts, ...vaultContracts, ...clipboardContracts }, sendVia(browser.runtime));
  // The Usage section's contracts (and the usage schemas) load when the section first asks.
  const usage = clientFor(() => import('../../lib/messaging/manage-usage').then((m) => m.manageUsageContracts), sendVia(browser.runtime));
  return {
    open: () => openPage({ status: () => client['vault.status']({}), list: (adminId) => client['manage.list']({ adminId }) }),
    status: () => client['vault.status']({}),
    unlock: (passphrase) => client['vault.unlock']({ passphrase }),
    importKey: (secret, description) => client['vault.import']({ secret, description }),
    copy: (text, clearAfterSeconds) =>
      copyAndClearLater(navigator.clipboard, text, clearAfterSeconds, async (digest, afterSeconds) =>
        (await client['clipboard.clearLater']({ digest, afterSeconds })).outcome),
    list: (adminId) => client['manage.list']({ adminId }),
    get: (adminId, id) => client['manage.get']({ adminId, id }),
    create: (adminId, body) => client['manage.create']({ adminId, body }),
    update: (adminId, body) => client['manage.update']({ adminId, body }),
    pause: (adminId, id) => client['manage.pause']({ adminId, id }),
    resume: (adminId, id) => client['manage.resume']({ adminId, id }),
    revoke: (adminId, key) => client['manage.revoke']({ adminId, key: { id: key.id, last6Chars: key.last6Chars, apiKeyType: key.apiKeyType } }),
    balance: (adminId) => client['manage.balance']({ adminId }),
    rateLimitLog: (adminId) => client['manage.rateLimitLog']({ adminId }),
    usageAnalytics: (adminId, days) => usage['manage.usageAnalytics']({ adminId, days }),
    usageHistory: (adminId, from) => usage['manage.usageHistory']({ adminId, from }),
    usageCsv: (adminId, days) => usage['manage.usageCsv']({ adminId, days }),
  };
}
