/**
 * Compare and clear: the clipboard is emptied only when it still holds what was copied
 * (same digest). Anything the person copied since is left alone, and a clipboard that
 * cannot be read is never cleared blindly.
 */
import { digestOf } from './digest';

/** Reading and writing the system clipboard from some document (./dom.ts). */
export interface ClipboardPort {
  /** The clipboard's text, or null when it cannot be read. */
  read(): Promise<string | null>;
  /** Replaces the clipboard's text; false when the browser refused. */
  write(text: string): Promise<boolean>;
}

export const CLEAR_RESULTS = ['cleared', 'changed', 'unreadable', 'failed'] as const;
export type ClearResult = (typeof CLEAR_RESULTS)[number];

export async function clearIfHolds(clipboard: ClipboardPort, digest: string): Promise<ClearResult> {
  let text: string | null;
  try {
    text = await clipboard.read();
  } catch {
    text = null;
  }
  if (text === null) return 'unreadable';
  if ((await digestOf(text)) !== digest) return 'changed';
  try {
    return (await clipboard.write('')) ? 'cleared' : 'failed';
  } catch {
    return 'failed';
  }
}
