// The relay holds a bridge message that woke the worker until a wallet session listens, and
// answers every message it kept open, even when no session takes it.
import { describe, expect, it, vi } from 'vitest';
import { relayBridgeMessages } from '../../../entrypoints/background/bridge-relay';
import type { WalletBrowser } from '../../../lib/wallet/browser-types';

type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;

function fakeBrowser() {
  let relay: Listener | undefined;
  const browser = {
    runtime: { id: 'ext', onMessage: { addListener: (l: Listener) => void (relay = l) } },
    tabs: {},
    scripting: {},
    windows: {},
    permissions: {},
  } as unknown as WalletBrowser;
  return { browser, send: (message: unknown, sendResponse: (reply: unknown) => void) => relay!(message, {}, sendResponse) };
}

const hello = { tag: 'venice-key-wallet/v1', name: 'bridge.hello', input: { bridgeId: 'a'.repeat(32) } };

describe('relayBridgeMessages', () => {
  it('leaves a page message to the routes and keeps nothing open for it', () => {
    const { browser, send } = fakeBrowser();
    relayBridgeMessages(browser, async () => undefined);
    expect(send({ tag: 'venice-key-wallet/v1', name: 'vault.status', input: {} }, vi.fn())).toBe(false);
  });

  it('hands a held bridge message to the session once it is ready', async () => {
    const { browser, send } = fakeBrowser();
    let ready!: () => void;
    const relayed = relayBridgeMessages(browser, () => new Promise<void>((resolve) => (ready = resolve)));
    const sendResponse = vi.fn();
    expect(send(hello, sendResponse)).toBe(true);
    relayed.runtime.onMessage.addListener(((_m: unknown, _s: unknown, respond: (r: unknown) => void) => {
      respond({ ok: true, output: null });
      return true;
    }) as never);
    ready();
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, output: null }));
  });

  it('answers a held message with nothing when the session never came up or did not take it', async () => {
    const failed = fakeBrowser();
    relayBridgeMessages(failed.browser, async () => Promise.reject(new Error('settings unreadable')));
    const noSession = vi.fn();
    expect(failed.send(hello, noSession)).toBe(true);
    await vi.waitFor(() => expect(noSession).toHaveBeenCalledWith(undefined));

    const ignored = fakeBrowser();
    relayBridgeMessages(ignored.browser, async () => undefined);
    const notTaken = vi.fn();
    expect(ignored.send(hello, notTaken)).toBe(true);
    await vi.waitFor(() => expect(notTaken).toHaveBeenCalledWith(undefined));
  });
});
