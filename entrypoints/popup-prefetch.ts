/**
 * A classic script the popup's page loads before its modules (entrypoints/popup/index.html):
 * it only starts the storage read of the first paint, so the answer is in by the time the
 * popup's code has loaded. Reads, never writes; see entrypoints/popup/stored-read.ts.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyRead } from './popup/stored-read';

export default defineUnlistedScript(() => startEarlyRead(browser.storage));
