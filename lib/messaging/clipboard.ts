/**
 * The popup's one clipboard message: after writing a key to the clipboard (in the Copy
 * click), it asks the background to clear it later. Only the SHA-256 of what was
 * copied crosses, never the key; the background clears the clipboard after the delay
 * only if it still holds text with that digest.
 */
import * as z from 'zod/mini';
import { DIGEST_PATTERN } from '../clipboard/digest';
import { CLIPBOARD_MAX_SECONDS } from '../settings/schema';
import { contract } from './protocol';

export const clipboardContracts = {
  'clipboard.clearLater': contract(
    z.strictObject({
      digest: z.string().check(z.regex(DIGEST_PATTERN)),
      afterSeconds: z.number().check(z.int(), z.gte(0), z.lte(CLIPBOARD_MAX_SECONDS)),
    }),
    z.strictObject({ outcome: z.enum(['copied-will-clear', 'copied-no-clear']) }),
  ),
};
