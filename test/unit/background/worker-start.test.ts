// The background's start (entrypoints/background/index.ts does the same, synchronously): a message
// from the signing tab that wakes the worker finds the wallet bridge's listener, and no promise
// started at the worker's start rejects unhandled.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routes } from '../../../entrypoints/background/routes';
import { createServices, startServices } from '../../../entrypoints/background/services';
import { listen } from '../../../lib/messaging/runtime';
import { ENVELOPE_TAG } from '../../../lib/messaging/protocol';
import { defineStoredItems } from '../../../lib/storage/items';
import { STORED } from '../../../lib/storage/keys';
import { STORE_BUILD } from '../../../lib/settings/build-policy';

function startWorker(items = defineStoredItems()) {
  const deps = { browser: fakeBrowser as unknown as WxtBrowser, items, now: Date.now, policy: STORE_BUILD };
  const services = createServices(deps);
  startServices(services, deps);
  listen(fakeBrowser.runtime as never, routes(services));
  return services;
}

const hello = { tag: ENVELOPE_TAG, name: 'bridge.hello', input: { bridgeId: 'a'.repeat(32) } };
const tabSender = { id: fakeBrowser.runtime.id, url: 'https://venice.ai/', frameId: 0, tab: { id: 7 } };

describe('worker start', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it("the wallet bridge's runtime.onMessage listener is there before any await, and a waking message reaches it", async () => {
    startWorker();
    const sendResponse = vi.fn();
    // Synchronously after the start: some listener takes the bridge's hello and keeps the channel open.
    const results = (fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>)(hello, tabSender, sendResponse);
    const kept = await results;
    expect(kept).toContain(true);
    // It reaches the bridge's dispatcher (which refuses it here: this tab is not the signing tab it opened).
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })));
  });

  it('leaves no unhandled rejection when the browser shuts down under it', async () => {
    // The stored items are declared first (their own first read is WXT's, see entrypoints/background/shutdown.ts).
    const items = defineStoredItems();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const shuttingDown = () => Promise.reject(new Error('The browser is shutting down.'));
    // Plain replacements, not vi.spyOn: a spy subscribes to the promises it returns, which would hide an unhandled one.
    const { alarms, storage } = fakeBrowser;
    const originals = { create: alarms.create, local: storage.local.get, session: storage.session.get };
    alarms.create = shuttingDown as never;
    storage.local.get = shuttingDown as never;
    storage.session.get = shuttingDown as never;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      startWorker(items);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
      Object.assign(alarms, { create: originals.create });
      Object.assign(storage.local, { get: originals.local });
      Object.assign(storage.session, { get: originals.session });
    }
    expect(unhandled).toEqual([]);
  });

  it('keeps storage.local (vault, settings) from content scripts where the browser can, and starts without the method (Firefox)', async () => {
    const local = fakeBrowser.storage.local as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
    const setAccessLevel = vi.fn(async () => undefined);
    local.setAccessLevel = setAccessLevel;
    try {
      startWorker();
      await vi.waitFor(() => expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' }));
    } finally {
      delete local.setAccessLevel;
    }
    expect(() => startWorker()).not.toThrow();
  });

  it('drops a shown unsaved key when the vault session goes (the wiring of mint.onVaultLocked)', async () => {
    const services = startWorker();
    const locked = vi.spyOn(services.mint, 'onVaultLocked');
    await fakeBrowser.storage.session.set({ [STORED.vaultSession.key]: { key: 'x', lastActivity: 0 } });
    await fakeBrowser.storage.session.remove(STORED.vaultSession.key);
    await vi.waitFor(() => expect(locked).toHaveBeenCalled());
  });
});
