/**
 * Copying a key, and clearing it again. After the delay the popup reads the
 * clipboard and empties it only if it still holds the very key it copied, so
 * anything the person copied since is left alone.
 *
 * Reading the clipboard needs the optional "clipboardRead" permission. Copy never
 * asks for it (a prompt while copying a secret is alarming, Firefox refuses a
 * request made after the key was fetched, and a headless browser cannot answer
 * it): the options page does, from its Save click or its Allow button. Without
 * it the key is not cleared (never blindly: that could wipe something else) and
 * the outcome says so.
 *
 * The timer lives in the popup: closing the popup before the delay cancels the
 * clearing (an offscreen document could take it over; not done).
 */
import { browser } from 'wxt/browser';

import type { CopyOutcome } from '../../components/vault-api';

type ClipboardLike = Pick<Clipboard, 'writeText' | 'readText'>;
type PermissionsLike = Pick<typeof browser.permissions, 'contains'>;

export interface CopyOptions {
  permissions?: PermissionsLike;
  schedule?: (fn: () => void, ms: number) => unknown;
}

/** Whether clipboardRead is held; a permissions API that throws or rejects counts as no. */
async function mayRead(permissions: PermissionsLike): Promise<boolean> {
  try {
    return await permissions.contains({ permissions: ['clipboardRead'] });
  } catch {
    return false;
  }
}

export async function clearIfStill(clipboard: ClipboardLike, text: string): Promise<boolean> {
  try {
    if ((await clipboard.readText()) !== text) return false;
    await clipboard.writeText('');
    return true;
  } catch {
    return false;
  }
}

/** Writes `text`, then (delay > 0, clipboardRead held) schedules the clearing. */
export async function copyAndClearLater(
  clipboard: ClipboardLike,
  text: string,
  clearAfterSeconds: number,
  { permissions = browser.permissions, schedule = setTimeout }: CopyOptions = {},
): Promise<CopyOutcome> {
  const written = clipboard.writeText(text);
  const held = clearAfterSeconds > 0 ? mayRead(permissions) : Promise.resolve(false);
  await written;
  if (clearAfterSeconds <= 0) return 'copied-no-clear';
  if (!(await held)) return 'copied-needs-permission';
  schedule(() => void clearIfStill(clipboard, text), clearAfterSeconds * 1000);
  return 'copied-will-clear';
}
