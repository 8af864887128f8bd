// The e2e file order. By default vitest's own (cached durations, then size). Two environment
// variables, set by scripts/test-e2e.ts, change it:
//   E2E_SEED=<uint32>        the files in a seeded random order (the same seed gives the same order)
//   E2E_ORDER=a,b,c          these files first, in this order (names without .e2e.test.ts), then the rest
// The order is printed, so a failing run can be replayed with E2E_ORDER or the same seed.
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { mulberry32 } from '../../seeded-random';

/** Fisher–Yates with the seeded generator; returns a new array. */
export function shuffleWithSeed<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const e2eName = (file: string) => path.basename(file).replace(/\.e2e\.test\.ts$/, '');

export class E2eSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    let sorted = await super.sort(files);
    const seed = process.env.E2E_SEED;
    const order = process.env.E2E_ORDER;
    if (seed !== undefined && seed !== '') {
      // Shuffle from a stable base (by name), so a seed means the same order on every machine.
      const byName = [...files].sort((a, b) => e2eName(a.moduleId).localeCompare(e2eName(b.moduleId)));
      sorted = shuffleWithSeed(byName, Number(seed));
    }
    if (order) {
      const wanted = order.split(',').map((s) => s.trim()).filter(Boolean);
      const rank = (spec: TestSpecification) => {
        const i = wanted.indexOf(e2eName(spec.moduleId));
        return i === -1 ? wanted.length : i;
      };
      sorted = sorted.map((spec, i) => ({ spec, i })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i).map((x) => x.spec);
    }
    const label = seed ? ` (seed ${seed})` : order ? ' (E2E_ORDER)' : '';
    console.log(`[e2e] file order${label}: ${sorted.map((s) => e2eName(s.moduleId)).join(', ')}`);
    return sorted;
  }
}
