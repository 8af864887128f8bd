/** Binds the protocol to the WebExtension runtime: one listener in the background, one sender for pages. */
import { browser } from 'wxt/browser';
import type { Send } from './call';
import type { Sender } from './handle';
import type { ReplyEnvelope } from './protocol';

type Dispatcher = (message: unknown, sender: Sender) => Promise<ReplyEnvelope> | undefined;

/** Registers one runtime.onMessage listener that offers each message to the dispatchers in turn. */
export function listen(dispatchers: Dispatcher[]): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    for (const dispatch of dispatchers) {
      const reply = dispatch(message, sender as Sender);
      if (reply) {
        void reply.then(sendResponse);
        return true; // keeps the channel open for the async reply (Chrome and Firefox)
      }
    }
    return false;
  });
}

/** Sends a request from an extension page (popup, options) to the background. */
export const sendToBackground: Send = (envelope) => browser.runtime.sendMessage(envelope);

/** True for the extension's own pages (popup, options), never for a content script in a web page. */
export function isExtensionPage(sender: Sender, runtimeId: string, extensionOrigin: string): boolean {
  if (sender.id !== runtimeId || !sender.url) return false;
  try {
    return new URL(sender.url).origin === new URL(extensionOrigin).origin;
  } catch {
    return false;
  }
}
