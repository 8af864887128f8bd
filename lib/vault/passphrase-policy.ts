/**
 * What a vault passphrase must be. Pure: the popup uses it for instant feedback,
 * the background runs it again before it accepts a passphrase.
 */
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;

export type PassphraseProblem = 'too-short' | 'too-long' | 'common' | 'repeated' | 'sequence' | 'too-few-different';

const COMMON = new Set(COMMON_PASSWORDS);
const RUNS = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn'];

/** True when the text is one character, or one short chunk, repeated ("aaaa…", "abcabcabc…"). */
function isRepetition(text: string): boolean {
  for (let size = 1; size <= Math.floor(text.length / 3); size += 1) {
    const chunk = text.slice(0, size);
    if (chunk.repeat(Math.ceil(text.length / size)).slice(0, text.length) === text) return true;
  }
  return false;
}

/** True when the text walks a run forwards or backwards ("abcdef…", "9876…", "qwertyuiop…"). */
function isSequence(text: string): boolean {
  const runs = [...RUNS, ...RUNS.map((r) => [...r].reverse().join(''))];
  return runs.some((run) => run.repeat(Math.ceil(text.length / run.length) + 1).includes(text));
}

/** A common password with digits or symbols around it: "password1234!", "!!qwerty2024". */
function isPaddedCommon(text: string): boolean {
  const stem = text.replace(/^[^a-z]+|[^a-z]+$/g, '');
  return stem.length > 0 && COMMON.has(stem) && stem.length < text.length;
}

/** The first problem found, or null when the passphrase is acceptable. */
export function checkPassphrase(passphrase: string): PassphraseProblem | null {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  if (length > MAX_PASSPHRASE_LENGTH) return 'too-long';
  const text = passphrase.normalize('NFC').toLowerCase();
  const squeezed = text.replace(/\s+/g, '');
  if (COMMON.has(text) || COMMON.has(squeezed) || isPaddedCommon(squeezed)) return 'common';
  if (isRepetition(squeezed)) return 'repeated';
  if (isSequence(squeezed)) return 'sequence';
  if (new Set(squeezed).size < 5) return 'too-few-different';
  return null;
}
