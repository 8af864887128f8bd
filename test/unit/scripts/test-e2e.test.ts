// The e2e runner's own options (scripts/test-e2e.ts) and the seeded file order (test/e2e/harness/sequencer.ts).
import { describe, expect, it } from 'vitest';
import { parseArgs, seedFor } from '../../../scripts/test-e2e';
import { e2eName, shuffleWithSeed } from '../../../test/e2e/harness/sequencer';

describe('npm run test:e2e options', () => {
  it('takes its own options and passes everything else to vitest, in order', () => {
    const o = parseArgs(['--shuffle', '--repeat', '5', '--reporter=json', '--outputFile.json=artifacts/x.json', 'mint', '--slow']);
    expect(o).toMatchObject({ shuffle: true, repeat: 5, slow: true });
    expect(o.vitestArgs).toEqual(['--reporter=json', '--outputFile.json=artifacts/x.json', 'mint']);
  });

  it('keeps the reporter arguments as they are when given no option of its own', () => {
    const args = ['--reporter=default', '--reporter=json', '--outputFile.json=/r/artifacts/vitest-e2e.json'];
    expect(parseArgs(args)).toEqual({ shuffle: false, repeat: 1, slow: false, vitestArgs: args });
  });

  it('a seed implies shuffling and numbers the runs from it', () => {
    const o = parseArgs(['--seed=41', '--repeat=3']);
    expect(o.shuffle).toBe(true);
    expect([0, 1, 2].map((i) => seedFor(o, i))).toEqual([41, 42, 43]);
    expect(seedFor(parseArgs([]), 0)).toBeUndefined();
  });

  it('refuses a repeat or seed that is not a whole number', () => {
    expect(() => parseArgs(['--repeat', '0'])).toThrow(/--repeat/);
    expect(() => parseArgs(['--repeat'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--seed', '-1'])).toThrow(/--seed/);
  });
});

describe('seeded e2e file order', () => {
  const files = ['a11y', 'badge', 'firefox-mint', 'mint', 'mint-hostile', 'smoke', 'vault'];

  it('the same seed gives the same order; the order is a permutation', () => {
    expect(shuffleWithSeed(files, 7)).toEqual(shuffleWithSeed(files, 7));
    expect([...shuffleWithSeed(files, 7)].sort()).toEqual(files);
  });

  it('different seeds give different orders', () => {
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => shuffleWithSeed(files, seed).join()));
    expect(orders.size).toBeGreaterThan(4);
  });

  it('names a file without its folder and suffix', () => {
    expect(e2eName('/w/test/e2e/firefox-mint.e2e.test.ts')).toBe('firefox-mint');
  });
});
