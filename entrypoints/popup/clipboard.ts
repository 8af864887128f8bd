/**
 * Copying a key, and clearing it again. After the delay the popup reads the
 * clipboard and empties it only if it still holds the very key it copied, so
 * anything the person copied since is left alone.
 *
 * Limits (documented, not fixable from a popup):
 * - Reading the clipboard needs the extension's "clipboardRead" permission. Without
 *   it the key is NOT cleared (clearing blindly could wipe something else) and the
 *   outcome says so, so the popup tells the person to clear it themselves.
 * - The timer lives in the popup: closing the popup before the delay cancels the
 *   clearing (an offscreen document could take it over; not done).
 */
import { browser } from 'wxt/browser';

export type CopyOutcome = 'copied-will-clear' | 'copied-no-clear';

type ClipboardLike = Pick<Clipboard, 'writeText' | 'readText'>;

export interface CopyOptions {
  /** Whether the clipboard may be read back (the clipboardRead permission). */
  canRead?: () => Promise<boolean>;
  schedule?: (fn: () => void, ms: number) => unknown;
}

/** True when the extension holds the clipboardRead permission (Chrome and Firefox). */
export async function hasClipboardRead(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['clipboardRead'] });
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

export async function copyAndClearLater(
  clipboard: ClipboardLike,
  text: string,
  clearAfterSeconds: number,
  { canRead = hasClipboardRead, schedule = setTimeout }: CopyOptions = {},
): Promise<CopyOutcome> {
  await clipboard.writeText(text);
  if (clearAfterSeconds <= 0 || !(await canRead())) return 'copied-no-clear';
  schedule(() => void clearIfStill(clipboard, text), clearAfterSeconds * 1000);
  return 'copied-will-clear';
}
