/**
 * The background (MV3 service worker / Firefox event page): declares the stored items,
 * creates every service once (services.ts), routes the pages' messages (routes.ts).
 * Everything is registered synchronously, so a message or alarm that wakes the worker
 * finds its listener (the wallet bridge's too: ./bridge-relay.ts), and no promise started
 * here rejects unhandled (./shutdown.ts for the one WXT starts).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listen } from '../../lib/messaging/runtime';
import { buildPolicyFor } from '../../lib/settings/build-policy';
import { defineStoredItems } from '../../lib/storage/items';
import { routes } from './routes';
import { createServices, startServices } from './services';
import { ignoreShutdownRejections } from './shutdown';
import { openWelcomeOnInstall } from './welcome-tab';

export default defineBackground(() => {
  ignoreShutdownRejections(globalThis as never);
  const deps = { browser, items: defineStoredItems(), now: Date.now, policy: buildPolicyFor(import.meta.env.MODE) };
  const services = createServices(deps);
  startServices(services, deps);
  listen(browser.runtime as never, routes(services));
  openWelcomeOnInstall(browser);
});
