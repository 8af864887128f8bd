// Seeded randomness for the chaos run: one generator per attempt, derived from the run's seed and
// the attempt's number, so `--seed S --only K` draws attempt K exactly as the full run did.
export type Rng = () => number;

/** mulberry32: a small, fast 32-bit generator; numbers in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator of attempt `attempt` (1-based) of the run seeded `seed`. */
export function attemptRng(seed: number, attempt: number): Rng {
  return mulberry32(Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b));
}

export const chance = (rng: Rng, p: number): boolean => rng() < p;
export const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
