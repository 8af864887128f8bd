/**
 * Copying a key, and clearing it again. After the delay the popup reads the
 * clipboard and empties it only if it still holds the very key it copied, so
 * anything the person copied since is left alone.
 *
 * Reading the clipboard needs the optional "clipboardRead" permission. The first
 * Copy with a delay asks for it; the request is made before anything is awaited
 * here, so it still counts as part of the click. Chrome accepts it for a few seconds
 * after the click (a Copy that first fetches the key from the background is fine);
 * Firefox only synchronously inside the click handler, so there the request fails,
 * the key is not cleared (never blindly: that could wipe something else) and the
 * outcome says to clear it by hand. A Firefox user can grant "Read clipboard" in
 * the add-on's permissions, and clearing then works.
 *
 * The timer lives in the popup: closing the popup before the delay cancels the
 * clearing (an offscreen document could take it over; not done).
 */
import { browser } from 'wxt/browser';

/** 'copied-not-allowed': the person refused the permission just now (said once; later copies say no-clear). */
export type CopyOutcome = 'copied-will-clear' | 'copied-no-clear' | 'copied-not-allowed';

type ClipboardLike = Pick<Clipboard, 'writeText' | 'readText'>;
type PermissionRequest = Parameters<typeof browser.permissions.contains>[0];
interface PermissionsLike {
  request(permissions: PermissionRequest): Promise<boolean>;
  contains(permissions: PermissionRequest): Promise<boolean>;
}

/** true: may read; false: not held (or unknown); 'refused': the person said no to the request. */
export type ReadAnswer = boolean | 'refused';

export interface CopyOptions {
  /** Whether the clipboard may be read back; asks for the permission when needed. */
  canRead?: () => Promise<ReadAnswer>;
  schedule?: (fn: () => void, ms: number) => unknown;
}

const READ: PermissionRequest = { permissions: ['clipboardRead'] };

/**
 * Asks for clipboardRead at most once per popup: `permissions.request` is the first
 * call (no prompt when it is already held). A refusal is remembered, so later copies
 * neither ask again nor repeat the refusal.
 */
export function clipboardReadAsker(permissions: PermissionsLike): () => Promise<ReadAnswer> {
  let asked: Promise<boolean | 'failed'> | undefined;
  let refusalSaid = false;
  return async () => {
    if (!asked) {
      try {
        asked = permissions.request(READ).catch(() => 'failed' as const);
      } catch {
        asked = Promise.resolve('failed');
      }
    }
    const answer = await asked;
    if (answer === true) return true;
    if (answer === false && !refusalSaid) {
      refusalSaid = true;
      return 'refused';
    }
    // The request failed (no gesture) or was refused earlier: it may have been granted since.
    return permissions.contains(READ).catch(() => false);
  };
}

const askForRead = clipboardReadAsker(browser.permissions);

export async function clearIfStill(clipboard: ClipboardLike, text: string): Promise<boolean> {
  try {
    if ((await clipboard.readText()) !== text) return false;
    await clipboard.writeText('');
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `text`, then (delay > 0) asks whether it may be read back and schedules the
 * clearing. The write is started first so a permission prompt cannot take the focus
 * the clipboard write needs; the request follows in the same turn.
 */
export async function copyAndClearLater(
  clipboard: ClipboardLike,
  text: string,
  clearAfterSeconds: number,
  { canRead = askForRead, schedule = setTimeout }: CopyOptions = {},
): Promise<CopyOutcome> {
  const written = clipboard.writeText(text);
  const may = clearAfterSeconds > 0 ? canRead() : Promise.resolve(false);
  await written;
  const answer = await may;
  if (answer !== true) return answer === 'refused' ? 'copied-not-allowed' : 'copied-no-clear';
  schedule(() => void clearIfStill(clipboard, text), clearAfterSeconds * 1000);
  return 'copied-will-clear';
}
