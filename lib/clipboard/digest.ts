/**
 * What stands for a copied text outside the page that copied it: its SHA-256, in hex.
 * The background and the clipboard's reader compare digests, so the copied key itself
 * never crosses a message or lands in storage.
 */
export async function digestOf(text: string, subtle: Pick<SubtleCrypto, 'digest'> = crypto.subtle): Promise<string> {
  const bytes = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const DIGEST_PATTERN = /^[0-9a-f]{64}$/;
