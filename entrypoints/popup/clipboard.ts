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

/** Writes `text`, then asks the background to clear it later; the outcome says whether it will. */
export async function copyAndClearLater(
  clipboard: ClipboardLike,
  text: string,
  clearAfterSeconds: number,
  clearLater: ClearLater,
): Promise<CopyOutcome> {
  await clipboard.writeText(text);
  return clearLater(await digestOf(text), Math.max(0, Math.floor(clearAfterSeconds)));
}
