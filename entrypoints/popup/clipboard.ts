/**
 * Copying a key from the popup. The popup writes the key in the Copy click (the user's
 * gesture) and hands the clearing to the background (lib/clipboard/pending.ts), which
 * keeps it when the popup closes. Only the SHA-256 of what was copied is sent; after the
 * delay the background reads the clipboard and empties it only if it still holds that
 * text, so anything the person copied since is left alone.
 */
import type { CopyOutcome } from '../../components/vault-api';
import { digestOf } from '../../lib/clipboard/digest';

type ClipboardLike = Pick<Clipboard, 'writeText'>;

/** Asks the background to clear the text with this digest after the delay (0 = never). */
export type ClearLater = (digest: string, afterSeconds: number) => Promise<CopyOutcome>;

/**
 * Asks the background to clear `text` later, then writes it; the outcome says whether it will clear.
 * The request goes first: a popup closed while the write runs (a click into the page to paste)
 * still leaves the background its clear. A write that fails leaves nothing matching to clear.
 */
export async function copyAndClearLater(
  clipboard: ClipboardLike,
  text: string,
  clearAfterSeconds: number,
  clearLater: ClearLater,
): Promise<CopyOutcome> {
  const asked = clearLater(await digestOf(text), Math.max(0, Math.floor(clearAfterSeconds)));
  asked.catch(() => undefined); // awaited below; a failed write must not leave it unhandled
  await clipboard.writeText(text);
  return asked;
}
