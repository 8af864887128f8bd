/** What a Venice API key looks like, and the forms the popup copies it in. */
import { KEY_BODY_CHARS } from '../errors/redact';
import type { KeyType } from './record';

const KEY_BODY = new RegExp(`^[${KEY_BODY_CHARS}]{6,}$`);

const PREFIXES: ReadonlyArray<readonly [string, KeyType]> = [
  ['VENICE_INFERENCE_KEY_', 'INFERENCE'],
  ['VENICE_ADMIN_KEY_', 'ADMIN'],
];

/** The key type read from the secret's prefix, or null when the text is not a Venice key. */
export function keyTypeOf(secret: string): KeyType | null {
  for (const [prefix, type] of PREFIXES) {
    if (secret.startsWith(prefix) && KEY_BODY.test(secret.slice(prefix.length)) && secret.length <= 300) {
      return type;
    }
  }
  return null;
}

/** Trims what a paste usually drags along: spaces, newlines, quotes, or a whole `VENICE_API_KEY=` line. */
export function cleanPastedKey(text: string): string {
  let value = text.trim();
  const line = /^(?:export\s+)?VENICE_API_KEY\s*=\s*(.*)$/.exec(value);
  if (line) value = line[1]!.trim();
  return value.replace(/^["']|["']$/g, '');
}

export const last6Of = (secret: string): string => secret.slice(-6);

/** The line a shell or a .env file expects. */
export const envLine = (secret: string): string => `VENICE_API_KEY=${secret}`;
