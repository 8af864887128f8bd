/**
 * Binds the protocol to the WebExtension runtime, which the caller passes in
 * (`browser.runtime`): one listener in the background, one sender for pages.
 */
import type { Send } from './call';
import type { Dispatcher, Sender } from './handle';

/** The part of browser.runtime the protocol uses. */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: never, sendResponse: (reply: unknown) => void) => boolean | undefined | void): void;
  };
}

/** Registers one runtime.onMessage listener that offers each message to the dispatchers in turn. */
export function listen(runtime: RuntimeLike, dispatchers: Dispatcher[]): void {
  runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    for (const dispatch of dispatchers) {
      const reply = dispatch(message, sender);
      if (reply) {
        void reply.then(sendResponse);
        return true; // keeps the channel open for the async reply (Chrome and Firefox)
      }
    }
    return false;
  });
}

/** Sends a request from an extension page (popup, options) to the background. */
export const sendVia =
  (runtime: Pick<RuntimeLike, 'sendMessage'>): Send =>
  (envelope) =>
    runtime.sendMessage(envelope);

/** True for the extension's own pages (popup, options), never for a content script in a web page. */
export function isExtensionPage(sender: Sender, runtimeId: string, extensionOrigin: string): boolean {
  if (sender.id !== runtimeId || !sender.url) return false;
  try {
    return new URL(sender.url).origin === new URL(extensionOrigin).origin;
  } catch {
    return false;
  }
}
