/**
 * The routing table: each message the pages may send, mapped to the domain function that
 * answers it. The contracts (lib/messaging/{mint,vault,settings,toolbar,clipboard,manage,manage-usage}.ts) say what crosses; this file says
 * who answers; the domain folders never import the message layer.
 */
import { browser } from 'wxt/browser';
import { toAppError } from '../../lib/errors';
import { createDispatcher, type Dispatcher, type HandleOptions, type Handlers } from '../../lib/messaging/handle';
import { clipboardContracts } from '../../lib/messaging/clipboard';
import { manageContracts } from '../../lib/messaging/manage';
import { manageRevokeContracts } from '../../lib/messaging/manage-revoke';
import { manageUsageContracts } from '../../lib/messaging/manage-usage';
import { mintContracts } from '../../lib/messaging/mint';
import { settingsContracts } from '../../lib/messaging/settings';
import { toolbarContracts } from '../../lib/messaging/toolbar';
import { vaultContracts } from '../../lib/messaging/vault';
import type { WireError } from '../../lib/messaging/protocol';
import { isExtensionPage } from '../../lib/messaging/runtime';
import type { Services } from './services';

const OK = { ok: true } as const;

export function vaultRoutes({ vault }: Pick<Services, 'vault'>): Handlers<typeof vaultContracts> {
  return {
    'vault.status': () => vault.status(),
    'vault.setup': async ({ passphrase, confirm }) => { await vault.setup(passphrase, confirm); return OK; },
    'vault.unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault.lock': async () => { await vault.lock(); return OK; },
    'vault.reveal': async ({ id }) => ({ secret: await vault.reveal(id) }),
    'vault.import': (input) => vault.importKey(input),
    'vault.remove': ({ id }) => vault.remove(id),
    'vault.changePassphrase': async ({ current, next, confirm }) => { await vault.changePassphrase(current, next, confirm); return OK; },
    'vault.reset': async ({ confirmation }) => { await vault.reset(confirmation); return OK; },
  };
}

export function mintRoutes({ mint }: { mint: Pick<Services['mint'], 'get' | 'start' | 'confirm' | 'cancel' | 'retry' | 'selectWallet' | 'reveal'> }): Handlers<typeof mintContracts> {
  return {
    'mint.get': () => mint.get(),
    'mint.start': ({ options }) => mint.start(options),
    'mint.confirm': ({ options }) => mint.confirm(options),
    'mint.cancel': () => mint.cancel(),
    'mint.retry': () => mint.retry(),
    'mint.selectWallet': ({ walletId }) => mint.selectWallet(walletId),
    'mint.reveal': async () => ({ apiKey: (await mint.reveal()) ?? null }),
  };
}

export function settingsRoutes({ settings }: { settings: Pick<Services['settings'], 'read' | 'update'> }): Handlers<typeof settingsContracts> {
  return {
    'settings.get': () => settings.read(),
    'settings.set': ({ patch }) => settings.update(patch),
  };
}

export function toolbarRoutes({ toolbar }: { toolbar: Pick<Services['toolbar'], 'status' | 'pollNow'> }): Handlers<typeof toolbarContracts> {
  return {
    'toolbar.get': () => toolbar.status(),
    'toolbar.refresh': async () => {
      const outcome = await toolbar.pollNow();
      return { ...(await toolbar.status()), outcome };
    },
  };
}

export function clipboardRoutes({ clipboard }: { clipboard: Pick<Services['clipboard'], 'schedule'> }): Handlers<typeof clipboardContracts> {
  return {
    'clipboard.clearLater': async ({ digest, afterSeconds }) => ({ outcome: await clipboard.schedule(digest, afterSeconds) }),
  };
}

export function manageRoutes({ manage }: Pick<Services, 'manage'>): Handlers<typeof manageContracts> {
  return {
    'manage.list': ({ adminId }) => manage.list(adminId),
    'manage.get': ({ adminId, id }) => manage.get(adminId, id),
    'manage.create': ({ adminId, body }) => manage.create(adminId, body),
    'manage.update': ({ adminId, body }) => manage.update(adminId, body),
    'manage.pause': ({ adminId, id }) => manage.pause(adminId, id),
    'manage.resume': ({ adminId, id }) => manage.resume(adminId, id),
    'manage.revoke': ({ adminId, key }) => manage.revoke(adminId, key),
    'manage.balance': ({ adminId }) => manage.balance(adminId),
    'manage.rateLimitLog': ({ adminId }) => manage.rateLimitLog(adminId),
  };
}

export function manageRevokeRoutes({ manage }: Pick<Services, 'manage'>): Handlers<typeof manageRevokeContracts> {
  return { 'manage.revokeRecord': ({ adminId, recordId }) => manage.revokeRecord(adminId, recordId) };
}

export function manageUsageRoutes({ manage }: Pick<Services, 'manage'>): Handlers<typeof manageUsageContracts> {
  return {
    'manage.usageAnalytics': ({ adminId, days }) => manage.usageAnalytics(adminId, days),
    'manage.usageHistory': ({ adminId, from }) => manage.usageHistory(adminId, from),
    'manage.usageCsv': ({ adminId, days }) => manage.usageCsv(adminId, days),
  };
}

/** The table's sentence, code and action; nothing else of a thrown value crosses. */
export function wireError(error: unknown): WireError {
  const { code, message, action } = toAppError(error);
  return { code, message, action };
}

/**
 * The vault's wire errors also carry the (already redacted, secret-free) detail, appended
 * to the sentence: the popup shows it under the vault's forms.
 */
export function vaultWireError(error: unknown): WireError {
  const app = toAppError(error);
  const message = app.detail ? `${app.message} ${app.detail}` : app.message;
  return { code: app.code, message: message.slice(0, 500), action: app.action };
}

/** Every route of the extension's pages, one dispatcher per group of contracts. */
export function routes(services: Services): Dispatcher[] {
  const options: HandleOptions = {
    authorize: (audience, sender) =>
      audience === 'extension-page' && isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/')),
    toWireError: wireError,
  };
  return [
    createDispatcher(mintContracts, mintRoutes(services), options),
    createDispatcher(vaultContracts, vaultRoutes(services), { ...options, toWireError: vaultWireError }),
    createDispatcher(settingsContracts, settingsRoutes(services), options),
    createDispatcher(toolbarContracts, toolbarRoutes(services), options),
    createDispatcher(clipboardContracts, clipboardRoutes(services), options),
    createDispatcher(manageContracts, manageRoutes(services), options),
    createDispatcher(manageRevokeContracts, manageRevokeRoutes(services), options),
    createDispatcher(manageUsageContracts, manageUsageRoutes(services), options),
  ];
}
