/**
 * Removes anything that looks like a secret from a piece of text: Venice API keys,
 * JWTs (and other base64 JSON such as a SIWX header), long hex signatures and
 * Bearer values. Run it on every message that comes from a server or a wallet
 * before it goes into an error, a log line or the UI.
 */

/**
 * The characters a Venice API key's body may hold (after `VENICE_…_KEY_`), as the
 * inside of a regex character class. The key format (lib/vault/key-format.ts) accepts
 * exactly these, and redaction removes exactly these, so no accepted key ending leaks.
 */
export const KEY_BODY_CHARS = 'A-Za-z0-9._~+/=-';

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/Bearer\s+[^\s"',;]+/gi, 'Bearer [redacted]'],
  [new RegExp(`VENICE_[A-Z0-9]+_KEY_[${KEY_BODY_CHARS}]*`, 'g'), '[redacted key]'],
  // base64/base64url of a JSON object (a JWT header, a SIWX payload) starts with "eyJ".
  [/(?<![A-Za-z0-9+/_-])eyJ[A-Za-z0-9+/=_.-]*/g, '[redacted token]'],
  [/[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g, '[redacted token]'],
  // 65 bytes or more of hex: a signature (an address, 20 bytes, is kept).
  [/(?:0x)?[0-9a-fA-F]{130,}/g, '[redacted signature]'],
];

/** Returns `text` with every secret-looking part replaced by a short placeholder. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Also removes the exact secret values given (the key, token or signature a caller
 * just sent), for server texts that echo them in a form the patterns miss.
 */
export function redactKnown(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return redactSecrets(out);
}
