/**
 * Chrome's offscreen document. It also holds the direct MetaMask connection (./direct-host.ts).
 * Opened by the background for one compare-and-clear (entrypoints/background/clipboard-owner.ts): it reads the clipboard,
 * clears it only if it still holds the text with the digest it was sent, and answers
 * what it did. It never sees the key, only its digest.
 */
import { browser } from 'wxt/browser';
import { clearIfHolds } from '../../lib/clipboard/clear';
import { documentClipboard } from '../../lib/clipboard/dom';
import { isOffscreenClear } from '../../lib/clipboard/owner-message';
import { listenForDirectWallet } from './direct-host';

browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
  if (!isOffscreenClear(message) || sender.id !== browser.runtime.id) return false;
  void clearIfHolds(documentClipboard(document), message.digest).then(sendResponse, () => sendResponse('failed'));
  return true;
});

listenForDirectWallet();
