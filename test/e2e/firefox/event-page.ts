// Stopping our event page from a test, as about:debugging's "Terminate background script" does
// (Extension.terminateBackground). Firefox exposes no such call to extensions or to WebDriver BiDi's
// content contexts; with --remote-allow-system-access (harness/firefox.ts) BiDi lists the
// browser's own chrome windows (`moz:scope: "chrome"`) and evaluates there, where
// WebExtensionPolicy reaches the add-on. Puppeteer has no API for chrome contexts, so the two
// commands go over its BiDi connection as they are.
import type { Browser } from 'puppeteer-core';

interface RawBidi {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Unloads the add-on's event page now; the next event (a popup's message) starts it afresh. */
export async function terminateEventPage(browser: Browser, addonId: string): Promise<void> {
  const bidi = (browser as unknown as { connection: RawBidi }).connection;
  const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('no chrome window to reach the add-on from (is --remote-allow-system-access set?)');
  const expression = `(async (id) => {
    const policy = WebExtensionPolicy.getByID(id);
    if (!policy?.extension) return 'no such add-on';
    await policy.extension.terminateBackground({ disableResetIdleForTest: true });
    return 'terminated';
  })(${JSON.stringify(addonId)})`;
  const reply = (await bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true })).result as {
    type: string;
    result?: { value?: unknown };
    exceptionDetails?: { text?: string };
  };
  if (reply.type !== 'success' || reply.result?.value !== 'terminated') {
    throw new Error(`could not stop the event page: ${reply.exceptionDetails?.text ?? String(reply.result?.value)}`);
  }
}
