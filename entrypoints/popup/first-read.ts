/**
 * Imported first by entrypoints/popup-app.tsx, so the first paint's storage read
 * (stored-read.ts) starts before the rest of the popup's code is evaluated and is
 * answered while it is. cached-state.ts takes the result.
 */
import { browser } from 'wxt/browser';
import { readStored, type StoredValues } from './stored-read';

export const firstRead: Promise<StoredValues> = readStored(browser.storage);
// A failure is taken by the reader (the popup then waits for the background); never unhandled.
firstRead.catch(() => undefined);
