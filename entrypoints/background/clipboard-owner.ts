/**
 * Which document reads and clears the clipboard for the background. Firefox's event page
 * has a document: it does it itself. Chrome's service worker has none, so it opens the
 * offscreen document (reason CLIPBOARD, entrypoints/offscreen/) for one compare-and-clear
 * and closes it again. Either way only the digest of the copied text is passed.
 */
import type { Browser, WxtBrowser } from 'wxt/browser';
import { clearIfHolds, type ClearResult } from '../../lib/clipboard/clear';
import { documentClipboard } from '../../lib/clipboard/dom';
import { asClearResult, offscreenClear } from '../../lib/clipboard/owner-message';

const OFFSCREEN_PAGE = 'offscreen.html';
const CLIPBOARD_PERMISSIONS = { permissions: ['clipboardRead', 'clipboardWrite'] as Browser.runtime.ManifestPermission[] };

/** Whether the extension may read and write the clipboard without a gesture; a throwing API counts as no. */
export const mayUseClipboard = (browser: WxtBrowser) => async (): Promise<boolean> => {
  try {
    return await browser.permissions.contains(CLIPBOARD_PERMISSIONS);
  } catch {
    return false;
  }
};

export function clipboardOwner(browser: WxtBrowser): (digest: string) => Promise<ClearResult> {
  if (typeof document !== 'undefined') return (digest) => clearIfHolds(documentClipboard(document), digest);
  return (digest) => clearViaOffscreen(browser, digest);
}

async function clearViaOffscreen(browser: WxtBrowser, digest: string): Promise<ClearResult> {
  const { offscreen } = browser;
  if (!offscreen) return 'unreadable';
  // Rejects when one is open already (a clear whose close was cut short, or the one holding the
  // direct MetaMask connection, ./direct-port.ts): that one answers, and stays open.
  const opened = await offscreen
    .createDocument({
      url: OFFSCREEN_PAGE,
      reasons: ['CLIPBOARD' as never],
      justification: 'Clear a copied API key from the clipboard after the delay, only if the clipboard still holds it.',
    })
    .then(
      () => true,
      () => false,
    );
  try {
    return asClearResult(await browser.runtime.sendMessage(offscreenClear(digest)));
  } catch {
    return 'unreadable';
  } finally {
    if (opened) await offscreen.closeDocument().catch(() => undefined);
  }
}
