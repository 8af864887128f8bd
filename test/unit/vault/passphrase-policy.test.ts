import { describe, expect, it } from 'vitest';
import { checkPassphrase, type PassphraseProblem } from '../../../lib/vault/passphrase-policy';

const table: Array<[string, PassphraseProblem | null]> = [
  ['', 'too-short'],
  ['short', 'too-short'],
  ['elevenchars', 'too-short'],
  ['x'.repeat(1025), 'too-long'],
  ['password1234', 'common'],
  ['Password1234!', 'common'],
  ['!!qwerty2024!!', 'common'],
  ['correct horse battery staple', 'common'],
  ['qwertyuiop123', 'common'],
  ['aaaaaaaaaaaa', 'repeated'],
  ['abcabcabcabc', 'repeated'],
  ['121212121212', 'repeated'],
  ['abcdefghijklm', 'sequence'],
  ['123456789012', 'sequence'],
  ['987654321098', 'sequence'],
  ['zyxwvutsrqpo', 'sequence'],
  ['aabbaabbccab', 'too-few-different'],
  ['violet-harbor-51-lantern', null],
  ['quiet copper meadow 2031', null],
  ['Tr0ub4dor&3-xylo', null],
  ['ünïcödé-pässphrase', null],
];

describe('passphrase policy', () => {
  it.each(table)('%j → %s', (passphrase, problem) => {
    expect(checkPassphrase(passphrase)).toBe(problem);
  });

  it('counts characters, not UTF-16 units, for the minimum length', () => {
    expect(checkPassphrase('🔑🔑🔑🔑🔑🔑')).toBe('too-short'); // 6 characters, 12 code units
  });
});
