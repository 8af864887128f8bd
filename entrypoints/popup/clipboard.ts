/**
 * Copying a key, and clearing it again. After the delay the popup reads the
 * clipboard and empties it only if it still holds the very key it copied, so
 * anything the person copied since is left alone.
 *
 * Limits (documented, not fixable from a popup): the timer lives in the popup,
 * so closing the popup before the delay cancels the clearing; and reading the
 * clipboard needs the "clipboardRead" permission or the browser's consent. When
 * reading is refused the key is NOT cleared (clearing blindly could wipe
 * something else) and the outcome says so, so the popup can tell the person.
 */
export type CopyOutcome = 'copied-will-clear' | 'copied-no-clear';

type ClipboardLike = Pick<Clipboard, 'writeText' | 'readText'>;

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
  schedule: (fn: () => void, ms: number) => unknown = setTimeout,
): Promise<CopyOutcome> {
  await clipboard.writeText(text);
  if (clearAfterSeconds <= 0) return 'copied-no-clear';
  schedule(() => void clearIfStill(clipboard, text), clearAfterSeconds * 1000);
  return 'copied-will-clear';
}
